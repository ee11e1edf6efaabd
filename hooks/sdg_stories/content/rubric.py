"""The rubric a story follows: its introduction and headings, with what each asks for, per language.

Shared by ``sdg-stories new`` and the web editor, which both start a story from it.
"""

from __future__ import annotations

# The rubric of the writer's guide (docs/verhaal-schrijven.md), with what each heading asks for.
RUBRIC: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "nl": (
        "Begin met een korte inleiding: waar speelt het, om wie gaat het? Schrijf 300 tot 600 woorden.",
        (
            ("De vraag", "Wat was er aan de hand, en wat vroeg de opdrachtgever?"),
            ("De aanpak", "Wat heb je gedaan, met wie, en waarom zo?"),
            ("Het resultaat", "Wat is er veranderd? Noem cijfers als je ze hebt."),
            ("Bijdrage aan het doel", "Aan welke doelen en subdoelen draagt het bij, en waarom?"),
        ),
    ),
    "en": (
        "Start with a short introduction: where does this happen, who is it about? Write 300 to 600 words.",
        (
            ("The question", "What was going on, and what did the client ask?"),
            ("Our approach", "What did you do, with whom, and why that way?"),
            ("The result", "What has changed? Give figures if you have them."),
            ("Contribution to the goals", "Which goals and targets does it serve, and why?"),
        ),
    ),
}


def rubric_body(language: str) -> str:
    """A new story's body: the headings, each with its question as a comment for the writer."""
    intro, sections = RUBRIC[language]
    lines = [f"<!-- {intro} -->", ""]
    for heading, prompt in sections:
        lines += [f"## {heading}", "", f"<!-- {prompt} -->", ""]
    return "\n".join(lines)
