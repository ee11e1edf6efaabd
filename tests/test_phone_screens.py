"""A phone's first screen shows stories (issue 20), checked in Chromium as a visitor acts: a real tap or click.

At 390 × 844 the overview's filters fold behind one button that counts the active ones, and after a goal is
ticked the count and the first result are in the first screen; goal names wrap between words, never inside
one; a goal page starts with its stories, then the targets that have stories, the others folded in one line.
"""

from __future__ import annotations

from typing import Any

import pytest

from browser import browser, new_context, served_site  # noqa: F401 (fixtures)
from project import Build
from sdg_stories.pages.goals import TargetStories, target_sections
from sdg_stories.pages.labels import LABELS
from sdg_stories.sdg.goals import load_framework
from test_filters_a11y import _axe, _report, axe_script  # noqa: F401 (fixture)

SCREEN = 844  # the height of a 390 px phone's screen
FRAMEWORK = load_framework()


@pytest.fixture
def phone(browser: Any) -> Any:  # noqa: F811
    """``phone(width, touch=True)``: a page in a phone-sized context that reaches only 127.0.0.1."""
    contexts: list[Any] = []
    errors: list[str] = []

    def make(width: int = 390, touch: bool = True) -> Any:
        context = new_context(browser, width, has_touch=touch, is_mobile=touch)
        context.set_default_timeout(10_000)
        page = context.new_page()
        page.set_viewport_size({"width": width, "height": SCREEN})
        page.on("pageerror", lambda error: errors.append(str(error)))
        contexts.append(context)
        return page

    yield make
    for context in contexts:
        context.close()
    assert errors == []


def _press(page: Any, selector: str, touch: bool) -> None:
    """A person's tap or click at the centre of what they see, after scrolling it into view."""
    element = page.locator(selector)
    element.scroll_into_view_if_needed()
    box = element.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    if touch:
        page.touchscreen.tap(x, y)
    else:
        page.mouse.click(x, y)


def _filters_ready(page: Any) -> None:
    page.wait_for_function("() => document.querySelector('form.sdg-filters')?.dataset.shown === location.search")


# --- the overview -----------------------------------------------------------------------------------


@pytest.mark.parametrize("width, touch", [(390, True), (320, False)])
def test_on_a_phone_a_ticked_goal_shows_its_stories_in_the_first_screen(
        phone, served_site, example_site: Build, width: int, touch: bool) -> None:  # noqa: F811
    page = phone(width, touch)
    page.goto(served_site(example_site) + "stories/")
    _filters_ready(page)
    toggle = page.locator("summary.sdg-filters__toggle")
    # Folded: the first story of the list is in the first screen, under one button.
    assert toggle.inner_text().strip() == "Filters"
    assert page.locator(".sdg-goal-toggle__title").first.is_hidden()
    assert page.locator(".sdg-story-list .sdg-card").first.bounding_box()["y"] < SCREEN
    _press(page, "summary.sdg-filters__toggle", touch)
    assert page.locator("details.sdg-filters__box").get_attribute("open") is not None
    _press(page, "label.sdg-goal-11", touch)
    page.wait_for_url("**/stories/?goal=11")
    _filters_ready(page)
    assert toggle.inner_text().strip() == "Filters (1)"
    count = page.locator(".sdg-filters__count")
    assert count.inner_text().startswith("3 van de 9 verhalen")
    card = page.locator(".sdg-filter-results .sdg-card").first
    assert 0 <= count.bounding_box()["y"] < SCREEN
    assert 0 <= card.bounding_box()["y"] < SCREEN, card.bounding_box()
    # A second goal: the button counts it; folded again, the results follow the button at once.
    _press(page, "label.sdg-goal-16", touch)
    page.wait_for_url("**/stories/?goal=11&goal=16")
    _filters_ready(page)
    assert toggle.inner_text().strip() == "Filters (2)"
    page.evaluate("window.scrollTo(0, 0)")
    _press(page, "summary.sdg-filters__toggle", touch)
    assert page.locator("details.sdg-filters__box").get_attribute("open") is None
    assert page.locator(".sdg-filter-results .sdg-card").first.bounding_box()["y"] < SCREEN / 2


def test_a_filtered_link_opens_folded_on_a_phone_and_counts_its_filters(phone, served_site, example_site: Build) -> None:  # noqa: F811
    page = phone(390)
    page.goto(served_site(example_site) + "stories/?goal=11&year=2025")
    _filters_ready(page)
    assert page.locator("summary.sdg-filters__toggle").inner_text().strip() == "Filters (2)"
    assert page.locator(".sdg-filter-results .sdg-card").first.bounding_box()["y"] < SCREEN


def test_the_fold_button_is_reached_by_tab_visibly_focused_and_opened_by_enter(
        phone, served_site, example_site: Build) -> None:  # noqa: F811
    page = phone(390, touch=False)
    page.goto(served_site(example_site) + "stories/")
    _filters_ready(page)
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('summary.sdg-filters__toggle')"):
            break
    style = page.evaluate("(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; })()")
    assert style[0] != "none" and float(style[1].rstrip("px")) >= 2, style
    page.keyboard.press("Enter")
    assert page.locator("details.sdg-filters__box").get_attribute("open") is not None
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "goal"


