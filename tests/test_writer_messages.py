"""Writers read every message in the site's language, from the gettext catalogues, and nothing unfinished goes live.

The catalogues (hooks/sdg_stories/locale/{nl,en}/LC_MESSAGES/sdg_stories.po) are read as a translator's
tool reads them; the code's message ids are found in the package's source, so a message added in code
without its translations, or a translation left behind by the code, fails here.
"""

from __future__ import annotations

import ast
import json
import string
from pathlib import Path

import pytest
from project import ROOT, Project
from test_cli import sdg_stories

from sdg_stories.content.messages import LANGUAGES, messages, read_catalog
from sdg_stories.content.unfinished_story import unfinished_parts

PACKAGE = ROOT / "hooks" / "sdg_stories"
PLURAL = ".plural"
FILE_NAMES = (".json", ".yml", ".html", ".md", ".css", ".js", ".xml", ".py")  # "vacancies.json" is no message id


def _catalogue(language: str) -> dict[str, tuple[str, ...]]:
    """id -> its text(s), as the .po file holds them (a plural message has one text per form)."""
    found = {}
    for message in read_catalog(language):
        if not message.id:
            continue  # the header
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        found[key] = message.string if isinstance(message.string, tuple) else (message.string,)
    return found


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _ids_in_code() -> set[str]:
    """Every string literal in the package shaped like a message id of a catalogue prefix (field.required)."""
    prefixes = {key.split(".")[0] + "." for key in _catalogue("en")}
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith(tuple(prefixes)):
                if " " not in node.value and node.value == node.value.lower() and not node.value.endswith(FILE_NAMES):
                    found.add(node.value)
    return found


def test_every_message_has_a_text_in_both_languages_with_the_same_placeholders():
    dutch, english = _catalogue("nl"), _catalogue("en")
    assert len(english) > 150
    assert dutch.keys() == english.keys()
    for key in english:
        for language, texts in (("nl", dutch[key]), ("en", english[key])):
            assert texts and all(text.strip() for text in texts), (language, key)
        assert _placeholders(" ".join(dutch[key])) == _placeholders(" ".join(english[key])), key


def test_the_code_uses_only_ids_in_the_catalogue_and_every_id_is_used():
    catalogue = set(_catalogue("en"))
    used = _ids_in_code()
    assert used - catalogue == set(), "ids in the code without a translation"
    # Test strings like "cli.py" are not ids; the comparison is of the ids the catalogue knows.
    assert catalogue - used == set(), "translations no code uses"


def test_the_catalogues_speak_their_language():
    assert messages("nl")("field.required") == "is verplicht en ontbreekt"
    assert messages("en")("field.required") == "is required and missing"
    assert messages("nl").plural("cli.count.stories", 1) == "1 verhaal"
    assert messages("nl").plural("cli.count.stories", 1200) == "1.200 verhalen"
    assert messages("en").plural("cli.count.stories", 1200) == "1,200 stories"
    assert messages("de")("field.required") == "is verplicht en ontbreekt", "an unsupported language gets the default's"
    with pytest.raises(KeyError):
        messages("nl")("no.such-id")


# The done-when: three mistakes in one story, three messages, from the build and from check.

