"""vacancies.yml under a ``vacancies:`` key, which the web editor edits; the first format (a list at the
top) still read, with a warning saying how to convert it, and converted by `sdg-stories vacancies --convert`
with its comments and layout kept. Every check on ids, dates and links holds in both formats."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from project import Project, vacancies_file
from sdg_stories.content.vacancy_conversion import convert_old_format, for_the_editor
from sdg_stories.content.vacancy_file import parse_vacancies, read_vacancy_text
from sdg_stories.sdg.goals import load_framework
from test_cli import sdg_stories

FRAMEWORK = load_framework()

OLD = """\
# Vacatures, bijgehouden door recruitment.

- id: adviseur-water
  title: Adviseur Water
  url: https://werkenbij.example.nl/water
  targets: [6.5, 16.10]
  closes: 2027-01-31
  summary: >-
    Je helpt waterschappen
    met droogte en hitte.

# nog een
- id: adviseur-wijk
  title: Adviseur Wijk
  url: https://werkenbij.example.nl/wijk
  goals: [11]
"""

OLD_WARNING_NL = (
    "stories/vacancies.yml:3: staat nog in de oude vorm, een lijst zonder 'vacancies:' erboven, die de webeditor "
    "niet kan bewerken. Voer sdg-stories vacancies --convert uit"
)


def test_the_old_list_is_read_with_a_warning_in_both_languages() -> None:
    new = read_vacancy_text(vacancies_file(OLD), "stories/vacancies.yml", FRAMEWORK, language="nl")
    old = read_vacancy_text(OLD, "stories/vacancies.yml", FRAMEWORK, language="nl")
    assert old.vacancies == new.vacancies and [v.id for v in old.vacancies] == ["adviseur-water", "adviseur-wijk"]
    assert old.vacancies[0].targets == ("6.5", "16.10")
    assert old.problems == new.problems == [] and new.warnings == []
    assert [str(warning) for warning in old.warnings][0].startswith(OLD_WARNING_NL)
    english = read_vacancy_text(OLD, "stories/vacancies.yml", FRAMEWORK, language="en").warnings
    assert str(english[0]).startswith(
        "stories/vacancies.yml:3: is still in the old format, a list without 'vacancies:' above it, which the web "
        "editor cannot edit. Run sdg-stories vacancies --convert"
    )


def test_conversion_keeps_comments_and_layout_and_quotes_the_targets() -> None:
    converted = convert_old_format(OLD, FRAMEWORK)
    assert converted is not None
    assert converted.startswith("# Vacatures, bijgehouden door recruitment.\n\nvacancies:\n  - id: adviseur-water\n")
    assert '    targets: ["6.5", "16.10"]\n' in converted
    assert "    summary: >-\n      Je helpt waterschappen\n      met droogte en hitte.\n\n  # nog een\n" in converted
    reading = read_vacancy_text(converted, "x", FRAMEWORK, language="nl")
    assert reading.warnings == reading.problems == []
    assert reading.vacancies == read_vacancy_text(OLD, "x", FRAMEWORK, language="nl").vacancies
    assert convert_old_format(converted, FRAMEWORK) is None  # nothing to convert
    # The web editor is handed the current format, whichever the file is in, with quoted targets.
    assert for_the_editor(OLD, FRAMEWORK, "nl") == converted
    assert "targets: [\"6.5\"]" in for_the_editor("vacancies:\n- id: a\n  title: A\n  url: https://a.nl/\n  targets: [6.5]\n", FRAMEWORK, "nl")


BAD = """\
vacancies:
  - id: dubbel
    title: Een
    url: https://werkenbij.example.nl/een
    goals: [11]
  - id: dubbel
    title: Twee
    url: javascript:alert(1)
    goals: [18]
    opens: 2027-03-01
    closes: 2027-02-01
  - title: Zonder id
    url: https://werkenbij.example.nl/drie
    targets: [11.12]
    closes: 2027-02-30
