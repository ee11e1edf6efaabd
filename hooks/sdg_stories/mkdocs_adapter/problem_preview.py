"""`mkdocs serve` with content that cannot be built: the problems shown in the browser, on every page.

A writer previews with `mkdocs serve` and may not watch the terminal. If a rebuild failed, MkDocs' dev
server would hold every request until a build succeeds ("The server will appear stuck"), so the browser
would hang on the writer's mistake. Under `serve` only, content with problems is therefore not an error:
the site is built without stories, every page (the 404 page too, so a story's address shows it) carries
the list of problems in the site's language, and the terminal gets them as errors. The build succeeds,
so MkDocs' live reload brings the open pages back to life after every save, and the story returns as
soon as its file is fixed. `mkdocs build` still fails on the same content, as before.

Problems in story files alone do not come here: those stories are left out and the rest is built
(left_out_pages.py). This is for problems every story depends on: advisers.yml, vacancies.yml, the settings.

Only public interfaces: the list is Markup in a Jinja global (``sdg_problems``) that docs/overrides/main.html
prints in Material's ``hero`` block. The pages the nav names, and the addresses of the stories, goals and
advisers, are given as generated files holding the list as their content (and its title as theirs, not
MkDocs' "Index"): the nav has no holes while the stories are away, and a writer looking at their story's
address gets a page, not MkDocs' 404 answer, which carries no live reload script and so would not come
back by itself once the story is fixed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from sdg_stories.content.adviser_file import read_advisers
from sdg_stories.content.folder import ADVISERS_FILE, ContentFolder
from sdg_stories.content.messages import messages
from sdg_stories.content.problems import ContentError, Problem
from sdg_stories.content.story_file import default_slug, read_story_file
from sdg_stories.model.settings import Settings
from sdg_stories.model.site import Site
from sdg_stories.sdg.goals import load_framework
from sdg_stories.mkdocs_adapter.build import ContentRefused, MkDocsBuild
from sdg_stories.mkdocs_adapter.left_out_pages import render_problems

log = logging.getLogger("mkdocs.plugins.sdg_stories")


def start_build(config: MkDocsConfig, command: str | None, dirty: bool) -> MkDocsBuild | ProblemPreview:
    """The build of this run; under `serve`, content with problems gives the preview of those problems."""
    try:
        return MkDocsBuild(config, command, dirty)
    except ContentRefused as refused:
        if command != "serve":
            raise
        return ProblemPreview(refused.error, config)


class ProblemPreview:
    """A serve build of content with problems: the same events as MkDocsBuild, making only the problem list."""

    def __init__(self, error: ContentError, config: MkDocsConfig) -> None:
        self.problems: list[Problem] = error.problems
        self.language = error.language
        heading = messages(self.language).plural("preview.log", len(self.problems))
        log.error(heading + "".join(f"\n  {problem}" for problem in self.problems))
        # Hand-written pages link to generated ones (stories.json, a goal's page): with the stories away
        # those links dangle on purpose, and a warning for each would bury the problems in the terminal.
        config.validation.links.not_found = logging.DEBUG
        config.validation.links.anchors = logging.DEBUG
        self.stand_ins: set[str] = set()  # the src_uri of the generated files holding the list

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        present = {file.src_uri for file in files}
        in_nav = _nav_paths(config.nav)
        for path in [*in_nav, *self._addresses(config)]:
            if path not in present:
                inclusion = InclusionLevel.INCLUDED if path in in_nav else InclusionLevel.NOT_IN_NAV
                files.append(File.generated(config, path, content="", inclusion=inclusion))
                present.add(path)
                self.stand_ins.add(path)
        return files

    def _addresses(self, config: MkDocsConfig) -> list[str]:
        """The pages of every story (a rejected one at the address its slug field or file name gives), goal and
        adviser."""
        # Read as the build reads it: a setting with a mistake gives the default folder, not an exception.
        options = (config.extra or {}).get("sdg_stories")
        shown_as = Settings.from_options(options, language=self.language, site_url=None, show_drafts=True, file="")[0].stories_dir
        folder = ContentFolder(Path(config.config_file_path).parent / shown_as, shown_as)
        if not folder.path.is_dir():
            return []
        framework = load_framework()
        urls = [Site.goal_url(goal.id) for goal in framework.goals]
        for source in folder.walk()[0]:
            # A rejected story's own slug field when it has one: the address its writer has open.
            reading = read_story_file(folder.path / source, source, folder.show(source), framework, self.language)
            slug = reading.references.slug or default_slug(source)
            if slug:
                urls.append(f"{Site.OVERVIEW_URL}{slug}/")
        advisers, _ = read_advisers(folder.path / ADVISERS_FILE, folder.show(ADVISERS_FILE), language=self.language)
        urls += [Site.adviser_url(key) for key in advisers]
        return [f"{url}index.md" for url in urls]

    def finish_cards(self) -> None:
        pass

    def _panel(self) -> str:
        msg = messages(self.language)
        return render_problems(
            self.language, self.problems,
            title=msg.plural("preview.title", len(self.problems)), intro=msg("preview.intro"), hint=msg("preview.hint"),
        )

    def theme_globals(self, env: Environment) -> None:
        env.globals["sdg_search"] = None
        env.globals["sdg_problems"] = self._panel()

    def set_page_meta(self, page: Page) -> None:
        # Not a page the nav names: the nav's title for it stays on its tab.
        if page.file.src_uri in self.stand_ins and page.file.inclusion is not InclusionLevel.INCLUDED:
            page.meta["title"] = messages(self.language).plural("preview.title", len(self.problems))

    def page_content(self, html: str, page: Page) -> str:
        # A stand-in page is the list: its heading is the page's, not an empty "Index" under it.
        return self._panel() if page.file.src_uri in self.stand_ins else html

    def page_context(self, context: dict, page: Page) -> dict:
        if page.file.src_uri in self.stand_ins:
            context["sdg_problems"] = None  # shown as the content already
        return context

    def write_search_index(self) -> None:
        pass

    def publish(self, config: MkDocsConfig) -> None:
        pass


def _nav_paths(nav: object) -> list[str]:
    """The Markdown files mkdocs.yml's nav names (``Verhalen: stories/index.md``), in any nesting."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") and "://" not in nav else []
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in _nav_paths(value)]
    if isinstance(nav, list):
        return [path for item in nav for path in _nav_paths(item)]
    return []
