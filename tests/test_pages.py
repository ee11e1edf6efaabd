"""What a visitor gets from the example content: every generated page kind, checked in the HTML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sdg_stories.sdg.contrast import contrast_ratio
from project import ROOT
from sdg_stories.content.wording_file import owners_framework

# The texts as the example site words them: shipped, with stories/sdg-teksten.yml in place.
FRAMEWORK = owners_framework(ROOT / "stories", "nl")


def test_story_page_has_every_part(example_site):
    page = example_site.content("stories/veilig-winkelcentrum/")
    assert page.h1.get_text() == "Adviseur OOV over een veilig winkelcentrum"
    assert page.select_one("time")["datetime"] == "2023-03-14"
    adviser = page.select_one(".sdg-story__header .sdg-adviser")
    assert adviser.select_one("img")["src"] == "../images/advisers/dirk-blokhuis.svg"
    assert adviser.select_one("a")["href"] == "../../advisers/dirk-blokhuis/"
    assert "Adviseur Openbare Orde en Veiligheid" in adviser.get_text()
    badges = page.select(".sdg-story__header .sdg-badge")
    assert [badge["href"] for badge in badges] == ["../../sdg/11/", "../../sdg/16/"]
    assert "Duurzame steden en gemeenschappen" in badges[0].get_text()
    assert page.select_one(".sdg-story__lead").get_text(strip=True).startswith("Hoe de gemeente Lindewaard")
    assert page.select_one(".sdg-story__image img")["alt"].startswith("Een licht winkelplein")
    assert "Winkelcentrum De Bongerd" in page.select_one(".sdg-story__body").get_text()
    # The target it serves most quoted on top in its own words, the other targets beneath with theirs.
    quote = page.select_one(".sdg-contributions figure.sdg-target-quote.sdg-goal-11")
    assert quote.select_one("blockquote").get_text(strip=True) == FRAMEWORK.target("11.7").title["nl"]
    chips = page.select(".sdg-contributions .sdg-chip")
    assert [chip["href"] for chip in chips] == ["../../sdg/11/#target-11-7", "../../sdg/16/#target-16-1"]
    assert not [chip for chip in chips if chip.has_attr("title")], "a target's meaning is text, not a tooltip"
    texts = [t.get_text(strip=True) for t in page.select(".sdg-contributions__others .sdg-contribution__target-text")]
    assert texts == [FRAMEWORK.target("16.1").title["nl"]]
    assert page.select(".sdg-related .sdg-card"), "related stories sharing a goal"
    assert page.select_one(".sdg-back a")["href"] == "../"


def test_story_assets_are_published(example_site):
    assert (example_site.site / "stories/images/winkelcentrum.svg").is_file()
    assert (example_site.site / "stories/images/advisers/dirk-blokhuis.svg").is_file()


def test_related_stories_share_a_goal(example_site):
    page = example_site.content("stories/veilig-winkelcentrum/")
    cards = page.select(".sdg-related .sdg-card")
    assert len(cards) >= 2  # the example content has several stories about goals 11 and 16
    for card in cards:
        goals = {a["href"] for a in card.select(".sdg-badge")}
        assert goals & {"../../sdg/11/", "../../sdg/16/"}


@pytest.mark.parametrize("goal", range(1, 18))
def test_every_goal_page_lists_its_targets_with_anchors(example_site, goal):
    page = example_site.content(f"sdg/{goal}/")
    data = FRAMEWORK.goal(goal)
    assert page.h1.get_text(strip=True) == f"Doel {goal}: {data.short['nl']}"
    assert data.title["nl"] in page.get_text()
    # The targets with stories come first, the others folded after them: each part in the official order.
    official = [target.anchor for target in data.targets]
    anchors = [item["id"] for item in page.select(".sdg-target-list > li[id]")]
    assert sorted(anchors, key=official.index) == official
    for part in page.select(".sdg-targets > ol.sdg-target-list, .sdg-targets-empty > ol.sdg-target-list"):
        ids = [item["id"] for item in part.select(":scope > li[id]")]
        assert ids == sorted(ids, key=official.index)
    for target in data.targets:
        assert target.title["nl"] in page.select_one(f"#{target.anchor}").get_text()


def test_goal_page_lists_stories_newest_first(example_site):
    page = example_site.content("sdg/11/")
    titles = [card.h3.get_text(strip=True) for card in page.select(".sdg-goal-stories .sdg-card")]
    dates = [card.time["datetime"] for card in page.select(".sdg-goal-stories .sdg-card")]
    assert titles and dates == sorted(dates, reverse=True)


def test_goal_page_lists_each_targets_stories_with_a_count_and_a_filtered_overview_link(example_site):
    page = example_site.content("sdg/11/")
    target = page.select_one("#target-11-7")
    assert [a["href"] for a in target.select(".sdg-target__stories a")] == ["../../stories/veilig-winkelcentrum/"]
    count = target.select_one(".sdg-target__count")
    assert count.get_text(" ", strip=True).startswith("1 verhaal")
    assert count.select_one("a")["href"] == "../../stories/?target=11.7"
    # A target without stories is folded with the others into one line.
    assert page.select_one(".sdg-targets-empty #target-11-1") is not None
    assert page.select_one(".sdg-targets-empty > summary").get_text(strip=True) == "7 subdoelen zonder verhaal"
    # The stories come first, then the targets, then the vacancies.
    headings = [h2.get_text(strip=True) for h2 in page.select("h2")]
    assert headings == ["Verhalen over doel 11", "Verhalen per subdoel", "Vacatures bij doel 11"]


def test_goal_without_stories_has_an_empty_state_that_invites_a_click(example_site):
    counts = {goal: len(example_site.content(f"sdg/{goal}/").select(".sdg-goal-stories .sdg-card")) for goal in range(1, 18)}
    empty = [goal for goal, count in counts.items() if count == 0]
    assert empty, "the example content leaves some goals without stories"
    state = example_site.content(f"sdg/{empty[0]}/").select_one(".sdg-empty-state")
    assert "nog geen verhalen" in state.get_text()
    assert [a["href"] for a in state.select("a")] == ["../../stories/", "../../over-de-rubriek/"]  # "what this series is about": the rubric page


def test_goal_grid_has_17_tiles_with_counts(example_site):
    page = example_site.content("sdg/")
    tiles = page.select(".sdg-tile")
    assert [tile["href"] for tile in tiles] == [f"{n}/" for n in range(1, 18)]
    eleven = tiles[10].select_one(".sdg-tile__count").get_text()
    cards = len(example_site.content("sdg/11/").select(".sdg-goal-stories .sdg-card"))
    assert eleven == (f"{cards} verhalen" if cards != 1 else "1 verhaal")


def test_overview_lists_published_stories_newest_first(example_site):
    page = example_site.content("stories/")
    dates = [time["datetime"] for time in page.select(".sdg-card time")]
    assert len(dates) == 9 and dates == sorted(dates, reverse=True)
    card = page.select_one(".sdg-card")
    assert card.select_one(".sdg-card__summary").get_text()
    assert card.select(".sdg-badge")


def test_drafts_are_left_out_of_mkdocs_build(example_site):
    assert not example_site.exists("stories/energiearmoede/")
    assert "energiearmoede" not in example_site.html("stories/")
    assert "energiearmoede" not in example_site.html("sdg/1/")
    assert "energiearmoede" not in (example_site.site / "sitemap.xml").read_text()


def test_adviser_page_has_card_and_stories(example_site):
    page = example_site.content("advisers/dirk-blokhuis/")
    assert page.h1.get_text() == "Dirk Blokhuis"
    assert page.select_one(".sdg-adviser img")
    links = [a["href"] for a in page.select(".sdg-card__title a")]
    assert "../../stories/veilig-winkelcentrum/" in links
    index = example_site.content("advisers/")
    assert len(index.select(".sdg-adviser")) == 6


def test_home_shows_intro_goal_grid_and_latest_stories(example_site):
    page = example_site.content("")
    assert len(page.select(".sdg-grid .sdg-tile")) == 17
    assert page.select_one(".sdg-tile")["href"] == "sdg/1/"
    latest = page.select(".sdg-card")
    assert 1 <= len(latest) <= 6
    assert latest[0].select_one("a")["href"].startswith("stories/")


def test_stories_stay_out_of_the_navigation(example_site):
    nav = example_site.soup("stories/veilig-winkelcentrum/").select_one("nav.md-nav--primary")
    links = [a.get("href") for a in nav.select("a")]
    assert not [link for link in links if link and "veilig-winkelcentrum" in link]
    assert any(link and link.endswith("sdg/") for link in links)


@pytest.mark.parametrize("url, tab", [
    ("stories/veilig-winkelcentrum/", "Verhalen"), ("stories/", "Verhalen"), ("sdg/11/", "Doelen"),
    ("sdg/", "Doelen"), ("advisers/dirk-blokhuis/", "Adviseurs"), ("", "Start"),
])
def test_the_current_tab_is_marked_on_every_page(example_site, url, tab):
    active = example_site.soup(url).select(".md-tabs__item--active")
    assert [item.get_text(strip=True) for item in active] == [tab]


def test_staff_pages_are_in_the_footer_not_in_the_tabs(example_site):
    soup = example_site.soup("stories/")
    tabs = [a.get_text(strip=True) for a in soup.select(".md-tabs__link")]
    assert tabs == ["Start", "Verhalen", "Doelen", "Adviseurs", "Vacatures"]
    footer = [a["href"] for a in soup.select(".md-footer .sdg-footer-links:not(.sdg-footer-links--public) a")]
    assert footer == ["../verhaal-schrijven/", "../sdg-data/", "../open-data/"]
    assert example_site.exists("verhaal-schrijven/")


def test_generated_pages_hide_the_empty_navigation_sidebar(example_site):
    for url in ("stories/veilig-winkelcentrum/", "stories/", "sdg/11/", "advisers/dirk-blokhuis/", ""):
        sidebar = example_site.soup(url).select_one('.md-sidebar--primary[data-md-type="navigation"]')
        assert sidebar.has_attr("hidden"), url


def test_cards_of_stories_in_the_other_language_carry_a_label(example_site):
    cards = example_site.content("stories/").select(".sdg-card")
    labelled = {card.select_one(".sdg-card__title")["lang"] for card in cards if card.select_one(".sdg-card__lang")}
    unlabelled = {card.select_one(".sdg-card__title")["lang"] for card in cards if not card.select_one(".sdg-card__lang")}
    assert labelled == {"en"} and unlabelled == {"nl"}
    assert all(card.select_one(".sdg-card__lang").get_text() == "In het Engels" for card in cards if card.select_one(".sdg-card__lang"))


def test_the_rubric_introduction_comes_from_mkdocs_yml(example_site):
    rubric = example_site.content("stories/veilig-winkelcentrum/").select_one(".sdg-rubric")
    assert "adviseurs van Adviesbureau Meridiaan over echte opdrachten" in rubric.get_text()
    assert rubric.select_one("a")["href"] == "../../over-de-rubriek/"


def test_goal_tile_text_reaches_wcag_aa(example_site):
    css = (example_site.site / "assets/stylesheets/sdg-goals.css").read_text()
    for goal in FRAMEWORK.goals:
        line = next(line for line in css.splitlines() if line.startswith(f".sdg-goal-{goal.id} "))
        assert goal.color in line and goal.text_color in line
        assert contrast_ratio(goal.text_color, goal.color) >= 4.5


def test_every_value_in_the_site_is_in_dutch_by_default(example_site):
    soup = example_site.soup("sdg/11/")
    assert soup.html["lang"] == "nl"
    assert "Verhalen per subdoel" in soup.get_text()
    assert soup.select_one("a.headerlink") is None or soup.select_one("a.headerlink")["title"] == "Directe link naar dit kopje"
    assert example_site.soup("").select_one("a.headerlink")["title"] == "Directe link naar dit kopje"
