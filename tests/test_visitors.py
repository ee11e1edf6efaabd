"""The public site as a visitor meets it in Chromium, at 320, 390 and 1280 px, with and without JavaScript.

Issue 15: a story page that reads like the rubric page it replaces, goal pages browsable by target, the
current tab marked, nothing sticking out at 320 px, the 404 page and every word of the theme in the site's
language, a header without an empty band when JavaScript is off, and no request to the production host.
The example site is the repository's own content (conftest.py); an English site is built for the words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from browser import browser, new_context, served_site  # noqa: F401 (fixtures)
from project import Build, Project

pytestmark = pytest.mark.browser

WIDTHS = [320, 390, 1280]
STORY = "stories/veilig-winkelcentrum/"
PAGES = {
    "home": "",
    "overview": "stories/",
    "goal": "sdg/11/",
    "goal-without-stories": "sdg/1/",
    "goals": "sdg/",
    "report": "verslag/2025/",
    "story": STORY,
    "story-english": "stories/regional-sdg-partnership/",
    "adviser": "advisers/dirk-blokhuis/",
    "staff": "verhaal-schrijven/",
    "404": "404.html",
}
# What Material, MkDocs, Python-Markdown and Pagefind say in English where nobody translated them.
ENGLISH = ["Made with", "Permanent link", "Not found", "404 -", "Reset", "DRAFT", "Search this site",
           "Results will appear", "Table of contents", "Back to top", "Skip to content", "Header", "Tabs", "Atom-feed"]


@pytest.fixture(scope="module")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = Project(tmp_path_factory.mktemp("visitors-en"), example_content=True)
    project.configure(theme__language="en", rubric_intro=None)
    build = project.build("--strict", env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert build.ok, build.output
    return build


class Visit:
    """A page of a context that records every request for another host than the served site."""

    def __init__(self, browser: Any, width: int, javascript: bool = True) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=javascript)
        self.elsewhere: list[str] = []
        self.context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/])"), self._refuse)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _refuse(self, route: Any) -> None:
        self.elsewhere.append(route.request.url)
        route.abort()

    def open(self, url: str) -> Any:
        self.page.goto(url, wait_until="networkidle")
        return self.page

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:  # noqa: F811
    visits: list[Visit] = []

    def make(width: int = 1280, javascript: bool = True) -> Visit:
        visits.append(Visit(browser, width, javascript))
        return visits[-1]

    yield make
    for one in visits:
        one.close()
    assert [error for one in visits for error in one.errors] == []


# --- the story page ---------------------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_the_story_page_shows_its_parts_in_a_readers_order(visit, served_site, example_site: Build, width: int) -> None:  # noqa: F811
    page = visit(width).open(served_site(example_site) + STORY)
    parts = [
        ".sdg-story__header .sdg-kicker", "article.sdg-story h1", ".sdg-story__header .sdg-adviser", ".sdg-story__lead",
        ".sdg-contributions", ".sdg-story__body", ".sdg-vacancies--cta", ".sdg-related", ".sdg-back",
    ]
    tops = []
    for selector in parts:
        element = page.locator(selector).first
        assert element.is_visible(), f"{selector} at {width}px"
        tops.append(element.bounding_box()["y"])
    assert tops == sorted(tops), dict(zip(parts, tops))
    assert page.locator(".sdg-story__lead").inner_text().startswith("Hoe de gemeente Lindewaard")
    # The target it serves most, quoted in its own words in the first screen; the others beneath, each with
    # its text; nothing means something only in a tooltip.
    quote = page.locator(".sdg-contributions .sdg-target-quote")
    assert quote.bounding_box()["y"] < page.viewport_size["height"], f"the quote box below the first screen at {width}px"
    assert "Subdoel 11.7" in quote.locator("figcaption").inner_text()
    assert "Duurzame steden en gemeenschappen" in quote.locator("figcaption").inner_text()
    assert "openbare ruimtes" in quote.locator("blockquote").inner_text()
    other = page.locator(".sdg-contributions__others li").first
    assert "16.1" in other.locator(".sdg-chip").inner_text()
    assert "geweld" in other.locator(".sdg-contribution__target-text").inner_text()
    assert page.locator(".sdg-story__header [title], .sdg-contributions [title]").count() == 0
    # The quote's caption is not set in the theme's caption style (italic, indented, centred).
    caption = quote.locator("figcaption")
    assert caption.evaluate("e => getComputedStyle(e).fontStyle") == "normal"
    assert abs(caption.bounding_box()["x"] - quote.locator("blockquote").bounding_box()["x"]) < 2
    assert page.locator(".sdg-rubric").is_visible()


# --- goal pages -------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_a_goal_page_lists_each_targets_stories(visit, served_site, example_site: Build, width: int) -> None:  # noqa: F811
    base = served_site(example_site)
    page = visit(width).open(base + "sdg/11/")
    target = page.locator("#target-11-7")
    assert target.locator(".sdg-target__count").inner_text().startswith("1 verhaal")
    story = target.locator(".sdg-target__stories a")
    assert story.inner_text() == "Adviseur OOV over een veilig winkelcentrum" and story.is_visible()
    # The filtered overview it links to shows that target chosen, once the filters have answered.
    target.locator(".sdg-target__count a").click()
    page.wait_for_function("() => document.querySelector('form.sdg-filters')?.dataset.shown === location.search")
    assert page.locator("#sdg-filter-target").input_value() == "11.7"
    assert page.locator(".sdg-filter-results .sdg-card").count() == 1


def test_an_empty_goal_invites_a_click(visit, served_site, example_site: Build) -> None:  # noqa: F811
    base = served_site(example_site)
    page = visit(390).open(base + "sdg/1/")
    links = page.locator(".sdg-empty-state a")
    assert links.count() == 2 and links.first.is_visible()
    links.first.click()
    assert page.url == base + "stories/"


# --- the overview -----------------------------------------------------------------------------------


def test_the_overview_shows_a_story_above_the_fold_at_1280(visit, served_site, example_site: Build) -> None:  # noqa: F811
    page = visit(1280).open(served_site(example_site) + "stories/")
    page.wait_for_selector("form.sdg-filters:not([hidden])")
    first = page.locator(".sdg-story-list .sdg-card__title").first
    assert first.bounding_box()["y"] + first.bounding_box()["height"] < 900


@pytest.mark.parametrize("width", [320, 390])
def test_goal_filters_show_names_on_a_phone(visit, served_site, example_site: Build, width: int) -> None:  # noqa: F811
    page = visit(width).open(served_site(example_site) + "stories/")
    page.wait_for_selector("form.sdg-filters:not([hidden])")
    # Folded behind one button on a phone: opened by a click where it shows.
    toggle = page.locator("summary.sdg-filters__toggle")
    box = toggle.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    title = page.locator(".sdg-goal-toggle__title").nth(10)
    assert title.is_visible() and title.inner_text() == "Duurzame steden en gemeenschappen"
    box = title.bounding_box()
    assert box["width"] > 40 and box["x"] + box["width"] <= width


def test_the_target_list_narrows_to_the_chosen_goals(visit, served_site, example_site: Build) -> None:  # noqa: F811
    page = visit(1280).open(served_site(example_site) + "stories/?goal=11&target=16.1")
    page.wait_for_function("() => document.querySelector('form.sdg-filters')?.dataset.shown === location.search")
    # A target of a goal that is not chosen is let go, and only goal 11's targets are offered.
    assert page.url.endswith("stories/?goal=11")
    offered = page.eval_on_selector_all("#sdg-filter-target optgroup:not([disabled]) option", "os => os.map(o => o.value)")
    assert offered and all(value.startswith("11.") for value in offered)
    page.locator('.sdg-goal-toggle:has(input[value="16"])').click()
    page.wait_for_function("() => document.querySelector('form.sdg-filters')?.dataset.shown === location.search")
    offered = page.eval_on_selector_all("#sdg-filter-target optgroup:not([disabled]) option", "os => os.map(o => o.value)")
    assert {value.split(".")[0] for value in offered} == {"11", "16"}


# --- navigation and layout --------------------------------------------------------------------------


@pytest.mark.parametrize("url, tab", [(STORY, "Verhalen"), ("sdg/11/", "Doelen"), ("advisers/dirk-blokhuis/", "Adviseurs")])
def test_the_current_tab_is_marked(visit, served_site, example_site: Build, url: str, tab: str) -> None:  # noqa: F811
    page = visit(1280).open(served_site(example_site) + url)
    active = page.locator(".md-tabs__item--active")
    assert active.count() == 1 and active.inner_text().strip() == tab and active.is_visible()


@pytest.mark.parametrize("name", ["home", "overview", "goal", "goals", "story", "story-english", "adviser", "staff", "404"])
def test_nothing_sticks_out_or_is_clipped_at_320(visit, served_site, example_site: Build, name: str) -> None:  # noqa: F811
    page = visit(320).open(served_site(example_site) + PAGES[name])
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    outside = page.evaluate("""() => [...document.querySelectorAll(
            '.md-content h1, .sdg-card, .sdg-goal-header, .sdg-goal-header h1, .sdg-badge, .sdg-tile, .sdg-vacancy, .sdg-contribution')]
        .filter(e => e.offsetParent !== null)
        .filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > 320 || e.scrollWidth > e.clientWidth + 1; })
        .map(e => e.className + ': ' + e.textContent.trim().slice(0, 40))""")
    assert outside == []


def test_the_home_page_has_a_lead_and_no_sidebars(visit, served_site, example_site: Build) -> None:  # noqa: F811
    page = visit(1280).open(served_site(example_site))
    assert page.locator(".sdg-lead").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-sidebar--secondary").is_visible()
    assert page.locator(".md-footer .sdg-footer-links:not(.sdg-footer-links--public) a").count() == 3


# --- the site's language ----------------------------------------------------------------------------


@pytest.mark.parametrize("width", [390, 1280])
def test_the_404_page_is_dutch_and_shows_the_way_on(visit, served_site, example_site: Build, width: int) -> None:  # noqa: F811
    base = served_site(example_site)
    page = visit(width).open(base + "404.html")
    assert page.locator("h1").inner_text() == "Pagina niet gevonden"
    hrefs = page.eval_on_selector_all(".md-content a", "as => as.map(a => a.href)")
    assert base + "stories/" in hrefs and base + "sdg/" in hrefs
    trigger = page.locator(".md-content pagefind-modal-trigger button")
    assert trigger.is_visible()
    trigger.click()
    assert page.locator("pagefind-modal pagefind-input input").is_visible()


def _visible_words(page: Any) -> str:
    """The text a visitor sees or hears: visible text, and the title and aria-label of every element."""
    return page.evaluate("""() => document.body.innerText + '\\n' + [...document.querySelectorAll('[title], [aria-label]')]
        .map(e => (e.getAttribute('title') || '') + ' ' + (e.getAttribute('aria-label') || '')).join('\\n')""")


@pytest.mark.parametrize("name", ["home", "overview", "goal", "story", "adviser", "staff", "404"])
def test_no_english_theme_words_on_the_dutch_site(visit, served_site, example_site: Build, name: str) -> None:  # noqa: F811
    page = visit(1280).open(served_site(example_site) + PAGES[name])
    if name == "home":  # the search dialog too, with a search typed and its clear button
        page.locator(".sdg-search--wide pagefind-modal-trigger button").click()
        page.locator("pagefind-modal pagefind-input input").press_sequentially("gemeente")
        page.wait_for_selector("pagefind-modal .sdg-result")
    words = _visible_words(page)
    assert [english for english in ENGLISH if english in words] == []
    if name == "home":
        assert "Wissen" in page.locator("pagefind-modal pagefind-input").inner_text()


def test_the_english_site_says_it_in_english(visit, served_site, english_site: Build) -> None:  # noqa: F811
    page = visit(1280).open(served_site(english_site) + "404.html")
    assert page.locator("h1").inner_text() == "Page not found"
    assert "Made with Material for MkDocs" in page.locator(".md-footer").inner_text()
    story = visit(1280).open(served_site(english_site) + STORY)
    assert story.locator(".sdg-contributions h2").inner_text() == "This story contributes to"
    assert story.locator(".sdg-kicker").inner_text().startswith("SERIES")  # "Series", in capitals by the stylesheet
    assert story.locator(".sdg-kicker a").get_attribute("href") == "../../about-the-series/"
    assert "In this series our advisers" in story.locator(".sdg-rubric").inner_text()
    assert story.locator("a.headerlink").first.get_attribute("title") == "Permanent link"
    overview = visit(1280).open(served_site(english_site) + "stories/")
    labels = overview.locator(".sdg-story-list .sdg-card__lang")
    dutch = overview.locator('.sdg-story-list .sdg-card__title[lang="nl"]').count()
    assert dutch > 0 and labels.count() == dutch and labels.first.inner_text() == "In Dutch"


# --- without JavaScript, and offline ----------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_without_javascript_the_header_has_no_band_and_a_way_to_search(visit, served_site, example_site: Build, width: int) -> None:  # noqa: F811
    base = served_site(example_site)
    page = visit(width, javascript=False).open(base + "sdg/11/")
    header = page.locator(".md-header").bounding_box()
    below = page.locator(".md-tabs" if width >= 1220 else ".md-main").bounding_box()
    assert below["y"] - (header["y"] + header["height"]) < 2, "nothing between the header and what follows"
    fallback = page.locator(".sdg-search-fallback")
    assert fallback.is_visible()
    hrefs = fallback.locator("a").evaluate_all("as => as.map(a => a.href)")
    assert hrefs == [base + "stories/", base + "sdg/"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("name", ["home", "goal", "story", "overview", "404"])
def test_a_local_preview_asks_nothing_of_the_production_host(visit, served_site, example_site: Build, name: str) -> None:  # noqa: F811
    one = visit(1280)
    one.open(served_site(example_site) + PAGES[name])
    assert one.elsewhere == []
