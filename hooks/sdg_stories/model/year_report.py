"""The year in stories: what the stories of one year contributed to each goal, for the annual report.

Communications staff copy these figures into an annual report's SDG chapter, a board meeting or a tender,
so they must be what the public site shows: published stories only (no drafts, none scheduled after the
build date), counted from the same Site the pages come from. The page (pages/reports.py), the CSV and JSON
of ``sdg-stories report`` and the PDF are all made from one YearReport.
"""

from __future__ import annotations

from dataclasses import dataclass

from sdg_stories.content.records import Story
from sdg_stories.model.site import Site
from sdg_stories.sdg.goals import Goal, Target


@dataclass(frozen=True)
class TargetStories:
    """A target served in the year, with its stories, oldest first (the order of the year)."""

    target: Target
    stories: tuple[Story, ...]


@dataclass(frozen=True)
class GoalSection:
    """One goal of the report: its stories, the targets they serve, and those naming only the goal."""

    goal: Goal
    stories: tuple[Story, ...]  # every story of the year contributing to the goal, oldest first
    targets: tuple[TargetStories, ...]  # in the official order of the targets
    goal_only: tuple[Story, ...]  # stories naming the goal but none of its targets


@dataclass(frozen=True)
class YearReport:
    year: int
    stories: tuple[Story, ...]  # oldest first
    advisers: tuple[str, ...]  # adviser keys, each once, sorted
    goals: tuple[GoalSection, ...]  # the goals touched, in number order

    @property
    def target_count(self) -> int:
        return sum(len(section.targets) for section in self.goals)

    @property
    def largest_goal_count(self) -> int:
        return max((len(section.stories) for section in self.goals), default=0)


def published(site: Site) -> list[Story]:
    """The stories the public site shows, whatever the mode: drafts and scheduled stories are left out,
    also under serve (Site.is_published, the build's one rule)."""
    return [story for story in site.stories if site.is_published(story)]


def report_years(site: Site) -> list[int]:
    """Every year with at least one published story, newest first: a year without stories has no report."""
    return sorted({story.date.year for story in published(site)}, reverse=True)


def year_report(site: Site, year: int) -> YearReport:
    stories = sorted((story for story in published(site) if story.date.year == year), key=lambda s: (s.date, s.slug))
    sections = []
    for goal in site.framework.goals:
        of_goal = tuple(story for story in stories if goal.id in story.goals)
        if not of_goal:
            continue
        targets = tuple(
            TargetStories(target, served)
            for target in goal.targets
            if (served := tuple(story for story in of_goal if target.id in story.targets))
        )
        own = {target.id for target in goal.targets}
        goal_only = tuple(story for story in of_goal if not own & set(story.targets))
        sections.append(GoalSection(goal, of_goal, targets, goal_only))
    return YearReport(year, tuple(stories), tuple(sorted({story.adviser for story in stories})), tuple(sections))


def report_figures(site: Site, report: YearReport) -> dict:
    """The report as data for a spreadsheet or a script (``sdg-stories report``): plain values, stable order."""
    language = site.language
    return {
        "year": report.year,
        "stories": len(report.stories),
        "advisers": len(report.advisers),
        "goals": len(report.goals),
        "targets": report.target_count,
        "by_goal": [
            {
                "goal": section.goal.id,
                "name": section.goal.short[language],
                "stories": len(section.stories),
                "targets": [
                    {"target": group.target.id, "stories": [site.story_url(story) for story in group.stories]}
                    for group in section.targets
                ],
            }
            for section in report.goals
        ],
        "story_list": [
            {
                "title": story.title,
                "date": story.date.isoformat(),
                "adviser": site.adviser(story).name,
                "url": site.story_url(story),
                "goals": list(story.goals),
                "targets": list(story.targets),
            }
            for story in report.stories
        ],
    }
