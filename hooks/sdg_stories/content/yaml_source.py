"""YAML read as nodes that remember their line and the text as written.

Front matter is written by people, not programs: ``targets: [11.10, 17.1]`` means target 11.10, although
YAML alone would read the float 11.1, and a mistake must be reported with its line. So values are built
from PyYAML's node tree, never from its constructors, which also means no YAML input can make the reader
raise anything but our own problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Union

import yaml

from sdg_stories.content.messages import messages
from sdg_stories.content.problems import Problem
from sdg_stories.content.yaml_mistakes import explain

_TAG_PREFIX = "tag:yaml.org,2002:"


@dataclass(frozen=True)
class Node:
    """A value with its 1-based line; scalars keep their text (``raw``) and YAML's guess (``kind``)."""

    line: int
    kind: str  # str, int, float, bool, null, timestamp, seq or map
    raw: str = ""
    items: tuple["Node", ...] = ()
    entries: tuple[tuple[str, "Node", int], ...] = field(default=())  # (key, value, key line)

    @property
    def is_scalar(self) -> bool:
        return self.kind not in ("seq", "map")

    def scalar(self) -> Union[str, int, bool, None]:
        """The scalar as a plain value; floats and dates stay text so readers can parse them strictly."""
        if self.kind == "null":
            return None
        if self.kind == "bool":
            return self.raw.lower() in ("true", "yes", "on", "y")
        if self.kind == "int":
            try:
                return int(self.raw.replace("_", ""), 0)
            except ValueError:
                return self.raw
        return self.raw


def parse_yaml(text: str, file: str, first_line: int = 1, *, language: str) -> tuple[Node | None, list[Problem]]:
    """Parse one YAML document; ``first_line`` is the file line the text starts on, ``language`` the
    language of the messages. A mistake is reported at its own line, worded for the writer
    (yaml_mistakes.py), never in PyYAML's English."""
    msg = messages(language)
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as error:
        line, message = explain(error, text, msg)
        return None, [Problem(file, first_line + (line or 0), None, message)]
    except yaml.reader.ReaderError as error:
        line = first_line + text.count("\n", 0, error.position)
        return None, [Problem(file, line, None, msg("yaml.control-character", character=repr(error.character)))]
    except yaml.YAMLError:
        return None, [Problem(file, first_line, None, msg("yaml.unreadable"))]
    if root is None:
        return None, []
    converter = _Converter(file, first_line, language)
    return converter.convert(root, depth=0), converter.problems


def _compose(text: str) -> yaml.Node | None:
    """libyaml when installed: ten times faster, which ``sdg-stories check`` on 1,000 stories needs.

    libyaml and PyYAML disagree on a few corners of YAML (tabs, tags, explicit keys, flow mappings),
    so text that touches one goes to PyYAML, and so does any text libyaml refuses: writers see
    PyYAML's messages and results only, whichever parser ran.
    """
    if _FAST_LOADER is not None and not _PYYAML_ONLY.search(text):
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except Exception:  # noqa: BLE001 - parsed again below for the message writers know
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


# Same resolver as SafeLoader, so scalars get the same kinds; only the scanner and parser are C.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
# Where the two parsers were seen to differ (differential fuzzing of random YAML-ish text).
_PYYAML_ONLY = re.compile(r"[{\t\r\x85\u2028\u2029\ufeff]|(?:^|[\s\[\]{},:-])[!?]|[|>][^\n]*#|\[[^\]\n]*\?", re.M)

# Aliases can nest and repeat a node exponentially ("billion laughs"); no field of ours needs more.
_MAX_DEPTH = 20
_MAX_NODES = 20_000


class _Converter:
    """Turns PyYAML nodes into ours, collecting problems and bounding the work an alias can cause."""

    def __init__(self, file: str, first_line: int, language: str) -> None:
        self.file = file
        self.msg = messages(language)
        self.first_line = first_line
        self.problems: list[Problem] = []
        self.budget = _MAX_NODES

    def convert(self, node: yaml.Node, depth: int) -> Node:
        line = self.first_line + node.start_mark.line
        self.budget -= 1
        if depth > _MAX_DEPTH or self.budget < 0:
            if self.budget > -2:  # report once, not per node
                self.problems.append(Problem(self.file, line, None, self.msg("yaml.too-deep")))
            return Node(line, "null")
        if isinstance(node, yaml.ScalarNode):
            kind = node.tag[len(_TAG_PREFIX):] if node.tag.startswith(_TAG_PREFIX) else "str"
            return Node(line, kind, raw=node.value)
        if isinstance(node, yaml.SequenceNode):
            return Node(line, "seq", items=tuple(self.convert(item, depth + 1) for item in node.value))
        return Node(line, "map", entries=tuple(self._convert_entries(node, depth)))

    def _convert_entries(self, node: yaml.MappingNode, depth: int) -> list[tuple[str, Node, int]]:
        entries: list[tuple[str, Node, int]] = []
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key_line = self.first_line + key_node.start_mark.line
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
            if not isinstance(key, str) or not key:
                self.problems.append(Problem(self.file, key_line, None, self.msg("yaml.field-name")))
                continue
            if key == "<<":  # merge keys are a programmer's tool; writers never need them
                self.problems.append(Problem(self.file, key_line, key, self.msg("yaml.merge-key")))
                continue
            if key in seen:
                self.problems.append(Problem(self.file, key_line, key, self.msg("yaml.field-twice")))
                continue
            seen.add(key)
            entries.append((key, self.convert(value_node, depth + 1), key_line))
        return entries
