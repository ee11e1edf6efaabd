"""The build's problems with a story, said in the words of the editor's form.

The build speaks to someone with the file open: ``stories/x.md:2: goals: ... zoals goals: [11]``. A writer
in the web editor sees no file, no line and no YAML, but fields called Doelen and Subdoelen and a switch
called Concept. So a refusal names the form's labels (the same catalogue ids the form is generated
from) and says what to do in the form, one line per problem; the terminal keeps the build's wording.

The problems arrive as sentences; the ones a writer can make in the form are recognised by their
catalogue text (its placeholders read back), whatever its wording is today. Any other problem keeps the
build's sentence, behind the label of its field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from sdg_stories.content.messages import Messages
from sdg_stories.content.problems import Problem
from sdg_stories.content.rubric import RUBRIC

# The form's label of each story field (outputs/editor_config.py labels the form with these).
FIELD_LABELS = {
    "title": "editor.field.title",
    "date": "editor.field.date",
    "adviser": "editor.field.adviser",
    "goals": "editor.field.goals",
    "targets": "editor.field.targets",
    "summary": "editor.field.summary",
    "image": "editor.field.image",
    "image_alt": "editor.field.image-alt",
    "lang": "editor.field.lang",
    "slug": "editor.field.slug",
    "draft": "editor.field.draft",
    "vacancies": "editor.field.vacancies",
    "body": "editor.field.body",
}
# The build's message -> the form's: what the writer does about it in the form.
_IN_FORM = {
    "story.no-goal": "editor.form.no-goal",
    "story.body-empty": "editor.form.body-empty",
    "story.body-placeholders-only": "editor.form.body-empty",
    "story.section-empty": "editor.form.section-empty",
    "story.image-alt-required": "editor.form.image-alt",
    "field.required": "editor.form.required",
    "field.empty": "editor.form.required",
    "field.too-long": "editor.form.too-long",
    "story.slug-from-file-taken": "editor.form.slug-taken",
    "story.slug-reserved": "editor.form.slug-reserved",
}
_WHOLE_BODY = "editor.form.body-empty"


def form_lines(problems: Iterable[Problem], body_line: int | None, msg: Messages) -> list[str]:
    """One sentence per problem, in the form's words; ``body_line`` is the file line the body starts on
    (a problem without a field from there on is about the story's text)."""
    labels = {name: msg(message_id) for name, message_id in FIELD_LABELS.items()}
    lines: list[str] = []
    for problem in problems:
        field = _field(problem, body_line)
        found = _recognise(problem.message, msg)
        if found is not None:
            message_id, values = found
            label = labels.get(field or "", field or "")
            lines.append(msg(_IN_FORM[message_id], **{**values, **_named(labels), "label": label}))
        elif field in labels:
            lines.append(msg("editor.form.field", label=labels[field], message=problem.message))
        else:
            lines.append(problem.message)
    whole_body = msg(_WHOLE_BODY, label=labels["body"], **_named(labels))
    if whole_body in lines:  # no text at all: each empty heading under it says the same again
        section = _pattern(msg, "editor.form.section-empty")
        lines = [line for line in lines if not section.fullmatch(line)]
    return list(dict.fromkeys(lines))


def _named(labels: dict[str, str]) -> dict[str, str]:
    """The labels a sentence may name besides its own field's: where to choose a goal, the draft switch."""
    return {name: labels[name] for name in ("goals", "targets", "draft")}


def _field(problem: Problem, body_line: int | None) -> str | None:
    if problem.field:
        return re.split(r"[.\[]", problem.field, maxsplit=1)[0]
    if body_line is not None and problem.line is not None and problem.line >= body_line:
        return "body"
    return None


def _recognise(message: str, msg: Messages) -> tuple[str, dict[str, str]] | None:
    for message_id in _IN_FORM:
        match = _pattern(msg, message_id).fullmatch(message)
        if match:
            return message_id, match.groupdict()
    return None


@lru_cache(maxsize=None)
def _pattern(msg: Messages, message_id: str) -> re.Pattern[str]:
    """The catalogue text as a pattern: each ``{name}`` reads back what was put in its place."""
    pattern, seen = "", set()
    for part in re.split(r"(\{\w+\})", msg.template(message_id)):
        name = part[1:-1]
        if part.startswith("{") and part.endswith("}") and name.isidentifier():
            pattern += f"(?P={name})" if name in seen else f"(?P<{name}>.*?)"
            seen.add(name)
        else:
            pattern += re.escape(part)
    return re.compile(pattern, re.S)


# The questions `sdg-stories new` writes under the rubric's headings as <!-- ... --> comments. In the
# form they are the body's help; as comments the rich-text view shows them as code, and a save keeps them.
_PROMPTS = [intro for intro, _ in RUBRIC.values()] + [prompt for _, sections in RUBRIC.values() for _, prompt in sections]
_PROMPT_COMMENT = re.compile(
    r"^[ \t]*<!--\s*(?:" + "|".join(re.escape(prompt) for prompt in _PROMPTS) + r")\s*-->[ \t]*\n(?:[ \t]*\n)?", re.M
)


def without_rubric_prompts(text: str) -> str:
    """A story as the form shows it: without the rubric's own questions (the writer's comments stay)."""
    return _PROMPT_COMMENT.sub("", text)
