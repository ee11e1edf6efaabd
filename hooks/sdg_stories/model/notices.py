"""Things someone should act on that are no fault of the site, such as a story naming a vacancy that has closed.

Time passes without anyone editing a file: the day after a vacancy closes, the unchanged site must still
build with ``--strict`` (a daily build that stopped would stop every other update too), and the pages
already show the next fitting vacancy or the invitation instead. So these are information: the build logs
them at INFO level and ``sdg-stories check`` lists them without failing; the recruiter's scheduled check
is ``sdg-stories vacancies --strict``. Both call ``content_notices``, so a notice added here shows in both.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from sdg_stories.content.folder import ContentFolder, with_line
from sdg_stories.content.messages import messages
from sdg_stories.content.problems import Problem
from sdg_stories.content.records import Story
from sdg_stories.model.site import Site
from sdg_stories.model.vacancies import closed_vacancy_notices


def content_notices(site: Site, folder: ContentFolder) -> list[Problem]:
    """Notices about the published site (drafts left out when the build leaves them out), and the stories
    it leaves out until their day."""
    return [
        with_line(problem, folder)
        for problem in closed_vacancy_notices(
            site.stories, site.content.vacancies, site.settings.build_date, folder.show, site.settings.language
        )
    ] + scheduled_notices(site.content.stories, site.settings.build_date, folder, site.settings.language)


def scheduled_notices(stories: tuple[Story, ...], build_date: dt.date, folder: ContentFolder, language: str) -> list[Problem]:
    """The stories a build on ``build_date`` leaves out because they are dated later (drafts aside, which
    are never published): time will publish them, nobody needs to act, so information."""
    msg = messages(language)
    return [
        with_line(Problem(
            folder.show(story.source), None, "date",
            msg("story.scheduled", date=format_date(story.date, format="long", locale=language)),
        ), folder)
        for story in sorted(stories, key=lambda story: (story.date, story.source))
        if story.date > build_date and not story.draft
    ]
