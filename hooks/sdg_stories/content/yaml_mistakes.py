"""What a writer did wrong when YAML cannot be read, said in the site's language, at the line of the mistake.

PyYAML words its errors for programmers, in English, and often marks where it gave up rather than where
the mistake is: an unclosed quote is reported at the end of the front matter, lines below the quote. The
common mistakes writers make are recognised here from PyYAML's error (its ``problem`` and ``context``, and
the marks of both) and the line it points at; anything else gets a general hint at the line PyYAML names.
PyYAML's English is never quoted.
"""

from __future__ import annotations

import re

import yaml

from sdg_stories.content.messages import Messages

_FIELD_LINE = re.compile(r"^(?P<indent>\s*)(?P<name>[A-Za-z_][\w-]*):(?:\s+(?P<value>.*))?$")


def explain(error: yaml.MarkedYAMLError, text: str, msg: Messages) -> tuple[int | None, str]:
    """The 0-based line in ``text`` where the mistake is, and the sentence saying what to do."""
    problem = error.problem or ""
    context = error.context or ""
    lines = text.split("\n")
    problem_line = error.problem_mark.line if error.problem_mark else None
    context_line = error.context_mark.line if error.context_mark else None

    opened = _unclosed_quote(lines, problem_line)
    if opened is not None:
        # A quote left open runs on to the next quote lines further down, where PyYAML stumbles: the
        # mistake is where it opened.
        return opened[0], msg("yaml.unclosed-quote", quote=opened[1])
    if "'\\t'" in problem or "tab character" in problem:  # PyYAML writes the tab as '\t'
        return problem_line, msg("yaml.tab")
    if "quoted scalar" in context and error.context_mark is not None:
        # The quote opens here; PyYAML only notices at the end of the text that it never closes.
        quote = _char_at(lines, error.context_mark)
        return context_line, msg("yaml.unclosed-quote", quote=quote if quote in "\"'" else '"')
    if "flow sequence" in context or "flow mapping" in context:
        bracket, closing = ("[", "]") if "sequence" in context else ("{", "}")
        return context_line, msg("yaml.unclosed-bracket", opening=bracket, closing=closing)
    if "mapping values are not allowed" in problem and problem_line is not None and problem_line < len(lines):
        line = lines[problem_line]
        field = _FIELD_LINE.match(line)
        column = error.problem_mark.column if error.problem_mark else 0
        if field and not field["indent"] and column > len(field["name"]):
            # A second ": " after the field's own: the writer's text contains a colon.
            value = (field["value"] or "").replace('"', "'")
            return problem_line, msg("yaml.colon-in-value", field=field["name"], value=value)
        if field and field["indent"]:
            return problem_line, msg("yaml.indented-field", field=field["name"])
    if "could not find expected ':'" in problem and context_line is not None:
        # A line that is no "name: value": most often the second item of a list written without brackets or dashes.
        return context_line, msg("yaml.not-a-field")
    if "block mapping" in context and "expected <block end>" in problem:
        if "<scalar>" in problem:  # title: "Een plein" in de wijk
            return problem_line, msg("yaml.text-after-quote")
        return problem_line, msg("yaml.indentation")
    return problem_line if problem_line is not None else context_line, msg("yaml.unreadable")


_OPENS_QUOTE = re.compile(r"^\s*(?:- )?(?:[A-Za-z_][\w-]*:\s+)?(?P<quote>[\"'])(?P<rest>.*)$")


def _unclosed_quote(lines: list[str], problem_line: int | None) -> tuple[int, str] | None:
    """The line above ``problem_line`` where a value opens with a quote that the same line does not close,
    when the quote closes only at or after the problem (the quoted text swallowed the lines between)."""
    if problem_line is None:
        return None
    for number, line in enumerate(lines[:problem_line]):
        match = _OPENS_QUOTE.match(line)
        if match is None or _closes(match["rest"], match["quote"]):
            continue
        closing = next((later for later in range(number + 1, len(lines)) if match["quote"] in lines[later]), None)
        if closing is None or closing >= problem_line:
            return number, match["quote"]
        return None  # a quoted text over several lines, closed before the mistake: not this
    return None


def _closes(rest: str, quote: str) -> bool:
    if quote == "'":
        return "'" in rest.replace("''", "")  # '' is a quote inside single quotes
    return re.search(r'(?<!\\)"', rest.replace("\\\\", "")) is not None


def _char_at(lines: list[str], mark: yaml.Mark) -> str:
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""
