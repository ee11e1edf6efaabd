"""Adviser pages: ``advisers/`` (everyone) and ``advisers/<key>/`` (one adviser's card and stories)."""

from __future__ import annotations

from sdg_stories.pages.labels import LABELS
from sdg_stories.pages.page import GeneratedPage
from sdg_stories.pages.pagination import paginate
from sdg_stories.model.site import Site


def generate(site: Site) -> list[GeneratedPage]:
    labels = LABELS[site.language]
    advisers = sorted(site.content.advisers.values(), key=lambda adviser: adviser.name)
    pages = [
        GeneratedPage(
            url=site.ADVISERS_URL,
            title=labels["advisers"],
            template="advisers.html",
            context={"advisers": advisers},
            description=labels["advisers_intro"],
            hide=("navigation", "toc"),
            kind="advisers",
        )
    ]
    for adviser in advisers:
        for pager in paginate(site.by_adviser[adviser.key], site.settings.page_size, site.adviser_url(adviser.key)):
            pages.append(
                GeneratedPage(
                    url=pager.url(pager.number),
                    title=adviser.name if pager.number == 1 else f"{adviser.name} ({labels['page_n'].format(n=pager.number)})",
                    template="adviser.html",
                    context={"adviser": adviser, "pager": pager},
                    description=f"{adviser.name}, {adviser.role}",
                    hide=("navigation", "toc"),
                    kind="adviser",
                )
            )
    return pages
