"""The page about the rubric (``over-de-rubriek/``, ``about-the-series/``), unless the site owner wrote one.

A visitor who arrives on a story from a shared link meets the rubric in the kicker above the title; this
is where that kicker, and "Meer over de rubriek" under every story, lead: what the rubric is, how a
story is built, what the SDGs are, and the way to the stories and the goals. A site owner who names a
page of their own in ``extra.sdg_stories.rubric_page`` gets the links and no generated page.
"""

from __future__ import annotations

from sdg_stories.pages.labels import LABELS
from sdg_stories.pages.page import GeneratedPage
from sdg_stories.model.site import Site


def generate(site: Site) -> list[GeneratedPage]:
    if site.settings.rubric_page is not None:
        return []
    labels = LABELS[site.language]
    return [
        GeneratedPage(
            url=site.rubric_url,
            title=site.settings.rubric_name or labels["rubric_name"],
            template="rubric.html",
            description=site.settings.rubric_intro or labels["rubric_intro"],
            hide=("navigation", "toc"),
            kind="rubric",
        )
    ]
