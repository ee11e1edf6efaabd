"""A save from the web editor changes only what the writer changed.

Decap CMS writes a whole file back from its form: its own YAML (other quoting, other line wrapping, keys
in the form's order, no comments) and the body. A reviewer would see every line of the story, of
advisers.yml or of the vacancies change. So the old file is kept and only the values that differ are
rewritten in place, in the old value's own style (plain, quoted, folded at the old width, flow or block
list); keys and list items the writer added are appended in Decap's words, ones removed are dropped.
Untouched lines, comments included, stay byte for byte.

Values are compared as YAML text, not as typed values: 11.7 and "11.7", 2024-04-05 and '2024-04-05' are
the same to the readers (content/fields.py reads targets and dates from their text), so Decap's quoting
alone never makes a change. Anything this cannot follow (a file it cannot parse, CRLF line ends) is saved
as Decap wrote it.
"""

from __future__ import annotations

import json
import re

import yaml

_FENCE = re.compile(r"\A---[ \t]*\n((?:.*?\n)?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_PLAIN_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n]*$")
Edit = tuple[int, int, str]  # replace old[start:end] by the text


def minimal_story(old: str, new: str) -> str:
    """``new`` (Decap's story) as the smallest change to ``old``: front matter by value, body as a whole."""
    old_split, new_split = _FENCE.match(old), _FENCE.match(new)
    if "\r" in old or not old_split or not new_split:
        return new
    front = minimal_yaml(old_split[1], new_split[1])
    if front is None:
        return new
    old_body, new_body = old[old_split.end():], new[new_split.end():]
    if old_body.strip("\n") == new_body.strip("\n"):
        body = old_body
    else:  # the writer's new text, after the blank lines the old file had under the front matter
        body = old_body[: len(old_body) - len(old_body.lstrip("\n"))] + new_body.lstrip("\n")
    return old[: old_split.start(1)] + front + old[old_split.end(1): old_split.end()] + body


