"""The site's search: story pages go into one Pagefind index while they are written, in the site language.

Only story pages are indexed (the story template marks what Pagefind reads: data-pagefind-body, meta,
filters). One index, stemmed in the site's language, because the browser loads only the index of the
page's language: with an index per language a Dutch page would never find an English story. A story
in the other language gets extra words so that it is still found by its own language's inflections
(search_terms.py); they go only into the copy Pagefind reads, not into the published page.
"""

from __future__ import annotations

from pathlib import Path

from sdg_stories.model import Story
from sdg_stories.pages import GeneratedPage
from sdg_stories.render import Renderer
from sdg_stories.search_index import SearchIndex
from sdg_stories.search_terms import other_language_terms
from sdg_stories.site import Site

_END_OF_BODY = "</body>"


class SiteSearch:
    """``add`` each written page (non-story pages are passed over), ``write`` once, ``close`` always.

    Pagefind starts with the first story page, so a build that fails before it starts nothing.
    """

    def __init__(self, site: Site, renderer: Renderer) -> None:
        self.site = site
        self.renderer = renderer
        self._index: SearchIndex | None = None

    @property
    def started(self) -> bool:
        return self._index is not None

    def add(self, page: GeneratedPage, html: str) -> None:
        if page.kind != "story":
            return
        story: Story = page.context["story"]
        if story.lang != self.site.language:
            html = self._with_terms(story, page, html)
        if self._index is None:
            self._index = SearchIndex(force_language=self.site.language)
        # Site-absolute: Pagefind's result URLs; story-filters.js and Pagefind's own UI resolve them
        # against the folder the site is served from.
        self._index.add("/" + page.url, html)

    def write(self, site_dir: Path) -> int:
        """Write the bundle into ``site_dir/pagefind/``; returns the pages indexed (0: no stories, no bundle)."""
        if self._index is None:
            return 0
        return self._index.write(site_dir)

    def close(self) -> None:
        if self._index is not None:
            self._index.close()

    def _with_terms(self, story: Story, page: GeneratedPage, html: str) -> str:
        terms = other_language_terms((story.title, story.summary, story.body), story.lang, self.site.language)
        at = html.rfind(_END_OF_BODY)
        if not terms or at < 0:
            return html
        # Meta outside data-pagefind-body still counts; searched, never shown in an excerpt.
        extra = self.renderer.render_block("search-terms.html", page.url, terms=terms)
        return html[:at] + extra + html[at:]
