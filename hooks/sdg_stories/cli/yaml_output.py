"""Writing YAML values by hand that read back as exactly the text meant, for files people keep editing.

The tools append to and create files that writers edit afterwards, so the YAML must look like theirs
(no document markers, no re-wrapped lines, plain text where plain text is safe) and never change
meaning: ``no``, ``2024``, ``11.10`` or a title with ``: `` in it are quoted, everything else is not.
"""

from __future__ import annotations

import json

import yaml

# Line breaks YAML knows beyond \n and \r; JSON leaves them unescaped, YAML would fold the text there.
_YAML_LINE_BREAKS = {"\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def scalar(text: str) -> str:
    """``text`` unquoted when YAML reads it back as that same text, else in double quotes."""
    return text if _reads_back_plain(text) else quoted(text)


def quoted(text: str) -> str:
    """A double-quoted YAML scalar; JSON's string escapes are a subset of YAML's."""
    escaped = json.dumps(text, ensure_ascii=False)
    for char, escape in _YAML_LINE_BREAKS.items():
        escaped = escaped.replace(char, escape)
    return escaped


def flow_list(items: list[str]) -> str:
    """``[11, 16]``: the form the writer's guide shows; items are already YAML scalars."""
    return "[" + ", ".join(items) + "]"


def _reads_back_plain(text: str) -> bool:
    if not text or text != text.strip() or any(ch in text for ch in "\n\r\t\x85\u2028\u2029\ufeff"):
        return False
    try:
        return yaml.safe_load(f"value: {text}\n") == {"value": text}
    except yaml.YAMLError:
        return False
