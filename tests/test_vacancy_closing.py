"""Vacancies in the browser: closed on the day without a rebuild, listed once, filtered by goal, found by search.

One site built on 2025-06-15 (SOURCE_DATE_EPOCH), with a vacancy closing on 2025-06-20. The browser's
clock (Playwright's ``page.clock``) is set to the evening of the closing day or just after midnight in
Amsterdam: that is the line between shown and gone, whatever the visitor's own time zone (UTC here, where
it is still the 20th). Browser fixtures: tests/browser.py (skip without Chromium, fail under CI=true).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from browser import browser, new_context, served_site  # noqa: F401 (fixtures)
from project import Build, Project, vacancies_file
from test_search import _search

pytestmark = pytest.mark.browser

BUILD_DAY = dt.date(2025, 6, 15)
EPOCH = str(int(dt.datetime(2025, 6, 15, 12, tzinfo=dt.timezone.utc).timestamp()))
# 22:00 in Amsterdam on the closing day, and 00:30 the day after; both still the 20th in UTC.
BEFORE = "2025-06-20T20:00:00Z"
AFTER = "2025-06-20T22:30:00Z"

VACANCIES = """\
- id: sluit-binnenkort
  title: Adviseur Zeewering
  url: https://jobs.example.org/zeewering
  goals: [14]
  location: Vlissingen
  closes: 2025-06-20

- id: later-open
  title: Adviseur Havens
  url: https://jobs.example.org/havens
  goals: [9]
  closes: 2025-09-01

- id: ook-later
  title: Adviseur Bruggen
  url: https://jobs.example.org/bruggen
  goals: [9, 11]

