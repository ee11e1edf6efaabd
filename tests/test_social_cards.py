"""Social cards (issue 17): a 1200x630 PNG per story and goal page, named by the page's link preview tags,
drawn once into .cache/social-cards/ and copied into the site, byte for byte the same every build."""

from __future__ import annotations

import io
import json
import re

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageDraw

from example_content import SITE_URL, example_stories
from project import Build, Project
from serve_session import ServeSession
from sdg_stories.outputs import card_text
from sdg_stories.outputs.card_drawing import GoalMark, StoryCard, draw_card
from sdg_stories.outputs.card_drawing import INITIALS_BACKGROUND, INK, MUTED, PAPER, STORY_TITLE, title_lines
from sdg_stories.outputs.card_text import ELLIPSIS, font, runs, width
from sdg_stories.sdg.contrast import AA_NORMAL_TEXT, WHITE, contrast_ratio
from sdg_stories.sdg.goals import load_framework

EMOJI_TITLE = "Zeeën, één café & 🚲"
LONG_TITLE = (
    "Van Zeeuwse zeeën tot Limburgse heuvels: hoe twaalf gemeenten, drie waterschappen en een provincie "
    "samen één klimaatagenda schreven, met inwoners, boeren en ondernemers aan tafel, en wat het opleverde"
)
PHOTO_COLOR = (0, 120, 80)
CARD = "social-card.png"
# Home, overview, goals index, advisers, the project's two advisers, vacancies, the accessibility statement,
# the rubric page, and the year reports' index and the one year of the project's stories.
PAGE_CARDS = 11
ALL_CARDS = 4 + 17 + PAGE_CARDS  # the cards project's 4 stories, the 17 goals and those pages
_DRAWN = re.compile(r"Social cards: (\d+) drawn, (\d+) from the cache")


def _write_cards_project(project: Project) -> None:
    (project.stories / "images").mkdir()
    Image.new("RGB", (300, 400), PHOTO_COLOR).save(project.stories / "images/anna.png")
    (project.stories / "advisers.yml").write_text(
        "anna-de-vries:\n  name: Anna de Vries\n  role: Adviseur Ruimte\n  photo: images/anna.png\n"
        "bram-jansen:\n  name: Bram Jansen\n  role: Adviseur Energie\n",
        "utf-8",
    )
    project.configure(page_size=2)
    project.story("2024-04-05-emoji.md", title=EMOJI_TITLE, slug="emoji", goals=[11, 13])
    project.story("2024-04-04-lang.md", title=LONG_TITLE, slug="lang", adviser="bram-jansen", goals=[6, 11, 13, 17])
    project.story("2024-04-03-english.md", title="In English", slug="english", lang="en", adviser="bram-jansen", goals=[7])
    Image.new("RGB", (1200, 800), (200, 200, 200)).save(project.stories / "images/plein.png")
    project.story("2024-04-02-foto.md", title="Met foto", slug="foto", image="images/plein.png", image_alt="Een plein")
    project.story("2024-04-01-concept.md", title="Nog niet af", slug="concept", draft=True)


@pytest.fixture(scope="module")
def cards_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = Project(tmp_path_factory.mktemp("cards"))
    _write_cards_project(project)
    return project


@pytest.fixture(scope="module")
def cards_site(cards_project: Project) -> Build:
    build = cards_project.build("--strict", "--verbose")
    assert build.ok, build.output
    return build


def _meta(soup: BeautifulSoup, key: str) -> str | None:
    tag = soup.select_one(f'meta[property="{key}"]') or soup.select_one(f'meta[name="{key}"]')
    return tag["content"] if tag else None


def _card(build: Build, url: str) -> Image.Image:
    image = Image.open(io.BytesIO((build.site / url).read_bytes()))
    image.load()
    return image


def _drawn(build: Build) -> tuple[int, int]:
    found = _DRAWN.findall(build.output)
    assert len(found) == 1, build.output[-2000:]
    return int(found[0][0]), int(found[0][1])


# What a visitor's link preview gets

