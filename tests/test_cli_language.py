"""`sdg-stories` refuses a command line in the project's language: no English from Click."""

from __future__ import annotations

import re

import pytest
from project import Project
from test_cli import sdg_stories

CLICK_ENGLISH = re.compile(r"No such|does not exist|is not one of|Got unexpected|requires an argument|"
                           r"Missing (argument|option)|not a valid integer|not in the range|Usage:|Error:|\[OPTIONS\]|COMMAND", re.I)

CASES = {
    # arguments: (Dutch, English)
    ("nosuch",): ("Fout: er is geen opdracht 'nosuch'.", "Error: there is no command 'nosuch'."),
    ("chek",): ("er is geen opdracht 'chek'. Bedoelde je check?", "there is no command 'chek'. Did you mean check?"),
    ("check", "--nosuch"): ("Fout: er is geen optie --nosuch.", "Error: there is no option --nosuch."),
    ("check", "--fromat", "json"): ("Bedoelde je --format?", "Did you mean --format?"),
    ("check", "stories/nergens.md"): ("Ongeldige waarde voor '[PADEN]...': 'stories/nergens.md' bestaat niet", "'stories/nergens.md' does not exist"),
    ("goals", "99"): ("Ongeldige waarde voor NUMMER: er is geen doel 99", "there is no goal 99"),
    ("--project", "nergens", "check"): ("'nergens' bestaat niet", "'nergens' does not exist"),
    ("check", "--format", "xml"): ("'xml' is geen van de keuzes; kies text, json, github of gitlab", "'xml' is not one of the choices; choose text, json, github or gitlab"),
    ("goals", "11", "12"): ("onverwachte extra argumenten: 12.", "unexpected extra arguments: 12."),
    ("editor", "--port", "abc"): ("'abc' is geen geheel getal", "'abc' is not a whole number"),
}


@pytest.mark.parametrize("arguments", sorted(CASES), ids=" ".join)
def test_click_refusals_are_worded_in_dutch_on_a_dutch_project(tmp_path, arguments):
    project = Project(tmp_path)
    result = sdg_stories(project.root, *arguments)
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    assert CASES[arguments][0] in result.stderr, result.stderr
    assert not CLICK_ENGLISH.search(result.stderr), result.stderr
    if "Gebruik:" in result.stderr:
        assert "[OPTIES]" in result.stderr
    assert "PATHS" not in result.stderr and "WORD|NUMBER" not in result.stderr


@pytest.mark.parametrize("arguments", [("nosuch",), ("chek",), ("check", "--nosuch"), ("check", "--format", "xml")], ids=" ".join)
def test_an_english_project_gets_them_in_english(tmp_path, arguments):
    project = Project(tmp_path)
    project.configure(theme__language="en")
    result = sdg_stories(project.root, *arguments)
    assert result.returncode == 2
    assert CASES[arguments][1] in result.stderr, result.stderr


# `sdg-stories new` takes an adviser as a writer knows them


def _new(project: Project, adviser: str):
    return sdg_stories(project.root, "new", "--title", "Een plein", "--adviser", adviser, "--goals", "11", "--summary", "Kort.")


@pytest.mark.parametrize("given", ["Anna", "anna", "Anna de Vries", "Bram", "JANSEN"])
def test_new_takes_an_advisers_first_name_or_full_name(tmp_path, given):
    project = Project(tmp_path)
    result = _new(project, given)
    assert result.returncode == 0, result.stderr
    (written,) = project.stories.glob("*-een-plein.md")
    expected = "bram-jansen" if given in ("Bram", "JANSEN") else "anna-de-vries"
    assert f"adviser: {expected}\n" in written.read_text("utf-8")


def test_new_asks_which_adviser_when_a_name_fits_two(tmp_path):
    project = Project(tmp_path)
    advisers = project.stories / "advisers.yml"
    advisers.write_text(advisers.read_text("utf-8") + "anna-bakker:\n  name: Anna Bakker\n  role: Adviseur Water\n", "utf-8")
    result = _new(project, "Anna")
    assert result.returncode == 2
    assert ("'Anna' past bij meer dan één adviseur: anna-bakker (Anna Bakker) of anna-de-vries (Anna de Vries); "
            "geef aan welke je bedoelt") in result.stderr, result.stderr
    assert not list(project.stories.glob("*-een-plein.md"))


def test_new_names_the_known_advisers_for_a_name_nobody_has(tmp_path):
    result = _new(Project(tmp_path), "Dirk")
    assert result.returncode == 2
    assert "'Dirk' is geen bekende adviseur in stories/advisers.yml (bekend: anna-de-vries, bram-jansen)." in result.stderr, result.stderr


def test_new_adviser_offers_the_key_a_name_would_be(tmp_path):
    project = Project(tmp_path)
    result = sdg_stories(project.root, "new-adviser", "--name", "Dirk de Boer", "--key", "Dirk de Boer", "--role", "Adviseur")
    assert result.returncode == 2
    assert "'Dirk de Boer' kan geen sleutel zijn: een sleutel heeft alleen kleine letters, cijfers en streepjes; gebruik dirk-de-boer" in result.stderr, result.stderr
