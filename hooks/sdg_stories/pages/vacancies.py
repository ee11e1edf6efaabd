"""The vacancies page: ``vacancies/``, every open vacancy once, with its goals and the stories that name it.

One page, not paginated: it lists the recruiters' open positions (a few dozen at most), and beside each
only the few stories that name it explicitly, capped, so the page does not grow with the stories. A
visitor narrows it by goal in the page itself (vacancies/?goal=11, templates/vacancy-closing.js).
"""

from __future__ import annotations

from sdg_stories.pages.labels import LABELS
from sdg_stories.pages.page import GeneratedPage
from sdg_stories.model.site import Site


def generate(site: Site) -> list[GeneratedPage]:
    labels = LABELS[site.language]
    return [
        GeneratedPage(
            url=site.VACANCIES_URL,
            title=labels["vacancies"],
            template="vacancies.html",
            description=labels["vacancies_intro"],
            hide=("navigation", "toc"),
            kind="vacancies",
        )
    ]