def test_each_story_page_names_its_own_card_with_size_and_alt(cards_site: Build) -> None:
    for slug, title, adviser in (("emoji", EMOJI_TITLE, "Anna de Vries"), ("lang", LONG_TITLE, "Bram Jansen"),
                                 ("english", "In English", "Bram Jansen")):
        soup = cards_site.soup(f"stories/{slug}/")
        url = f"{SITE_URL}stories/{slug}/{CARD}"
        assert _meta(soup, "og:image") == _meta(soup, "twitter:image") == url
        assert _meta(soup, "og:image:type") == "image/png"
        assert (_meta(soup, "og:image:width"), _meta(soup, "og:image:height")) == ("1200", "630")
        alt = _meta(soup, "og:image:alt")
        assert alt == _meta(soup, "twitter:image:alt") and title in alt and adviser in alt
        card = _card(cards_site, f"stories/{slug}/{CARD}")
        assert card.format == "PNG" and card.size == (1200, 630)
    assert "a story by Bram Jansen, Adviseur Energie, on goal 7" in _meta(cards_site.soup("stories/english/"), "og:image:alt")
    assert "over de doelen 6, 11, 13 en 17" in _meta(cards_site.soup("stories/lang/"), "og:image:alt")


def test_cards_differ_from_story_to_story(cards_site: Build) -> None:
    cards = [(cards_site.site / f"stories/{slug}/{CARD}").read_bytes() for slug in ("emoji", "lang", "english", "foto")]
    assert len(set(cards)) == 4


def test_json_ld_lists_the_card_and_the_story_image(cards_site: Build) -> None:
    def json_ld(url: str) -> dict:
        return json.loads(cards_site.soup(url).select_one('script[type="application/ld+json"]').string)

    assert json_ld("stories/foto/")["image"] == [f"{SITE_URL}stories/foto/{CARD}", f"{SITE_URL}stories/images/plein.png"]
    assert json_ld("stories/emoji/")["image"] == [f"{SITE_URL}stories/emoji/{CARD}"]


def test_goal_pages_get_a_card_in_the_goals_colour(cards_site: Build) -> None:
    goal = load_framework().goal(11)
    for url in ("sdg/11/", "sdg/11/page/2/"):  # every page of a goal shares its card
        soup = cards_site.soup(url)
        assert _meta(soup, "og:image") == f"{SITE_URL}sdg/11/{CARD}", url
        assert _meta(soup, "og:image:alt") == "Doel 11: Duurzame steden en gemeenschappen, in de kleur van het doel"
    card = _card(cards_site, f"sdg/11/{CARD}").convert("RGB")
    assert card.size == (1200, 630)
    assert card.getpixel((1190, 10)) == _rgb(goal.color)
    # A goal without stories has a page, so a card, too.
    assert (cards_site.site / f"sdg/1/{CARD}").is_file()
    # The other page kinds have cards of their own (test_conventions.py); a hand-written page other than
    # the home page keeps the site's picture.
    for url in ("", "stories/", "sdg/", "advisers/"):
        assert _meta(cards_site.soup(url), "og:image") == f"{SITE_URL}{url}{CARD}", url


def test_the_story_card_shows_its_goals_colours_and_the_advisers_photo(cards_site: Build) -> None:
    card = _card(cards_site, f"stories/lang/{CARD}").convert("RGB")
    colours = {card.getpixel((x, y)) for x in range(700, 1120) for y in range(560, 590, 5)}
    for goal_id in (6, 11, 13, 17):
        assert _rgb(load_framework().goal(goal_id).color) in colours, goal_id
    band = {card.getpixel((5, y)) for y in range(0, 630, 10)}  # the goal colours down the left edge
    assert {_rgb(load_framework().goal(goal_id).color) for goal_id in (6, 11, 13, 17)} <= band
    with_photo = _card(cards_site, f"stories/emoji/{CARD}").convert("RGB")
    assert with_photo.getpixel((130, 540)) == PHOTO_COLOR  # the centre of the adviser's circle
    assert card.getpixel((130, 505)) == _rgb(INITIALS_BACKGROUND)  # no photo: initials on indigo, above them


def test_drafts_get_no_card_in_a_build(cards_site: Build) -> None:
    assert not (cards_site.site / "stories/concept").exists()
    assert not list(cards_site.site.rglob("*concept*"))


def test_cards_are_cached_at_the_project_root_and_nowhere_in_docs_or_stories(cards_project: Project, cards_site: Build) -> None:
    cached = sorted((cards_project.root / ".cache/social-cards").iterdir())
    site_cards = sorted(cards_site.site.rglob(CARD))
    assert len(site_cards) == 4 + 17 + PAGE_CARDS and len(cached) == len(site_cards)
    assert {path.read_bytes() for path in cached} == {path.read_bytes() for path in site_cards}
    assert not list((cards_project.root / "docs").rglob("*.png.part")) and not list(cards_project.stories.rglob(CARD))
    assert _drawn(cards_site) == (ALL_CARDS, 0)


