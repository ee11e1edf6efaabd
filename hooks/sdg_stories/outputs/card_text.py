"""Text on a social card: the shipped fonts, a fallback per character, wrapping and shortening.

Noto Sans has Latin, Greek and Cyrillic with every accent, but no emoji; the monochrome Noto Emoji has
those. FreeType draws a missing character as a box (the font's "notdef" glyph), so each character is set
in the first font that has it. Pillow's basic layout is used on purpose: it gives the same pixels on
every machine, where Raqm's depends on the system's FriBiDi and HarfBuzz.
"""

from __future__ import annotations

import hashlib
import threading
from functools import cache
from importlib import resources
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_FILES = {
    "regular": "NotoSans-Regular.ttf", "bold": "NotoSans-Bold.ttf", "emoji": "NotoEmoji-Regular.woff",
    # Noto Sans Bold's capitals with its sans-serif I and J (data/fonts/SOURCES.txt): its default I has
    # serifs, and initials such as "IV" then read as a serif face, or a Roman numeral.
    "initials": "NotoSansInitials-Bold.ttf",
}
ELLIPSIS = "\u2026"
# Drawn by neither font, and emoji sequences the basic layout cannot join: a monochrome emoji stands alone.
_INVISIBLE = str.maketrans({"\ufe0e": None, "\ufe0f": None, "\u200d": None})
_ABSENT = "\U0010fffd"  # a private-use code point no shipped font has: what a missing character looks like
_PROBE_SIZE = 24


def font_path(name: str):
    return resources.files("sdg_stories").joinpath("data/fonts", FONT_FILES[name])


@cache
def fonts_digest() -> str:
    """Changes when a shipped font does, so the cards' cache key does too."""
    digest = hashlib.sha256()
    for name in sorted(FONT_FILES):
        digest.update(font_path(name).read_bytes())
    return digest.hexdigest()


# FreeType faces are not safe to share between threads drawing at once: each thread loads its own.
_local = threading.local()


def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    fonts = _local.__dict__.setdefault("fonts", {})
    key = (name, size)
    if key not in fonts:
        path = font_path(name)
        if isinstance(path, Path):  # FreeType reads the file as it needs it, rather than a copy per size
            fonts[key] = ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)
        else:  # the package inside a zip file
            with path.open("rb") as file:
                fonts[key] = ImageFont.truetype(file, size, layout_engine=ImageFont.Layout.BASIC)
    return fonts[key]


_glyphs: dict[tuple[str, str], bool] = {}


def _has_glyph(name: str, char: str) -> bool:
    """True unless the font would draw ``char`` as its notdef box."""
    key = (name, char)
    if key not in _glyphs:
        probe = font(name, _PROBE_SIZE)
        _glyphs[key] = char.isspace() or _mask(probe, char) != _mask(probe, _ABSENT)
    return _glyphs[key]


def _mask(probe: ImageFont.FreeTypeFont, char: str) -> bytes:
    image = Image.new("L", (2 * _PROBE_SIZE, 2 * _PROBE_SIZE))
    ImageDraw.Draw(image).text((0, 0), char, font=probe, fill=255)
    return image.tobytes()


def _font_of(weight: str, char: str) -> str:
    """The weight's Noto Sans, else Noto Emoji, else Noto Sans after all (its box)."""
    return weight if _has_glyph(weight, char) or not _has_glyph("emoji", char) else "emoji"


def initials_font(initials: str) -> str:
    """The initials' font: the capitals' sans-serif cut when it has every letter, else Noto Sans Bold."""
    return "initials" if all(_has_glyph("initials", char) for char in initials) else "bold"


_advances: dict[tuple[str, int, str], float] = {}


def _advance(name: str, size: int, char: str) -> float:
    # The basic layout applies no kerning (Noto Sans kerns in GPOS, which only Raqm reads), so a text's
    # width is the sum of its characters' advances: known once per character instead of measured per text.
    key = (name, size, char)
    if key not in _advances:
        _advances[key] = font(name, size).getlength(char)
    return _advances[key]


def _one_line(text: str) -> str:
    # A line break or tab typed in a name would make Pillow draw several lines, over what is below.
    return " ".join(text.translate(_INVISIBLE).split())


def runs(text: str, weight: str) -> list[tuple[str, str]]:
    """``text`` as (font name, stretch) where the font changes."""
    result: list[tuple[str, str]] = []
    for char in _one_line(text):
        name = _font_of(weight, char)
        if result and result[-1][0] == name:
            result[-1] = (name, result[-1][1] + char)
        else:
            result.append((name, char))
    return result


def width(text: str, weight: str, size: int) -> float:
    return sum(_advance(_font_of(weight, char), size, char) for char in _one_line(text))


def draw_line(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, weight: str, size: int, fill: str) -> None:
    """One line with its baseline at ``xy[1]``, so letters and emoji from two fonts sit on one line."""
    x, baseline = xy
    for name, stretch in runs(text, weight):
        draw.text((x, baseline), stretch, font=font(name, size), fill=fill, anchor="ls")
        x += width(stretch, name, size)


def wrap(text: str, weight: str, size: int, max_width: float, max_lines: int) -> tuple[list[str], bool]:
    """Lines of at most ``max_width``, broken between words (inside a word only when it is longer than a
    line); past ``max_lines`` the last line ends in an ellipsis. The flag says whether text was left out."""
    lines: list[str] = []
    for word in text.split():
        for piece in _pieces(word, weight, size, max_width):
            candidate = f"{lines[-1]} {piece}" if lines else piece
            if lines and width(candidate, weight, size) <= max_width:
                lines[-1] = candidate
            else:
                lines.append(piece)
    if len(lines) <= max_lines:
        return lines, False
    kept = lines[:max_lines]
    kept[-1] = shorten(kept[-1] + " " + lines[max_lines], weight, size, max_width)
    return kept, True


def shorten(text: str, weight: str, size: int, max_width: float) -> str:
    """``text`` cut after a whole word with an ellipsis, to fit; within a word only when one word is too long."""
    if width(text, weight, size) <= max_width:
        return text
    words = text.split()
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words).rstrip(",;:.-\u2013\u2014") + ELLIPSIS
        if width(candidate, weight, size) <= max_width:
            return candidate
    word = words[0] if words else ""
    while word and width(word + ELLIPSIS, weight, size) > max_width:
        word = word[:-1]
    return word + ELLIPSIS


def _pieces(word: str, weight: str, size: int, max_width: float) -> list[str]:
    """A word too long for a line, cut into pieces that fit (a long compound or a web address)."""
    if width(word, weight, size) <= max_width:
        return [word]
    pieces = [""]
    for char in word:
        if pieces[-1] and width(pieces[-1] + char, weight, size) > max_width:
            pieces.append("")
        pieces[-1] += char
    return pieces
