"""Drawing a social card: a 1200 x 630 PNG of what it shows (StoryCard, GoalCard), with Pillow.

1200 x 630 is what LinkedIn, Facebook, X and the messengers show whole. A card is read small, in a
timeline, so the title is large and there is little else: the adviser, the goals' numbers in their
official colours, and whose site it is. Every text colour keeps WCAG AA (4.5:1) against what is under it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageOps

from sdg_stories.outputs.card_text import draw_line, font, initials_font, shorten, width, wrap
from sdg_stories.sdg.contrast import DARK, WHITE

SIZE = WIDTH, HEIGHT = 1200, 630
MARGIN = 80
INK = DARK
MUTED = "#4D4D4D"  # 8.5:1 on white
PAPER = WHITE
INITIALS_BACKGROUND = "#3F51B5"  # the theme's indigo; white initials on it reach 6.9:1
TILE = 100  # a goal's square, and the adviser's circle
TILES_WIDTH = 460  # at most, for the goals' squares: more goals, smaller squares
STRIPE = 20  # the band of goal colours along the left edge (story) or the bottom (goal)
# Bumped when the drawing changes, so every cached card is drawn anew.
LAYOUT_VERSION = "3"


@dataclass(frozen=True)
class GoalMark:
    number: int
    color: str
    text_color: str  # readable_text_color(color): AA on the goal's colour


@dataclass(frozen=True)
class StoryCard:
    """What a story's card shows."""

    title: str
    adviser: str
    role: str
    initials: str
    goals: tuple[GoalMark, ...]
    organisation: str
    site_name: str
    photo: str | None = None  # path of a raster image; otherwise the initials


@dataclass(frozen=True)
class GoalCard:
    """What a goal page's card shows, on the goal's colour."""

    goal: GoalMark
    heading: str  # "Doel 11"
    title: str  # "Duurzame steden en gemeenschappen"
    organisation: str
    site_name: str
    colors: tuple[str, ...]  # the 17 goals' colours, for the band at the bottom


@dataclass(frozen=True)
class PageCard:
    """What the card of any other page shows (home, overview, goals, advisers, an adviser, vacancies): whose
    site it is, the page's section and title, and the 17 goals' colours; an adviser's portrait and role."""

    kicker: str  # the section: "Verhalen", "Adviseur", "Vacatures"
    title: str
    organisation: str
    site_name: str
    colors: tuple[str, ...]
    subtitle: str = ""  # an adviser's role
    initials: str = ""  # an adviser's: the portrait when there is no photo
    photo: str | None = None


def draw_card(card: StoryCard | GoalCard | PageCard) -> bytes:
    return Painter().draw(card)


class Painter:
    """Draws cards, keeping the parts many story cards share (the masthead, an adviser's portrait, a goal's square)
    for the next card. One per build, so a photo changed under `mkdocs serve` is read again; safe to
    share between threads: a part drawn twice at once comes out the same."""

    def __init__(self) -> None:
        self._sheets: dict[tuple, Image.Image] = {}
        self._portraits: dict[tuple, Image.Image] = {}
        self._tiles: dict[tuple, Image.Image] = {}

    def draw(self, card: StoryCard | GoalCard | PageCard) -> bytes:
        if isinstance(card, PageCard):
            return png_bytes(_draw_page(card))
        return png_bytes(self._story(card) if isinstance(card, StoryCard) else _draw_goal(card))

    def _story(self, card: StoryCard) -> Image.Image:
        left, right = MARGIN, WIDTH - MARGIN
        sheet = (card.organisation, card.site_name)
        if sheet not in self._sheets:
            self._sheets[sheet] = _story_sheet(*sheet)
        image = self._sheets[sheet].copy()
        draw = ImageDraw.Draw(image)
        _band(draw, [goal.color for goal in card.goals])
        _title(draw, card.title, left, right, top=150, fill=INK)
        tiles_left = self._goal_tiles(image, card.goals, right, top=490)
        portrait = (card.photo, card.initials)
        if portrait not in self._portraits:
            self._portraits[portrait] = _portrait(*portrait)
        image.paste(self._portraits[portrait], (left, 490))
        _adviser(draw, card.adviser, card.role, left + TILE + 24, tiles_left - 32, top=490)
        return image

    def _goal_tiles(self, image: Image.Image, goals: tuple[GoalMark, ...], right: int, top: int) -> int:
        """A square per goal in its colour with its number, ending at ``right``; returns the left edge.
        More goals, smaller squares, bottom-aligned."""
        gap = 12
        size = min(TILE, (TILES_WIDTH + gap) // max(len(goals), 1) - gap)
        x = left = right - len(goals) * (size + gap) + gap
        for goal in goals:
            if (goal, size) not in self._tiles:
                self._tiles[goal, size] = _tile(goal, size)
            image.paste(self._tiles[goal, size], (x, top + TILE - size))
            x += size + gap
        return left


def png_bytes(image: Image.Image) -> bytes:
    """PNG with no metadata (Pillow writes no date or software name), so the same card gives the same bytes.
    zlib's fastest level: the row filters Pillow chooses do most of the work; level 6 takes 40% longer
    for files 15% smaller (59 instead of 69 KB)."""
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=1)
    return buffer.getvalue()