owner: recruitment
"""


def test_every_check_holds_in_the_new_format_with_its_lines() -> None:
    vacancies, problems = parse_vacancies(BAD, "stories/vacancies.yml", FRAMEWORK, language="nl")
    assert [vacancy.id for vacancy in vacancies] == ["dubbel"]
    found = sorted((problem.line, problem.field) for problem in problems)
    assert found == [
        (6, "id"), (8, "url"), (9, "goals"), (10, "opens"), (12, "id"), (14, "targets"), (15, "closes"), (16, "owner"),
    ], problems
    messages = {problem.field: problem.message for problem in problems}
    assert messages["opens"] == "opent op 2027-03-01, na de sluitingsdatum 2027-02-01; kies een dag vóór de sluitingsdatum"
    assert "'dubbel' komt twee keer voor (ook op regel 2)" in next(p.message for p in problems if p.line == 6)
    assert next(p.message for p in problems if p.line == 16) == "is hier geen veld; de velden zijn vacancies"


@pytest.mark.parametrize("text, lines", [
    ("vacancies:\n", []),  # none at the moment
    ("vacancies: []\n", []),
    ("- 1\n", [1]),  # old format, and an item that is no vacancy
    ("id: los\ntitle: Los\n", [1]),  # one vacancy without the list around it
    ("vacancies: adviseur\n", [1]),
])
def test_the_shape_of_the_file(text: str, lines: list[int]) -> None:
    _, problems = parse_vacancies(text, "stories/vacancies.yml", FRAMEWORK, language="nl")
    assert [problem.line for problem in problems] == lines, problems
    if text.startswith("id:"):
        assert problems[0].message.startswith("moet beginnen met 'vacancies:' op een eigen regel")


def test_an_emptied_date_of_the_editor_is_no_date() -> None:
    text = 'vacancies:\n- id: a\n  title: A\n  url: https://a.nl/\n  goals: [3]\n  opens: ""\n  closes: ""\n'
    (vacancy,), problems = parse_vacancies(text, "x", FRAMEWORK, language="nl")
    assert problems == [] and vacancy.opens is None and vacancy.closes is None


def test_the_build_warns_about_the_old_format_and_the_command_converts_it(project: Project) -> None:
    project.write("stories/vacancies.yml", OLD)
    project.story("2024-04-05-water.md", vacancies=["adviseur-water"])
    build = project.build()
    assert build.ok, build.output
    assert any(line.startswith("WARNING -  " + OLD_WARNING_NL) for line in build.output.splitlines()), build.output
    assert "Adviseur Water" in build.content("vacancies/").get_text()  # still read and shown
    assert not project.build("--strict").ok
    check = sdg_stories(project.root, "check")
    assert check.returncode == 0 and any(line.startswith("waarschuwing: " + OLD_WARNING_NL) for line in check.stdout.splitlines())

    result = sdg_stories(project.root, "vacancies", "--convert")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == (
        "stories/vacancies.yml omgezet naar de vorm met 'vacancies:'; de webeditor kan de vacatures nu bewerken.\n"
    )
    assert result.stdout.startswith("adviseur-water: Adviseur Water\n")  # then the report, as without --convert
    assert (project.stories / "vacancies.yml").read_text("utf-8") == convert_old_format(OLD, FRAMEWORK)
    assert sdg_stories(project.root, "check", "--strict").returncode == 0
    again = sdg_stories(project.root, "vacancies", "--convert", "--format", "json")
    assert again.returncode == 0 and again.stderr == "stories/vacancies.yml staat al in de vorm met 'vacancies:'.\n"
    assert [vacancy["id"] for vacancy in json.loads(again.stdout)["vacancies"]] == ["adviseur-water", "adviseur-wijk"]
    rebuilt = project.build("--strict")
    assert rebuilt.ok, rebuilt.output
    assert "Adviseur Water" in rebuilt.content("vacancies/").get_text()


def test_opens_is_a_date_and_not_after_closes() -> None:
    text = "vacancies:\n- id: a\n  title: A\n  url: https://a.nl/\n  goals: [3]\n  opens: volgende week\n"
    _, problems = parse_vacancies(text, "x", FRAMEWORK, language="en")
    assert [(problem.line, problem.field) for problem in problems] == [(6, "opens")]
    (vacancy,), _ = parse_vacancies(text.replace("volgende week", "2027-01-14"), "x", FRAMEWORK, language="en")
    assert vacancy.opens == dt.date(2027, 1, 14)


@pytest.mark.parametrize("language, labels", [
    ("nl", ("Vacatures", "Vacature", "Kenmerk", "Link naar de vacature", "Zichtbaar vanaf", "Sluitingsdatum")),
    ("en", ("Vacancies", "Vacancy", "Identifier", "Link to the vacancy", "Shown from", "Closing date")),
])
def test_the_editor_edits_vacancies_yml_as_one_list_in_the_sites_language(language: str, labels: tuple[str, ...]) -> None:
    from sdg_stories.content.records import Content
    from sdg_stories.content.vacancy_file import VACANCY_FIELDS
    from sdg_stories.model.editor_settings import EditorSettings
    from sdg_stories.outputs.editor_config import editor_config

    config = editor_config(FRAMEWORK, Content(advisers={}, stories=()), language, "stories", EditorSettings(), None)
    (collection,) = [c for c in config["collections"] if c["name"] == "vacancies"]
    (file,) = collection["files"]
    assert file["file"] == "stories/vacancies.yml"
    (listing,) = file["fields"]
    assert (listing["name"], listing["widget"], listing["label"], listing["label_singular"]) == ("vacancies", "list", *labels[:2])
    fields = {field["name"]: field for field in listing["fields"]}
    assert tuple(fields) == VACANCY_FIELDS  # every field the reader knows, nothing it would refuse
    assert [fields[name]["label"] for name in ("id", "url", "opens", "closes")] == list(labels[2:])
    assert {name for name, field in fields.items() if field.get("required", True)} == {"id", "title", "url"}
    assert fields["opens"]["default"] == fields["closes"]["default"] == ""  # empty, not today
    assert "16.10" in [option["value"] for option in fields["targets"]["options"]]


def test_the_local_editor_hands_over_an_old_file_converted_and_saves_only_the_change(project: Project) -> None:
    """Decap cannot show a list without its key (the form would be empty, and a save would drop every
    vacancy): the local editor gives it the converted text, and a save is that text with the new vacancy."""
    from sdg_stories.editor.repository import StoriesRepository

    project.write("stories/vacancies.yml", OLD)
    repository = StoriesRepository(project.root, "stories", FRAMEWORK, "nl")
    handed = repository.handle("getEntry", {"path": "stories/vacancies.yml"})["data"]
    converted = convert_old_format(OLD, FRAMEWORK)
    assert handed == converted
    import yaml

    # As Decap writes the file back from its form: its own YAML, no comments, the new vacancy last.
    data = yaml.safe_load(handed)
    data["vacancies"].append({"id": "adviseur-nieuw", "title": "Adviseur Nieuw", "url": "https://werkenbij.example.nl/nieuw", "goals": [3]})
    raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    repository.handle("persistEntry", {"entry": {"path": "stories/vacancies.yml", "raw": raw, "slug": "x"}, "assets": [], "options": {}})
    saved = (project.stories / "vacancies.yml").read_text("utf-8")
    assert saved.startswith(converted.rstrip("\n"))  # comments, folded summary and quoting as they were
    assert "adviseur-nieuw" in saved and "Adviseur Nieuw" in saved
    vacancies, problems = parse_vacancies(saved, "x", FRAMEWORK, language="nl")
    assert problems == [] and [v.id for v in vacancies] == ["adviseur-water", "adviseur-wijk", "adviseur-nieuw"]

