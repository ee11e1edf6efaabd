"""The overview's filters, the no-JavaScript lists and accessibility, checked in Chromium as a visitor meets them.

Two builds of the example content: the repository's settings (axe and the screenshots), and one with
2 stories a page, so that the paginated lists have several pages and the filter results a "more" button.
What the filters must find is read from the built story pages themselves (their badges, chips, adviser
link and date), not from the code that feeds Pagefind.

Needs Debian's /usr/bin/chromium, Playwright for Python and axe-core (the `axe-playwright-python` package
ships it); `pip install -e '.[test]'` brings the last two, `.ci/run` installs chromium. Without them these
tests skip with the reason, except under CI=true, where a skip would hide a broken site and fails instead.
Each run saves a screenshot of every page checked by axe, at both widths, into test-artifacts/screenshots/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from browser import browser, browser_page, new_context, served_site, unavailable  # noqa: F401 (fixtures)
from project import ROOT, Build, Project

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
WIDTHS = [320, 390, 1280]
PAGE_SIZE = 2  # of the paged build: 5 overview pages, 2 for goals 6 and 11


# --- the sites -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Story:
    """A published story as its own page shows it."""

    url: str  # site-root relative: stories/x/
    goals: frozenset[str]
    targets: frozenset[str]
    adviser: str
    year: str


def _stories(build: Build) -> dict[str, Story]:
    stories = {}
    for page in sorted(build.site.glob("stories/*/index.html")):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        header = soup.select_one("article.sdg-story .sdg-story__header")
        if header is None:
            continue  # stories/page/2/ and the like
        url = f"stories/{page.parent.name}/"
        stories[url] = Story(
            url=url,
            goals=frozenset(_last_segment(a["href"]) for a in header.select(".sdg-badges a.sdg-badge")),
            targets=frozenset(a["href"].rsplit("#target-", 1)[1].replace("-", ".")
                              for a in soup.select('.sdg-contributions a.sdg-chip[href*="#target-"]')),
            adviser=_last_segment(header.select_one(".sdg-adviser__name a")["href"]),
            year=header.select_one(".sdg-story__date time")["datetime"][:4],
        )
    return stories


def _last_segment(href: str) -> str:
    return href.rstrip("/").rsplit("/", 1)[-1]


def _site_url(href: str, base: str) -> str:
    """``href`` as found on a page, as a site-root relative path: stories/x/."""
    return urlsplit(urljoin(base, href)).path.lstrip("/")


@pytest.fixture(scope="session")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = Project(tmp_path_factory.mktemp("paged"), example_content=True)
    project.configure(page_size=PAGE_SIZE)
    build = project.build("--strict", env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert build.ok, build.output
    return build


@pytest.fixture(scope="session")
def stories(example_site: Build) -> dict[str, Story]:
    found = _stories(example_site)
    assert len(found) == 9  # the example content's published stories: the draft is not among them
    return found


@pytest.fixture
def page(browser_page: object) -> object:
    """tests/browser.py's page: 1280 px, reaches only 127.0.0.1, fails the test on a JavaScript error."""
    return browser_page


@pytest.fixture(scope="session")
def axe_script() -> str:
    try:
        from axe_playwright_python.base import AXE_FILE_PATH
    except ImportError:
        unavailable("axe-core is missing: pip install -e '.[test]' (axe-playwright-python ships it)")
    return AXE_FILE_PATH.read_text("utf-8")


# --- the form as the server renders it ----------------------------------------------------------


def test_the_form_offers_the_17_goals_and_only_values_some_story_has(
        example_site: Build, stories: dict[str, Story]) -> None:
    form = example_site.soup("stories/").select_one("form.sdg-filters")
    assert form["method"] == "get" and form.has_attr("hidden")  # shown by story-filters.js once Pagefind answers
    assert [box["value"] for box in form.select('input[type=checkbox][name="goal"]')] == [str(n) for n in range(1, 18)]

    def offered(name: str) -> list[str]:
        return [option["value"] for option in form.select(f'select[name="{name}"] option') if option["value"]]

    assert set(offered("target")) == {target for story in stories.values() for target in story.targets}
    assert offered("target")[:2] == ["4.a", "6.4"]  # in the framework's order, grouped by goal
    assert set(offered("adviser")) == {story.adviser for story in stories.values()}
    assert offered("year") == ["2025", "2024", "2023"]
    for control in form.select("select"):
        assert form.select_one(f'label[for="{control["id"]}"]').get_text(strip=True)
    # Without JavaScript a note says where the stories are listed instead, with links.
    note = example_site.soup("stories/").select_one("noscript")
    assert note is not None and "JavaScript" in note.get_text()


