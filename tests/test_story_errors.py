"""Every mistake a writer can make comes back as one sentence with file, line and field, all at once."""

from __future__ import annotations

import re

import pytest


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """One build over a folder with one mistake per file, as a writer's bad afternoon would leave it."""
    from project import Project

    project = Project(tmp_path_factory.mktemp("broken"))
    project.story("2024-01-01-goed.md", title="Goed verhaal")
    project.raw_story("2024-01-02-yaml.md", "---\ntitle: Een: twee: drie\ndate: 2024-01-02\n---\nTekst\n")
    project.raw_story("2024-01-03-geen-front-matter.md", "# Alleen tekst\n\nZonder velden.\n")
    project.raw_story("2024-01-04-lijst.md", "---\n- title\n- date\n---\nTekst\n")
    project.raw_story("2024-01-05-leeg.md", "---\n---\nTekst\n")
    project.story("2024-01-06-datum.md", date="2024-02-30")
    project.story("2024-01-07-datumvorm.md", date="5 april 2024")
    project.story("2024-01-08-doel.md", goals=[18])
    project.raw_story(
        "2024-01-09-subdoel.md",
        "---\ntitle: T\ndate: 2024-01-09\nadviser: anna-devries\nsummary: S\ntargets: [11.12]\n---\nTekst\n",
    )
    project.story("2024-01-10-adviseur.md", adviser="anna-devries")
    project.story("2024-01-11-geen-doel.md", goals=None)
    project.story("2024-01-12-beeld.md", image="images/foto.jpg")
    project.write("stories/images/foto.jpg", "not really a jpeg")
    project.story("2024-01-13-dubbel.md", slug="zelfde")
    project.story("2024-01-14-dubbel.md", slug="zelfde")
    project.story("2024-01-15-type.md", title=["een", "lijst"])
    project.story("2024-01-16-draft.md", draft="misschien")
    project.story("2024-01-17-taal.md", lang="de")
    project.story("2024-01-18-onbekend-veld.md", auteur="Anna")
    project.raw_story("2024-01-19-geen-titel.md", "---\ndate: 2024-01-19\nadviser: anna-de-vries\ngoals: [3]\nsummary: S\n---\n")
    project.write("site/keep.html", "the previous site")
    return project.build()


def test_the_build_fails_without_a_traceback(broken):
    assert broken.returncode != 0
    assert "Traceback" not in broken.output
    assert "problemen in de inhoud; er is niets gebouwd" in broken.output  # mkdocs.yml: theme.language: nl


def test_a_failed_build_leaves_the_previous_site(broken):
    assert (broken.site / "keep.html").read_text() == "the previous site"


# The project's mkdocs.yml has theme.language: nl, so the writers read Dutch.
EXPECTED = [
    ("2024-01-02-yaml.md:2", "de tekst van title bevat een dubbele punt met een spatie erna; zet de hele tekst tussen aanhalingstekens"),
    ("2024-01-03-geen-front-matter.md:1", "het verhaal heeft geen velden bovenaan (front matter)"),
    ("2024-01-04-lijst.md:2", "bovenaan moeten velden staan"),
    ("2024-01-05-leeg.md:2", "bovenaan moeten velden staan"),
    ("2024-01-06-datum.md:3: date:", "2024-02-30 bestaat niet in de kalender"),
    ("2024-01-07-datumvorm.md:3: date:", "schrijf hem als JJJJ-MM-DD"),
    ("2024-01-08-doel.md:5: goals:", "'18' is geen doel; de doelen zijn de nummers 1 tot en met 17"),
    ("2024-01-09-subdoel.md:6: targets:", "11.12 bestaat niet; doel 11 heeft de subdoelen 11.1, 11.2, 11.3, 11.4, 11.5, 11.6, 11.7, 11.a, 11.b, 11.c"),
    ("2024-01-09-subdoel.md:4: adviser:", "'anna-devries' is geen bekende adviseur"),  # reported although the story is rejected
    ("2024-01-10-adviseur.md:4: adviser:", "'anna-devries' is geen bekende adviseur in stories/advisers.yml (bekend: anna-de-vries, bram-jansen). Bedoelde je anna-de-vries?"),
    ("2024-01-11-geen-doel.md:2: goals:", "een verhaal heeft minstens één doel of subdoel nodig"),
    ("2024-01-12-beeld.md:7: image_alt:", "is verplicht bij een afbeelding"),  # line 7: the image's, not the title's
    ("2024-01-13-dubbel.md:7: slug:", "'zelfde' is ook de slug van stories/2024-01-14-dubbel.md"),
    ("2024-01-14-dubbel.md:7: slug:", "'zelfde' is ook de slug van stories/2024-01-13-dubbel.md"),
    ("2024-01-15-type.md:2: title:", "moet een tekst op één regel zijn"),
    ("2024-01-16-draft.md:7: draft:", "'misschien' moet true (ja) of false (nee) zijn"),
    ("2024-01-17-taal.md:7: lang:", "'de' kan niet; kies uit nl, en"),
    ("2024-01-18-onbekend-veld.md:7: auteur:", "is hier geen veld"),
    ("2024-01-19-geen-titel.md:2: title:", "is verplicht en ontbreekt"),
    ("2024-01-19-geen-titel.md:7:", "het verhaal heeft nog geen tekst"),
]


@pytest.mark.parametrize("where, message", EXPECTED, ids=[where for where, _ in EXPECTED])
def test_each_problem_is_reported_with_file_line_and_field(broken, where, message):
    lines = [line.strip() for line in broken.output.splitlines()]
    assert any(line.startswith(f"stories/{where}") and message in line for line in lines), broken.output


def test_all_problems_are_reported_together_and_the_valid_story_is_not_blamed(broken):
    problems = [line for line in broken.output.splitlines() if re.match(r"\s+stories/", line)]
    assert len(problems) >= len(EXPECTED)
    assert not [line for line in problems if "2024-01-01-goed.md" in line]


def test_unknown_target_in_goal_without_that_number_lists_valid_targets(project):
    project.story("2024-01-01-x.md", targets=["17.20"])
    build = project.build()
    assert "17.20 bestaat niet; doel 17 heeft de subdoelen 17.1, 17.2" in build.output
    assert "17.19" in build.output


def test_missing_image_file_is_reported(project):
    project.story("2024-01-01-x.md", image="images/nope.jpg", image_alt="Iets")
    build = project.build()
    assert "stories/2024-01-01-x.md:7: image: het bestand stories/images/nope.jpg bestaat niet" in build.output
