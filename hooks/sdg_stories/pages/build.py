"""One build of the site, independent of the site generator: load, validate, plan the pages."""

from __future__ import annotations

from pathlib import Path

from sdg_stories.content.folder import ContentFolder, LeftOutStory, load_content_leaving_out
from sdg_stories.model.findings import content_notices, content_warnings
from sdg_stories.sdg.goals import Framework, load_framework
from sdg_stories.pages import GeneratedPage, generate_pages
from sdg_stories.content.problems import Problem
from sdg_stories.pages.renderer import Renderer
from sdg_stories.model.settings import Settings
from sdg_stories.model.site import Site


class SiteBuild:
    """Created afresh for every build, so nothing from an earlier build (a deleted story) survives."""

    def __init__(self, project_dir: Path, settings: Settings, *, leave_out_broken: bool = False) -> None:
        """``leave_out_broken``: stories with problems are left out (``left_out``) rather than refused, for
        the preview; problems elsewhere still raise ContentError."""
        self.settings = settings
        self.folder = ContentFolder(project_dir / settings.stories_dir, settings.stories_dir)
        # Raises ContentError with every problem; nothing below runs on invalid content.
        self.left_out: list[LeftOutStory]
        self.content, self.left_out = load_content_leaving_out(
            self.folder, load_framework(), settings.language, leave_out_broken=leave_out_broken
        )
        # The shipped texts with the owner's own wording (stories/sdg-teksten.yml): every page, card, feed,
        # search record and editor choice reads goals and targets from here.
        self.framework: Framework = load_framework().reworded(self.content.wording)
        self.site = Site(self.content, self.framework, settings)
        # What stops nothing (model/findings.py): warnings fail --strict, notices are information.
        self.warnings: list[Problem] = content_warnings(self.site, self.folder)
        self.notices: list[Problem] = content_notices(self.site, self.folder)
        self.renderer = Renderer(self.site)
        self.pages: list[GeneratedPage] = generate_pages(self.site)
        self.pages_by_src_uri = {page.src_uri: page for page in self.pages}

    def goal_stylesheet(self) -> str:
        return self.renderer.env.get_template("goals.css").render(goals=self.framework.goals)
