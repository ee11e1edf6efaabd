"""No injection at run time either: what scripts draw from data in the browser (the overview's filtered
cards, the search dialog's results, both filled from the Pagefind index) stays text.

The static checks (test_injection.py) read the HTML as built; these read the DOM after the page's own
scripts have put hostile titles, names and summaries on it. On the site built from nasty_content.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from browser import browser, browser_page, served_site  # noqa: F401 - fixtures
from project import Build

# Whatever in the live DOM could run a script: event handlers, script URLs; and how many script elements.
_DOM_REPORT = """() => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            if (attr.name.startsWith('on')) found.push(`<${el.localName} ${attr.name}>`);
            const value = attr.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
            if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name) && /^(javascript|vbscript|data):/.test(value))
                found.push(`<${el.localName} ${attr.name}=${attr.value}>`);
        }
    }
    return {found, scripts: document.scripts.length};
}"""


@pytest.fixture
def nasty_page(browser_page: Any, served_site: Any, nasty_site: Build) -> tuple[Any, str, list[str]]:  # noqa: F811
    if not (nasty_site.site / "pagefind").is_dir():
        pytest.skip("the build writes no Pagefind index yet")
    dialogs: list[str] = []
    # alert(1) in every payload: any that ran would open a dialog.
    browser_page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return browser_page, served_site(nasty_site), dialogs


def _scripts_in(html: str) -> int:
    return html.lower().count("<script")


def test_filtered_cards_show_hostile_titles_as_text(nasty_page, nasty_site: Build) -> None:
    page, base, dialogs = nasty_page
    page.goto(f"{base}stories/?goal=11")
    page.wait_for_function("() => document.querySelector('form.sdg-filters')?.dataset.shown === location.search")
    page.wait_for_function("() => document.querySelectorAll('.sdg-filter-results .sdg-card').length > 0")
    report = page.evaluate(_DOM_REPORT)
    assert report["found"] == [] and dialogs == [], (report, dialogs)
    assert report["scripts"] == _scripts_in(nasty_site.html("stories/"))  # none added at run time
    titles = page.locator(".sdg-filter-results .sdg-card__title").all_text_contents()
    assert any("<script>" in title for title in titles), titles  # shown, as text


def test_search_results_show_hostile_titles_as_text(nasty_page, nasty_site: Build) -> None:
    page, base, dialogs = nasty_page
    page.goto(base)
    page.locator(".sdg-search--wide pagefind-modal-trigger button").click()
    field = page.locator("pagefind-modal pagefind-input input")
    field.press_sequentially("alert")  # in every payload: excerpts highlight it next to the markup
    page.wait_for_function("() => document.querySelectorAll('pagefind-modal .sdg-result').length >= 5")
    report = page.evaluate(_DOM_REPORT)
    assert report["found"] == [] and dialogs == [], (report, dialogs)
    assert report["scripts"] == _scripts_in(nasty_site.html("index.html"))
    titles = page.locator("pagefind-modal .sdg-result a.pf-result-link").all_text_contents()
    excerpts = page.locator("pagefind-modal .sdg-result .pf-result-excerpt").evaluate_all("ps => ps.map(p => p.innerHTML)")
    assert any("<script>" in title for title in titles), titles
    assert any("&lt;script&gt;" in excerpt for excerpt in excerpts), excerpts
    assert page.locator("pagefind-modal .sdg-result :is(script, img, svg, iframe)").count() == 0
