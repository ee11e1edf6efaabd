"""A YAML mistake is reported at the line where the writer made it, saying in the site's language what is
wrong, never in PyYAML's English; a refused `mkdocs build` ends in the site's language too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from project import Project
from test_cli import sdg_stories

from sdg_stories.content.story_file import parse_story
from sdg_stories.sdg.goals import load_framework

FIELDS = "title: Een veilig plein\ndate: 2024-04-05\nadviser: anna-de-vries\ngoals: [11]\nsummary: Kort.\n"
# PyYAML's words, which must never reach a writer.
PYYAML = re.compile(r"found character|cannot start any token|while scanning|mapping values|could not find|"
                    r"expected|stream|quoted scalar|flow sequence|block mapping|<block end>", re.I)


def _story(front_matter: str) -> str:
    return f"---\n{front_matter}---\n\nEen verhaal.\n"


# (front matter, the line of the mistake in the file, a piece of the Dutch message, a piece of the English)
CASES = {
    "unclosed quote in the title": (
        FIELDS.replace("title: Een veilig plein", 'title: "Een veilig plein'), 2,
        'het aanhalingsteken (") dat op deze regel opent, wordt nergens gesloten', 'the quote (") that opens on this line is never closed',
    ),
    "unclosed quote in the title with a quoted summary below": (
        FIELDS.replace("title: Een veilig plein", 'title: "Een veilig plein').replace("summary: Kort.", 'summary: "Kort: en goed."'), 2,
        'het aanhalingsteken (") dat op deze regel opent, wordt nergens gesloten', 'the quote (") that opens on this line is never closed',
    ),
    "unclosed single quote lower down": (
        FIELDS.replace("summary: Kort.", "summary: 'Kort."), 6,
        "het aanhalingsteken (') dat op deze regel opent", "the quote (') that opens on this line",
    ),
    "tab indenting a field": (
        FIELDS.replace("goals: [11]", "\tgoals: [11]"), 5,
        "op deze regel staat een tab; YAML springt alleen in met spaties", "this line contains a tab; YAML indents with spaces only",
    ),
    "tab after the colon": (
        FIELDS.replace("title: Een", "title:\tEen"), 2, "vervang de tab door spaties", "replace the tab with spaces",
    ),
    "colon in a title without quotes": (
        FIELDS.replace("title: Een veilig plein", "title: Water: schoon en veilig"), 2,
        'de tekst van title bevat een dubbele punt met een spatie erna; zet de hele tekst tussen aanhalingstekens, zoals: title: "Water: schoon en veilig"',
        'the text of title contains a colon followed by a space; put the whole text in quotes, like: title: "Water: schoon en veilig"',
    ),
    "a list of goals without brackets": (
        FIELDS.replace("goals: [11]", "goals: 11, 12"), 5,
        "'11, 12' zijn meerdere waarden zonder lijst; zet ze tussen haken, zoals goals: [11, 12]",
        "'11, 12' is several values without a list; write them in brackets, like goals: [11, 12]",
    ),
    "targets on lines of their own without dashes": (
        FIELDS.replace("goals: [11]", "targets:\n  11.1\n  11.2"), 6,
        "zoals targets: [11.1, 11.2], of elk op een eigen regel, ingesprongen, met '- ' ervoor",
        "like targets: [11.1, 11.2], or each on a line of its own",
    ),
    "list items at the start of the line": (
        FIELDS.replace("goals: [11]", "goals:\n11\n12"), 6,
        "deze regel is geen veld (naam: waarde); schrijf een lijst tussen haken", "this line is not a field (name: value)",
    ),
    "a list that is never closed": (
        FIELDS.replace("goals: [11]", "goals: [11, 12"), 5,
        "de lijst die op deze regel met [ opent, wordt niet gesloten met ]", "the list that opens with [ on this line is never closed with ]",
    ),
    "a field indented under the one above": (
        FIELDS.replace("adviser:", "  adviser:"), 4,
        "adviser springt in alsof het bij het veld erboven hoort", "adviser is indented as if it belonged to the field above",
    ),
}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_each_common_yaml_mistake_is_named_at_its_line_in_the_sites_language(case, language):
    front_matter, line, dutch, english = CASES[case]
    story, problems = parse_story(_story(front_matter), "a.md", "stories/a.md", load_framework(), language)
    assert story is None
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.line == line, (case, str(problem))
    assert (dutch if language == "nl" else english) in problem.message, problem.message
    assert not PYYAML.search(problem.message), problem.message


def test_an_uncommon_yaml_mistake_gets_a_general_hint_without_pyyaml_english():
    text = _story(FIELDS + "? [a\n")
    _, problems = parse_story(text, "a.md", "stories/a.md", load_framework(), "nl")
    assert problems and all(not PYYAML.search(problem.message) for problem in problems), problems


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_refused_build_speaks_the_sites_language_to_its_last_line(tmp_path, language):
    project = Project(tmp_path)
    project.configure(theme__language=language)
    project.raw_story("2024-04-05-plein.md", _story(FIELDS.replace("title: Een veilig plein", 'title: "Een veilig plein')))
    build = project.build()
    assert not build.ok
    assert "Aborted with a BuildError" not in build.output and "Aborted" not in build.output, build.output
    assert "stories/2024-04-05-plein.md:2:" in build.output
    last = build.output.strip().splitlines()
    expected = {"nl": "Gestopt: de site is niet gebouwd", "en": "Stopped: the site was not built"}[language]
    assert any(line.startswith(expected) for line in last), build.output


def test_strict_mode_ends_in_the_sites_language(tmp_path):
    project = Project(tmp_path)
    config = project.root / "mkdocs.yml"  # no site_url: a warning, which --strict turns into a refusal
    config.write_text("".join(line for line in config.read_text("utf-8").splitlines(True) if not line.startswith("site_url:")), "utf-8")
    build = project.build("--strict")
    assert not build.ok
    assert "Aborted with" not in build.output, build.output
    assert re.search(r"^Gestopt: \d+ waarschuwingen met --strict; de site is niet vervangen\.$", build.output, re.M), build.output


def test_a_summary_stays_under_200_characters_as_the_writers_guide_says():
    guide = (Path(__file__).resolve().parents[1] / "docs" / "verhaal-schrijven.md").read_text("utf-8")
    assert "onder de 200 tekens" in guide
    for length, accepted in ((200, True), (201, False)):
        text = _story(FIELDS.replace("summary: Kort.", "summary: " + "a" * length))
        story, problems = parse_story(text, "a.md", "stories/a.md", load_framework(), "nl")
        assert (story is not None) == accepted, problems
    assert problems[0].message == "is 201 tekens lang; houd het onder de 200"


def test_a_file_name_with_spaces_is_a_warning_that_suggests_the_name_with_dashes(tmp_path):
    project = Project(tmp_path)
    project.story("Mijn verhaal.md", title="Mijn verhaal", date="2024-04-05")
    project.story("2024-04-06-Ons Plein.md", title="Ons plein")
    build = project.build()
    assert build.ok, build.output
    assert ("stories/Mijn verhaal.md: de bestandsnaam 'Mijn verhaal.md' heeft spaties, hoofdletters of andere tekens "
            "die de schrijfwijzer niet toestaat; geef het bestand de naam stories/2024-04-05-mijn-verhaal.md") in build.output
    assert "geef het bestand de naam stories/2024-04-06-ons-plein.md" in build.output
    assert not project.build("--strict").ok
    check = sdg_stories(project.root, "check")
    assert "geef het bestand de naam stories/2024-04-05-mijn-verhaal.md" in check.stdout, check.stdout


def test_sdg_stories_names_a_mistake_in_mkdocs_yml_at_its_line_in_dutch(tmp_path):
    project = Project(tmp_path)
    config = project.root / "mkdocs.yml"
    lines = config.read_text("utf-8").splitlines(True)
    number = next(index for index, line in enumerate(lines) if line.startswith("site_name:"))
    lines[number] = 'site_name: "Verhalen over de SDG\n'
    config.write_text("".join(lines), "utf-8")
    result = sdg_stories(project.root, "check")
    assert result.returncode != 0
    assert f"mkdocs.yml:{number + 1} kan niet gelezen worden: het aanhalingsteken (\") dat op deze regel opent" in result.stderr, result.stderr
    assert not PYYAML.search(result.stderr), result.stderr
