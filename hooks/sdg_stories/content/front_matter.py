"""Splitting a story file into its YAML front matter and its Markdown body, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass

_FENCE = "---"
_CLOSERS = ("---", "...")


@dataclass(frozen=True)
class SplitStory:
    front_matter: str
    front_matter_line: int  # the file line the YAML starts on
    body: str
    body_line: int = 1  # the file line the body starts on, after the blank lines that were stripped


def split_front_matter(text: str) -> SplitStory | None:
    """None when the file does not start with a ``---`` line closed by another ``---`` line."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        return None
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() in _CLOSERS:
            rest = "\n".join(lines[number + 1 :])
            return SplitStory(
                front_matter="\n".join(lines[1:number]),
                front_matter_line=2,
                body=rest.strip("\n") + "\n",
                body_line=number + 2 + len(rest) - len(rest.lstrip("\n")),
            )
    return None
