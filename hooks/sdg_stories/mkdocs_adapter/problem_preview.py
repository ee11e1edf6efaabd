"""`mkdocs serve` with content that cannot be built: the problems shown in the browser, on every page.

A writer previews with `mkdocs serve` and may not watch the terminal. If a rebuild failed, MkDocs' dev
server would hold every request until a build succeeds ("The server will appear stuck"), so the browser
would hang on the writer's mistake. Under `serve` only, content with problems is therefore not an error:
the site is built without stories, every page (the 404 page too, so a story's address shows it) carries
the list of problems in the site's language, and the terminal gets them as errors. The build succeeds,
so MkDocs' live reload brings the open pages back to life after every save, and the story returns as
soon as its file is fixed. `mkdocs build` still fails on the same content, as before.

Only public interfaces: the list is Markup in a Jinja global (``sdg_problems``) that docs/overrides/main.html
prints in Material's ``hero`` block, and the pages the nav names are given as empty generated files so
the nav has no holes while the stories are away.
"""

from __future__ import annotations

import logging

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from sdg_stories.content.messages import messages
from sdg_stories.content.problems import ContentError, Problem
from sdg_stories.mkdocs_adapter.build import ContentRefused, MkDocsBuild
from sdg_stories.pages.renderer import environment

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

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        present = {file.src_uri for file in files}
        for path in _nav_paths(config.nav):
            if path not in present:
                files.append(File.generated(config, path, content=""))
                present.add(path)
        return files

    def theme_globals(self, env: Environment) -> None:
        msg = messages(self.language)
        env.globals["sdg_search"] = None
        env.globals["sdg_problems"] = Markup(environment().get_template("problems.html").render(
            language=self.language,
            problems=self.problems,
            title=msg.plural("preview.title", len(self.problems)),
            intro=msg("preview.intro"),
            hint=msg("preview.hint"),
        ))

    def set_page_meta(self, page: Page) -> None:
        pass

    def page_content(self, html: str, page: Page) -> str:
        return html

    def page_context(self, context: dict, page: Page) -> dict:
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
