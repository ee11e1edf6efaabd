"""Problems that do not stop a build but that someone must fix, such as a story linking a closed vacancy.

The build logs them as MkDocs warnings (so `mkdocs build --strict` fails) and ``sdg-stories check``
reports them; both call ``content_warnings``, so a warning added here shows up in both.
"""

from __future__ import annotations

from sdg_stories.content.folder import ContentFolder, with_line
from sdg_stories.content.problems import Problem
from sdg_stories.model.site import Site
from sdg_stories.model.vacancies import closed_vacancy_warnings


def content_warnings(site: Site, folder: ContentFolder) -> list[Problem]:
    """Warnings about the published site (drafts left out when the build leaves them out)."""
    return [
        with_line(problem, folder)
        for problem in closed_vacancy_warnings(
            site.stories, site.content.vacancies, site.settings.build_date, folder.show, site.settings.language
        )
    ]
