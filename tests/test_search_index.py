"""The Pagefind index built page by page: proven by searching it in Chromium, as a visitor would.

The browser tests need Debian's /usr/bin/chromium (Playwright drives it; no downloaded browser).
Without it they skip, except under CI=true, where a skipped browser test would hide a broken site.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sdg_stories.search_index import SearchIndex, SearchIndexError

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

_STORY = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>
<body>
<nav>menu navigatie</nav>
<article data-pagefind-body>
<h1>{title}</h1>
<p data-pagefind-meta="adviser">{adviser}</p>
<p>{text}</p>
<span data-pagefind-filter="goal:{goal}"></span>
<aside data-pagefind-ignore>zijbalkwoord</aside>
</article>
</body></html>
"""

PAGES = {
    "/stories/wijkaanpak/": _STORY.format(
        lang="nl", title="Wijkaanpak", adviser="Anna de Vries", goal="11",
        text="De gemeente werkt met bewoners aan veilige straten, doel 11.7."),
    "/stories/zoet-water/": _STORY.format(
        lang="nl", title="Zoet water", adviser="Bram Jansen", goal="6",
        text="Waterschappen en boeren bewaren regenwater op de zandgronden."),
    "/stories/procurement/": _STORY.format(
        lang="en", title="Inclusive procurement", adviser="Rachida Meskini", goal="12",
        text="Municipalities and ministries buy services that create jobs."),
}


def _pagefind_children() -> list[int]:
    """Pagefind processes started by this test process, read from /proc so no handle is needed."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
        except (OSError, ValueError):
            continue
        name, rest = stat[stat.index("(") + 1:stat.rindex(")")], stat[stat.rindex(")") + 2:].split()
        if name == "pagefind" and rest[1] == str(os.getpid()):
            found.append(int(entry.name))
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("site")
    with SearchIndex() as index:
        for url, html in PAGES.items():
            index.add(url, html)
        assert index.write(site_dir) == len(PAGES)
    # Pages to search from: the JS API searches the index of the page's own <html lang>.
    for lang in ("nl", "en"):
        (site_dir / f"{lang}.html").write_text(f'<!doctype html><html lang="{lang}"><title>{lang}</title></html>')
    return site_dir


def test_bundle_holds_one_index_per_language(site: Path) -> None:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    counts = {lang: info["page_count"] for lang, info in entry["languages"].items()}
    assert counts == {"nl": 2, "en": 1}
    assert (site / "pagefind" / "wasm.nl.pagefind").is_file()


def test_close_leaves_no_process_even_after_pagefind_died(tmp_path: Path) -> None:
    index = SearchIndex()
    try:
        (pid,) = _pagefind_children()
        index.add("/a/", PAGES["/stories/wijkaanpak/"])
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(SearchIndexError):
            for _ in range(100):  # the failure surfaces on a later add or in write
                index.add("/b/", PAGES["/stories/zoet-water/"])
            index.write(tmp_path)
    finally:
        index.close()
    index.close()
    assert _pagefind_children() == []
    assert not (tmp_path / "pagefind").exists()


def test_context_manager_ends_pagefind_on_error() -> None:
    with pytest.raises(KeyError):
        with SearchIndex() as index:
            index.add("/a/", PAGES["/stories/wijkaanpak/"])
            assert len(_pagefind_children()) == 1
            raise KeyError("a failing build")
    assert _pagefind_children() == []


def test_write_without_pages_is_an_error(tmp_path: Path) -> None:
    with SearchIndex() as index, pytest.raises(SearchIndexError, match="no pages"):
        index.write(tmp_path)


# --- in a real browser -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: apt-get install chromium (Debian's; never a downloaded browser)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass  # pytest shows failures; a line per request would bury them


_SEARCH = """async ([term, filters]) => {
    const pagefind = await import('/pagefind/pagefind.js');
    const search = await pagefind.search(term, filters ? {filters} : {});
    return Promise.all(search.results.map(async result => (await result.data()).url));
}"""


@pytest.fixture(scope="module")
def pages(browser: object, served: str) -> Iterator[dict[str, object]]:
    """One open page per language: Pagefind loads its index once per page, as for a visitor."""
    opened = {}
    for lang in ("nl", "en"):
        opened[lang] = browser.new_page()  # type: ignore[attr-defined]
        opened[lang].goto(f"{served}/{lang}.html")
    yield opened
    for page in opened.values():
        page.close()


def _search(pages: dict[str, object], lang: str, term: str | None,
            filters: dict[str, str] | None = None) -> list[str]:
    return sorted(pages[lang].evaluate(_SEARCH, [term, filters]))  # type: ignore[attr-defined]


@pytest.mark.parametrize("term", ["gemeenten", "gemeente"])
def test_inflected_dutch_word_is_found_both_ways(pages: dict[str, object], term: str) -> None:
    assert _search(pages, "nl", term) == ["/stories/wijkaanpak/"]


def test_dutch_stemmer_joins_forms_that_no_prefix_joins(pages: dict[str, object]) -> None:
    # Pagefind also matches words that start with the term, and the longest indexed word that
    # starts the term, so gemeente/gemeenten match under any stemmer. Only the Dutch stemmer
    # makes "straat" (stem "strat") find a story that says "straten" (stem "strat").
    assert _search(pages, "nl", "straat") == ["/stories/wijkaanpak/"]


@pytest.mark.parametrize("term", ["municipality", "ministry"])
def test_english_page_searches_the_english_index_with_english_stemming(
        pages: dict[str, object], term: str) -> None:
    assert _search(pages, "en", term) == ["/stories/procurement/"]


@pytest.mark.parametrize(("term", "found"), [
    ("11.7", ["/stories/wijkaanpak/"]),
    ("Jansen", ["/stories/zoet-water/"]),
    ("navigatie", []),     # outside data-pagefind-body
    ("zijbalkwoord", []),  # inside data-pagefind-ignore
])
def test_only_the_story_body_is_searchable(pages: dict[str, object], term: str, found: list[str]) -> None:
    assert _search(pages, "nl", term) == found


def test_filter_selects_stories_without_a_search_term(pages: dict[str, object]) -> None:
    assert _search(pages, "nl", None, {"goal": "6"}) == ["/stories/zoet-water/"]