def test_an_adviser_year_or_target_without_published_stories_is_not_offered(project: Project) -> None:
    project.story("een.md", date="2023-05-01", goals=[11], targets=["11.7"])
    project.story("concept.md", date="2024-05-01", adviser="bram-jansen", targets=["6.1"], draft=True)
    project.configure(theme__language="en")
    build = project.build("--strict")
    assert build.ok, build.output
    form = build.soup("stories/").select_one("form.sdg-filters")
    values = {name: [o["value"] for o in form.select(f'select[name="{name}"] option') if o["value"]]
              for name in ("target", "adviser", "year")}
    assert values == {"target": ["11.7"], "adviser": ["anna-de-vries"], "year": ["2023"]}
    # An English site's form speaks English, the count included.
    assert form.select_one("legend").get_text() == "Goals"
    assert form["data-count"] == "{n} of {total} stories"
    assert form.select_one('label[for="sdg-filter-target"]').get_text() == "Target"


# --- driving the overview ------------------------------------------------------------------------


def _open_filters(page: object, url: str) -> None:
    """Load an overview URL and wait until the filters have answered it."""
    page.goto(url)  # type: ignore[attr-defined]
    page.wait_for_selector("form.sdg-filters:not([hidden])")  # type: ignore[attr-defined]
    _settled(page)


def _settled(page: object) -> None:
    """Until the page shows the choices in its address: story-filters.js sets data-shown when done."""
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => document.querySelector('form.sdg-filters').dataset.shown === location.search"
    )


def _result_urls(page: object) -> set[str]:
    links = page.locator(".sdg-filter-results .sdg-card__title a")  # type: ignore[attr-defined]
    return {_site_url(href, page.url) for href in links.evaluate_all("links => links.map(a => a.href)")}  # type: ignore[attr-defined]


def _count(page: object) -> str:
    return page.locator(".sdg-filters__count").text_content()  # type: ignore[attr-defined]


def _words(text: str) -> str:
    return re.sub(r"\s+([,.])", r"\1", " ".join(text.split()))


def _expected(stories: dict[str, Story], goals: tuple[str, ...] = (), target: str = "", adviser: str = "",
              year: str = "") -> set[str]:
    """Any of the goals, all of the rest: what the form says it does."""
    return {
        story.url for story in stories.values()
        if (not goals or story.goals & set(goals))
        and (not target or target in story.targets)
        and (not adviser or story.adviser == adviser)
        and (not year or story.year == year)
    }


FILTER_CASES = {
    "one goal": ({"goals": ("11",)}, "goal=11"),
    "two goals are either": ({"goals": ("6", "11")}, "goal=6&goal=11"),
    "target": ({"target": "11.7"}, "target=11.7"),
    "adviser": ({"adviser": "hannah-okafor"}, "adviser=hannah-okafor"),
    "year": ({"year": "2024"}, "year=2024"),
    "goal and year": ({"goals": ("11", "16"), "year": "2023"}, "goal=11&goal=16&year=2023"),
    "goal and adviser": ({"goals": ("6",), "adviser": "ineke-veldkamp"}, "goal=6&adviser=ineke-veldkamp"),
    "nothing matches": ({"goals": ("2",)}, "goal=2"),
}


@pytest.mark.parametrize("case", FILTER_CASES.values(), ids=FILTER_CASES.keys())
def test_each_filter_and_combinations_find_exactly_the_matching_stories(
        page: object, served_site: object, example_site: Build, stories: dict[str, Story], case: tuple[dict, str]) -> None:
    choice, query = case
    expected = _expected(stories, **choice)
    _open_filters(page, f"{served_site(example_site)}stories/?{query}")  # type: ignore[operator]
    assert _result_urls(page) == expected
    if expected:
        assert _count(page) == f"{len(expected)} van de {len(stories)} verhalen"
    else:
        assert _count(page).startswith("Geen verhaal past")
    assert page.locator(".sdg-story-list").is_hidden()  # type: ignore[attr-defined]


