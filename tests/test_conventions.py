"""Dutch and public-sector conventions on every page (issue 20): no English names for the page's parts,
one skip link in the site's language, the organisation's contact, privacy and accessibility links in the
footer, a generated accessibility statement after the Dutch model statement, and a link preview of its own
for each page kind."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from browser import browser, new_context, served_site  # noqa: F401 (fixtures)
from project import Build, Project

SITE_URL = "https://verhalen.example.nl/"
# One page of every kind (hand-written ones too), all Dutch.
PAGES = [
    "", "stories/", "stories/veilig-winkelcentrum/", "sdg/", "sdg/11/", "advisers/",
    "advisers/dirk-blokhuis/", "vacancies/", "accessibility/", "verhaal-schrijven/", "404.html",
]
# Words Material and its templates say in English where a Dutch site should not.
ENGLISH = {"header", "tabs", "footer", "logo", "home", "navigation", "search", "skip", "content", "previous",
           "next", "back", "table", "contents", "permanent", "not", "found", "clear", "menu", "close"}
MODEL_HEADINGS = [
    "Verklaring", "Nalevingsstatus", "Datum van deze verklaring", "Hoe de toegankelijkheid is gecontroleerd",
    "Bekende toegankelijkheidsproblemen", "Feedback en contactgegevens", "Handhavingsprocedure",
]
PENDING = "Adviesbureau Meridiaan heeft de nalevingsstatus en de datum van deze verklaring nog niet ingevuld."


def _soup(build: Build, url: str) -> BeautifulSoup:
    return build.soup(url)


@pytest.mark.parametrize("url", PAGES)
def test_every_page_kind_has_one_dutch_skip_link_to_its_content(example_site: Build, url: str) -> None:
    soup = _soup(example_site, url)
    shown = [a for a in soup.select("a.md-skip") if "sdg-skip" in a.get("class", [])]
    assert [a.get_text(strip=True) for a in shown] == ["Naar de inhoud"], url
    assert shown[0]["href"] == "#sdg-inhoud"
    target = soup.find(id="sdg-inhoud")
    assert target is not None and target.find_parent("article") is not None, url
    # The first link a keyboard reaches: Material's own, on pages with a table of contents, is hidden by CSS
    # (test_the_skip_link_is_the_first_stop_of_the_keyboard).
    links = [a for a in soup.body.find_all("a") if not a.find_parent(attrs={"data-md-component": "skip"})]
    assert links[0] is shown[0], url


@pytest.mark.parametrize("width", [390, 1280])
def test_the_skip_link_is_the_first_stop_of_the_keyboard(browser, served_site, example_site: Build,  # noqa: F811
                                                          width: int) -> None:
    context = new_context(browser, width)
    try:
        page = context.new_page()
        for url in ("", "stories/", "stories/veilig-winkelcentrum/", "advisers/dirk-blokhuis/", "404.html"):
            page.goto(served_site(example_site) + url)
            page.keyboard.press("Tab")
            skip = page.locator(":focus")
            assert skip.inner_text() == "Naar de inhoud", url
            page.wait_for_function("document.activeElement && getComputedStyle(document.activeElement).opacity === '1'")
            box = skip.bounding_box()
            assert box and box["y"] >= 0 and box["width"] > 0, url
            # What a keyboard user does with it: Enter, and the content's heading is in view below the header.
            page.keyboard.press("Enter")
            page.wait_for_function("location.hash === '#sdg-inhoud'")
            heading = page.locator("article h1").bounding_box()
            header = page.locator(".md-header").bounding_box()
            assert heading and header and header["y"] + header["height"] <= heading["y"] < 900, url
            assert page.evaluate("document.activeElement.id") == "sdg-inhoud"
    finally:
        context.close()


@pytest.mark.parametrize("url", PAGES)
def test_no_english_names_for_the_parts_of_a_page(example_site: Build, url: str) -> None:
    soup = _soup(example_site, url)
    values = [("title", soup.title.get_text())]
    values += [(name, element[name]) for name in ("aria-label", "alt", "title", "placeholder")
               for element in soup.find_all(attrs={name: True})]
    values += [("tab", a.get_text(strip=True)) for a in soup.select(".md-tabs__link")]
    english = [(name, value) for name, value in values
               if ENGLISH & set(re.findall(r"[a-z]+", value.lower())) and "SDG" not in value]
    assert english == [], url
    assert soup.select_one(".md-logo img")["alt"] == ""  # decoration inside a link named by the site


def test_the_404_page_says_so_in_its_tab_title(example_site: Build) -> None:
    assert _soup(example_site, "404.html").title.get_text() == "Pagina niet gevonden - Verhalen over de SDG's"


@pytest.mark.parametrize("url", PAGES)
def test_every_footer_links_contact_privacy_and_the_accessibility_statement(example_site: Build, url: str) -> None:
    footer = _soup(example_site, url).select_one(".md-footer nav.sdg-footer-links--public")
    links = {a.get_text(strip=True): a["href"] for a in footer.select("a")}
    assert footer["aria-label"] == "Over deze site"
    assert links["Contact"] == "https://www.example.nl/contact"  # as mkdocs.yml sets them
    assert links["Privacy"] == "https://www.example.nl/privacy"
    assert "Abonneer (RSS/Atom)" in links
    statement = links["Toegankelijkheid"]
    if url != "404.html":  # served at any address, so its links are from the site root
        resolved = (example_site.site / url.removesuffix("404.html") / statement).resolve()
        assert resolved == (example_site.site / "accessibility").resolve(), url


def test_the_statement_follows_the_model_and_says_what_is_not_filled_in(example_site: Build) -> None:
    content = example_site.content("accessibility/")
    assert content.h1.get_text(strip=True) == "Toegankelijkheids\u00adverklaring"  # a soft hyphen for phones
    assert [h2.get_text(strip=True) for h2 in content.find_all("h2")] == MODEL_HEADINGS
    assert content.select_one(".sdg-statement-pending").get_text(strip=True) == PENDING
    text = content.get_text(" ", strip=True)
    assert text.count("Nog niet ingevuld.") == 3  # status, date, how it was checked
    assert content.find("a", href="https://www.example.nl/contact")  # feedback goes to the contact page


def test_the_statement_shows_the_status_and_date_the_owner_filled_in(project: Project) -> None:
    project.configure(accessibility_statement={
        "status": "voldoet gedeeltelijk", "date": "2026-01-15",
        "method": "Een externe deskundige toetste de site aan WCAG 2.1 AA.",
        "known_issues": ["Sommige oude afbeeldingen hebben nog geen goede alternatieve tekst."],
        "contact": "mailto:toegankelijkheid@example.nl",
    })
    project.story("een.md")
    build = project.build("--strict")
    assert build.ok, build.output
    content = build.content("accessibility/")
    assert content.select_one(".sdg-statement-pending") is None
    text = content.get_text(" ", strip=True)
    assert "Deze website voldoet gedeeltelijk aan de toegankelijkheidseisen." in text
    assert "Deze verklaring is opgesteld op 15 januari 2026." in text
    assert "Een externe deskundige toetste de site aan WCAG 2.1 AA." in text
    assert [li.get_text(strip=True) for li in content.select("ul li")] == [
        "Sommige oude afbeeldingen hebben nog geen goede alternatieve tekst."]
    assert content.find("a", href="mailto:toegankelijkheid@example.nl")
    assert "Nog niet ingevuld" not in text


@pytest.mark.parametrize("language, expected", [
    ("nl", ["'bijna' is geen nalevingsstatus; schrijf een van: voldoet, voldoet gedeeltelijk, voldoet niet",
            "'gisteren' moet de datum van de verklaring zijn, zoals 2026-01-15",
            "'www.example.nl/contact' moet een volledig webadres zijn"]),
    ("en", ["'bijna' is not a compliance status; write one of: compliant, partially compliant, not compliant",
            "'gisteren' must be the date of the statement, like 2026-01-15",
            "'www.example.nl/contact' must be a full web address"]),
])
def test_wrong_settings_are_messages_in_the_sites_language(project: Project, language: str, expected: list[str]) -> None:
    project.configure(theme__language=language, contact_url="www.example.nl/contact",
                      accessibility_statement={"status": "bijna", "date": "gisteren"})
    build = project.build()
    assert not build.ok
    assert "Traceback" not in build.output
    for message in expected:
        assert message in build.output
    assert "extra.sdg_stories.accessibility_statement.status" in build.output


def test_the_statement_and_footer_in_english_on_an_english_site(project: Project) -> None:
    project.configure(theme__language="en")
    project.story("een.md")
    build = project.build("--strict")
    assert build.ok, build.output
    content = build.content("accessibility/")
    assert content.h1.get_text(strip=True) == "Accessibility statement"
    assert content.find("h2").get_text(strip=True) == "Statement"
    footer = build.soup("").select_one("nav.sdg-footer-links--public")
    assert [a.get_text(strip=True) for a in footer.select("a")] == [
        "Contact", "Privacy", "Accessibility", "Subscribe (RSS/Atom)"]
    assert build.soup("").select_one("a.sdg-skip").get_text(strip=True) == "Skip to content"


KINDS = {"home": "", "overview": "stories/", "goals": "sdg/", "goal": "sdg/11/", "advisers": "advisers/",
         "adviser": "advisers/dirk-blokhuis/", "vacancies": "vacancies/", "story": "stories/veilig-winkelcentrum/",
         "accessibility": "accessibility/"}


def test_each_page_kind_has_a_link_preview_of_its_own(example_site: Build) -> None:
    images = {}
    for kind, url in KINDS.items():
        soup = _soup(example_site, url)
        image = soup.find("meta", property="og:image")["content"]
        assert soup.find("meta", attrs={"name": "twitter:image"})["content"] == image
        assert image.startswith(SITE_URL) and image.endswith("social-card.png"), kind
        assert (example_site.site / image.removeprefix(SITE_URL)).is_file(), kind
        images[kind] = image
    assert len(set(images.values())) == len(KINDS), images
    adviser = _soup(example_site, "advisers/dirk-blokhuis/")
    assert adviser.find("meta", property="og:image:alt")["content"] == (
        "Dirk Blokhuis, Adviseur Openbare Orde en Veiligheid bij Adviesbureau Meridiaan")


def test_initials_are_drawn_in_the_cards_sans_face() -> None:
    from sdg_stories.outputs.card_text import font, initials_font

    # Noto Sans Bold's I has serifs (it is as wide as a serifed I); the initials' font has its plain stem.
    assert initials_font("IV") == "initials"
    serifed = font("bold", 40).getmask("I").getbbox()  # the ink: 14 px wide at 40 px with its serifs
    plain = font("initials", 40).getmask("I").getbbox()  # the stem alone: 7 px
    assert plain[2] - plain[0] < 0.6 * (serifed[2] - serifed[0])
    assert font("initials", 40).getmask("V").getbbox() == font("bold", 40).getmask("V").getbbox()  # the same face
    # Initials the capitals' font lacks (lowercase, other scripts) keep Noto Sans Bold.
    assert initials_font("iv") == "bold"
