"""Lines laid out for the reader of ``sdg-stories``: wrapped at a terminal, one per item in a pipe."""

from __future__ import annotations

import shutil
import sys
import textwrap


def text_width() -> int | None:
    """Wrap for people at a terminal; print one line per target for pipes and grep."""
    if not sys.stdout.isatty():
        return None
    return min(shutil.get_terminal_size().columns, 110)


def wrap(text: str, indent: str, width: int | None, hang: int = 0) -> str:
    if width is None:
        return indent + text
    return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent + " " * hang)


def shorten(text: str, width: int | None) -> str:
    if width is None or len(text) <= width:
        return text
    return text[: width - 1].rstrip() + "…"
