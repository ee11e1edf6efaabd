"""Problems that do not stop a build but that someone must fix, such as a story linking a closed vacancy.

The build logs them as MkDocs warnings (so `mkdocs build --strict` fails) and ``sdg-stories check``
reports them; both call ``content_warnings``, so a warning added here shows up in both.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from sdg_stories.content.folder import ContentFolder, with_line
from sdg_stories.content.messages import messages
from sdg_stories.content.records import Story
from sdg_stories.content.problems import Problem
from sdg_stories.model.site import Site
from sdg_stories.model.vacancies import closed_vacancy_warnings


def content_warnings(site: Site, folder: ContentFolder) -> list[Problem]:
    """Warnings about the published site (drafts left out when the build leaves them out), and the
    content's own (vacancies.yml in its old format)."""
    return list(site.content.warnings) + [
        with_line(problem, folder)
        for problem in closed_vacancy_warnings(
            site.stories, site.content.vacancies, site.settings.build_date, folder.show, site.settings.language
        )
    ]


def scheduled_notices(stories: tuple[Story, ...], build_date: dt.date, folder: ContentFolder, language: str) -> list[Problem]:
    """Information, not a warning: the stories a build on ``build_date`` leaves out because they are dated
    later (drafts aside, which are never published). The build logs them, ``sdg-stories check`` lists them."""
    msg = messages(language)
    return [
        with_line(Problem(
            folder.show(story.source), None, "date",
            msg("story.scheduled", date=format_date(story.date, format="long", locale=language)),
        ), folder)
        for story in sorted(stories, key=lambda story: (story.date, story.source))
        if story.date > build_date and not story.draft
    ]
