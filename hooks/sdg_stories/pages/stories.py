"""Story pages: ``stories/<slug>/``, the story with its adviser, goals, targets and related stories."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sdg_stories.pages.page import GeneratedPage
from sdg_stories.model.site import Site
from sdg_stories.sdg.goals import Goal, Target

# A Markdown heading of level 2 or deeper: the page's table of contents has an entry only for these.
_HEADING = re.compile(r"^ {0,3}#{2,6}\s", re.MULTILINE)


@dataclass(frozen=True)
class Contribution:
    """One goal a story serves, with the story's own targets of that goal (none: the goal as a whole)."""

    goal: Goal
    targets: tuple[Target, ...]


def contributions(site: Site, story) -> tuple[Contribution, ...]:
    """What "this story contributes to" shows: each goal in the story's order, its targets under it."""
    targets = site.targets_of(story)
    return tuple(
        Contribution(goal, tuple(target for target in targets if target.goal_id == goal.id))
        for goal in site.goals_of(story)
    )


def generate(site: Site) -> list[GeneratedPage]:
    return [
        GeneratedPage(
            url=site.story_url(story),
            title=story.title,
            template="story.html",
            context={"story": story, "contributions": contributions(site, story)},
            markdown=story.body,
            source=story.source,
            description=story.summary,
            lang=story.lang,
            draft=not site.is_published(story),  # left out of a build, previewed under serve
            # A story is in no section's navigation; its table of contents only when it has headings.
            hide=("navigation",) if _HEADING.search(story.body) else ("navigation", "toc"),
            kind="story",
        )
        for story in site.stories
    ]
