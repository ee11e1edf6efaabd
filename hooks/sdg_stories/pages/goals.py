"""Goal pages: ``sdg/`` (the 17 tiles) and ``sdg/<n>/`` (a goal, its stories, its targets with their stories)."""

from __future__ import annotations

from dataclasses import dataclass

from sdg_stories.content.records import Story
from sdg_stories.pages.labels import LABELS
from sdg_stories.pages.page import GeneratedPage
from sdg_stories.pages.pagination import paginate
from sdg_stories.pages.reports import reports_url
from sdg_stories.model.year_report import report_years
from sdg_stories.model.site import Site
from sdg_stories.sdg.goals import Goal, Target

# Stories named under each target on the goal page; the rest are one click away (the filtered overview,
# and the goal's full list further down the page), so the page does not grow with the site.
TARGET_LIST_LIMIT = 5


@dataclass(frozen=True)
class TargetStories:
    """A target of the goal with the stories that serve it, newest first; ``target`` None: the stories
    that name the goal but none of its targets."""

    target: Target | None
    stories: tuple[Story, ...]  # at most TARGET_LIST_LIMIT
    count: int


def stories_by_target(site: Site, goal: Goal) -> tuple[TargetStories, ...]:
    """Every target of the goal in the official order, then the goal as a whole if any story is only that."""
    stories = site.by_goal[goal.id]
    by_target: dict[str, list[Story]] = {target.id: [] for target in goal.targets}
    whole: list[Story] = []
    for story in stories:
        own = [target_id for target_id in story.targets if target_id in by_target]
        for target_id in own:
            by_target[target_id].append(story)
        if not own:
            whole.append(story)
    groups = [
        TargetStories(target, tuple(by_target[target.id][:TARGET_LIST_LIMIT]), len(by_target[target.id]))
        for target in goal.targets
    ]
    if whole:
        groups.append(TargetStories(None, tuple(whole[:TARGET_LIST_LIMIT]), len(whole)))
    return tuple(groups)


@dataclass(frozen=True)
class TargetSections:
    """The goal page's targets after its stories: those with stories, each with its text and stories, and
    the others folded into one line ("8 subdoelen zonder verhaal"), so that a phone reaches the stories
    first and does not scroll past a column of "no stories yet"."""

    with_stories: tuple[TargetStories, ...]  # the official order; the goal as a whole last
    without_stories: tuple[TargetStories, ...]  # the official order
    without_label: str  # "8 subdoelen zonder verhaal", "1 subdoel zonder verhaal"


def target_sections(groups: tuple[TargetStories, ...], labels: dict[str, str]) -> TargetSections:
    empty = tuple(group for group in groups if not group.count)
    key = "targets_without_stories_1" if len(empty) == 1 else "targets_without_stories_n"
    return TargetSections(
        with_stories=tuple(group for group in groups if group.count),
        without_stories=empty,
        without_label=labels[key].format(n=len(empty)),
    )


def generate(site: Site) -> list[GeneratedPage]:
    labels = LABELS[site.language]
    pages = [
        GeneratedPage(
            url=site.GOALS_URL,
            title=labels["the_goals"],
            template="goals.html",
            context={"site_reports_url": reports_url(site) if report_years(site) else None},
            description=labels["goals_intro"],
            hide=("navigation", "toc"),
            kind="goals",
        )
    ]
    for goal in site.framework.goals:
        short = goal.short[site.language]
        title = labels["goal_page_title"].format(n=goal.id, short=short)
        by_target = stories_by_target(site, goal)
        sections = target_sections(by_target, labels)
        for pager in paginate(site.by_goal[goal.id], site.settings.page_size, site.goal_url(goal.id)):
            pages.append(
                GeneratedPage(
                    url=pager.url(pager.number),
                    title=title if pager.number == 1 else f"{title} ({labels['page_n'].format(n=pager.number)})",
                    template="goal.html",
                    context={"goal": goal, "pager": pager, "by_target": by_target, "sections": sections},
                    description=goal.title[site.language],
                    hide=("navigation", "toc"),
                    kind="goal",
                )
            )
    return pages