def _story_sheet(organisation: str, site_name: str) -> Image.Image:
    """What every story card of a site has: white, whose site it is, the rule above the adviser."""
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    _masthead(draw, organisation, site_name, MARGIN, WIDTH - MARGIN, INK, MUTED)
    draw.line([(MARGIN, 462), (WIDTH - MARGIN, 462)], fill="#D0D0D0", width=2)
    return image


def _draw_goal(card: GoalCard) -> Image.Image:
    goal = card.goal
    image = Image.new("RGB", SIZE, goal.color)
    draw = ImageDraw.Draw(image)
    _colour_band(draw, card.colors)
    left, right = MARGIN, WIDTH - MARGIN
    _masthead(draw, card.organisation, card.site_name, left, right, goal.text_color, goal.text_color)
    draw_line(draw, (left, 230), card.heading, "bold", 56, goal.text_color)
    _title(draw, card.title, left, right, top=270, fill=goal.text_color, sizes=GOAL_TITLE)
    return image


def _draw_page(card: PageCard) -> Image.Image:
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    _colour_band(draw, card.colors)
    left, right = MARGIN, WIDTH - MARGIN
    _masthead(draw, card.organisation, card.site_name, left, right, INK, MUTED)
    kicker_left = left
    if card.initials or card.photo:
        image.paste(_portrait(card.photo, card.initials), (left, 150))
        kicker_left = left + TILE + 24
    draw_line(draw, (kicker_left, 212), shorten(card.kicker, "bold", 40, right - kicker_left), "bold", 40, MUTED)
    sizes = PAGE_TITLE_WITH_SUBTITLE if card.subtitle else PAGE_TITLE
    # A long word ("Toegankelijkheidsverklaring") takes a smaller size rather than a break inside it.
    sizes = tuple(
        (size, lines) for size, lines in sizes
        if all(width(word, "bold", size) <= right - left for word in card.title.split())
    ) or sizes[-1:]
    size, lines = title_lines(card.title, sizes, right - left)
    baseline = 290 + size
    for line in lines:
        draw_line(draw, (left, baseline), line, "bold", size, INK)
        baseline += round(size * 1.2)
    if card.subtitle:
        for line in wrap(card.subtitle, "regular", 36, right - left, 2)[0]:
            draw_line(draw, (left, baseline + 10), line, "regular", 36, MUTED)
            baseline += 44
    return image


def _colour_band(draw: ImageDraw.ImageDraw, colors: tuple[str, ...]) -> None:
    """The 17 goals' colours as one band along the bottom edge."""
    band_top = HEIGHT - STRIPE
    share = WIDTH / max(len(colors), 1)
    for n, color in enumerate(colors):
        draw.rectangle([round(n * share), band_top, round((n + 1) * share) - 1, HEIGHT], fill=color)


