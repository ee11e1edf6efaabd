"""Unfinished stories do not publish: an empty body, only the template's placeholders, an empty section.

``sdg-stories new`` writes the rubric's headings with ``<!-- ... -->`` placeholders under them. A story
that is not a draft must have text: a body of headings and placeholders only, or a heading with no text
under it (nor under its subheadings), is a story that went live by mistake. Drafts may be unfinished;
the messages say how to keep one a draft meanwhile.
"""

from __future__ import annotations

import re

from sdg_stories.content.messages import messages
from sdg_stories.content.problems import Problem

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def unfinished_parts(body: str, file: str, first_line: int, *, language: str) -> list[Problem]:
    """Problems for a body with no text, or with sections (headings) that have none; ``first_line`` is
    the body's first line in the file."""
    msg = messages(language)
    # Comments become blank lines of the same count, so line numbers stay those of the file.
    text = _COMMENT.sub(lambda match: "\n" * match[0].count("\n"), body)
    lines = text.split("\n")
    headings: list[tuple[int, int, str]] = []  # (level, line index, title)
    has_text: list[bool] = []  # per line: writer's text (not a heading, not blank)
    fence: str | None = None
    for index, line in enumerate(lines):
        fence_match = _FENCE.match(line)
        if fence is not None:
            has_text.append(True)
            if fence_match and fence_match[1][0] == fence[0] and len(fence_match[1]) >= len(fence):
                fence = None
            continue
        if fence_match:
            fence = fence_match[1]
            has_text.append(True)
            continue
        heading = _HEADING.match(line)
        if heading:
            headings.append((len(heading[1]), index, (heading[2] or "").strip()))
            has_text.append(False)
        else:
            has_text.append(bool(line.strip()))
    if not any(has_text):
        what = "story.body-placeholders-only" if body.strip() else "story.body-empty"
        problems = [Problem(file, first_line, None, msg(what))]
    else:
        problems = []
    for number, (level, index, title) in enumerate(headings):
        end = next((other for other_level, other, _ in headings[number + 1:] if other_level <= level), len(lines))
        if not any(has_text[index + 1:end]):
            problems.append(Problem(file, first_line + index, None, msg("story.section-empty", heading=title or "#" * level)))
    return problems
