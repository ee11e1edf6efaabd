"""The first ``vacancies.yml`` format (a top-level list) rewritten as the current one (``vacancies:``).

Done on the text, not by loading and dumping the YAML, so the recruiters' comments, folded summaries and
blank lines stay as they wrote them: ``vacancies:`` goes above the first vacancy and every line from
there on moves two spaces in. Target ids are quoted on the way (``"16.10"``), since the web editor's
YAML reader would take 16.10 for the number 16.1. The result is read back and must give the same
vacancies, or nothing is converted.
"""

from __future__ import annotations

import yaml

from sdg_stories.content.vacancy_file import VACANCIES_KEY, read_vacancy_text
from sdg_stories.sdg.goals import Framework

_NUMBER_TAGS = ("tag:yaml.org,2002:float", "tag:yaml.org,2002:int")


def convert_old_format(text: str, framework: Framework, language: str = "nl") -> str | None:
    """``text`` in the current format, or None when it is not in the old one (or cannot be converted
    faithfully: then the warning's own instructions are for a person to follow)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.SequenceNode):
        return None
    text = quote_numeric_targets(text, root.value)
    lines = text.splitlines(keepends=True)
    first = root.start_mark.line
    converted = "".join(lines[:first]) + f"{VACANCIES_KEY}:\n" + "".join(
        "  " + line if line.strip() else line for line in lines[first:]
    )
    before = read_vacancy_text(text, "", framework, language=language)
    after = read_vacancy_text(converted, "", framework, language=language)
    if after.warnings or after.vacancies != before.vacancies or len(after.problems) != len(before.problems):
        return None
    return converted


def quote_numeric_targets(text: str, items: list[yaml.Node]) -> str:
    """``text`` with the unquoted numeric ``targets`` of the given vacancy nodes in double quotes."""
    spans = []
    for item in items:
        if not isinstance(item, yaml.MappingNode):
            continue
        for key, value in item.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "targets":
                listed = value.value if isinstance(value, yaml.SequenceNode) else [value]
                spans += [
                    (node.start_mark.index, node.end_mark.index, node.value) for node in listed
                    if isinstance(node, yaml.ScalarNode) and node.style is None and node.tag in _NUMBER_TAGS
                ]
    for start, end, raw in sorted(spans, reverse=True):
        text = text[:start] + f'"{raw}"' + text[end:]
    return text


def vacancy_nodes(text: str) -> list[yaml.Node]:
    """The vacancy nodes of a file in either format, for quoting its targets before the editor reads it."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if isinstance(root, yaml.SequenceNode):
        return root.value
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode) and key.value == VACANCIES_KEY and isinstance(value, yaml.SequenceNode):
                return value.value
    return []


def for_the_editor(text: str, framework: Framework, language: str) -> str:
    """vacancies.yml as the web editor must be handed it: in the current format (a list without its key
    would show as an empty form, and saving it would drop every vacancy) and with target ids quoted."""
    converted = convert_old_format(text, framework, language)
    if converted is not None:
        return converted
    return quote_numeric_targets(text, vacancy_nodes(text))