def test_results_come_newest_first_as_cards_like_the_list(
        page: object, served_site: object, example_site: Build, stories: dict[str, Story]) -> None:
    _open_filters(page, f"{served_site(example_site)}stories/?goal=6&goal=11")  # type: ignore[operator]
    dates = page.locator(".sdg-filter-results .sdg-card time").evaluate_all("ts => ts.map(t => t.dateTime)")  # type: ignore[attr-defined]
    assert dates == sorted(dates, reverse=True) and len(dates) == 5
    # The card of the server's list and the card drawn from Pagefind say the same things.
    server = example_site.soup("stories/").select_one('.sdg-story-list .sdg-card:has(a[href$="regional-sdg-partnership/"])')
    drawn = page.locator('.sdg-filter-results .sdg-card:has(a[href$="regional-sdg-partnership/"])')  # type: ignore[attr-defined]
    assert _words(drawn.inner_text()) == _words(server.get_text(" "))
    assert drawn.locator("h2").get_attribute("lang") == "en"
    assert drawn.locator(".sdg-badge").evaluate_all("bs => bs.map(b => b.className)") == [
        "sdg-badge sdg-goal-11", "sdg-badge sdg-goal-17"]


def test_choices_live_in_the_url_and_back_and_forward_restore_them(
        page: object, served_site: object, example_site: Build, stories: dict[str, Story]) -> None:
    base = served_site(example_site)  # type: ignore[operator]
    _open_filters(page, f"{base}stories/")
    assert page.locator(".sdg-filter-results").is_hidden()  # type: ignore[attr-defined]
    assert _count(page) == "9 van de 9 verhalen"

    page.locator("label.sdg-goal-11").click()  # type: ignore[attr-defined]
    page.wait_for_url(f"{base}stories/?goal=11")  # type: ignore[attr-defined]
    _settled(page)
    assert _result_urls(page) == _expected(stories, goals=("11",))

    page.select_option("#sdg-filter-year", "2023")  # type: ignore[attr-defined]
    page.wait_for_url(f"{base}stories/?goal=11&year=2023")  # type: ignore[attr-defined]
    _settled(page)
    assert _result_urls(page) == _expected(stories, goals=("11",), year="2023")

    page.go_back()  # type: ignore[attr-defined]
    page.wait_for_url(f"{base}stories/?goal=11")  # type: ignore[attr-defined]
    _settled(page)
    assert page.locator("#sdg-filter-year").input_value() == ""  # type: ignore[attr-defined]
    assert page.get_by_role("checkbox", name="Doel 11").is_checked()  # type: ignore[attr-defined]
    assert _result_urls(page) == _expected(stories, goals=("11",))

    page.go_back()  # type: ignore[attr-defined]
    page.wait_for_url(f"{base}stories/")  # type: ignore[attr-defined]
    _settled(page)
    assert not page.get_by_role("checkbox", name="Doel 11").is_checked()  # type: ignore[attr-defined]
    assert page.locator(".sdg-story-list").is_visible() and page.locator(".sdg-filter-results").is_hidden()  # type: ignore[attr-defined]

    page.go_forward()  # type: ignore[attr-defined]
    page.wait_for_url(f"{base}stories/?goal=11")  # type: ignore[attr-defined]
    _settled(page)
    assert _result_urls(page) == _expected(stories, goals=("11",))

    # Reset clears every choice, and is a step of its own in the history.
    page.get_by_role("button", name="Filters wissen").click()  # type: ignore[attr-defined]
    page.wait_for_url(f"{base}stories/")  # type: ignore[attr-defined]
    _settled(page)
    assert _count(page) == "9 van de 9 verhalen"
    assert page.locator(".sdg-story-list").is_visible()  # type: ignore[attr-defined]


def test_should_pagefind_fail_later_the_plain_list_comes_back(
        page: object, served_site: object, example_site: Build) -> None:
    _open_filters(page, f"{served_site(example_site)}stories/")  # type: ignore[operator]
    page.route("**/pagefind/**", lambda route: route.abort())  # type: ignore[attr-defined]
    page.locator("label.sdg-goal-11").click()  # type: ignore[attr-defined]
    page.wait_for_selector("form.sdg-filters", state="hidden")  # type: ignore[attr-defined]
    assert page.locator(".sdg-story-list").is_visible() and page.locator(".sdg-filter-results").is_hidden()  # type: ignore[attr-defined]
    assert page.locator(".sdg-story-list .sdg-card").count() == 9  # type: ignore[attr-defined]


