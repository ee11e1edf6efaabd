"""`mkdocs serve` with stories that have problems: those stories are left out, every other page is built as usual.

A colleague's typo must not empty everyone's preview. The stories with problems are left out of the
site (pages/build.py: ``leave_out_broken``); the address of each gets a page listing its problems, so the
writer who has it open sees what to fix, and every other page carries a banner naming them, so nobody
publishes thinking the preview is complete. Once the file is fixed the next rebuild brings the story back
and live reload shows it. `mkdocs build` never leaves anything out: it refuses the same content.

Problems outside the story files (advisers.yml, vacancies.yml, the settings) concern every story: those
still give the whole-site problem preview (problem_preview.py).
"""

from __future__ import annotations

import logging

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from sdg_stories.content.folder import LeftOutStory
from sdg_stories.content.messages import messages
from sdg_stories.model.site import Site
from sdg_stories.pages.renderer import environment

log = logging.getLogger("mkdocs.plugins.sdg_stories")


def render_problems(language: str, problems, title: str, intro: str, hint: str, heading: str = "h1") -> Markup:
    """The problem list (templates/problems.html), rendered with autoescape: messages quote what writers typed."""
    return Markup(environment().get_template("problems.html").render(
        language=language, problems=problems, title=title, intro=intro, hint=hint, heading=heading,
    ))


class LeftOutPages:
    """The pages and the banner for the stories a serve build left out."""

    def __init__(self, left_out: list[LeftOutStory], language: str) -> None:
        self.left_out = left_out
        self.language = language
        self.by_src_uri: dict[str, LeftOutStory] = {}
        problems = [problem for story in left_out for problem in story.problems]
        msg = messages(language)
        if left_out:
            heading = msg.plural("preview.left-out.log", len(left_out))
            log.error(heading + "".join(f"\n  {problem}" for problem in problems))
        self.banner = render_problems(
            language, problems,
            title=msg.plural("preview.left-out.title", len(left_out)),
            intro=msg.plural("preview.left-out.intro", len(left_out)),
            hint=msg("preview.left-out.hint"),
            heading="h2",
        ) if left_out else None

    def files(self, config: MkDocsConfig, taken: set[str]) -> list[File]:
        """A page at each left-out story's address, unless a page of the site has that address (a story that
        kept its slug wins: it is the one the site shows)."""
        files: list[File] = []
        for story in self.left_out:
            if story.slug is None:
                continue
            dest_uri = f"{Site.OVERVIEW_URL}{story.slug}/index.html"
            src_uri = f"stories/{story.source}"
            if dest_uri in taken or src_uri in self.by_src_uri:
                continue
            file = File.generated(config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
            file.dest_uri = dest_uri
            files.append(file)
            taken.add(dest_uri)
            self.by_src_uri[src_uri] = story
        return files

    def set_page_meta(self, page: Page) -> bool:
        story = self.by_src_uri.get(page.file.src_uri)
        if story is None:
            return False
        # The tab's title; without it MkDocs names the empty page after its file. Escaped: Material prints
        # it as it is, and a file name may hold anything.
        page.meta["title"] = escape(messages(self.language)("preview.story.title", file=story.shown_as))
        return True

    def page_content(self, page: Page) -> str | None:
        """The problems of the story at this address, or None for any other page."""
        story = self.by_src_uri.get(page.file.src_uri)
        if story is None:
            return None
        msg = messages(self.language)
        return render_problems(
            self.language, story.problems,
            title=msg("preview.story.title", file=story.shown_as),
            intro=msg.plural("preview.story.intro", len(story.problems)),
            hint=msg("preview.left-out.hint"),
        )

    def page_context(self, context: dict, page: Page) -> dict:
        # A left-out story's own page lists its problems in its content: no banner repeating them above.
        if page.file.src_uri in self.by_src_uri:
            context["sdg_problems"] = None
        return context
