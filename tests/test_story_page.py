"""Issue 20: a story page that carries the rubric.

A visitor from a shared link meets the rubric in a kicker above the title, which leads to a page about the
rubric (generated unless the site owner names one); the target the story serves most (the writer's first)
is quoted under the lead in its goal's colour, the others beneath; the call to action gives each vacancy's
title, location and hours and a button to it.
"""

from __future__ import annotations

import re
from posixpath import join, normpath
from typing import Any

import pytest
import yaml

from browser import browser, new_context, served_site  # noqa: F401 (fixtures)
from project import ROOT, Build, Project
from sdg_stories.content.wording_file import owners_framework
from sdg_stories.sdg.goals import load_framework

FRAMEWORK = load_framework()  # the shipped texts, for a project without its own wording
EXAMPLE = owners_framework(ROOT / "stories", "nl")  # the example content's, with stories/sdg-teksten.yml
STORY = "stories/veilig-winkelcentrum/"
VACANCY = "https://werkenbij.example.nl/vacatures/adviseur-oov"


def _resolve(page_url: str, href: str) -> str:
    """A relative link on ``page_url`` as an address from the site root, directory style."""
    return normpath(join(page_url, href)).lstrip("./") + "/"


# --- the kicker and the page about the rubric ---------------------------------------------------------


def test_the_kicker_above_the_title_leads_to_a_page_about_the_rubric(example_site: Build) -> None:
    header = example_site.content(STORY).select_one(".sdg-story__header")
    kicker = header.select_one(".sdg-kicker")
    assert kicker.find_next_sibling() is header.h1, "the kicker is the line right above the title"
    assert kicker.get_text(" ", strip=True) == "Rubriek Adviseurs over de SDG's"
    target = _resolve(STORY, kicker.a["href"])
    assert target == "over-de-rubriek/"
    assert example_site.exists(target)
    rubric = example_site.content(target)
    assert rubric.h1.get_text(strip=True) == "Adviseurs over de SDG's"
    text = rubric.get_text(" ", strip=True)
    # The owner's introduction from mkdocs.yml, what the SDGs are, and the way to the stories and the goals.
    assert "In deze rubriek vertellen de adviseurs van Adviesbureau Meridiaan" in text
    assert "Wat zijn de SDG's?" in text and "169" in text
    links = {_resolve(target, a["href"]) for a in rubric.select("a[href]") if not a["href"].startswith("http")}
    assert {"stories/", "sdg/"} <= links
    # Every link on the page leads somewhere that exists.
    assert all(example_site.exists(link) for link in links), links


def test_more_about_the_rubric_under_the_story_leads_to_the_same_page(example_site: Build) -> None:
    more = example_site.content(STORY).select_one(".sdg-rubric a")
    assert more.get_text(strip=True) == "Meer over de rubriek en de 17 doelen"
    assert _resolve(STORY, more["href"]) == "over-de-rubriek/"


def test_the_rubric_page_is_no_tab_and_says_what_it_is_to_link_previews(example_site: Build) -> None:
    soup = example_site.soup("over-de-rubriek/")
    tabs = [a["href"] for a in soup.select(".md-tabs a[href]")]
    assert tabs and not [href for href in tabs if "rubriek" in href]
    assert soup.title.get_text().startswith("Adviseurs over de SDG's")
    description = soup.select_one('meta[name="description"]')["content"]
    assert description.startswith("In deze rubriek vertellen de adviseurs")


def test_the_owner_names_the_rubric_and_its_own_page(tmp_path) -> None:
    project = Project(tmp_path, example_content=True)
    project.write("docs/over-ons.md", "# Over ons\n\nOnze rubriek over werk met impact.\n")
    project.configure(rubric_name="Werk met impact", rubric_page="/over-ons/")
    config_file = project.root / "mkdocs.yml"  # a page outside the tabs, as the staff pages are
    config = yaml.safe_load(config_file.read_text("utf-8"))
    config["not_in_nav"] += "over-ons.md\n"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    build = project.build("--strict")
    assert build.ok, build.output
    kicker = build.content(STORY).select_one(".sdg-kicker")
    assert kicker.get_text(" ", strip=True) == "Rubriek Werk met impact"
    assert _resolve(STORY, kicker.a["href"]) == "over-ons/"
    assert _resolve(STORY, build.content(STORY).select_one(".sdg-rubric a")["href"]) == "over-ons/"
    assert not build.exists("over-de-rubriek/"), "no generated page beside the owner's"