def test_a_link_with_values_the_form_does_not_offer_filters_on_the_rest(
        page: object, served_site: object, example_site: Build, stories: dict[str, Story]) -> None:
    base = served_site(example_site)  # type: ignore[operator]
    _open_filters(page, f"{base}stories/?goal=16&goal=11&adviser=someone-who-left&year=1999")
    assert page.url == f"{base}stories/?goal=11&goal=16"
    assert _result_urls(page) == _expected(stories, goals=("11", "16"))
    assert page.locator("#sdg-filter-adviser").input_value() == ""  # type: ignore[attr-defined]


def test_goal_and_adviser_pages_link_to_the_filtered_overview(
        page: object, served_site: object, example_site: Build, stories: dict[str, Story]) -> None:
    base = served_site(example_site)  # type: ignore[operator]
    page.goto(f"{base}sdg/11/")  # type: ignore[attr-defined]
    page.get_by_role("link", name="Verhalen over doel 11 filteren in het overzicht").click()  # type: ignore[attr-defined]
    page.wait_for_url(f"{base}stories/?goal=11")  # type: ignore[attr-defined]
    page.wait_for_selector("form.sdg-filters:not([hidden])")  # type: ignore[attr-defined]
    _settled(page)
    assert _result_urls(page) == _expected(stories, goals=("11",))

    page.goto(f"{base}advisers/hannah-okafor/")  # type: ignore[attr-defined]
    page.get_by_role("link", name="Verhalen van Hannah Okafor filteren in het overzicht").click()  # type: ignore[attr-defined]
    page.wait_for_url(f"{base}stories/?adviser=hannah-okafor")  # type: ignore[attr-defined]
    page.wait_for_selector("form.sdg-filters:not([hidden])")  # type: ignore[attr-defined]
    _settled(page)
    assert _result_urls(page) == _expected(stories, adviser="hannah-okafor")
    assert not example_site.soup("sdg/2/").select(".sdg-filter-link")  # a goal without stories links to none


def test_filters_search_all_stories_not_only_this_page_and_show_more_on_request(
        page: object, served_site: object, paged_site: Build) -> None:
    stories = _stories(paged_site)
    base = served_site(paged_site)  # type: ignore[operator]
    # From the last page of the list, which shows only the oldest story.
    _open_filters(page, f"{base}stories/page/5/?goal=6&goal=11&goal=13&goal=16")
    expected = _expected(stories, goals=("6", "11", "13", "16"))
    assert len(expected) == 6
    assert len(_result_urls(page)) == PAGE_SIZE
    more = page.get_by_role("button", name="Meer verhalen tonen")  # type: ignore[attr-defined]
    for shown in range(PAGE_SIZE, len(expected), PAGE_SIZE):
        more.click()
        page.wait_for_function(f"document.querySelectorAll('.sdg-filter-results .sdg-card').length === {shown + PAGE_SIZE}")  # type: ignore[attr-defined]
        # Focus moves to the first story the button added, not back to the top.
        first_new = page.locator(".sdg-filter-results .sdg-card").nth(shown).locator("h2 a")  # type: ignore[attr-defined]
        assert page.evaluate("document.activeElement.href") == first_new.evaluate("a => a.href")  # type: ignore[attr-defined]
    assert _result_urls(page) == expected
    assert more.is_hidden()


# --- without JavaScript --------------------------------------------------------------------------


def _crawl(page: object, start: str) -> set[str]:
    """Story links on a listing and on every page its pagination reaches."""
    seen_pages, found, queue = set(), set(), [start]
    while queue:
        url = queue.pop()
        if url in seen_pages:
            continue
        seen_pages.add(url)
        page.goto(url)  # type: ignore[attr-defined]
        cards = page.locator(".sdg-card__title a:visible").evaluate_all("as => as.map(a => a.href)")  # type: ignore[attr-defined]
        found |= {_site_url(href, url) for href in cards}
        queue += page.locator(".sdg-pagination a:visible").evaluate_all("as => as.map(a => a.href)")  # type: ignore[attr-defined]
    return found


@pytest.fixture
def page_without_js(browser: object) -> Iterator[object]:
    context = new_context(browser, java_script_enabled=False)
    yield context.new_page()  # type: ignore[attr-defined]
    context.close()  # type: ignore[attr-defined]