BROKEN = "---\ntitle: Kapot\ndate: 2023-02-30\nadviser: onbekend\ngoals: [18]\nsummary: S.\n---\n\nTekst.\n"
THREE = {
    "nl": [
        "stories/2024-01-01-kapot.md:3: date: 2023-02-30 bestaat niet in de kalender; controleer de dag en de maand",
        "stories/2024-01-01-kapot.md:4: adviser: 'onbekend' is geen bekende adviseur in stories/advisers.yml (bekend: anna-de-vries, bram-jansen).",
        "stories/2024-01-01-kapot.md:5: goals: '18' is geen doel; de doelen zijn de nummers 1 tot en met 17",
    ],
    "en": [
        "stories/2024-01-01-kapot.md:3: date: 2023-02-30 does not exist in the calendar; check the day and the month",
        "stories/2024-01-01-kapot.md:4: adviser: 'onbekend' is not a known adviser in stories/advisers.yml (known: anna-de-vries, bram-jansen).",
        "stories/2024-01-01-kapot.md:5: goals: '18' is not a goal; goals are the numbers 1 to 17",
    ],
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_three_mistakes_give_three_messages_in_the_sites_language(project, language):
    project.configure(theme__language=language)
    project.raw_story("2024-01-01-kapot.md", BROKEN)
    build = project.build()
    check = sdg_stories(project.root, "check")
    assert not build.ok and check.returncode == 1
    build_lines = [line.strip() for line in build.output.splitlines() if line.startswith("  stories/")]
    assert build_lines == THREE[language], build.output
    assert check.stdout.splitlines()[:-1] == THREE[language]
    heading = {"nl": "3 problemen in de inhoud; er is niets gebouwd:", "en": "3 problems in the content; nothing was built:"}
    assert heading[language] in build.output
    summary = {"nl": "1 verhaal gecontroleerd: 3 problemen.", "en": "Checked 1 story: 3 problems."}
    assert check.stdout.splitlines()[-1] == summary[language]
    # JSON keeps its English keys; the message is the site's language.
    document = json.loads(sdg_stories(project.root, "check", "--format", "json").stdout)
    assert [set(problem) for problem in document["problems"]] == [{"file", "line", "field", "message"}] * 3
    assert [f"{p['file']}:{p['line']}: {p['field']}: {p['message']}" for p in document["problems"]] == THREE[language]


# Nothing unfinished goes live

@pytest.mark.parametrize("spelling", [
    "goals: []\ntargets: []\n", "goals:\ntargets:\n", "goals: null\n", "targets: []\n", "goals: ~\ntargets: []\n", "",
], ids=["empty lists", "empty values", "null", "targets only, empty", "tilde and empty", "neither key"])
def test_a_story_naming_no_goal_or_target_fails_whatever_the_spelling(project, spelling):
    project.raw_story(
        "2024-01-01-doelloos.md",
        f"---\ntitle: Doelloos\ndate: 2024-01-01\nadviser: anna-de-vries\nsummary: S.\n{spelling}---\n\nTekst.\n",
    )
    build = project.build()
    check = sdg_stories(project.root, "check")
    assert not build.ok and check.returncode == 1
    line = 6 if spelling else 2  # at the goals (or targets) written, else at the front matter's start
    message = f"stories/2024-01-01-doelloos.md:{line}: goals: een verhaal heeft minstens één doel of subdoel nodig"
    assert message in build.output and message in check.stdout, build.output


def test_a_draft_may_be_unfinished_and_publishes_nothing(project):
    project.raw_story(
        "2024-01-01-concept.md",
        "---\ntitle: Concept\ndate: 2024-01-01\nadviser: anna-de-vries\ngoals: [11]\nsummary: S.\ndraft: true\n---\n\n"
        "<!-- inleiding -->\n\n## De vraag\n\n<!-- wat was er aan de hand? -->\n",
    )
    project.raw_story(
        "2024-01-02-leeg.md",
        "---\ntitle: Leeg\ndate: 2024-01-02\nadviser: anna-de-vries\ngoals: [11]\nsummary: S.\ndraft: true\n---\n",
    )
    project.story("2024-01-03-af.md", title="Af")
    build = project.build("--strict")
    assert build.ok, build.output
    assert not build.exists("stories/concept/") and build.exists("stories/af/")
    assert sdg_stories(project.root, "check").returncode == 0


@pytest.mark.parametrize("body, expected", [
    ("", [(9, "story.body-empty")]),
    ("\n\n", [(9, "story.body-empty")]),
    ("<!-- straks -->\n", [(9, "story.body-placeholders-only")]),
    ("# Titel\n\n## Een\n\n<!-- x -->\n", [(9, "story.body-placeholders-only"), (9, "Titel"), (11, "Een")]),
    ("Inleiding.\n\n## Een\n\nTekst.\n\n## Twee\n\n<!--\nnog\nniet\n-->\n\n## Drie\n\nTekst.\n", [(15, "Twee")]),
    ("## Aanpak\n\n### Stap 1\n\nTekst.\n\n### Stap 2\n\n## Resultaat\n\nTekst.\n", [(15, "Stap 2")]),
    ("## Code\n\n```\n# geen kop\n```\n", []),
    ("Tekst.\n\n## Leeg aan het eind\n", [(11, "Leeg aan het eind")]),
], ids=["empty", "blank lines", "only a placeholder", "headings and a placeholder", "one empty section",
        "empty subsection, parent with text", "a # in code is no heading", "empty last heading"])
def test_unfinished_parts_name_the_empty_sections_by_line(body, expected):
    problems = unfinished_parts(body, "stories/x.md", 9, language="en")
    english = messages("en")
    wanted = []
    for line, what in expected:
        text = english(what) if what.startswith("story.") else english("story.section-empty", heading=what)
        wanted.append((line, text))
    assert [(problem.line, problem.message) for problem in problems] == wanted


def test_the_image_alt_message_points_at_the_image(project):
    project.raw_story(
        "2024-01-01-beeld.md",
        "---\ntitle: Beeld\ndate: 2024-01-01\nadviser: anna-de-vries\ngoals: [11]\nsummary: S.\n"
        "image: images/foto.jpg\n---\n\nTekst.\n",
    )
    project.write("stories/images/foto.jpg", "x")
    build = project.build()
    assert "stories/2024-01-01-beeld.md:7: image_alt: is verplicht bij een afbeelding" in build.output  # image: is on line 7


def test_the_catalogues_ship_with_the_package():
    config = (ROOT / "pyproject.toml").read_text("utf-8")
    assert '"locale/*/LC_MESSAGES/*.po"' in config
    for language in LANGUAGES:
        assert (PACKAGE / "locale" / language / "LC_MESSAGES" / "sdg_stories.po").is_file()
