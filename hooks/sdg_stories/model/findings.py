"""What the build finds that stops nothing: warnings about the files, and notices about time passing.

- **Warnings** are mistakes in the files that the site survives, such as a story file named "Mijn
  verhaal.md": the build logs them as MkDocs warnings, so `mkdocs build --strict` fails until they are
  fixed, and ``sdg-stories check`` lists them.
- **Notices** are no one's mistake, such as a story naming a vacancy that closed yesterday: the unchanged
  site must still build with ``--strict`` (a daily build that stopped would stop every other update too),
  and the pages already show the next fitting vacancy or the invitation. The build logs them at INFO
  level and ``sdg-stories check`` lists them without failing; the recruiter's scheduled check is
  ``sdg-stories vacancies --strict``.

The build and ``sdg-stories check`` both call these functions, so a finding added here shows in both.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re

from babel.dates import format_date

from sdg_stories.content.folder import ContentFolder, with_line
from sdg_stories.content.messages import messages
from sdg_stories.content.problems import Problem
from sdg_stories.content.records import Story
from sdg_stories.content.story_file import default_slug
from sdg_stories.model.site import Site
from sdg_stories.model.vacancies import closed_vacancy_notices


def content_warnings(site: Site, folder: ContentFolder) -> list[Problem]:
    """Mistakes the site survives; --strict fails on them. The content's own (vacancies.yml in its old
    format, content/vacancy_file.py) first."""
    return list(site.content.warnings) + file_name_warnings(site.content.stories, folder, site.settings.language)


def content_notices(site: Site, folder: ContentFolder) -> list[Problem]:
    """Information about the published site (drafts left out when the build leaves them out), and the
    stories it leaves out until their day."""
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


# The writer's guide (docs/verhaal-schrijven.md): the date, then lower-case letters, digits and hyphens.
_DATED = re.compile(r"^\d{4}-\d{2}-\d{2}-")
_GOOD_NAME = re.compile(r"^(?:\d{4}-\d{2}-\d{2}-)?[a-z0-9]+(?:-[a-z0-9]+)*\.md$")


def file_name_warnings(stories: tuple[Story, ...], folder: ContentFolder, language: str) -> list[Problem]:
    """A file named "Mijn verhaal.md" builds (its address comes from a slug), but spaces, capitals and
    accents make it hard to name in a terminal or a link to the repository: the name it should have."""
    msg = messages(language)
    warnings = []
    for story in stories:
        directory, name = posixpath.split(story.source)
        if _GOOD_NAME.match(name):
            continue
        dated = _DATED.match(name)
        prefix = dated[0] if dated else f"{story.date.isoformat()}-"
        suggestion = posixpath.join(directory, f"{prefix}{default_slug(story.source) or story.slug}.md")
        warnings.append(Problem(folder.show(story.source), None, None, msg("story.file-name", name=name, suggestion=folder.show(suggestion))))
    return warnings