def test_a_rubric_page_that_is_not_there_stops_the_build(tmp_path) -> None:
    project = Project(tmp_path, example_content=True)
    project.configure(rubric_page="over-ons/")
    build = project.build()
    assert not build.ok
    assert "extra.sdg_stories.rubric_page noemt over-ons/, maar docs/ heeft geen pagina met dat adres" in build.output


@pytest.mark.parametrize("option, value, message", [
    ("rubric_page", "https://example.org/rubriek/", "moet het adres van een pagina van deze site zijn"),
    ("rubric_page", "../buiten/", "moet het adres van een pagina van deze site zijn"),
    ("rubric_name", "", "moet de naam van de rubriek zijn, op één regel"),
    ("rubric_name", ["een", "lijst"], "moet de naam van de rubriek zijn, op één regel"),
])
def test_a_wrong_rubric_setting_is_named_in_the_sites_language(tmp_path, option: str, value: object, message: str) -> None:
    project = Project(tmp_path)
    project.story("2024-04-05-verhaal.md")
    project.configure(**{option: value})
    build = project.build()
    assert not build.ok
    assert f"extra.sdg_stories.{option}" in build.output and message in build.output


def test_the_rubric_name_is_text_wherever_it_shows(tmp_path) -> None:
    project = Project(tmp_path)
    project.story("2024-04-05-verhaal.md")
    name = '</title><script>alert("rubriek")</script> & <b>Co</b>'
    project.configure(rubric_name=name)
    build = project.build("--strict")
    assert build.ok, build.output
    kicker = build.content("stories/verhaal/").select_one(".sdg-kicker__name")
    assert kicker.get_text() == name and kicker.find("script") is None
    rubric = build.soup("over-de-rubriek/")
    assert rubric.select_one("article h1").get_text() == name
    assert rubric.title.get_text().startswith(name)
    assert not [script for script in rubric.find_all("script") if "rubriek" in script.get_text()]


# --- the quote box --------------------------------------------------------------------------------------


@pytest.mark.parametrize("url, first, others", [
    (STORY, "11.7", ["16.1"]),
    # Written as [13.1, 6.5, 6.b]: the first written is quoted, not the first in the UN's order.
    ("stories/waterschap-klimaatadaptatie/", "13.1", ["6.5", "6.b"]),
    ("stories/jongeren-aan-het-werk/", "8.6", ["8.5"]),
])
def test_the_first_target_is_quoted_under_the_lead_the_others_beneath(
        example_site: Build, url: str, first: str, others: list[str]) -> None:
    article = example_site.content(url)
    section = article.select_one("section.sdg-contributions")
    assert section.find_previous_sibling("header", class_="sdg-story__header"), "right under the header with the lead"
    target = EXAMPLE.target(first)
    quote = section.select_one("figure.sdg-target-quote")
    assert f"sdg-goal-{target.goal_id}" in quote["class"], "in its goal's colour"
    assert quote.select_one("blockquote").get_text(strip=True) == target.title["nl"]
    caption = quote.figcaption.get_text(" ", strip=True)
    assert caption.startswith(f"Subdoel {first} van doel {target.goal_id}: {EXAMPLE.goal(target.goal_id).short['nl']}")
    assert _resolve(url, quote.select_one("a.sdg-chip")["href"].split("#")[0]) == f"sdg/{target.goal_id}/"
    listed = [li.select_one(".sdg-chip").get_text(" ", strip=True).removeprefix("Subdoel ")
              for li in section.select(".sdg-contributions__others > li")]
    assert listed == others
    texts = [span.get_text(strip=True) for span in section.select(".sdg-contributions__others .sdg-contribution__target-text")]
    assert texts == [EXAMPLE.target(other).title["nl"] for other in others]