def test_at_desktop_width_the_filters_are_open(phone, served_site, example_site: Build) -> None:  # noqa: F811
    page = phone(1280, touch=False)
    page.goto(served_site(example_site) + "stories/")
    _filters_ready(page)
    assert page.locator("details.sdg-filters__box").get_attribute("open") is not None
    assert page.locator(".sdg-goal-toggle__title").nth(10).is_visible()


# Each word of a name that is split over two lines gives two rectangles.
BROKEN_WORDS = """selector => [...document.querySelectorAll(selector)].filter(e => e.offsetParent !== null).flatMap(e => {
    const broken = [];
    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of node.data.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(node, word.index);
            range.setEnd(node, word.index + word[0].length);
            const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
            if (lines.size > 1) broken.push(word[0]);
        }
    }
    return broken;
})"""


@pytest.mark.parametrize("width", [320, 360, 390, 414, 600])
@pytest.mark.parametrize("chosen", ["", "?" + "&".join(f"goal={n}" for n in range(1, 18))])
def test_names_wrap_between_words_never_inside_one(
        phone, served_site, example_site: Build, width: int, chosen: str) -> None:  # noqa: F811
    touch = width < 600  # a mobile browser's layout, where the old grid broke names unchosen too
    page = phone(width, touch=touch)
    base = served_site(example_site)
    page.goto(base + "stories/" + chosen)  # a chosen goal's name is bold, and wider
    _filters_ready(page)
    _press(page, "summary.sdg-filters__toggle", touch=touch)
    titles = page.locator(".sdg-goal-toggle__title")
    assert titles.nth(3).inner_text() == "Kwaliteitsonderwijs" and titles.nth(3).is_visible()
    for selector in (".sdg-goal-toggle__title", ".sdg-card__title", ".sdg-badge__title"):
        assert page.evaluate(BROKEN_WORDS, selector) == [], selector
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.goto(base + "sdg/11/")
    for selector in (".sdg-card__title", ".sdg-badge__title", ".sdg-goal-header h1"):
        assert page.evaluate(BROKEN_WORDS, selector) == [], selector


# --- goal pages -------------------------------------------------------------------------------------


def test_a_goal_pages_first_screen_on_a_phone_shows_a_story(phone, served_site, example_site: Build) -> None:  # noqa: F811
    page = phone(390)
    page.goto(served_site(example_site) + "sdg/11/")
    card = page.locator(".sdg-goal-stories .sdg-card").first
    assert 0 <= card.bounding_box()["y"] < SCREEN
    # Each card names the targets it serves, linking to their text further down.
    assert card.locator(".sdg-chips .sdg-chip").count() > 0
    # Stories, then the targets with stories, then one line for the others, then vacancies.
    tops = [page.locator(selector).first.bounding_box()["y"] for selector in
            (".sdg-goal-stories", ".sdg-targets", "details.sdg-targets-empty", ".sdg-vacancies")]
    assert tops == sorted(tops)
    empty = page.locator("details.sdg-targets-empty")
    summary = empty.locator("summary")
    assert summary.inner_text().strip() == "7 subdoelen zonder verhaal"
    assert page.locator("#target-11-1").is_hidden() and page.locator("#target-11-7").is_visible()
    _press(page, "details.sdg-targets-empty > summary", touch=True)
    assert page.locator("#target-11-1").is_visible()
    assert empty.locator(".sdg-target").count() == 7


def test_a_link_to_a_folded_target_opens_it(phone, served_site, example_site: Build) -> None:  # noqa: F811
    page = phone(390)
    page.goto(served_site(example_site) + "sdg/11/#target-11-1")
    target = page.locator("#target-11-1")
    target.wait_for(state="visible")
    assert 0 <= target.bounding_box()["y"] < SCREEN


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_no_axe_violations_with_the_folds_open(
        phone, served_site, example_site: Build, axe_script: str, width: int) -> None:  # noqa: F811
    page = phone(width, touch=False)
    base = served_site(example_site)
    page.goto(base + "stories/?goal=11")
    _filters_ready(page)
    if page.locator("details.sdg-filters__box").get_attribute("open") is None:
        _press(page, "summary.sdg-filters__toggle", touch=False)
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    violations = _axe(page, axe_script)["violations"]
    assert violations == [], _report(violations)
    page.goto(base + "sdg/11/")
    _press(page, "details.sdg-targets-empty > summary", touch=False)
    # Scrolled down, Material fades its tabs out and the page title in: axe reads colours as they are, so it
    # waits until the fades are over (halfway, the tabs are text of 1.18:1 that no visitor is meant to read).
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    violations = _axe(page, axe_script)["violations"]
    assert violations == [], _report(violations)


# --- the words, in both languages ---------------------------------------------------------------------


@pytest.mark.parametrize("lang, one, many", [("nl", "1 subdoel zonder verhaal", "8 subdoelen zonder verhaal"),
                                             ("en", "1 target without a story", "8 targets without a story")])
def test_the_folded_targets_line_counts_in_the_sites_language(lang: str, one: str, many: str) -> None:
    targets = FRAMEWORK.goal(11).targets
    used = TargetStories(targets[0], (), 1)
    assert target_sections((used, TargetStories(targets[1], (), 0)), LABELS[lang]).without_label == one
    groups = (used, used) + tuple(TargetStories(target, (), 0) for target in targets[2:])
    sections = target_sections(groups, LABELS[lang])
    assert sections.without_label == many and len(sections.with_stories) == 2
    assert LABELS[lang]["filter_toggle_n"].format(n=2) == "Filters (2)"
