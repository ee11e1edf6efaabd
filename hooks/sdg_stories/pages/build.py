"""One build of the site, independent of the site generator: load, validate, plan the pages."""

from __future__ import annotations

from pathlib import Path

from sdg_stories.content.folder import ContentFolder, load_content
from sdg_stories.model.notices import content_notices
from sdg_stories.sdg.goals import Framework, load_framework
from sdg_stories.pages import GeneratedPage, generate_pages
from sdg_stories.content.problems import Problem
from sdg_stories.pages.renderer import Renderer
from sdg_stories.model.settings import Settings
from sdg_stories.model.site import Site


class SiteBuild:
    """Created afresh for every build, so nothing from an earlier build (a deleted story) survives."""

    def __init__(self, project_dir: Path, settings: Settings) -> None:
        self.settings = settings
        self.folder = ContentFolder(project_dir / settings.stories_dir, settings.stories_dir)
        # Raises ContentError with every problem; nothing below runs on invalid content.
        self.content = load_content(self.folder, load_framework(), settings.language)
        # The shipped texts with the owner's own wording (stories/sdg-teksten.yml): every page, card, feed,
        # search record and editor choice reads goals and targets from here.
        self.framework: Framework = load_framework().reworded(self.content.wording)
        self.site = Site(self.content, self.framework, settings)
        # For information, no fault of the site (a story naming a vacancy that has closed): model/notices.py.
        self.notices: list[Problem] = content_notices(self.site, self.folder)
        self.renderer = Renderer(self.site)
        self.pages: list[GeneratedPage] = generate_pages(self.site)
        self.pages_by_src_uri = {page.src_uri: page for page in self.pages}

    def goal_stylesheet(self) -> str:
        return self.renderer.env.get_template("goals.css").render(goals=self.framework.goals)
