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
    ("check", "stories/nergens.md"): ("'stories/nergens.md' bestaat niet", "'stories/nergens.md' does not exist"),
    ("--project", "nergens", "check"): ("'nergens' bestaat niet", "'nergens' does not exist"),
    ("check", "--format", "xml"): ("'xml' is geen van de keuzes; kies text of json", "'xml' is not one of the choices; choose text or json"),
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


@pytest.mark.parametrize("arguments", [("nosuch",), ("chek",), ("check", "--nosuch"), ("check", "--format", "xml")], ids=" ".join)
def test_an_english_project_gets_them_in_english(tmp_path, arguments):
    project = Project(tmp_path)
    project.configure(theme__language="en")
    result = sdg_stories(project.root, *arguments)
    assert result.returncode == 2
    assert CASES[arguments][1] in result.stderr, result.stderr