def test_without_javascript_the_overview_pages_reach_every_story(
        page_without_js: object, served_site: object, paged_site: Build) -> None:
    base = served_site(paged_site)  # type: ignore[operator]
    stories = set(_stories(paged_site))
    page_without_js.goto(f"{base}stories/?goal=11")  # type: ignore[attr-defined]
    # No form that cannot work; a note on where else the stories are listed, and the list itself.
    assert page_without_js.locator("form.sdg-filters").is_hidden()  # type: ignore[attr-defined]
    assert page_without_js.locator(".sdg-filters__noscript").is_visible()  # type: ignore[attr-defined]
    assert page_without_js.locator(".sdg-story-list .sdg-card").count() == PAGE_SIZE  # type: ignore[attr-defined]
    assert _crawl(page_without_js, f"{base}stories/") == stories  # 9 stories, 2 a page: through the links


def _crawl_files(build: Build, start: str) -> set[str]:
    """As _crawl, on the built files: goal and adviser pages have no script of their own to switch off."""
    seen_pages, found, queue = set(), set(), [start]
    while queue:
        url = queue.pop()
        if url in seen_pages:
            continue
        seen_pages.add(url)
        soup, base = build.soup(url), f"http://site/{url}"
        found |= {_site_url(a["href"], base) for a in soup.select(".sdg-card__title a")}
        queue += [_site_url(a["href"], base) for a in soup.select(".sdg-pagination a")]
    return found


def test_without_javascript_goal_and_adviser_pages_reach_every_story(paged_site: Build) -> None:
    stories = _stories(paged_site)
    by_goal: set[str] = set()
    for goal in range(1, 18):
        listed = _crawl_files(paged_site, f"sdg/{goal}/")
        assert listed == {story.url for story in stories.values() if str(goal) in story.goals}
        by_goal |= listed
    by_adviser: set[str] = set()
    for adviser in {story.adviser for story in stories.values()}:
        by_adviser |= _crawl_files(paged_site, f"advisers/{adviser}/")
    assert by_goal == by_adviser == set(stories)
    assert max(len(_crawl_files(paged_site, f"sdg/{goal}/")) for goal in range(1, 18)) > PAGE_SIZE  # pages were followed


# --- keyboard and screen readers -----------------------------------------------------------------


def test_every_control_is_reached_by_tab_labelled_and_visibly_focused(
        page: object, served_site: object, example_site: Build) -> None:
    _open_filters(page, f"{served_site(example_site)}stories/")  # type: ignore[operator]
    page.locator("#sdg-filters-heading").evaluate("h => h.scrollIntoView()")  # type: ignore[attr-defined]
    # Into the form with the keyboard, as a visitor does, so that :focus-visible applies from the first.
    page.focus("form.sdg-filters input")  # type: ignore[attr-defined]
    page.keyboard.press("Shift+Tab")  # type: ignore[attr-defined]
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    reached = []
    for _ in range(40):
        focused = page.evaluate(  # type: ignore[attr-defined]
            """() => {
                const el = document.activeElement;
                if (!el.closest('form.sdg-filters')) return null;
                const face = el.matches('input[type=checkbox]') ? el.nextElementSibling : el;
                const style = getComputedStyle(face);
                return {
                    control: el.name || el.type,
                    name: el.labels && el.labels.length ? el.labels[0].innerText.replace(/\\s+/g, ' ').trim() : el.innerText.trim(),
                    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                };
            }"""
        )
        if focused is None:
            break
        reached.append(focused)
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
    assert [item["control"] for item in reached] == ["goal"] * 17 + ["target", "adviser", "year", "reset"]
    assert all(item["name"] for item in reached), reached
    assert all(item["outline"] for item in reached), [item for item in reached if not item["outline"]]
    # Names as a screen reader reads them, with the goal's title even where only the number shows.
    assert page.get_by_role("checkbox", name="Doel 11 Duurzame steden en gemeenschappen").count() == 1  # type: ignore[attr-defined]
    for label in ("Subdoel", "Adviseur", "Jaar"):
        assert page.get_by_label(label, exact=True).count() == 1  # type: ignore[attr-defined]


