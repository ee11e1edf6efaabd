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
class Served:
    """One thing a story serves: a target of a goal, or a goal as a whole (the story names none of its targets)."""

    goal: Goal
    target: Target | None = None


def served(site: Site, story) -> tuple[Served, ...]:
    """What "this story contributes to" shows, the one it serves most first (the quote box on top of the
    page): the target the writer named first, else the first goal. Then the other targets in the
    framework's order, then the goals none of whose targets the story names."""
    targets = site.targets_of(story)
    goals = site.goals_of(story)
    with_targets = {target.goal_id for target in targets}
    items = [Served(site.framework.goal(target.goal_id), target) for target in targets]
    items += [Served(goal) for goal in goals if goal.id not in with_targets]
    main = next((item for item in items if item.target is not None and item.target.id == story.main_target), items[0])
    return (main, *(item for item in items if item is not main))


def generate(site: Site) -> list[GeneratedPage]:
    return [
        GeneratedPage(
            url=site.story_url(story),
            title=story.title,
            template="story.html",
            context={"story": story, "served": served(site, story)},
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