def minimal_yaml(old: str, new: str) -> str | None:
    """``new`` YAML as the smallest change to ``old``; None when either cannot be followed."""
    if "\r" in old:
        return None
    try:
        old_root = yaml.compose(old, Loader=yaml.SafeLoader)
        new_root = yaml.compose(new, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if old_root is None or new_root is None:
        return None if new.strip() else new
    edits: list[Edit] = []
    if not _merge(old, new, old_root, new_root, edits):
        return None
    text = old
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _same(a: yaml.Node, b: yaml.Node) -> bool:
    if isinstance(a, yaml.ScalarNode) and isinstance(b, yaml.ScalarNode):
        return a.value == b.value
    if isinstance(a, yaml.SequenceNode) and isinstance(b, yaml.SequenceNode):
        return len(a.value) == len(b.value) and all(map(_same, a.value, b.value))
    if isinstance(a, yaml.MappingNode) and isinstance(b, yaml.MappingNode):
        old, new = _entries(a), _entries(b)
        keys = {key for key in old.keys() | new.keys() if not (_empty(old.get(key)) and _empty(new.get(key)))}
        return all(key in old and key in new and _same(old[key][1], new[key][1]) for key in keys)
    return False


def _empty(node: yaml.Node | tuple | None) -> bool:
    node = node[1] if isinstance(node, tuple) else node
    return node is None or (isinstance(node, yaml.ScalarNode) and node.value == "") or (
        isinstance(node, yaml.SequenceNode) and not node.value)


def _entries(node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    return {key.value: (key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _merge(old: str, new: str, a: yaml.Node, b: yaml.Node, edits: list[Edit]) -> bool:
    """Edits turning node ``a`` of ``old`` into ``b`` of ``new``; False where only a whole rewrite would do."""
    if _same(a, b):
        return True
    if isinstance(a, yaml.MappingNode) and isinstance(b, yaml.MappingNode) and not a.flow_style:
        return _merge_mapping(old, new, a, b, edits)
    if isinstance(a, yaml.SequenceNode) and isinstance(b, yaml.SequenceNode) and not a.flow_style and a.value:
        if len(b.value) >= len(a.value) and all(
            isinstance(item, yaml.MappingNode) for item in a.value
        ) and all(_merge(old, new, x, y, edits) for x, y in zip(a.value, b.value)):
            end = _end(old, a.value[-1])
            gap = _gap(old, a.value)
            for item in b.value[len(a.value):]:  # a vacancy added at the end of the list
                edits.append((end, end, gap + _moved(new, item, a.value[0].start_mark.column - 2, "- ")))
            return True
    return False


def _merge_mapping(old: str, new: str, a: yaml.MappingNode, b: yaml.MappingNode, edits: list[Edit]) -> bool:
    old_entries, new_entries = _entries(a), _entries(b)
    if len(old_entries) != len(a.value):
        return False  # keys that are not text: not ours to follow
    for name, (key, value) in old_entries.items():
        if name not in new_entries:
            if not _empty(value):
                start = old.rfind("\n", 0, key.start_mark.index) + 1
                edits.append((start, _line_end(old, _end(old, value)), ""))
            continue
        new_value = new_entries[name][1]
        if _merge(old, new, value, new_value, edits):
            continue
        colon = old.index(":", key.end_mark.index) + 1
        rendered = _render(old, new, value, new_value, key.start_mark.column)
        if rendered is None:
            return False
        edits.append((colon, _end(old, value), rendered))
    added = [name for name in new_entries if name not in old_entries and not _empty(new_entries[name])]
    if added:
        end = _end(old, a.value[-1][1])
        column = a.value[0][0].start_mark.column
        gap = _gap(old, [key for key, _ in a.value])
        for name in added:
            key, value = new_entries[name]
            edits.append((end, end, gap + _moved(new, key, column, "", until=value)))
    return True


def _render(old: str, new: str, a: yaml.Node, b: yaml.Node, column: int) -> str | None:
    """The text after ``key:`` for value ``b``, written as the old value ``a`` was."""
    if isinstance(b, yaml.ScalarNode) and isinstance(a, yaml.ScalarNode):
        if b.tag != "tag:yaml.org,2002:str":  # a date, number, true/false: as Decap wrote it, on one line
            return " " + _source(new, b) if "\n" not in _source(new, b) else None
        if a.style in (">", "|"):
            return _block_scalar(old, a, b.value, column)
        return " " + _scalar(b.value, a.style)
    if isinstance(b, yaml.SequenceNode) and all(isinstance(item, yaml.ScalarNode) for item in b.value):
        quoted = isinstance(a, yaml.SequenceNode) and any(item.style == '"' for item in a.value)
        items = [_scalar(item.value, '"') if quoted or item.style else _source(new, item) for item in b.value]
        if isinstance(a, yaml.SequenceNode) and not a.flow_style and a.value:
            indent = " " * a.value[0].start_mark.column
            return "".join(f"\n{indent[:-2]}- {item}" for item in items)
        return " [" + ", ".join(items) + "]"
    return None


def _scalar(value: str, style: str | None) -> str:
    if style is None and _PLAIN_SAFE.match(value) and ": " not in value and " #" not in value and value == value.strip():
        try:
            if yaml.safe_load(f"k: {value}") == {"k": value}:
                return value
        except yaml.YAMLError:
            pass
    if style == "'" and "\n" not in value:
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value, ensure_ascii=False)


def _block_scalar(old: str, a: yaml.ScalarNode, value: str, column: int) -> str:
    """A folded or literal block as the old one was: the old lines that still begin and end the text stay,
    the changed middle is wrapped at the old block's width (folded) or written as it is (literal)."""
    source = old[a.start_mark.index:_end(old, a)]
    header, _, body = source.partition("\n")
    lines = body.split("\n")
    indent = " " * (len(lines[0]) - len(lines[0].lstrip(" "))) if lines else " " * (column + 2)
    lines = [line[len(indent):] for line in lines]
    if a.style == "|":
        new_lines = value.rstrip("\n").split("\n")
    else:
        width = max((len(line) for line in lines), default=80)
        head = []
        rest = value
        for line in lines:
            if rest.startswith(line + " ") and line:
                head.append(line)
                rest = rest[len(line) + 1:]
            else:
                break
        tail = []
        for line in reversed(lines[len(head):]):
            if rest.endswith(" " + line) and line:
                tail.insert(0, line)
                rest = rest[: -len(line) - 1]
            else:
                break
        new_lines = head + _wrap(rest, width) + tail
    return " " + header + "".join(f"\n{indent}{line}" for line in new_lines)


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _source(text: str, node: yaml.Node) -> str:
    return text[node.start_mark.index:_end(text, node)]


def _end(text: str, node: yaml.Node) -> int:
    """Where the node's own text ends: block nodes' marks reach over the blank lines after them."""
    return node.start_mark.index + len(text[node.start_mark.index:node.end_mark.index].rstrip())


def _gap(text: str, nodes: list[yaml.Node]) -> str:
    """What goes before an added entry: a blank line too, where the old file keeps its entries apart by one."""
    if len(nodes) > 1 and "\n\n" in text[text.rfind("\n", 0, nodes[-2].start_mark.index):nodes[-1].start_mark.index]:
        return "\n\n"
    return "\n"


def _line_end(text: str, index: int) -> int:
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1


def _moved(new: str, start: yaml.Node, column: int, prefix: str, until: yaml.Node | None = None) -> str:
    """Decap's lines for an added key or list item, moved to the old file's indentation."""
    line_start = new.rfind("\n", 0, start.start_mark.index) + 1
    lines = new[line_start:_end(new, until or start)].split("\n")
    first_column = start.start_mark.column - len(prefix)
    shift = column - first_column
    return "\n".join((" " * shift + line) if shift >= 0 else line[-shift:] for line in lines)
