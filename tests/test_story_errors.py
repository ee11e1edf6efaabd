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
        "---\ntitle: T\ndate: 2024-01-09\nadviser: anna-de-vries\nsummary: S\ntargets: [11.12]\n---\nTekst\n",
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
    assert "problems in the content; nothing was built" in broken.output


def test_a_failed_build_leaves_the_previous_site(broken):
    assert (broken.site / "keep.html").read_text() == "the previous site"


EXPECTED = [
    ("2024-01-02-yaml.md:2", "the YAML cannot be read"),
    ("2024-01-03-geen-front-matter.md:1", "the story has no front matter"),
    ("2024-01-04-lijst.md:2", "the front matter must be fields"),
    ("2024-01-05-leeg.md:2", "the front matter must be fields"),
    ("2024-01-06-datum.md:3: date:", "2024-02-30 does not exist in the calendar"),
    ("2024-01-07-datumvorm.md:3: date:", "write it as YYYY-MM-DD"),
    ("2024-01-08-doel.md:5: goals:", "'18' is not a goal; goals are the numbers 1 to 17"),
    ("2024-01-09-subdoel.md:6: targets:", "11.12 does not exist; goal 11 has the targets 11.1, 11.2, 11.3, 11.4, 11.5, 11.6, 11.7, 11.a, 11.b, 11.c"),
    ("2024-01-10-adviseur.md:4: adviser:", "'anna-devries' is not a known adviser in stories/advisers.yml (known: anna-de-vries, bram-jansen). Did you mean anna-de-vries?"),
    ("2024-01-11-geen-doel.md", "goals: a story needs at least one goal or target"),
    ("2024-01-12-beeld.md", "image_alt: is required with an image"),
    ("2024-01-13-dubbel.md:7: slug:", "'zelfde' is also the slug of stories/2024-01-14-dubbel.md"),
    ("2024-01-14-dubbel.md:7: slug:", "'zelfde' is also the slug of stories/2024-01-13-dubbel.md"),
    ("2024-01-15-type.md:2: title:", "must be a text on one line"),
    ("2024-01-16-draft.md:7: draft:", "'misschien' must be true or false"),
    ("2024-01-17-taal.md:7: lang:", "'de' is not one of nl, en"),
    ("2024-01-18-onbekend-veld.md:7: auteur:", "is not a field here"),
    ("2024-01-19-geen-titel.md:2: title:", "is required and missing"),
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
    assert "17.20 does not exist; goal 17 has the targets 17.1, 17.2" in build.output
    assert "17.19" in build.output


def test_missing_image_file_is_reported(project):
    project.story("2024-01-01-x.md", image="images/nope.jpg", image_alt="Iets")
    build = project.build()
    assert "stories/2024-01-01-x.md:7: image: the file stories/images/nope.jpg does not exist" in build.output
