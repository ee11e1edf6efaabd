"""Browser fixtures shared by the browser tests: Debian's Chromium, driven by Playwright, on a built site.

Use them by importing them into a test module (pytest finds imported fixtures):

    from browser import browser, browser_page, served_site

- ``served_site(build) -> base_url``: serves ``build.site`` on 127.0.0.1 at a free port, once per
  site for the session; ``base_url`` ends in "/" ("http://127.0.0.1:41234/").
- ``browser``: one Chromium per test module, /usr/bin/chromium with the offline flags (never a
  downloaded browser: no ``playwright install``). Per module, not per session: Playwright's sync API
  allows one instance per thread at a time, so a module must close its own before the next starts one.
- ``browser_page``: a fresh page in a fresh context (1280 px wide) that can reach only 127.0.0.1, and
  that fails the test on any JavaScript error. ``new_context(browser, width)`` makes more.

Where Chromium or Playwright is missing the tests skip with the reason; under CI=true they fail
instead, because a skipped browser test would hide a broken site.
"""

from __future__ import annotations

import functools
from contextlib import contextmanager
import os
import re
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NoReturn

import pytest

from project import Build

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# Anything but the served site: Material fetches {site_url}sitemap.xml, which offline waits on DNS.
_ELSEWHERE = re.compile(r"^(?!http://127\.0\.0\.1[:/])")


def unavailable(reason: str) -> NoReturn:
    """Skip for a developer without the browser; fail under CI, where the browser must be there."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true and {reason}")
    pytest.skip(reason)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass  # pytest shows failures; a line per request would bury them


@pytest.fixture(scope="session")
def served_site() -> Iterator[Callable[[Build], str]]:
    """``served_site(build)`` serves the built site on 127.0.0.1 and returns its base URL."""
    servers: dict[Path, ThreadingHTTPServer] = {}

    def serve(build: Build) -> str:
        if build.site not in servers:
            handler = functools.partial(_QuietHandler, directory=str(build.site))
            server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers[build.site] = server
        return f"http://127.0.0.1:{servers[build.site].server_address[1]}/"

    yield serve
    for server in servers.values():
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing: apt-get install chromium (Debian's; never a downloaded browser)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright for Python is missing: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def new_context(browser: Any, width: int = 1280, **options: Any) -> Any:
    """A fresh browser context that reaches only 127.0.0.1, as on CI's offline machine."""
    context = browser.new_context(viewport={"width": width, "height": 900}, **options)
    context.route(_ELSEWHERE, lambda route: route.abort())
    return context


@pytest.fixture
def browser_page(browser: Any) -> Iterator[Any]:
    """A page in its own context; the test fails if the page threw a JavaScript error."""
    context = new_context(browser)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


# Pagefind draws a result when it scrolls into view: done when the summary has counted the results for the
# term ("7 resultaten voor ...", not "Zoeken naar ...") and every one is drawn, scrolling on as a visitor does.
_ALL_RESULTS_DRAWN = """term => {
    const summary = document.querySelector('pagefind-modal pagefind-summary')?.textContent || '';
    if (!summary.includes(term) || summary.includes('...')) return false;
    const drawn = document.querySelectorAll('pagefind-modal .sdg-result');
    if (drawn.length >= (parseInt(summary, 10) || 0)) return true;
    document.querySelector('pagefind-modal pagefind-results li[aria-hidden="true"]')?.scrollIntoView();
    return false;
}"""


def wait_for_search_results(page: Any, term: str) -> None:
    """Wait until the open search dialog shows every result for ``term``."""
    page.wait_for_function(_ALL_RESULTS_DRAWN, arg=term)


def press(page: Any, locator: Any, pointer: str = "mouse") -> None:
    """A person's click (``pointer="mouse"``) or tap (``"touch"``) on what they see of ``locator``: the middle
    of its first line, after scrolling it into view. Not the middle of its bounding box: a title wrapped over
    two lines has blank space there, beside the first line's end, where a finger opens nothing."""
    # Into the middle of its scrolling box, as a person scrolls to what they want: at the edge it can sit
    # under a sticky bar (the search dialog's footer at 320 px), which would take the click.
    locator.evaluate("e => e.scrollIntoView({block: 'center', inline: 'nearest'})")
    # A person aims where the element has come to rest: the results list may still draw and shift.
    first_line = "e => { const r = e.getClientRects()[0]; return {x: r.x, y: r.y, width: r.width, height: r.height}; }"
    box = locator.evaluate(first_line)
    for _ in range(20):
        page.wait_for_timeout(50)
        settled = locator.evaluate(first_line)
        if settled == box:
            break
        box = settled
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    if pointer == "touch":
        page.touchscreen.tap(x, y)
    else:
        page.mouse.click(x, y)


@contextmanager
def chromium_reaching_only(allowed: str | tuple[str, ...], **options: Any) -> Iterator[tuple[Any, list[str], list[str]]]:
    """Debian's Chromium with one context that may reach only addresses starting with ``allowed``, for tests
    that drive it themselves (a server of their own, several pages). Yields the context, the addresses it
    refused and the script errors of its pages, for the test to assert on."""
    from playwright.sync_api import sync_playwright

    refused: list[str] = []
    errors: list[str] = []

    def refuse(route: Any) -> None:
        refused.append(route.request.url)
        route.abort()

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            context = chromium.new_context(**options)
            context.route(lambda url: not url.startswith(allowed), refuse)
            context.on("page", lambda page: page.on("pageerror", lambda error: errors.append(str(error))))
            yield context, refused, errors
        finally:
            chromium.close()
