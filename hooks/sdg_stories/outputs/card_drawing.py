"""Drawing a social card: a 1200 x 630 PNG of what it shows (StoryCard, GoalCard), with Pillow.

1200 x 630 is what LinkedIn, Facebook, X and the messengers show whole. A card is read small, in a
timeline, so the title is large and there is little else: the adviser, the goals' numbers in their
official colours, and whose site it is. Every text colour keeps WCAG AA (4.5:1) against what is under it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageOps

from sdg_stories.outputs.card_text import draw_line, font, shorten, width, wrap
from sdg_stories.sdg.contrast import DARK, WHITE

SIZE = WIDTH, HEIGHT = 1200, 630
MARGIN = 80
INK = DARK
MUTED = "#4D4D4D"  # 8.4:1 on white
PAPER = WHITE
INITIALS_BACKGROUND = "#3F51B5"  # the theme's indigo; white initials on it reach 6.9:1
TILES_WIDTH = 460  # at most, for the goals' squares: more goals, smaller squares
STRIPE = 20  # the band of goal colours along the left edge (story) or the bottom (goal)
# Bumped when the drawing changes, so every cached card is drawn anew.
LAYOUT_VERSION = "1"


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


def draw_card(card: StoryCard | GoalCard) -> bytes:
    image = _draw_story(card) if isinstance(card, StoryCard) else _draw_goal(card)
    return png_bytes(image)


def png_bytes(image: Image.Image) -> bytes:
    """PNG with no metadata (Pillow writes no date or software name), so the same card gives the same bytes."""
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=6)
    return buffer.getvalue()


def _draw_story(card: StoryCard) -> Image.Image:
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    _band(draw, [goal.color for goal in card.goals])
    left, right = MARGIN, WIDTH - MARGIN
    _masthead(draw, card.organisation, card.site_name, left, right, INK, MUTED)
    _title(draw, card.title, left, right, top=150, bottom=430, fill=INK)
    draw.line([(left, 462), (right, 462)], fill="#D0D0D0", width=2)
    tiles_left = _goal_tiles(draw, card.goals, right, top=490, size=100)
    _adviser(image, draw, card, left, max_right=tiles_left - 32, top=490, size=100)
    return image


def _draw_goal(card: GoalCard) -> Image.Image:
    goal = card.goal
    image = Image.new("RGB", SIZE, goal.color)
    draw = ImageDraw.Draw(image)
    band_top = HEIGHT - STRIPE
    share = WIDTH / len(card.colors)
    for n, color in enumerate(card.colors):
        draw.rectangle([round(n * share), band_top, round((n + 1) * share) - 1, HEIGHT], fill=color)
    left, right = MARGIN, WIDTH - MARGIN
    _masthead(draw, card.organisation, card.site_name, left, right, goal.text_color, goal.text_color)
    draw_line(draw, (left, 230), card.heading, "bold", 56, goal.text_color)
    _title(draw, card.title, left, right, top=270, bottom=band_top - 40, fill=goal.text_color, sizes=((80, 3), (64, 4)))
    return image


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


def _title(draw: ImageDraw.ImageDraw, title: str, left: int, right: int, top: int, bottom: int, fill: str,
           sizes: tuple[tuple[int, int], ...] = ((76, 2), (64, 3), (56, 4))) -> None:
    """The largest size at which the whole title fits; at the smallest, shortened with an ellipsis."""
    for size, max_lines in sizes:
        lines, cut = wrap(title, "bold", size, right - left, max_lines)
        if not cut:
            break
    leading = round(size * 1.2)
    baseline = top + size
    for line in lines:
        draw_line(draw, (left, baseline), line, "bold", size, fill)
        baseline += leading
    assert baseline - leading <= bottom, "the title runs into what is below it"


def _goal_tiles(draw: ImageDraw.ImageDraw, goals: tuple[GoalMark, ...], right: int, top: int, size: int) -> int:
    """A square per goal in its colour with its number, ending at ``right``; returns the left edge."""
    gap = 12
    size = min(size, (TILES_WIDTH + gap) // max(len(goals), 1) - gap)
    x = right - len(goals) * (size + gap) + gap
    left = x
    for goal in goals:
        draw.rectangle([x, top + (100 - size), x + size - 1, top + 99], fill=goal.color)
        centre = (x + size / 2, top + 100 - size / 2)
        draw.text(centre, str(goal.number), font=font("bold", round(size * 0.5)), fill=goal.text_color, anchor="mm")
        x += size + gap
    return left


def _adviser(image: Image.Image, draw: ImageDraw.ImageDraw, card: StoryCard, left: int, max_right: int,
             top: int, size: int) -> None:
    """The adviser's photo (or initials) in a circle, with name and role beside it."""
    image.paste(_portrait(card, size), (left, top), _circle(size))
    text_left = left + size + 24
    room = max_right - text_left
    draw_line(draw, (text_left, top + 40), shorten(card.adviser, "bold", 32, room), "bold", 32, INK)
    role, _ = wrap(card.role, "regular", 26, room, 2)
    for n, line in enumerate(role):
        draw_line(draw, (text_left, top + 76 + 30 * n), line, "regular", 26, MUTED)


def _portrait(card: StoryCard, size: int) -> Image.Image:
    if card.photo:
        with Image.open(Path(card.photo)) as photo:
            photo = ImageOps.exif_transpose(photo).convert("RGB")
            return ImageOps.fit(photo, (size, size), Image.Resampling.LANCZOS)
    portrait = Image.new("RGB", (size, size), INITIALS_BACKGROUND)
    ImageDraw.Draw(portrait).text((size / 2, size / 2), card.initials, font=font("bold", 40), fill=WHITE, anchor="mm")
    return portrait


def _circle(size: int) -> Image.Image:
    """A smooth-edged round mask: drawn four times larger and scaled down."""
    big = Image.new("L", (size * 4, size * 4), 0)
    ImageDraw.Draw(big).ellipse([0, 0, size * 4 - 1, size * 4 - 1], fill=255)
    return big.resize((size, size), Image.Resampling.LANCZOS)
