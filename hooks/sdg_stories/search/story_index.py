"""The site's search, fed from here only: one Pagefind index, in the site language, of the story pages
as they are written, and of the goal pages, adviser pages and open vacancies as custom records (search/records.py).

Of the pages, only stories are handed over (the story template marks what Pagefind reads:
data-pagefind-body, meta, filters); each result says its kind (story, goal, adviser, vacancy) in ``meta.kind``.
One index, stemmed in the site's language, because the browser loads only the index of the
page's language: with an index per language a Dutch page would never find an English story. A story
in the other language gets extra words so that it is still found by its own language's inflections
(search/terms.py); they go only into the copy Pagefind reads, not into the published page.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from sdg_stories.content.records import Story
from sdg_stories.pages import GeneratedPage
from sdg_stories.pages.renderer import Renderer
from sdg_stories.pages.labels import LABELS
from sdg_stories.search.pagefind_index import SearchIndex, SearchIndexError
from sdg_stories.search.records import adviser_records, goal_records, vacancy_records
from sdg_stories.search.terms import other_language_terms
from sdg_stories.model.site import Site

# Where what Pagefind reads of a story page begins and ends (templates/story.html): the article, and the
# part of it after the body, which is data-pagefind-ignore="all". The body comes between, so the first
# start and the last end are the template's own, whatever a story's HTML holds.
_ARTICLE_START = '<article class="sdg-story" data-pagefind-body>'
_AFTER_BODY = '<div class="sdg-story__after" data-pagefind-ignore="all">'
# How much a goal's or a vacancy's words count against a story's (Pagefind's weights go from 0 to 10, a
# paragraph is 1): little, so that the stories about a goal come before its page (search/records.py).
RECORD_WEIGHT = 0.1
# The permalink "¶" after each heading of a story's body: no word, and no part of an excerpt.
_NOT_WORDS = (".headerlink",)


class StoryIndex:
    """``add`` each story page once its article is complete (other pages are passed over), ``write`` once,
    ``close`` always.

    Pagefind starts with the first story page, so a build that fails before it starts nothing. Once the
    last of the ``expected`` story pages is in, Pagefind starts writing the bundle while the build goes on;
    ``write`` then only waits for it. Each story is added as soon as its content is made, before the theme
    renders any page, so Pagefind indexes and writes on the other core while the theme renders.
    """

    def __init__(self, site: Site, renderer: Renderer, site_dir: Path, expected: int | None = None) -> None:
        self.site = site
        self.renderer = renderer
        self.site_dir = site_dir  # the bundle goes to site_dir/pagefind/
        self._expected = expected
        self._added = 0
        self._index: SearchIndex | None = None

    def add(self, page: GeneratedPage, html: str) -> None:
        if page.kind != "story":
            return
        if self._index is None:
            self._index = SearchIndex(force_language=self.site.language, exclude_selectors=_NOT_WORDS)
            self._add_records()
        # Site-absolute: Pagefind's result URLs; story-filters.js and Pagefind's own UI resolve them
        # against the folder the site is served from.
        self._index.add("/" + page.url, self._indexed_part(page, html))
        self._added += 1
        if self._added == self._expected:
            self._index.start_writing(self.site_dir)

    def write(self) -> int:
        """Write the bundle into ``site_dir/pagefind/``; returns the pages indexed (0: no stories, no bundle)."""
        if self._index is None:
            return 0
        return self._index.write(self.site_dir)

    def close(self) -> None:
        if self._index is not None:
            self._index.close()

    def _add_records(self) -> None:
        """The goal pages, the advisers' pages and the open vacancies, once, with the first story: a site
        without stories has no search at all."""
        assert self._index is not None
        for record in goal_records(self.site) + adviser_records(self.site) + vacancy_records(self.site):
            self._index.add(record.url, self.renderer.render_block(
                "search-record.html", "", lang=self.site.language, content=record.content, meta=record.meta,
                weight=RECORD_WEIGHT,
            ))

    def _indexed_part(self, page: GeneratedPage, html: str) -> str:
        story: Story = page.context["story"]
        start, end = html.find(_ARTICLE_START), html.rfind(_AFTER_BODY)
        if start < 0 or end < start:
            raise SearchIndexError(f"{page.url}: the story page lacks the marks of what Pagefind reads "
                                   "(search/story_index.py and templates/story.html must agree)")
        terms = (other_language_terms((story.title, story.summary, story.body), story.lang, self.site.language)
                 if story.lang != self.site.language else "")
        return self.renderer.render_block(
            "search-page.html", page.url, lang=self.site.language, title=story.title,
            article=Markup(html[start:end]), terms=terms,
            goal_names=[goal.short[self.site.language] for goal in self.site.goals_of(story)],
            kind=LABELS[self.site.language]["search_kind_story"],
        )