def test_warm_rebuild_draws_none_and_a_one_story_edit_draws_one(tmp_path_factory: pytest.TempPathFactory) -> None:
    project = Project(tmp_path_factory.mktemp("warm"))
    _write_cards_project(project)
    first = project.build("--strict", "--verbose")
    assert first.ok, first.output
    assert _drawn(first) == (ALL_CARDS, 0)
    before = (first.site / f"stories/emoji/{CARD}").read_bytes()
    warm = project.build("--strict", "--verbose")
    assert _drawn(warm) == (0, ALL_CARDS)
    assert (warm.site / f"stories/emoji/{CARD}").read_bytes() == before
    project.story("2024-04-05-emoji.md", title="Zeeën, één café & 🚲 (bijgewerkt)", slug="emoji", goals=[11, 13])
    edited = project.build("--strict", "--verbose")
    assert _drawn(edited) == (1, ALL_CARDS - 1)
    assert (edited.site / f"stories/emoji/{CARD}").read_bytes() != before
    # The old card is no longer used by any page: a full build removes it from the cache.
    assert len(list((project.root / ".cache/social-cards").iterdir())) == ALL_CARDS


def test_a_one_story_edit_under_serve_draws_one_card(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Rebuilds as `mkdocs serve` makes them (serve_session.py): the cache gains one card and no other is
    written again."""
    project = Project(tmp_path_factory.mktemp("serve"))
    _write_cards_project(project)
    cache = project.root / ".cache/social-cards"
    with ServeSession(project) as session:
        assert session.build()["ok"]
        before = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
        assert len(before) == 4 + 1 + 17 + PAGE_CARDS  # the draft too: serve shows drafts
        assert session.build()["ok"]
        assert {path.name: path.stat().st_mtime_ns for path in cache.iterdir()} == before
        project.story("2024-04-04-lang.md", title="Een korter verhaal", slug="lang", adviser="bram-jansen", goals=[6, 11, 13, 17])
        assert session.build()["ok"]
        after = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
        assert len(after) == len(before) + 1 and {name: after[name] for name in before} == before
        card = session.soup("stories/lang/").select_one('meta[property="og:image"]')["content"]
        assert card.endswith(f"stories/lang/{CARD}")
        new = next(cache / name for name in after if name not in before)
        assert (session.site / f"stories/lang/{CARD}").read_bytes() == new.read_bytes()


def test_two_builds_in_two_folders_give_byte_identical_cards(cards_site: Build, tmp_path_factory: pytest.TempPathFactory) -> None:
    again = Project(tmp_path_factory.mktemp("again"))
    _write_cards_project(again)
    second = again.build("--strict")
    assert second.ok, second.output
    first_cards = {path.relative_to(cards_site.site): path.read_bytes() for path in cards_site.site.rglob(CARD)}
    second_cards = {path.relative_to(second.site): path.read_bytes() for path in second.site.rglob(CARD)}
    assert len(first_cards) == ALL_CARDS and first_cards == second_cards


def test_setting_social_cards_false_leaves_them_out(tmp_path_factory: pytest.TempPathFactory) -> None:
    project = Project(tmp_path_factory.mktemp("off"))
    _write_cards_project(project)
    project.configure(social_cards=False)
    build = project.build("--strict")
    assert build.ok, build.output
    assert not list(build.site.rglob(CARD)) and not (project.root / ".cache").exists()
    soup = build.soup("stories/foto/")
    assert _meta(soup, "og:image") == f"{SITE_URL}stories/images/plein.png"  # the story's PNG, as before cards
    assert _meta(build.soup("stories/emoji/"), "og:image") == f"{SITE_URL}assets/images/sdg-stories-preview.png"


def test_a_wrong_setting_is_reported_in_the_writers_terms(project: Project) -> None:
    project.story("2024-04-05-een.md")
    project.configure(social_cards="ja", organisation="")
    build = project.build()
    assert not build.ok and "Traceback" not in build.output
    # In the site's language (nl), as every writer's message.
    assert "extra.sdg_stories.social_cards: 'ja' moet true (ja) of false (nee) zijn" in build.output
    assert "extra.sdg_stories.organisation: '' moet een naam zijn" in build.output


def test_a_photo_that_is_no_image_is_a_warning_and_the_card_shows_initials(project: Project) -> None:
    (project.stories / "images").mkdir()
    (project.stories / "images/anna.png").write_bytes(b"\x89PNG\r\n\x1a\n but the rest is gone")
    (project.stories / "advisers.yml").write_text(
        "anna-de-vries:\n  name: Anna de Vries\n  role: Adviseur Ruimte\n  photo: images/anna.png\n", "utf-8"
    )
    project.story("2024-04-05-een.md", slug="een")
    build = project.build()
    assert build.ok and "Traceback" not in build.output, build.output
    assert "stories/advisers.yml" in build.output and "anna-de-vries.photo" in build.output
    assert "'images/anna.png' is geen afbeelding die te lezen is" in build.output  # in the site's language
    card = _card(build, f"stories/een/{CARD}").convert("RGB")
    assert card.getpixel((130, 505)) == _rgb(INITIALS_BACKGROUND)
    assert not project.build("--strict", site="strict").ok


def test_the_organisation_comes_from_the_setting_else_the_copyright(project: Project) -> None:
    project.story("2024-04-05-een.md", slug="een")
    project.configure(organisation="Gemeente Voorbeeld")
    named = project.build("--strict", site="named")
    project.configure(organisation=None)
    from_copyright = project.build("--strict", site="copyright")
    assert named.ok and from_copyright.ok, named.output + from_copyright.output
    assert (named.site / f"stories/een/{CARD}").read_bytes() != (from_copyright.site / f"stories/een/{CARD}").read_bytes()


# The drawing, without a build

def test_emoji_and_accents_are_drawn_not_boxes() -> None:
    assert [name for name, _ in runs(EMOJI_TITLE, "bold")] == ["bold", "emoji"]
    box = _pixels("\U0010fffd", "bold")  # what Noto Sans draws for a character it lacks
    assert _pixels("🚲", "emoji") != box and _pixels("🚲", "emoji") != _pixels("\U0010fffd", "emoji")
    for char in "ëéçøłß€":
        assert _pixels(char, "bold") != box, char
    # The emoji's own glyph, not Noto Sans' box in the emoji's place.
    assert _drawn_line("🚲") == _pixels("🚲", "emoji") != _pixels("🚲", "bold")


def test_long_titles_wrap_and_shorten_with_an_ellipsis() -> None:
    longest = max((story.title for story in example_stories(include_drafts=True)), key=len)
    size, lines = title_lines(longest)
    assert not any(line.endswith(ELLIPSIS) for line in lines) and " ".join(lines) == longest
    assert len(LONG_TITLE) == 200
    size, lines = title_lines(LONG_TITLE)
    smallest, max_lines = STORY_TITLE[-1]
    assert size == smallest and len(lines) == max_lines and lines[-1].endswith(ELLIPSIS)
    assert LONG_TITLE.startswith(" ".join(lines)[:-1].rstrip(ELLIPSIS))
    assert all(width(line, "bold", size) <= 1040 for line in lines)
    # One word longer than a line is cut inside the word, never drawn past the edge.
    size, lines = title_lines("Klimaatadaptatie" * 12)
    assert all(width(line, "bold", size) <= 1040 for line in lines) and lines[-1].endswith(ELLIPSIS)


def test_line_breaks_and_control_characters_in_names_stay_on_one_line() -> None:
    goal = load_framework().goal(11)
    card = StoryCard(
        title="Een\ntitel\tmet\r\nregels \u202eomgekeerd\x07", adviser="Anna\nde Vries", role="Adviseur\n\nRuimte",
        initials="AV", goals=(GoalMark(11, goal.color, goal.text_color),), organisation="Gemeente\nVoorbeeld", site_name="Site",
    )
    image = Image.open(io.BytesIO(draw_card(card)))
    assert image.size == (1200, 630)
    assert title_lines("Een\ntitel\tmet\r\nregels")[1] == ["Een titel met regels"]
    # What is drawn and measured is one line: Pillow would draw "Anna" and "de Vries" one under the other.
    assert runs("Anna\nde  Vries", "bold") == [("bold", "Anna de Vries")]
    assert width("Anna\nde Vries", "bold", 32) == width("Anna de Vries", "bold", 32)


def test_every_text_colour_on_a_card_reaches_wcag_aa() -> None:
    pairs = [(INK, PAPER), (MUTED, PAPER), (WHITE, INITIALS_BACKGROUND)]
    pairs += [(goal.text_color, goal.color) for goal in load_framework().goals]  # numbers, goal cards
    for foreground, background in pairs:
        assert contrast_ratio(foreground, background) >= AA_NORMAL_TEXT, (foreground, background)


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return tuple(int(hex_color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))


def _pixels(char: str, name: str) -> bytes:
    image = Image.new("L", (80, 80))
    ImageDraw.Draw(image).text((10, 60), char, font=font(name, 48), fill=255, anchor="ls")
    return image.tobytes()


def _drawn_line(text: str) -> bytes:
    image = Image.new("L", (80, 80))
    card_text.draw_line(ImageDraw.Draw(image), (10, 60), text, "bold", 48, "white")
    return image.tobytes()