def _band(draw: ImageDraw.ImageDraw, colors: list[str]) -> None:
    """The story's goal colours as one band down the left edge, an equal share each."""
    share = HEIGHT / max(len(colors), 1)
    for n, color in enumerate(colors):
        draw.rectangle([0, round(n * share), STRIPE - 1, round((n + 1) * share) - 1], fill=color)


def _masthead(draw: ImageDraw.ImageDraw, organisation: str, site_name: str, left: int, right: int,
              strong: str, muted: str) -> None:
    """Whose site this is: the organisation in bold, the site's name after it."""
    organisation = shorten(organisation, "bold", 28, (right - left) * 0.6)
    draw_line(draw, (left, 92), organisation, "bold", 28, strong)
    after = left + width(organisation, "bold", 28) + 12
    if site_name and site_name != organisation:
        draw_line(draw, (after, 92), shorten("\u00b7 " + site_name, "regular", 28, right - after), "regular", 28, muted)


STORY_TITLE = ((76, 2), (64, 3), (56, 4))  # (size, lines): the first at which a title fits whole
GOAL_TITLE = ((80, 3), (64, 4))
PAGE_TITLE = ((80, 3), (64, 3), (56, 4))
PAGE_TITLE_WITH_SUBTITLE = ((80, 2), (64, 2), (56, 2))


def title_lines(title: str, sizes: tuple[tuple[int, int], ...] = STORY_TITLE, max_width: int = WIDTH - 2 * MARGIN
                ) -> tuple[int, list[str]]:
    """The largest size at which the whole title fits; at the smallest, shortened with an ellipsis."""
    for size, max_lines in sizes:
        lines, cut = wrap(title, "bold", size, max_width, max_lines)
        if not cut:
            break
    return size, lines


def _title(draw: ImageDraw.ImageDraw, title: str, left: int, right: int, top: int, fill: str,
           sizes: tuple[tuple[int, int], ...] = STORY_TITLE) -> None:
    size, lines = title_lines(title, sizes, right - left)
    baseline = top + size
    for line in lines:
        draw_line(draw, (left, baseline), line, "bold", size, fill)
        baseline += round(size * 1.2)


def _tile(goal: GoalMark, size: int) -> Image.Image:
    tile = Image.new("RGB", (size, size), goal.color)
    ImageDraw.Draw(tile).text((size / 2, size / 2), str(goal.number), font=font("bold", round(size * 0.5)),
                              fill=goal.text_color, anchor="mm")
    return tile


def _adviser(draw: ImageDraw.ImageDraw, name: str, role: str, left: int, right: int, top: int) -> None:
    """The adviser's name, and role on up to two lines, beside the portrait."""
    room = right - left
    draw_line(draw, (left, top + 40), shorten(name, "bold", 32, room), "bold", 32, INK)
    lines, _ = wrap(role, "regular", 26, room, 2)
    for n, line in enumerate(lines):
        draw_line(draw, (left, top + 76 + 30 * n), line, "regular", 26, MUTED)


def _portrait(photo_path: str | None, initials: str) -> Image.Image:
    """The photo, or the initials on indigo, in a circle on white."""
    if photo_path:
        with Image.open(Path(photo_path)) as photo:
            photo = ImageOps.exif_transpose(photo).convert("RGB")
            face = ImageOps.fit(photo, (TILE, TILE), Image.Resampling.LANCZOS)
    else:
        face = Image.new("RGB", (TILE, TILE), INITIALS_BACKGROUND)
        ImageDraw.Draw(face).text((TILE / 2, TILE / 2), initials, font=font(initials_font(initials), 40), fill=WHITE,
                                  anchor="mm")
    portrait = Image.new("RGB", (TILE, TILE), PAPER)
    portrait.paste(face, (0, 0), _circle(TILE))
    return portrait


@cache
def _circle(size: int) -> Image.Image:
    """A smooth-edged round mask: drawn four times larger and scaled down."""
    big = Image.new("L", (size * 4, size * 4), 0)
    ImageDraw.Draw(big).ellipse([0, 0, size * 4 - 1, size * 4 - 1], fill=255)
    return big.resize((size, size), Image.Resampling.LANCZOS)
