"""Search as a visitor uses it on the example site: people are found, goals speak the site's language, vacancy
excerpts read as sentences.

The visitor types into the search field and clicks a result with the mouse at its centre. What must be found
is read from the example content (an adviser's bio in stories/advisers.yml, a vacancy in vacancies.yml),
not from the code that feeds Pagefind. Browser fixtures: tests/browser.py.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from browser import browser, new_context, served_site, wait_for_search_results  # noqa: F401 (fixtures)
from project import ROOT, Build

ADVISERS = yaml.safe_load((ROOT / "stories" / "advisers.yml").read_text("utf-8"))
VACANCIES = yaml.safe_load((ROOT / "stories" / "vacancies.yml").read_text("utf-8"))["vacancies"]
# An adviser found only by two words of her bio: no story, vacancy or goal says "civiel ingenieur".
BIO_PHRASE = "civiel ingenieur"
(BIO_ADVISER,) = [key for key, adviser in ADVISERS.items() if BIO_PHRASE in " ".join(adviser.get("bio", "").split())]


@pytest.fixture(scope="module")
def page(browser: Any, served_site: Any, example_site: Build) -> Any:  # noqa: F811
    """The example site as conftest.py builds it (2026-01-01: every example vacancy is open)."""
    context = new_context(browser)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(served_site(example_site))
    page.base = served_site(example_site)
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def _click_centre(page: Any, locator: Any) -> None:
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def _search(page: Any, term: str) -> list[dict]:
    """From the home page: click the header's search field, type ``term``, wait until every result is drawn."""
    page.goto(page.base)
    _click_centre(page, page.locator(".sdg-search--wide pagefind-modal-trigger button"))
    field = page.locator("pagefind-modal pagefind-input input")
    field.wait_for()
    page.keyboard.type(term)
    wait_for_search_results(page, term)
    return page.locator("pagefind-modal .sdg-result").evaluate_all(
        """items => items.map(item => ({
            url: new URL(item.querySelector('a.pf-result-link').href).pathname
                 + new URL(item.querySelector('a.pf-result-link').href).hash,
            title: item.querySelector('a.pf-result-link').textContent.trim(),
            kind: item.querySelector('.sdg-result__kind')?.textContent.trim(),
            excerpt: item.querySelector('.pf-result-excerpt')?.textContent.trim(),
            text: item.textContent.replace(/\\s+/g, ' ').trim(),
        }))"""
    )


def test_a_phrase_from_an_advisers_bio_finds_her_page_marked_adviser_and_a_click_opens_it(page: Any) -> None:
    results = _search(page, BIO_PHRASE)
    adviser = ADVISERS[BIO_ADVISER]
    assert [(r["url"], r["title"], r["kind"]) for r in results] == [(f"/advisers/{BIO_ADVISER}/", adviser["name"], "Adviseur")]
    assert "civiel ingenieur" in results[0]["excerpt"]
    link = page.locator("pagefind-modal .sdg-result a.pf-result-link").first
    _click_centre(page, link)
    page.wait_for_url(f"**/advisers/{BIO_ADVISER}/")
    assert page.locator("h1").first.text_content().strip() == adviser["name"]


def test_an_advisers_name_finds_her_page_beside_her_stories(page: Any, example_site: Build) -> None:
    results = _search(page, "Veldkamp")
    kinds = {r["url"]: r["kind"] for r in results}
    assert kinds.pop("/advisers/ineke-veldkamp/") == "Adviseur"
    assert kinds and set(kinds.values()) == {"Verhaal"}


def test_a_goal_result_speaks_dutch_only(page: Any, example_site: Build) -> None:
    results = _search(page, "sanitair")
    (goal,) = [r for r in results if r["url"] == "/sdg/6/"]
    dutch_name = example_site.soup("sdg/6/").select_one("h1").get_text(" ", strip=True)
    assert goal["kind"] == "Doel" and goal["title"] in dutch_name
    # The UN's English name of goal 6 and of its targets' texts are not in the Dutch site's results.
    for result in results:
        assert "Clean water" not in result["text"] and "sanitation" not in result["text"], result


def test_a_vacancy_excerpt_reads_as_sentences(page: Any) -> None:
    vacancy = next(v for v in VACANCIES if v["id"] == "adviseur-oov")
    results = _search(page, "tafel")
    (found,) = [r for r in results if r["url"] == "/vacancies/#vacancy-adviseur-oov"]
    assert found["kind"] == "Vacature"
    assert ".." not in found["excerpt"]
    # The summary's last sentence, then title, location and hours as one sentence of their own.
    facts = f"{vacancy['title']}, {vacancy['location']}, {vacancy['hours']}."
    assert f"aan één tafel. {facts}" in " ".join(found["excerpt"].split())


def test_a_vacancy_result_opens_the_vacancy_by_a_click(page: Any) -> None:
    results = _search(page, "evenementen")
    assert [r["url"] for r in results] == ["/vacancies/#vacancy-adviseur-oov"]
    _click_centre(page, page.locator("pagefind-modal .sdg-result a.pf-result-link").first)
    page.wait_for_url("**/vacancies/#vacancy-adviseur-oov")
