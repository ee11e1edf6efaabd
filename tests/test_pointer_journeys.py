"""Search results opened as people open them: a mouse click or a finger's tap on the result, at phone and
desktop widths, for the first, the second and the last result.

Arrow keys and Enter worked while a click opened another page: the result template was no positioning
context for Pagefind's full-size click area (``.pf-result-link::after``, ``inset: 0``), so the last
result's area lay over the whole list. A script click or ``locator.click(force=True)`` goes to the
element itself and cannot see that; ``page.mouse.click`` and ``page.touchscreen.tap`` at the title's
position hit whatever lies on top there, as a person's pointer does.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from browser import browser, new_context, press, served_site, wait_for_search_results  # noqa: F401 (fixtures)
from project import Build, Project

EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01: every example vacancy still open
TERM = "gemeente"  # found in several stories, a goal and a vacancy of the example content


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = Project(tmp_path_factory.mktemp("pointer"), example_content=True).build("--strict", env=EPOCH)
    assert build.ok, build.output
    return build


def _open_search(page: Any, pointer: str) -> Any:
    """Open the search from the header, type the term; the results, once all are drawn."""
    trigger = page.locator(".sdg-search--wide pagefind-modal-trigger button")
    if not trigger.is_visible():
        trigger = page.locator(".sdg-search--narrow pagefind-modal-trigger button")
    press(page, trigger, pointer)
    field = page.locator("pagefind-modal pagefind-input input")
    field.wait_for(state="visible")
    field.press_sequentially(TERM)
    wait_for_search_results(page, TERM)
    return page.locator("pagefind-modal .sdg-result a.pf-result-link")


@pytest.mark.browser
@pytest.mark.parametrize("which", ["first", "second", "last"])
@pytest.mark.parametrize("pointer", ["mouse", "touch"])
@pytest.mark.parametrize("width", [320, 390, 1280])
def test_a_clicked_or_tapped_search_result_opens_its_own_page(
        browser: Any, served_site: Any, example_site: Build, width: int, pointer: str, which: str) -> None:  # noqa: F811
    touch = pointer == "touch"
    context = new_context(browser, width=width, has_touch=touch, is_mobile=touch)
    page = context.new_page()
    try:
        base = served_site(example_site)
        page.goto(base + "stories/")
        links = _open_search(page, pointer)
        count = links.count()
        assert count >= 3, f"the test needs three results for {TERM!r}"
        link = links.nth({"first": 0, "second": 1, "last": count - 1}[which])
        expected = urlsplit(urljoin(page.url, link.get_attribute("href"))).path
        with page.expect_navigation():
            press(page, link, pointer)
        assert urlsplit(page.url).path == expected
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("which", ["first", "last"])
@pytest.mark.parametrize("width, pointer", [(320, "touch"), (390, "touch"), (1280, "mouse")])
def test_a_filtered_story_opens_when_its_title_is_clicked_or_tapped(
        browser: Any, served_site: Any, example_site: Build, width: int, pointer: str, which: str) -> None:  # noqa: F811
    """The filters' results are cards drawn by the page script: a tap on a title opens that story."""
    touch = pointer == "touch"
    context = new_context(browser, width=width, has_touch=touch, is_mobile=touch)
    page = context.new_page()
    try:
        page.goto(served_site(example_site) + "stories/")
        page.wait_for_function("() => document.querySelector('form.sdg-filters')?.dataset.shown === location.search")
        if page.locator("details.sdg-filters__box").get_attribute("open") is None:
            press(page, page.locator("summary.sdg-filters__toggle"), pointer)
        press(page, page.locator("label.sdg-goal-11"), pointer)
        page.wait_for_url("**/stories/?goal=11")
        page.wait_for_function("() => document.querySelector('form.sdg-filters')?.dataset.shown === location.search")
        titles = page.locator(".sdg-filter-results .sdg-card:visible .sdg-card__title a")
        assert titles.count() >= 2
        link = titles.nth(0 if which == "first" else titles.count() - 1)
        expected = urlsplit(urljoin(page.url, link.get_attribute("href"))).path
        with page.expect_navigation():
            press(page, link, pointer)
        assert urlsplit(page.url).path == expected
    finally:
        context.close()
