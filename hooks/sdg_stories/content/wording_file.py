"""Reading the site owner's own wording of goals and targets: ``sdg-teksten.yml`` beside the stories
(``sdg-texts.yml`` on an English site: the file is named in the site's language, as its owner reads it).

The shipped texts (sdg/goals.py, data/sdg.json) are the UN's in English and a Dutch translation that is
not an official UN text, Belgian-Dutch in places; the owner corrects any of them here::

    targets:
      8.5: Tegen 2030 volledige en productieve werkgelegenheid ...   # the site's language
      8.6:
        nl: ...
        en: ...
    goals:
      8:
        short: Waardig werk en economische groei
        title:
          nl: ...

A text on its own is in the site's language; a group of ``nl:``/``en:`` gives one per language. A
missing file means no changes. Unknown goals, targets, fields and languages and empty texts are problems
with their line, as in the other files, so a typing error never silently leaves the old text in place.
"""

from __future__ import annotations

from pathlib import Path

from sdg_stories.content.fields import _CONTROL
from sdg_stories.content.messages import messages
from sdg_stories.content.problems import Problem
from sdg_stories.content.yaml_source import Node, parse_yaml
from sdg_stories.sdg.goals import LANGUAGES, Framework, Wording, load_framework

FILE_NAMES = {"nl": "sdg-teksten.yml", "en": "sdg-texts.yml"}
_SECTIONS = ("goals", "targets")
_GOAL_FIELDS = ("short", "title")
_MAX_TEXT = 1_000  # the longest shipped target text has 470 characters
EXAMPLE = "targets:\n  8.5: Tegen 2030 ...\ngoals:\n  8:\n    short: Waardig werk en economische groei"


def wording_file_name(language: str) -> str:
    return FILE_NAMES.get(language, FILE_NAMES["nl"])


def owners_framework(stories_path: Path, language: str) -> Framework:
    """The framework as the site shows it, for tools that show goals without building (``sdg-stories
    goals``); the texts the file gets right, its problems left to the build and ``sdg-stories check``."""
    framework = load_framework()
    name = wording_file_name(language)
    return framework.reworded(read_wording(stories_path / name, name, framework, language=language)[0])


def read_wording(path: Path, shown_as: str, framework: Framework, *, language: str) -> tuple[Wording, list[Problem]]:
    if not path.is_file():
        return Wording(), []
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return Wording(), [Problem(shown_as, None, None, messages(language)("file.not-utf8"))]
    return parse_wording(text, shown_as, framework, language=language)


def parse_wording(text: str, shown_as: str, framework: Framework, *, language: str) -> tuple[Wording, list[Problem]]:
    reader = _Reader(shown_as, framework, language)
    node, reader.problems = parse_yaml(text, shown_as, language=language)
    if node is None:  # an empty file (only comments, say) changes nothing
        return Wording(), reader.problems
    if node.kind != "map":
        reader.report(node.line, None, "wording.not-a-mapping", example=EXAMPLE)
        return Wording(), reader.problems
    wording = Wording()
    for key, value, line in node.entries:
        if key not in _SECTIONS:
            reader.report(line, key, "field.unknown", fields=", ".join(_SECTIONS))
        elif value.kind == "null":
            continue  # "targets:" with nothing under it yet
        elif value.kind != "map":
            reader.report(value.line, key, "wording.not-a-group", example=EXAMPLE)
        elif key == "goals":
            reader.goals(value, wording)
        else:
            reader.targets(value, wording)
    return wording, reader.problems


class _Reader:
    def __init__(self, file: str, framework: Framework, language: str) -> None:
        self.file = file
        self.framework = framework
        self.language = language
        self.msg = messages(language)
        self.problems: list[Problem] = []

    def report(self, line: int, field: str | None, message_id: str, **values: object) -> None:
        self.problems.append(Problem(self.file, line, field, self.msg(message_id, **values)))

    def goals(self, node: Node, wording: Wording) -> None:
        for key, value, line in node.entries:
            name = f"goals.{key}"
            if not key.isdigit() or self.framework.goal(int(key)) is None:
                self.report(line, name, "wording.unknown-goal", value=key)
                continue
            if value.kind != "map":
                self.report(value.line, name, "wording.goal-fields", fields=", ".join(_GOAL_FIELDS))
                continue
            texts: dict[str, dict[str, str]] = {}
            for field, text_node, field_line in value.entries:
                if field not in _GOAL_FIELDS:
                    self.report(field_line, f"{name}.{field}", "field.unknown", fields=", ".join(_GOAL_FIELDS))
                    continue
                texts[field] = self.texts(text_node, f"{name}.{field}")
            wording.goals[int(key)] = texts

    def targets(self, node: Node, wording: Wording) -> None:
        for key, value, line in node.entries:
            target_id = key.strip().lower()
            if self.framework.target(target_id) is None:
                message_id, values = self._unknown_target(target_id)
                self.report(line, f"targets.{key}", message_id, **values)
                continue
            wording.targets[target_id] = self.texts(value, f"targets.{key}")

    def _unknown_target(self, target_id: str) -> tuple[str, dict[str, object]]:
        parsed = self.framework.parse_target_id(target_id)
        goal = self.framework.goal(parsed[0]) if parsed else None
        if goal is None:
            return "field.not-a-target", {"value": target_id}
        targets = ", ".join(target.id for target in goal.targets)
        return "field.unknown-target", {"value": target_id, "goal": goal.id, "targets": targets}

    def texts(self, node: Node, name: str) -> dict[str, str]:
        """One text in the site's language, or a group of texts by language."""
        if node.kind != "map":
            text = self.text(node, name)
            return {self.language: text} if text else {}
        texts = {}
        for language, text_node, line in node.entries:
            if language not in LANGUAGES:
                self.report(line, f"{name}.{language}", "wording.unknown-language", value=language,
                            languages=", ".join(LANGUAGES))
                continue
            text = self.text(text_node, f"{name}.{language}")
            if text:
                texts[language] = text
        return texts

    def text(self, node: Node, name: str) -> str | None:
        if not node.is_scalar:
            self.report(node.line, name, "field.not-one-line")
            return None
        value = " ".join(node.raw.split()) if node.kind != "null" else ""
        if not value:
            self.report(node.line, name, "field.empty")
        elif len(value) > _MAX_TEXT:
            self.report(node.line, name, "field.too-long", length=len(value), max=_MAX_TEXT)
        elif _CONTROL.search(value):
            self.report(node.line, name, "field.control-character")
        else:
            return value
        return None
