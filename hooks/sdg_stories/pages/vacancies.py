"""The vacancies page: ``vacancies/``, every open vacancy grouped by goal, with the stories that name it.

One page, not paginated: it lists the recruiters' open positions (a few dozen at most), and beside each
only the few stories that name it explicitly, capped, so the page does not grow with the stories.
"""

from __future__ import annotations

from sdg_stories.pages.labels import LABELS
from sdg_stories.pages.page import GeneratedPage
from sdg_stories.model.site import Site


def generate(site: Site) -> list[GeneratedPage]:
    labels = LABELS[site.language]
    groups = [(site.framework.goal(goal_id), site.vacancies.for_goal(goal_id)) for goal_id in site.vacancies.goals()]
    return [
        GeneratedPage(
            url=site.VACANCIES_URL,
            title=labels["vacancies"],
            template="vacancies.html",
            context={"groups": groups},
            description=labels["vacancies_intro"],
            hide=("navigation", "toc"),
            kind="vacancies",
        )
    ]
