"""The choices of the overview's filter form: only values that some published story has.

A target, adviser or year that no story has would only ever show "0 stories", so those are left out;
the 17 goals all stay, because the goal toggles are the site's map of the goals (a goal without
stories shows 0, as its goal page says "no stories yet"). The values are the ones the story pages
give Pagefind as filters (goal "11", target "11.7", adviser key, year "2024"), so the form, the URL
and the index speak the same words.
"""

from __future__ import annotations

from dataclasses import dataclass

from sdg_stories.sdg.goals import Goal, Target
from sdg_stories.content.records import Adviser
from sdg_stories.model.site import Site


@dataclass(frozen=True)
class TargetGroup:
    """The used targets of one goal: an ``<optgroup>`` in the target select."""

    goal: Goal
    targets: tuple[Target, ...]


@dataclass(frozen=True)
class FilterOptions:
    goals: tuple[Goal, ...]
    target_groups: tuple[TargetGroup, ...]
    advisers: tuple[Adviser, ...]  # by name, as people look them up
    years: tuple[int, ...]  # newest first, like the list


def filter_options(site: Site) -> FilterOptions:
    used_targets = {target_id for story in site.stories for target_id in story.targets}
    groups = tuple(
        TargetGroup(goal, targets)
        for goal in site.framework.goals
        if (targets := tuple(target for target in goal.targets if target.id in used_targets))
    )
    advisers = tuple(
        sorted(
            (site.content.advisers[key] for key, stories in site.by_adviser.items() if stories),
            key=lambda adviser: (adviser.name.casefold(), adviser.key),
        )
    )
    years = tuple(sorted({story.date.year for story in site.stories}, reverse=True))
    return FilterOptions(site.framework.goals, groups, advisers, years)
