"""For recruiters, ``sdg-stories vacancies``: every vacancy in the file, its status and the pages showing it.

The pages come from the model the build renders (model/vacancies.py: ``for_story``, ``for_goal``), on the
same build date (SOURCE_DATE_EPOCH or today), so the report and the site agree. Problems in the file
raise the build's own ContentError, reported with the build's messages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sdg_stories.cli.project_config import ProjectConfig
from sdg_stories.content.folder import ContentFolder, load_content
from sdg_stories.content.messages import Messages
from sdg_stories.content.records import Vacancy
from sdg_stories.model.site import Site
from sdg_stories.model.vacancies import status
from sdg_stories.sdg.goals import load_framework


@dataclass(frozen=True)
class ShownOn:
    url: str  # site-root relative: "stories/x/", "sdg/11/", "vacancies/"
    why: str  # "named" (the story's front matter names it), "goal" (it shares a goal), "listing"


@dataclass(frozen=True)
class VacancyLine:
    vacancy: Vacancy
    status: str  # model.vacancies.status: not-yet-open, open, closing-soon, closed, no-closing-date
    pages: tuple[ShownOn, ...]  # named first, then by goal, then the vacancies page
    named_by: tuple[str, ...]  # stories naming it, shown or not (a closed one should be taken out)

    def as_dict(self) -> dict:
        vacancy = self.vacancy
        return {
            "id": vacancy.id,
            "title": vacancy.title,
            "status": self.status,
            "closes": vacancy.closes.isoformat() if vacancy.closes else None,
            "opens": vacancy.opens.isoformat() if vacancy.opens else None,
            "goals": list(vacancy.goals),
            "targets": list(vacancy.targets),
            "pages": [{"url": page.url, "why": page.why} for page in self.pages],
            "named_by": list(self.named_by),
        }


@dataclass(frozen=True)
class VacancyReport:
    date: dt.date
    lines: tuple[VacancyLine, ...]  # in the order of vacancies.yml


def vacancy_report(project: ProjectConfig) -> VacancyReport:
    """Raises ContentError with every problem of the content, as the build would."""
    settings = project.settings
    framework = load_framework()
    content = load_content(ContentFolder(project.stories_path, settings.stories_dir), framework, settings.language)
    site = Site(content, framework.reworded(content.wording), settings)
    shown_under = {story.slug: {v.id for v in site.vacancies.for_story(story)} for story in site.stories}
    lines = []
    for vacancy in content.vacancies:
        named = [story for story in site.stories if vacancy.id in story.vacancies]
        pages: list[ShownOn] = []
        if vacancy in site.vacancies.open:
            pages += [ShownOn(site.story_url(story), "named") for story in named if vacancy.id in shown_under[story.slug]]
            pages += [
                ShownOn(site.goal_url(goal_id), "goal")
                for goal_id in vacancy.goals
                if vacancy in site.vacancies.for_goal(goal_id)[: site.vacancies.goal_limit]
            ]
            pages += [
                ShownOn(site.story_url(story), "goal")
                for story in site.stories
                if vacancy.id in shown_under[story.slug] and story not in named
            ]
            pages.append(ShownOn(site.VACANCIES_URL, "listing"))
        lines.append(VacancyLine(
            vacancy, status(vacancy, settings.build_date), tuple(pages),
            tuple(f"{settings.stories_dir}/{story.source}" for story in named),
        ))
    return VacancyReport(settings.build_date, tuple(lines))


# The words of the report are the recruiter's language (the catalogue); the JSON keeps the status names.
_STATUS_LINE = {
    "not-yet-open": "cli.vacancies.status.not-yet-open", "open": "cli.vacancies.status.open", "closing-soon": "cli.vacancies.status.closing-soon",
    "closed": "cli.vacancies.status.closed", "no-closing-date": "cli.vacancies.status.no-closing-date",
}
_STATUS_COUNT = {
    "not-yet-open": "cli.vacancies.count.not-yet-open", "open": "cli.vacancies.count.open", "closing-soon": "cli.vacancies.count.closing-soon",
    "closed": "cli.vacancies.count.closed", "no-closing-date": "cli.vacancies.count.no-closing-date",
}
_SHOWN_ON = {
    "named": "cli.vacancies.shown-on.named", "goal": "cli.vacancies.shown-on.goal",
    "listing": "cli.vacancies.shown-on.listing",
}


def report_text(report: VacancyReport, msg: Messages) -> list[str]:
    """The report as a recruiter reads it in a terminal: a heading line per vacancy, then its facts."""
    lines: list[str] = []
    for line in report.lines:
        vacancy = line.vacancy
        closes = vacancy.closes.isoformat() if vacancy.closes else ""
        lines += [
            f"{vacancy.id}: {vacancy.title}",
            "  " + msg(_STATUS_LINE[line.status], date=closes, opens=vacancy.opens.isoformat() if vacancy.opens else ""),
            "  " + msg("cli.vacancies.goals", goals=", ".join(str(goal) for goal in vacancy.goals)),
        ]
        lines += ["  " + msg(_SHOWN_ON[page.why], url=page.url) for page in line.pages]
        if not line.pages:
            lines.append("  " + msg("cli.vacancies.shown-nowhere"))
        if line.status == "closed":
            lines += ["  " + msg("cli.vacancies.still-named", file=source) for source in line.named_by]
    counts = {name: sum(1 for line in report.lines if line.status == name) for name in _STATUS_COUNT}
    statuses = ", ".join(msg.plural(_STATUS_COUNT[name], n) for name, n in counts.items() if n)
    vacancies = msg.plural("cli.count.vacancies", len(report.lines))
    summary = msg("cli.vacancies.summary", vacancies=vacancies, date=report.date.isoformat(),
                  statuses=statuses or msg("cli.vacancies.none"))
    return lines + ["", summary]
