"""The Pagefind index built page by page (search/pagefind_index.py): its process, and Pagefind's own behaviour
searched in Chromium, as a visitor would. The site's search as built is tested in test_search.py.

Browser fixtures: tests/browser.py (skip without /usr/bin/chromium, fail under CI=true).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

import pytest

from browser import browser, served_site  # noqa: F401 (fixtures)
from project import Build, Project
from sdg_stories.search.pagefind_index import SearchIndex, SearchIndexError

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


def _pagefind_children(parent: int | None = None) -> list[int]:
    """Pagefind processes started by ``parent`` (this test process), read from /proc so no handle is needed."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
        except (OSError, ValueError):
            continue
        name, rest = stat[stat.index("(") + 1:stat.rindex(")")], stat[stat.rindex(")") + 2:].split()
        if name == "pagefind" and rest[1] == str(parent or os.getpid()):
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


def test_close_ends_a_pagefind_that_stopped_reading() -> None:
    """A Pagefind that hangs (here: stopped by a signal) must not hang the build's error path too."""
    index = SearchIndex(timeout=2)
    (pid,) = _pagefind_children()
    os.kill(pid, signal.SIGSTOP)
    started = time.monotonic()
    with pytest.raises(SearchIndexError, match="within 2"):
        for _ in range(5):  # each waits for an answer that cannot come
            index.add("/a/", PAGES["/stories/wijkaanpak/"])
        index.write(Path("/nonexistent-site"))
    index.close()
    assert time.monotonic() - started < 30
    assert _pagefind_children() == []


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
def served(site: Path, served_site) -> str:  # noqa: F811
    return served_site(Build(0, "", site)).rstrip("/")


_SEARCH = """async ([term, filters]) => {
    const pagefind = await import('/pagefind/pagefind.js');
    const search = await pagefind.search(term, filters ? {filters} : {});
    return Promise.all(search.results.map(async result => (await result.data()).url));
}"""


@pytest.fixture(scope="module")
def pages(browser: object, served: str) -> Iterator[dict[str, object]]:  # noqa: F811
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


# --- the build's Pagefind process ------------------------------------------------------------------


_FAILING_HOOK = """
def on_post_page(output, page, config):
    if page.file.src_uri.endswith("tweede.md"):
        raise RuntimeError("a build failing after Pagefind has started")
    return output
"""


def test_a_build_failing_after_pagefind_started_leaves_no_process(project: Project) -> None:
    """In this process, as under `mkdocs serve`, which goes on after a failed rebuild: on_build_error ends it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project.story("eerste.md", title="Eerste")
    project.story("tweede.md", title="Tweede")
    project.write("failing_hook.py", _FAILING_HOOK)
    config_file = project.root / "mkdocs.yml"
    text = config_file.read_text("utf-8")
    assert text.count("  - hooks/mkdocs_hooks.py\n") == 1
    config_file.write_text(text.replace("  - hooks/mkdocs_hooks.py\n", "  - hooks/mkdocs_hooks.py\n  - failing_hook.py\n"), "utf-8")
    config = load_config(str(config_file), site_dir=str(project.root / "site"))
    with pytest.raises(RuntimeError, match="after Pagefind has started"):
        build(config)
    assert _pagefind_children() == []


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _page_count(base: str) -> int | None:
    try:
        with urlopen(f"{base}pagefind/pagefind-entry.json", timeout=5) as answer:
            return json.load(answer)["languages"]["nl"]["page_count"]
    except (URLError, OSError, ValueError, KeyError):
        return None


def _wait_for(condition, what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.2)


@pytest.mark.serve
def test_mkdocs_serve_writes_the_index_on_every_rebuild_and_keeps_no_process(project: Project) -> None:
    project.story("eerste.md", title="Eerste")
    port = _free_port()
    serve = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project.root, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        # Each story, the 17 goals and the 2 advisers (search/records.py); the project has no vacancies.
        _wait_for(lambda: _page_count(base) == 1 + 17 + 2, "the first build's index")
        _wait_for(lambda: _pagefind_children(serve.pid) == [], "Pagefind to end after the build")
        project.story("tweede.md", title="Tweede")
        _wait_for(lambda: _page_count(base) == 2 + 17 + 2, "the rebuild's index")
        _wait_for(lambda: _pagefind_children(serve.pid) == [], "Pagefind to end after the rebuild")
    finally:
        serve.terminate()
        serve.wait(timeout=30)
