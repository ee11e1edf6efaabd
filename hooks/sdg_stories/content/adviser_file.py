"""Reading ``advisers.yml``: a key per adviser, with name, role and an optional photo and bio."""

from __future__ import annotations

from pathlib import Path

from sdg_stories.content.fields import _KEY, FieldReader
from sdg_stories.content.messages import messages
from sdg_stories.content.records import Adviser
from sdg_stories.content.problems import Problem
from sdg_stories.content.yaml_source import parse_yaml

ADVISER_FIELDS = ("name", "role", "photo", "bio")
EXAMPLE = "dirk-blokhuis:\n  name: Dirk Blokhuis\n  role: Adviseur OOV"


def read_advisers(path: Path, shown_as: str, *, language: str) -> tuple[dict[str, Adviser], list[Problem]]:
    msg = messages(language)
    if not path.is_file():
        return {}, [Problem(shown_as, None, None, msg("advisers.missing", example=EXAMPLE))]
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return {}, [Problem(shown_as, None, None, msg("file.not-utf8"))]
    return parse_advisers(text, shown_as, language=language)


def parse_advisers(text: str, shown_as: str, *, language: str) -> tuple[dict[str, Adviser], list[Problem]]:
    """The advisers in ``text``; also how ``sdg-stories new-adviser`` checks the file it would write."""
    msg = messages(language)
    node, problems = parse_yaml(text, shown_as, language=language)
    if node is None:
        return {}, problems
    if node.kind != "map":
        problems.append(Problem(shown_as, node.line, None, msg("advisers.not-a-mapping", example=EXAMPLE)))
        return {}, problems
    advisers: dict[str, Adviser] = {}
    for key, value, key_line in node.entries:
        if not _KEY.match(key):
            problems.append(Problem(shown_as, key_line, key, msg("advisers.key-format")))
            continue
        if value.kind != "map":
            problems.append(Problem(shown_as, key_line, key, msg("advisers.no-fields")))
            continue
        fields = FieldReader(value, shown_as, problems, ADVISER_FIELDS, language)
        name = fields.text("name", required=True, max_length=120)
        role = fields.text("role", required=True, max_length=200)
        photo = fields.text("photo", max_length=300)
        bio = fields.text("bio", max_length=1_000)
        if photo and ("://" in photo or photo.startswith("/") or ".." in photo.split("/")):
            fields.problem("photo", msg("advisers.photo-path", value=photo, key=key))
            photo = None
        if name and role:
            advisers[key] = Adviser(key=key, name=name, role=role, photo=photo, bio=bio)
    return advisers, problems