def test_space_toggles_a_goal_and_the_count_is_announced(
        page: object, served_site: object, example_site: Build, stories: dict[str, Story]) -> None:
    _open_filters(page, f"{served_site(example_site)}stories/")  # type: ignore[operator]
    count = page.locator(".sdg-filters__count")  # type: ignore[attr-defined]
    assert count.get_attribute("role") == "status" and count.get_attribute("aria-live") == "polite"
    page.focus('input[name="goal"][value="16"]')  # type: ignore[attr-defined]
    page.keyboard.press("Space")  # type: ignore[attr-defined]
    page.wait_for_url("**/stories/?goal=16")  # type: ignore[attr-defined]
    _settled(page)
    assert count.text_content() == f"{len(_expected(stories, goals=('16',)))} van de 9 verhalen"
    # Focus stays on the toggle: results change, the visitor's place does not.
    assert page.evaluate("document.activeElement.value") == "16"  # type: ignore[attr-defined]


# --- axe-core and screenshots --------------------------------------------------------------------

AXE_PAGES = {
    "home": "",
    "overview": "stories/",
    "overview-filtered": "stories/?goal=11&goal=16&year=2023",
    "goal-with-stories": "sdg/11/",
    "goal-without-stories": "sdg/2/",
    "story": "stories/veilig-winkelcentrum/",
    "story-english": "stories/regional-sdg-partnership/",
    "adviser": "advisers/hannah-okafor/",
    "vacancies": "vacancies/",
    "goals": "sdg/",
    "report": "verslag/2025/",
    "reports": "verslag/",
    "staff": "verhaal-schrijven/",  # a page outside the tabs (its toc title without a label)
    "rubric": "over-de-rubriek/",  # where the kicker above every story leads
    "not-found": "404.html",
    "advisers": "advisers/",
    "accessibility-statement": "accessibility/",
    "search-results": "",  # the header's search dialog, open on the home page with results for a word
}
SEARCH_WORD = "gemeente"


def _open_search(page: object, width: int) -> None:
    """Open the header's search (a field when wide, an icon when narrow) and type a word, as a visitor."""
    trigger = ".sdg-search--wide" if width > 960 else ".sdg-search--narrow"
    page.locator(f"{trigger} pagefind-modal-trigger button").click()  # type: ignore[attr-defined]
    page.locator("pagefind-modal pagefind-input input").press_sequentially(SEARCH_WORD)  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        """word => {
            const summary = document.querySelector('pagefind-modal pagefind-summary')?.textContent || '';
            return summary.includes(word) && !summary.includes('...')
                && document.querySelectorAll('pagefind-modal .sdg-result').length > 0;
        }""",
        arg=SEARCH_WORD,
    )


def _axe(page: object, axe_script: str) -> dict:
    page.evaluate(axe_script)  # type: ignore[attr-defined]
    return page.evaluate(  # type: ignore[attr-defined]
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS
    )


def _report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {(node.get('failureSummary') or '').splitlines()[-1:]}")
    return "\n".join(lines)


def test_axe_finds_what_it_should(page: object, axe_script: str) -> None:
    """The check below can fail: a link told apart by colour alone and an image without alt are caught."""
    page.set_content(  # type: ignore[attr-defined]
        '<html lang="nl"><head><title>t</title></head><body><main><h1>t</h1>'
        '<p style="color:#000">Lees <a href="#x" style="color:#333;text-decoration:none">dit</a> eens.</p>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10"></main></body></html>'
    )
    found = {violation["id"] for violation in _axe(page, axe_script)["violations"]}
    assert {"link-in-text-block", "image-alt"} <= found


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", AXE_PAGES)
def test_no_axe_violations_and_a_screenshot(
        browser: object, served_site: object, example_site: Build, axe_script: str, name: str, width: int) -> None:
    context = new_context(browser, width)
    try:
        page = context.new_page()  # type: ignore[attr-defined]
        url = f"{served_site(example_site)}{AXE_PAGES[name]}"  # type: ignore[operator]
        if name.startswith("overview"):
            _open_filters(page, url)
        else:
            page.goto(url)
        if name == "search-results":
            _open_search(page, width)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        # The open dialog covers the viewport; a full-page shot would show the page beneath it.
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=name != "search-results",
                        animations="disabled")  # not Material's tabs caught halfway through a fade
        violations = _axe(page, axe_script)["violations"]
        assert violations == [], f"{name} at {width}px:\n{_report(violations)}"
    finally:
        context.close()  # type: ignore[attr-defined]