def test_a_story_with_goals_only_quotes_its_first_goal(tmp_path) -> None:
    project = Project(tmp_path)
    project.story("2024-04-05-verhaal.md", goals=[13, 4])
    project.story("2024-04-06-gemengd.md", title="Gemengd", goals=[16], targets=["11.7"])
    build = project.build("--strict")
    assert build.ok, build.output
    section = build.content("stories/verhaal/").select_one("section.sdg-contributions")
    quote = section.select_one("figure.sdg-target-quote.sdg-goal-4")
    assert quote.select_one("blockquote").get_text(strip=True) == FRAMEWORK.goal(4).title["nl"]
    assert quote.figcaption.get_text(" ", strip=True) == f"Doel 4 {FRAMEWORK.goal(4).short['nl']}"
    other = section.select_one(".sdg-contributions__others > li")
    assert other.get_text(" ", strip=True) == f"Doel 13 {FRAMEWORK.goal(13).title['nl']}"
    # A target of one goal and another goal as a whole: the target quoted, the goal beneath.
    section = build.content("stories/gemengd/").select_one("section.sdg-contributions")
    assert section.select_one("figure.sdg-target-quote.sdg-goal-11")
    assert [li.select_one(".sdg-chip").get_text(strip=True) for li in section.select(".sdg-contributions__others > li")] == ["Doel 16"]


def test_the_un_wording_is_no_word_of_the_story_for_search(example_site: Build) -> None:
    section = example_site.content(STORY).select_one("section.sdg-contributions")
    assert section["data-pagefind-ignore"] == "all"
    assert example_site.content(STORY).select_one(".sdg-kicker")["data-pagefind-ignore"] == "all"


# --- the call to action ---------------------------------------------------------------------------------


def test_the_call_to_action_gives_title_location_hours_and_a_button(example_site: Build) -> None:
    section = example_site.content(STORY).select_one("section.sdg-vacancies--cta")
    first = section.select_one("li.sdg-vacancy:not([hidden])")
    assert first["data-vacancy"] == "adviseur-oov"
    assert first.select_one(".sdg-vacancy__title").get_text(strip=True) == "Adviseur Openbare Orde en Veiligheid"
    facts = {dt.get_text(strip=True): dd.get_text(strip=True) for dt, dd in zip(first.select("dt"), first.select("dd"))}
    assert facts["Standplaats"] == "Utrecht" and facts["Uren"] == "32-36 uur"
    links = first.select("a[href]")
    assert len(links) == 1, "one way to the vacancy: its button"
    button = links[0]
    assert "md-button" in button["class"]
    assert button.get_text(" ", strip=True) == "Bekijk de vacature : Adviseur Openbare Orde en Veiligheid"
    assert button.select_one(".sdg-sr-only").get_text() == ": Adviseur Openbare Orde en Veiligheid"
    assert button["href"].startswith(VACANCY + "?utm_source=")
    assert button["href"].endswith("&utm_campaign=veilig-winkelcentrum")
    # Every shown and held vacancy has its button; the closing script still sees each item.
    items = section.select("li.sdg-vacancy")
    assert all(item.select_one(".sdg-vacancy__action a.md-button") for item in items)
    assert all(item.has_attr("data-vacancy") for item in items)


# --- as a visitor meets it ------------------------------------------------------------------------------


def _center(page: Any, locator: Any) -> tuple[float, float]:
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_a_click_on_the_kicker_and_on_the_button_opens_what_they_say(
        browser: Any, served_site: Any, example_site: Build, width: int) -> None:  # noqa: F811
    context = new_context(browser, width)
    # The vacancy lives on the careers site: answered here, so the click is seen to land there.
    context.route(re.compile(r"^https://werkenbij\.example\.nl/"),
                  lambda route: route.fulfill(status=200, content_type="text/html",
                                              body="<!doctype html><title>Vacature</title><h1>Vacature</h1>"))
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        base = served_site(example_site)
        page.goto(base + STORY)
        kicker = page.locator(".sdg-kicker a")
        assert kicker.bounding_box()["y"] < page.locator("article.sdg-story h1").bounding_box()["y"]
        with page.expect_navigation():
            page.mouse.click(*_center(page, kicker))
        assert page.url == base + "over-de-rubriek/"
        assert "rubriek" in page.locator("article").inner_text()
        page.goto(base + STORY)
        # Its name says which vacancy to a screen reader; the words on it are the action.
        button = page.get_by_role("link", name=re.compile(r"^Bekijk de vacature\W+Adviseur Openbare Orde en Veiligheid$"))
        assert button.evaluate("e => e.firstChild.textContent") == "Bekijk de vacature"
        with page.expect_navigation():
            page.mouse.click(*_center(page, button))
        assert page.url.startswith(VACANCY + "?")
    finally:
        context.close()
    assert errors == []
