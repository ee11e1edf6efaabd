"""The pages the build generates, one module per kind: stories, goals, the overview, advisers, vacancies,
the rubric, the year reports, the accessibility statement.

Each module turns the Site into GeneratedPage objects; nothing here knows about MkDocs, which only
converts each page's Markdown and wraps it in the theme.
"""

from __future__ import annotations

from sdg_stories.pages.page import GeneratedPage
from sdg_stories.model.site import Site


def generate_pages(site: Site) -> list[GeneratedPage]:
    """Every generated page, in a stable order so builds are reproducible.

    Stories first: MkDocs converts pages in this order, and once the last story is in, the search index is
    written while the other pages are made (search/story_index.py).
    """
    from sdg_stories.pages import accessibility, advisers, goals, overview, reports, rubric, stories, vacancies

    pages: list[GeneratedPage] = []
    for module in (stories, overview, goals, advisers, vacancies, rubric, reports, accessibility):
        pages.extend(module.generate(site))
    return pages


__all__ = ["GeneratedPage", "generate_pages"]
