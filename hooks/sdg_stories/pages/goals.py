"""Goal pages: ``sdg/`` (the 17 tiles) and ``sdg/<n>/`` (a goal, its targets and its stories)."""

from __future__ import annotations

from sdg_stories.pages.labels import LABELS
from sdg_stories.pages.page import GeneratedPage
from sdg_stories.pages.pagination import paginate
from sdg_stories.model.site import Site


def generate(site: Site) -> list[GeneratedPage]:
    labels = LABELS[site.language]
    pages = [
        GeneratedPage(
            url=site.GOALS_URL,
            title=labels["the_goals"],
            template="goals.html",
            description=labels["goals_intro"],
            hide=("toc",),
            kind="goals",
        )
    ]
    for goal in site.framework.goals:
        short = goal.short[site.language]
        title = labels["goal_page_title"].format(n=goal.id, short=short)
        for pager in paginate(site.by_goal[goal.id], site.settings.page_size, site.goal_url(goal.id)):
            pages.append(
                GeneratedPage(
                    url=pager.url(pager.number),
                    title=title if pager.number == 1 else f"{title} ({labels['page_n'].format(n=pager.number)})",
                    template="goal.html",
                    context={"goal": goal, "pager": pager},
                    description=goal.title[site.language],
                    hide=("toc",),
                    kind="goal",
                )
            )
    return pages
