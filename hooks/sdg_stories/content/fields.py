"""Typed fields read from a YAML mapping, each mistake turned into a Problem that says what would be valid.

Stories, advisers and vacancies share these readers, so one field is checked, and worded, the same
everywhere: in the build, in ``sdg-stories check`` and in ``sdg-stories new``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable

from sdg_stories.sdg.goals import Framework
from sdg_stories.content.messages import Messages, messages
from sdg_stories.content.problems import Problem
from sdg_stories.content.yaml_source import Node

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CONTROL = re.compile(r"[\x00-\x1f]")  # a regex, not a loop per character: 1,000 stories are checked at once
_SEVERAL = re.compile(r"\s*[,;]\s*|\s+")  # what separates the goals of goals: 11, 12 or 11 12
_ID_LIKE = re.compile(r"^\d{1,2}(?:\.[0-9a-z]{1,2})?$", re.I)
MAX_TEXT = 2_000  # a title or summary longer than this is a pasted body, not a field


class FieldReader:
    """Reads the fields of one mapping (a story's front matter, one adviser, one vacancy)."""

    def __init__(self, node: Node, file: str, problems: list[Problem], known: Iterable[str], language: str) -> None:
        self.file = file
        self.msg: Messages = messages(language)
        self.line = node.line
        self.problems = problems
        self._entries = {key: (value, key_line) for key, value, key_line in node.entries}
        for key, (value, key_line) in self._entries.items():
            if key not in known:
                self._report(key_line, key, self.msg("field.unknown", fields=", ".join(known)))

    def has(self, name: str) -> bool:
        node = self._entries.get(name)
        return node is not None and node[0].kind != "null"

    def written(self, name: str) -> bool:
        """The field is in the file, whatever its value (``goals:`` with nothing after it too)."""
        return name in self._entries

    def line_of(self, name: str) -> int:
        entry = self._entries.get(name)
        return entry[1] if entry else self.line

    def problem(self, name: str, message: str, at: str | None = None) -> None:
        """A problem with field ``name``, on the line of field ``at`` when that is where it shows (image_alt
        missing is seen at the image)."""
        self._report(self.line_of(at or name), name, message)

    def text(self, name: str, required: bool = False, max_length: int = MAX_TEXT) -> str | None:
        node = self._node(name, required)
        if node is None:
            return None
        if not node.is_scalar or node.kind == "null":
            self._report(node.line, name, self.msg("field.not-one-line"))
            return None
        value = " ".join(node.raw.split())
        if not value:
            if required:
                self._report(node.line, name, self.msg("field.empty"))
            return None
        if len(value) > max_length:
            self._report(node.line, name, self.msg("field.too-long", length=len(value), max=max_length))
            return None
        if _CONTROL.search(value):
            self._report(node.line, name, self.msg("field.control-character"))
            return None
        return value

    def key(self, name: str, required: bool = False) -> str | None:
        """A key such as an adviser or vacancy id: lower case letters, digits and hyphens."""
        value = self.text(name, required, max_length=100)
        if value is not None and not _KEY.match(value):
            self.problem(name, self.msg("field.key-format", value=value))
            return None
        return value

    def date(self, name: str, required: bool = False) -> dt.date | None:
        node = self._node(name, required)
        if node is None:
            return None
        raw = node.raw.strip() if node.is_scalar else ""
        if not raw and node.is_scalar and not required:
            return None  # an emptied date field of the web editor ("") is no date, as an empty text is no text
        if not _DATE.match(raw):
            self._report(node.line, name, self.msg("field.not-a-date", value=self._show(node)))
            return None
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            self._report(node.line, name, self.msg("field.date-not-in-calendar", value=raw))
            return None

    def flag(self, name: str) -> bool:
        node = self._node(name, required=False)
        if node is None:
            return False
        if node.kind != "bool":
            self._report(node.line, name, self.msg("field.not-true-or-false", value=self._show(node)))
            return False
        return bool(node.scalar())

    def choice(self, name: str, choices: tuple[str, ...]) -> str | None:
        value = self.text(name)
        if value is not None and value not in choices:
            self.problem(name, self.msg("field.not-a-choice", value=value, choices=", ".join(choices)))
            return None
        return value

    def items(self, name: str) -> list[Node]:
        """A list field; a single value is read as a list of one, as writers expect."""
        node = self._node(name, required=False)
        if node is None:
            return []
        if node.kind == "map":
            self._report(node.line, name, self.msg("field.list-not-group"))
            return []
        if node.kind == "seq":
            nested = [item for item in node.items if not item.is_scalar]
            if nested:
                self._report(node.line, name, self.msg("field.list-not-flat"))
                return []
            return list(node.items)
        return [node]

    def keys(self, name: str) -> list[str]:
        found: list[str] = []
        for item in self.items(name):
            if item.kind == "null" or not _KEY.match(item.raw):
                self._report(item.line, name, self.msg("field.list-key-format", value=self._show(item)))
            else:
                found.append(item.raw)
        return found

    def goals(self, framework: Framework, name: str = "goals") -> list[int]:
        found: list[int] = []
        for item in self.items(name):
            value = item.raw.strip()
            if value.isdigit() and framework.goal(int(value)):
                found.append(int(value))
            elif not self._several_in_one(item, name):
                self._report(item.line, name, self.msg("field.not-a-goal", value=self._show(item)))
        return found

    def _several_in_one(self, item: Node, name: str) -> bool:
        """``goals: 11, 12`` (or the numbers on lines of their own, without dashes) is one text to YAML, not a
        list: reported as the list it was meant to be, with the brackets it needs."""
        parts = _SEVERAL.split(item.raw.strip()) if item.is_scalar and item.kind != "null" else []
        if len(parts) < 2 or not all(_ID_LIKE.match(part) for part in parts):
            return False
        self._report(item.line, name, self.msg("field.list-without-brackets", value=item.raw.strip(), field=name, items=", ".join(parts)))
        return True

    def targets(self, framework: Framework, name: str = "targets") -> list[str]:
        """Target ids as written: the raw text of ``11.10`` is kept, so it never becomes 11.1."""
        found: list[str] = []
        for item in self.items(name):
            text = item.raw.strip().lower() if item.is_scalar else ""
            parsed = framework.parse_target_id(text)
            goal = framework.goal(parsed[0]) if parsed else None
            if framework.target(text):
                found.append(text)
            elif self._several_in_one(item, name):
                continue
            elif goal is None:
                self._report(item.line, name, self.msg("field.not-a-target", value=self._show(item)))
            else:
                valid = ", ".join(target.id for target in goal.targets)
                self._report(item.line, name, self.msg("field.unknown-target", value=text, goal=goal.id, targets=valid))
        return found

    def _node(self, name: str, required: bool) -> Node | None:
        entry = self._entries.get(name)
        if entry is None or entry[0].kind == "null":
            if required:
                line = entry[1] if entry else self.line
                self._report(line, name, self.msg("field.required"))
            return None
        return entry[0]

    def _report(self, line: int, name: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, name, message))

    def _show(self, node: Node) -> str:
        """The value as the writer typed it, shortened so a message stays one readable line."""
        if node.kind == "seq":
            text = self.msg("value.a-list")
        elif node.kind == "map":
            text = self.msg("value.a-group")
        else:
            text = node.raw
        return text if len(text) <= 60 else text[:57] + "..."