- id: nog-een
  title: Adviseur Sluizen
  url: https://jobs.example.org/sluizen
  goals: [9]
  closes: 2025-12-01
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = Project(tmp_path_factory.mktemp("closing"))
    project.write("stories/vacancies.yml", vacancies_file(VACANCIES))
    # Only the closing vacancy fits: once it has closed, the invitation shows.
    project.story("2025-01-01-zee.md", title="Een dijk voor de kust", goals=[14], vacancies=["sluit-binnenkort"])
    # Named first, then three others share goal 9 or 11: the one held in reserve takes its place.
    project.story("2025-01-02-haven.md", title="Een haven die meegroeit", goals=[9, 11], vacancies=["sluit-binnenkort"])
    project.story("2025-01-03-klimaat.md", title="Een verhaal over hitte", goals=[13],
                  body="## De aanpak\n\nEen verhaal over hitte in de stad.\n")
    build = project.build("--strict", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert build.ok, build.output
    return build


def _open(browser: Any, base: str, url: str, clock: str, width: int = 1280) -> Any:  # noqa: F811
    context = new_context(browser, width=width, timezone_id="UTC")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.set_fixed_time(clock)
    page.goto(base + url)
    page.wait_for_function("document.documentElement.dataset.sdgVacanciesClosed")
    page.errors = errors
    return page


def _visible_vacancies(page: Any) -> list[str]:
    return page.locator("li.sdg-vacancy:visible").evaluate_all("items => items.map(item => item.dataset.vacancy)")


@pytest.mark.parametrize("clock, shown", [(BEFORE, True), (AFTER, False)])
def test_a_story_whose_only_vacancy_closed_shows_the_invitation(
        browser: Any, served_site: Any, site: Build, clock: str, shown: bool) -> None:  # noqa: F811
    page = _open(browser, served_site(site), "stories/zee/", clock)
    try:
        assert page.evaluate("document.documentElement.dataset.sdgVacanciesClosed") == ("2025-06-20" if shown else "2025-06-21")
        assert _visible_vacancies(page) == (["sluit-binnenkort"] if shown else [])
        invitation = page.locator(".sdg-vacancies__invitation")
        assert invitation.is_visible() is not shown
        if not shown:
            assert "Zelf werken aan opdrachten zoals deze?" in invitation.inner_text()
            assert invitation.locator("a[href^='https://werkenbij.example.nl/']").is_visible()
        assert page.errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("clock, expected", [
    (BEFORE, ["sluit-binnenkort", "ook-later", "later-open"]),
    (AFTER, ["ook-later", "later-open", "nog-een"]),
])
def test_a_story_falls_back_to_its_next_vacancy(
        browser: Any, served_site: Any, site: Build, clock: str, expected: list[str]) -> None:  # noqa: F811
    page = _open(browser, served_site(site), "stories/haven/", clock)
    try:
        assert _visible_vacancies(page) == expected
        assert page.locator(".sdg-vacancies__invitation").is_hidden()
    finally:
        page.context.close()


def test_without_javascript_the_page_stays_as_built(browser: Any, served_site: Any, site: Build) -> None:  # noqa: F811
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(served_site(site) + "stories/zee/")
        assert _visible_vacancies(page) == ["sluit-binnenkort"]
        page.goto(served_site(site) + "vacancies/")
        assert _visible_vacancies(page) == ["sluit-binnenkort", "later-open", "nog-een", "ook-later"]
        assert page.locator("form.sdg-vacancy-filters").is_hidden()
        assert "Filteren op doel werkt met JavaScript" in page.locator("article").inner_text()
    finally:
        context.close()


@pytest.mark.parametrize("clock, expected", [
    (BEFORE, ["sluit-binnenkort", "later-open", "nog-een", "ook-later"]),
    (AFTER, ["later-open", "nog-een", "ook-later"]),
])
def test_the_vacancies_page_shows_each_open_vacancy_once(
        browser: Any, served_site: Any, site: Build, clock: str, expected: list[str]) -> None:  # noqa: F811
    page = _open(browser, served_site(site), "vacancies/", clock)
    try:
        assert _visible_vacancies(page) == expected
        ids = page.locator("li.sdg-vacancy").evaluate_all("items => items.map(item => item.id)")
        assert len(ids) == len(set(ids)) == len(expected)
        # The goal 14 filter goes with its only vacancy.
        offered = page.locator("form.sdg-vacancy-filters input[name=goal]").evaluate_all("boxes => boxes.map(b => b.value)")
        assert offered == (["9", "11", "14"] if "sluit-binnenkort" in expected else ["9", "11"])
        assert page.errors == []
    finally:
        page.context.close()


def test_the_vacancies_page_filters_by_goal_in_the_url(browser: Any, served_site: Any, site: Build) -> None:  # noqa: F811
    base = served_site(site)
    page = _open(browser, base, "vacancies/?goal=11&goal=99", BEFORE)
    try:
        assert page.url == base + "vacancies/?goal=11"  # a goal the form does not offer is dropped
        assert _visible_vacancies(page) == ["ook-later"]
        assert page.locator(".sdg-vacancy-filters .sdg-filters__count").inner_text() == "1 van de 4 vacatures"
        page.locator("label.sdg-goal-toggle.sdg-goal-14").click()
        assert page.url == base + "vacancies/?goal=11&goal=14"
        assert _visible_vacancies(page) == ["sluit-binnenkort", "ook-later"]
        page.go_back()
        assert _visible_vacancies(page) == ["ook-later"]
        page.locator(".sdg-vacancy-filters button[type=reset]").click()
        assert page.url == base + "vacancies/"
        assert len(_visible_vacancies(page)) == 4
        assert page.errors == []
    finally:
        page.context.close()


def test_a_goal_page_drops_its_closed_vacancy(browser: Any, served_site: Any, site: Build) -> None:  # noqa: F811
    base = served_site(site)
    page = _open(browser, base, "sdg/14/", BEFORE)
    try:
        assert _visible_vacancies(page) == ["sluit-binnenkort"]
    finally:
        page.context.close()
    page = _open(browser, base, "sdg/14/", AFTER)
    try:
        assert _visible_vacancies(page) == []
        assert page.locator("section.sdg-vacancies").is_hidden()
    finally:
        page.context.close()


# Search


@pytest.fixture(scope="module")
def search_page(browser: Any, served_site: Any, site: Build) -> Any:  # noqa: F811
    context = new_context(browser)
    page = context.new_page()
    # The visitor searches on the build day: from the day after a vacancy's closing day its result hides
    # itself (test_search_hides_a_vacancy_from_the_day_after_it_closes).
    page.clock.set_fixed_time("2025-06-15T12:00:00Z")
    page.goto(served_site(site))
    yield page
    context.close()


def test_a_vacancys_title_finds_it_on_the_vacancies_page(search_page: Any) -> None:
    results = _search(search_page, search_page.url, "Zeewering")
    assert [(r["url"], r["title"]) for r in results] == [("vacancies/", "Adviseur Zeewering")]
    assert results[0]["href"].endswith("/vacancies/#vacancy-sluit-binnenkort")
    assert results[0]["goals"] == ["sdg-result__goal sdg-goal-14"]


def test_vacature_finds_every_open_vacancy_marked_as_one(search_page: Any) -> None:
    results = _search(search_page, search_page.url, "vacature")
    assert sorted(r["href"].rsplit("#", 1)[1] for r in results) == [
        "vacancy-later-open", "vacancy-nog-een", "vacancy-ook-later", "vacancy-sluit-binnenkort"]


def test_a_goals_name_finds_its_stories_first_then_its_page(search_page: Any, site: Build) -> None:
    results = _search(search_page, search_page.url, "klimaatactie")
    assert [r["url"] for r in results] == ["stories/klimaat/", "sdg/13/"]
    assert results[1]["title"] == "Doel 13: Klimaatactie"


def test_each_result_says_what_it_is_in_the_sites_language(search_page: Any) -> None:
    assert [r["kind"] for r in _search(search_page, search_page.url, "klimaatactie")] == ["Verhaal", "Doel"]
    assert [r["kind"] for r in _search(search_page, search_page.url, "Zeewering")] == ["Vacature"]


def test_excerpts_carry_no_heading_link_character(search_page: Any, site: Build) -> None:
    assert 'class="headerlink"' in site.html("stories/klimaat/")  # "De aanpak¶" on the page itself
    results = _search(search_page, search_page.url, "aanpak")
    assert results and all("¶" not in (r["excerpt"] or "") for r in results)


@pytest.mark.parametrize("clock, shown", [(BEFORE, True), (AFTER, False)])
def test_search_hides_a_vacancy_from_the_day_after_it_closes(
        browser: Any, served_site: Any, site: Build, clock: str, shown: bool) -> None:  # noqa: F811
    # Built on the 15th, when it was open: the index holds it until the next build, the result hides itself.
    page = _open(browser, served_site(site), "", clock)
    try:
        trigger = page.locator(".sdg-search--wide pagefind-modal-trigger button")
        box = trigger.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.locator("pagefind-modal pagefind-input input").press_sequentially("vacature")
        page.wait_for_function(
            """() => {
                const summary = document.querySelector('pagefind-modal pagefind-summary')?.textContent || '';
                if (!summary.includes('vacature') || summary.includes('...')) return false;
                return document.querySelectorAll('pagefind-modal .sdg-result').length >= (parseInt(summary, 10) || 0);
            }"""
        )
        visible = page.locator("pagefind-modal .sdg-result").evaluate_all(
            "items => items.filter(item => item.checkVisibility()).map(item => item.querySelector('a')?.hash)"
        )
        expected = {"#vacancy-later-open", "#vacancy-nog-een", "#vacancy-ook-later"}
        assert set(visible) == expected | ({"#vacancy-sluit-binnenkort"} if shown else set())
        # The arrow keys walk the results that are shown, and never into a hidden one.
        page.keyboard.press("ArrowDown")
        focused = page.evaluate("document.activeElement.closest('.sdg-result')?.checkVisibility()")
        assert focused is True
        assert page.errors == []
    finally:
        page.context.close()
