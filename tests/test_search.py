"""Search: the Pagefind index the build writes, searched from the header of the built site in Chromium.

Two builds: the example content plus a few stories of our own in the Dutch site, and an English site
with a Dutch story. What a search must find is read from the built story pages (adviser link, chips),
not from the code that feeds Pagefind. Browser fixtures: tests/browser.py (skip without Chromium,
fail under CI=true).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from browser import browser, browser_page, new_context, served_site, wait_for_search_results  # noqa: F401 (fixtures)
from project import Build, Project

EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01

# Our own stories beside the example content: each says a word in one form only.
OWN_STORIES = {
    "2024-03-01-loket.md": dict(
        title="Een loket in de Tulpenbuurt", adviser="dirk-blokhuis", goals=[11], date="2024-03-01",
        summary="Bewoners vinden hulp om de hoek.",
        body="De gemeente opende een loket in de Tulpenbuurt. De kwartiermaker kent elke straat.\n",
    ),
    "2024-03-02-inkoopteam.md": dict(
        title="Drie besturen, een inkoopteam", adviser="dirk-blokhuis", goals=[12], date="2024-03-02",
        summary="Samen inkopen scheelt werk.",
        body="Drie gemeenten delen sinds vorig jaar een inkoopteam voor schoonmaak en catering.\n",
    ),
    "2024-03-03-shared-helpdesk.md": dict(
        title="A shared helpdesk", adviser="hannah-okafor", goals=[16], date="2024-03-03", lang="en",
        summary="Twelve local governments answer residents together.",
        body="Twelve municipalities and two ministries share one helpdesk for residents of their cities.\n",
    ),
    # Its title ends up in the "related stories" of other goal-11 stories, which must not be indexed.
    "2024-03-04-zeldzaam.md": dict(
        title="Het zeldzaamheidsonderzoek in de wijk", adviser="ineke-veldkamp", goals=[11], date="2024-03-04",
        summary="Een onderzoek naar wat zelden gebeurt.",
        body="Een verhaal over een onderzoek in de wijk.\n",
    ),
}


@pytest.fixture(scope="module")
def dutch_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = Project(tmp_path_factory.mktemp("search-nl"), example_content=True)
    for name, fields in OWN_STORIES.items():
        project.story(name, **fields)
    build = project.build("--strict", env=EPOCH)
    assert build.ok, build.output
    return build


@pytest.fixture(scope="module")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = Project(tmp_path_factory.mktemp("search-en"))
    project.configure(theme__language="en")
    project.story("2024-01-01-wijk.md", title="Een straat vol tuinen", lang="nl", goals=[11],
                  body="In de straat maakten de gemeenten samen tuinen.\n")
    project.story("2024-01-02-city.md", title="Gardens in the city", lang="en", adviser="bram-jansen",
                  goals=[15], body="Residents of the city planted gardens.\n")
    build = project.build("--strict", env=EPOCH)
    assert build.ok, build.output
    return build


# --- the index as written ------------------------------------------------------------------------


def _entry(build: Build) -> dict:
    return json.loads((build.site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))


def _story_urls(build: Build) -> set[str]:
    return {
        f"stories/{page.parent.name}/"
        for page in build.site.glob("stories/*/index.html")
        if build.soup(f"stories/{page.parent.name}/").select_one("article.sdg-story")
    }


def test_one_index_in_the_site_language_with_every_published_story_the_goals_and_the_open_vacancies(
        dutch_site: Build) -> None:
    stories = _story_urls(dutch_site)
    assert len(stories) == 9 + len(OWN_STORIES)  # the example's draft is not published
    assert _entry(dutch_site)["languages"] == {"nl": _entry(dutch_site)["languages"]["nl"]}
    vacancies = dutch_site.content("vacancies/").select("li.sdg-vacancy")
    assert len(vacancies) == 5  # the example's closed traineeship is not listed, nor found
    advisers = list(dutch_site.site.glob("advisers/*/index.html"))
    assert len(advisers) == 6
    # The goals, advisers and vacancies are documents of their own (search/records.py), not pages Pagefind reads.
    assert _entry(dutch_site)["languages"]["nl"]["page_count"] == len(stories) + 17 + len(advisers) + len(vacancies)
    # Only story pages mark a body for Pagefind, once each.
    for page in dutch_site.site.rglob("*.html"):
        url = page.relative_to(dutch_site.site).as_posix().removesuffix("index.html")
        marked = dutch_site.soup(url).select("[data-pagefind-body]") if page.name == "index.html" else []
        assert len(marked) == (1 if url in stories else 0), url


def test_the_english_site_has_one_english_index(english_site: Build) -> None:
    assert list(_entry(english_site)["languages"]) == ["en"]


def test_extra_words_for_the_other_language_stay_out_of_the_published_page(dutch_site: Build) -> None:
    html = dutch_site.html("stories/shared-helpdesk/")
    assert "data-pagefind-body" in html and "terms:" not in html


# --- searching from the header, as a visitor ------------------------------------------------------


def _search(page: Any, base: str, term: str, width_trigger: str = ".sdg-search--wide") -> list[dict]:
    """Open the search from the header of the home page, type ``term``, return the results shown."""
    if not page.url.startswith(base):
        page.goto(base)
    page.locator(f"{width_trigger} pagefind-modal-trigger button").click()
    field = page.locator("pagefind-modal pagefind-input input")
    field.fill("")
    field.press_sequentially(term)  # the UI searches as one types
    # Done when the summary has counted the results for this term ("7 resultaten voor ...", not "Zoeken
    # naar ...") and all of them are drawn: the list draws results as they scroll into view.
    wait_for_search_results(page, term)
    results = page.locator("pagefind-modal .sdg-result").evaluate_all(
        """items => items.map(item => ({
            href: item.querySelector('a.pf-result-link').href,
            title: item.querySelector('a.pf-result-link').textContent.trim(),
            kind: item.querySelector('.sdg-result__kind')?.textContent,
            lang: item.querySelector('a.pf-result-link').lang,
            goals: [...item.querySelectorAll('.sdg-result__goal')].map(b => b.className),
            goal_text: [...item.querySelectorAll('.sdg-result__goal')].map(b => b.textContent.trim()),
            adviser: item.querySelector('.sdg-result__adviser')?.textContent,
            date: item.querySelector('time')?.getAttribute('datetime'),
            date_text: item.querySelector('time')?.textContent,
            excerpt: item.querySelector('.pf-result-excerpt')?.innerHTML,
        }))"""
    )
    page.keyboard.press("Escape")
    for result in results:
        result["url"] = urlsplit(urljoin(base, result["href"])).path.lstrip("/")
    return results


def _urls(results: list[dict]) -> set[str]:
    return {result["url"] for result in results}


@pytest.fixture(scope="module")
def dutch_page(browser: Any, served_site: Any, dutch_site: Build) -> Any:  # noqa: F811
    """One page for the searches on the Dutch site, as a visitor searching again and again."""
    context = new_context(browser)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(served_site(dutch_site))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def _dutch(page: Any, term: str) -> list[dict]:
    return _search(page, page.url, term)


@pytest.mark.parametrize("term", ["gemeenten", "gemeente"])
def test_a_dutch_inflected_word_finds_both_forms(dutch_page: Any, term: str) -> None:
    found = _urls(_dutch(dutch_page, term))
    # One story says only "gemeente", the other only "gemeenten".
    assert {"stories/loket/", "stories/inkoopteam/"} <= found


def test_the_dutch_stemmer_joins_forms_no_prefix_joins(dutch_page: Any) -> None:
    # "straten" is no prefix of "straat": only the Dutch stemmer (strat) joins them.
    assert "stories/loket/" in _urls(_dutch(dutch_page, "straten"))


def test_a_target_id_finds_the_stories_with_that_target(dutch_page: Any, dutch_site: Build) -> None:
    expected = {url for url in _story_urls(dutch_site)
                if dutch_site.soup(url).select_one('.sdg-contributions .sdg-chip[href$="#target-11-7"]')}
    assert expected == {"stories/veilig-winkelcentrum/"}
    # The story first, then the goal page that lists the target.
    assert [result["url"] for result in _dutch(dutch_page, "11.7")] == [*expected, "sdg/11/"]


def test_an_advisers_name_finds_her_stories(dutch_page: Any, dutch_site: Build) -> None:
    expected = {url for url in _story_urls(dutch_site)
                if dutch_site.soup(url).select_one('.sdg-story__header .sdg-adviser__name a[href$="/hannah-okafor/"]')}
    assert len(expected) == 3
    results = _dutch(dutch_page, "Okafor")
    # Her stories, and her own page (search/records.py), marked as an adviser.
    assert _urls(results) == expected | {"advisers/hannah-okafor/"}
    assert {r["kind"] for r in results if r["url"] == "advisers/hannah-okafor/"} == {"Adviseur"}


def test_a_goals_short_title_finds_its_stories_first_then_the_goal_and_its_vacancy(dutch_page: Any) -> None:
    urls = [result["url"] for result in _dutch(dutch_page, "Klimaatactie")]
    assert set(urls[:2]) == {"stories/waterschap-klimaatadaptatie/", "stories/zoet-water-zandgronden/"}
    assert urls[2:] == ["sdg/13/", "vacancies/"]


@pytest.mark.parametrize("term", ["municipality", "ministry", "city", "municipalities"])
def test_an_english_story_is_found_by_english_inflections_in_the_dutch_site(dutch_page: Any, term: str) -> None:
    # The story says "municipalities", "ministries" and "cities" only; without the English forms Pagefind's
    # Dutch index would not find it by "municipality", "ministry" or "city".
    results = _dutch(dutch_page, term)
    assert "stories/shared-helpdesk/" in _urls(results)
    shown = next(result for result in results if result["url"] == "stories/shared-helpdesk/")
    assert shown["lang"] == "en" and "municip" not in shown["excerpt"].replace("municipalities", "")


def test_words_around_a_story_are_not_its_words(dutch_page: Any, dutch_site: Build) -> None:
    # The title is listed under "related stories" on other goal-11 pages; only its own page is found.
    related_on = [url for url in _story_urls(dutch_site) if url != "stories/zeldzaam/"
                  and "zeldzaamheidsonderzoek" in dutch_site.html(url)]
    assert related_on, "the test needs the title in another story's related stories"
    found = _urls(_dutch(dutch_page, "zeldzaamheidsonderzoek"))
    assert found == {"stories/zeldzaam/"}
    # The draft of the example content is not published, so not found by a word only it has. (Other
    # stories may be: with no word starting with it, Pagefind falls back to the longest word starting it.)
    assert "stories/energiearmoede/" not in _urls(_dutch(dutch_page, "betalingsachterstanden"))
    assert not (dutch_site.site / "stories" / "energiearmoede").exists()


def test_results_show_title_badges_adviser_date_and_excerpt(dutch_page: Any) -> None:
    (result,) = [r for r in _dutch(dutch_page, "Vogelbuurt") if r["url"] == "stories/warmtenet-wijk/"]
    assert result["title"] == "Samen van het gas af in de Vogelbuurt"
    assert result["goals"] == ["sdg-result__goal sdg-goal-7", "sdg-result__goal sdg-goal-11"]
    assert result["goal_text"] == ["Doel 7", "Doel 11"]  # "Doel" for screen readers only
    assert result["adviser"] == "Joris Lammerink"
    assert (result["date"], result["date_text"]) == ("2023-10-02", "2 oktober 2023")
    assert "<mark>Vogelbuurt" in result["excerpt"]


def test_the_narrow_header_opens_the_same_search(browser: Any, served_site: Any, dutch_site: Build) -> None:  # noqa: F811
    context = new_context(browser, width=390)
    page = context.new_page()
    try:
        base = served_site(dutch_site)
        page.goto(base + "stories/")
        assert page.locator(".sdg-search--wide").is_hidden()
        results = _search(page, base, "gemeenten", width_trigger=".sdg-search--narrow")
        assert "stories/inkoopteam/" in _urls(results)
    finally:
        context.close()


def test_the_site_can_live_in_a_subfolder(
        browser: Any, served_site: Any, dutch_site: Build, tmp_path: Path) -> None:  # noqa: F811
    # Pagefind's UI finds its bundle, and the address results link to, from its own script's address.
    (tmp_path / "verhalen").symlink_to(dutch_site.site, target_is_directory=True)
    base = served_site(Build(0, "", tmp_path)) + "verhalen/"
    context = new_context(browser)
    page = context.new_page()
    try:
        results = _search(page, base, "Okafor")
        assert len(results) == 4  # her three stories and her page
        assert all(result["href"].startswith((base + "stories/", base + "advisers/")) for result in results)
    finally:
        context.close()


def test_the_index_holds_the_filters_of_the_overview(dutch_page: Any, dutch_site: Build) -> None:
    # story-filters.js asks Pagefind for stories by goal, target, adviser and year without a search term.
    filters = dutch_page.evaluate(
        """async () => {
            const pagefind = await import(new URL('pagefind/pagefind.js', document.baseURI).href);
            const byFilter = async (filters) => {
                const search = await pagefind.search(null, {filters});
                return Promise.all(search.results.map(async result => (await result.data()).url));
            };
            return {
                goal: await byFilter({goal: '11'}), target: await byFilter({target: '11.7'}),
                adviser: await byFilter({adviser: 'hannah-okafor'}), year: await byFilter({year: '2023'}),
                both: await byFilter({goal: '11', year: '2024'}),
            };
        }"""
    )
    site = lambda urls: {url.lstrip("/") for url in urls}  # noqa: E731
    goal_11 = {url for url in _story_urls(dutch_site)
               if dutch_site.soup(url).select_one('.sdg-story__header .sdg-badges a[href$="sdg/11/"]')}
    year_2023 = {url for url in _story_urls(dutch_site)
                 if dutch_site.soup(url).select_one(".sdg-story__date time")["datetime"].startswith("2023")}
    assert site(filters["goal"]) == goal_11 and len(goal_11) == 5
    assert site(filters["target"]) == {"stories/veilig-winkelcentrum/"}
    assert len(site(filters["adviser"])) == 3
    assert site(filters["year"]) == year_2023 and len(year_2023) > 1
    assert site(filters["both"]) == {"stories/loket/", "stories/zeldzaam/"}


# --- an English site with a Dutch story ------------------------------------------------------------


@pytest.mark.parametrize(("term", "story"), [
    ("gemeente", "stories/wijk/"),   # the story says "gemeenten"
    ("straten", "stories/wijk/"),    # the story says "straat": no English stem joins them
    ("gardening", "stories/city/"),    # English as English
])
def test_an_english_site_finds_its_dutch_stories_by_dutch_inflections(
        browser: Any, served_site: Any, english_site: Build, term: str, story: str) -> None:  # noqa: F811
    context = new_context(browser)
    page = context.new_page()
    try:
        assert story in _urls(_search(page, served_site(english_site), term))
    finally:
        context.close()


def test_an_english_site_names_each_results_kind_in_english(
        browser: Any, served_site: Any, english_site: Build) -> None:  # noqa: F811
    context = new_context(browser)
    page = context.new_page()
    try:
        base = served_site(english_site)
        assert [(r["url"], r["kind"]) for r in _search(page, base, "gardens")] == [("stories/city/", "Story")]
        found = [(r["url"], r["title"], r["kind"]) for r in _search(page, base, "climate")]
        # Goal 13 by its name first, then goals whose targets mention climate; no story does.
        assert found[0] == ("sdg/13/", "Goal 13: Climate action", "Goal")
        assert {kind for _, _, kind in found} == {"Goal"} and len(found) > 1
    finally:
        context.close()
