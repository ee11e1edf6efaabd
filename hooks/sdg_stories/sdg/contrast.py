"""WCAG 2.1 contrast, so that text on an official goal colour stays readable (AA: 4.5:1)."""

from __future__ import annotations

WHITE = "#FFFFFF"
DARK = "#1A1A1A"
AA_NORMAL_TEXT = 4.5


def relative_luminance(hex_color: str) -> float:
    """The WCAG 2.1 relative luminance of a ``#RRGGBB`` colour."""
    channels = [int(hex_color.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def readable_text_color(background: str) -> str:
    """White where it reaches AA (the UN tiles use white), otherwise near-black."""
    if contrast_ratio(WHITE, background) >= AA_NORMAL_TEXT:
        return WHITE
    return DARK
