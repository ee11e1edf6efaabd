"""The overview: ``stories/``, every published story newest first, paginated."""

from __future__ import annotations

from sdg_stories.pages.labels import LABELS
from sdg_stories.pages.page import GeneratedPage
from sdg_stories.pages.pagination import paginate
from sdg_stories.model.site import Site
from sdg_stories.pages.story_filters import filter_options


def generate(site: Site) -> list[GeneratedPage]:
    labels = LABELS[site.language]
    options = filter_options(site)
    return [
        GeneratedPage(
            url=pager.url(pager.number),
            title=labels["all_stories"] if pager.number == 1 else f"{labels['all_stories']} ({labels['page_n'].format(n=pager.number)})",
            template="overview.html",
            context={"pager": pager, "options": options},
            description=labels["overview_intro"],
            hide=("navigation", "toc"),
            kind="overview",
        )
        for pager in paginate(site.stories, site.settings.page_size, site.OVERVIEW_URL)
    ]
