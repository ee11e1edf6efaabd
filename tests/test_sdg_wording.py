"""The owner's own wording of goals and targets (stories/sdg-teksten.yml, content/wording_file.py): shown
wherever a goal or target is, searched, carded; a mistake in the file stops the build and shows in
`sdg-stories check` with file and line, in the site's language."""

from __future__ import annotations

import json
from typing import Any

import pytest

from browser import browser, new_context, served_site  # noqa: F401 (fixtures)
from project import Build, Project
from sdg_stories.content.wording_file import parse_wording
from sdg_stories.sdg.goals import load_framework
from test_cli import sdg_stories

EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01
SHIPPED = load_framework()
OWN_TARGET = "Tegen 2030 iedereen toegang geven tot veilige, groene en openbare pleinen en parken, speciaal voor kinderen"
OWN_SHORT = "Leefbare steden en dorpen"
WORDING = f"""\
# Eigen teksten
targets:
  11.7: {OWN_TARGET}
goals:
  11:
    short:
      nl: {OWN_SHORT}
      en: Liveable cities
"""


@pytest.fixture(scope="module")
def reworded(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = Project(tmp_path_factory.mktemp("wording"), example_content=True)
    project.write("stories/sdg-teksten.yml", WORDING)
    build = project.build("--strict", env=EPOCH)
    assert build.ok, build.output
    return build


def _text(build: Build, url: str) -> str:
    return " ".join(build.content(url).get_text(" ").split())


def test_the_owners_wording_is_on_the_goal_page(reworded: Build) -> None:
    page = _text(reworded, "sdg/11/")
    assert OWN_TARGET in page and OWN_SHORT in page
    assert SHIPPED.target("11.7").title["nl"] not in page
    assert OWN_SHORT in reworded.soup("sdg/11/").select_one("h1").get_text()


def test_the_owners_wording_is_on_the_story_page_and_its_social_card(reworded: Build) -> None:
    (url,) = [f"stories/{p.parent.name}/" for p in reworded.site.glob("stories/*/index.html")
              if reworded.soup(f"stories/{p.parent.name}/").select_one('.sdg-story a[href$="#target-11-7"]')]
    page = _text(reworded, url)
    assert OWN_TARGET in page and SHIPPED.target("11.7").title["nl"] not in page
    # The goal's card, for link previews, names the goal as the owner words it.
    alt = reworded.soup("sdg/11/").select_one('meta[property="og:image:alt"]')["content"]
    assert OWN_SHORT in alt


def test_the_owners_wording_is_in_feeds_open_data_and_the_editor(reworded: Build) -> None:
    assert OWN_TARGET in reworded.html("feed.xml")
    goals = json.loads(reworded.html("stories.json"))["goals"]
    assert next(goal for goal in goals if goal["id"] == 11)["name"] == OWN_SHORT
    editor = reworded.html("admin/")  # the preview's texts
    assert OWN_TARGET in editor and OWN_SHORT in editor
    assert f"11.7 — {OWN_TARGET}" in reworded.html("admin/config.yml")  # the form's choices
    # The shipped text is nowhere in the published site.
    shipped = SHIPPED.target("11.7").title["nl"]
    for path in reworded.site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".yml", ".js"):
            assert shipped not in path.read_text("utf-8"), path


def test_the_example_site_speaks_netherlands_dutch(example_site: Build) -> None:
    # The example's stories/sdg-teksten.yml replaces every Belgian-Dutch word the issue names, in every
    # goal and target text (goal pages list all targets; the editor offers all); only the page about the
    # data quotes the words it replaced.
    for path in example_site.site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json") and "sdg-data" not in path.parts:
            text = path.read_text("utf-8").lower()
            for word in ("tewerkstelling", "opportuniteiten", "kwaliteitsvol"):
                assert word not in text, (path, word)
    assert "werkgelegenheid" in _text(example_site, "stories/jongeren-aan-het-werk/")


def test_search_finds_a_goal_by_the_owners_wording(browser: Any, served_site: Any, reworded: Build) -> None:  # noqa: F811
    context = new_context(browser)
    page = context.new_page()
    try:
        page.goto(served_site(reworded))
        trigger = page.locator(".sdg-search--wide pagefind-modal-trigger button")
        box = trigger.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.locator("pagefind-modal pagefind-input input").wait_for()
        page.keyboard.type("Leefbare")
        # The goal's page, and the stories about goal 11, which carry its name as words of their own.
        link = page.locator("pagefind-modal .sdg-result a.pf-result-link", has_text="Doel 11:")
        link.wait_for()
        assert link.text_content().strip() == f"Doel 11: {OWN_SHORT}"
        story = page.locator("pagefind-modal .sdg-result a.pf-result-link", has_text="veilig winkelcentrum")
        story.wait_for()
    finally:
        context.close()


# --- mistakes in the file ---------------------------------------------------------------------------

BAD = """\
targets:
  11.12: Een subdoel dat niet bestaat
  11.6: ""
  11.5:
goals:
  18:
    short: Een doel dat niet bestaat
  4:
    title:
      nl: Goed onderwijs
      fr: Bonne éducation
"""
EXPECTED = [
    "stories/sdg-teksten.yml:2: targets.11.12: 11.12 bestaat niet; doel 11 heeft de subdoelen",
    "stories/sdg-teksten.yml:3: targets.11.6: is leeg; schrijf hier een tekst",
    "stories/sdg-teksten.yml:4: targets.11.5: is leeg; schrijf hier een tekst",
    "stories/sdg-teksten.yml:6: goals.18: '18' is geen doel; de doelen hebben de nummers 1 tot en met 17",
    "stories/sdg-teksten.yml:11: goals.4.title.fr: 'fr' is geen taal van de site",
]


@pytest.fixture(scope="module")
def bad_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = Project(tmp_path_factory.mktemp("bad-wording"), example_content=True)
    project.write("stories/sdg-teksten.yml", BAD)
    return project


def test_unknown_ids_and_empty_texts_stop_the_build_with_file_and_line(bad_project: Project) -> None:
    build = bad_project.build(env=EPOCH)
    assert not build.ok
    assert "5 problemen in de inhoud" in build.output
    for line in EXPECTED:
        assert line in build.output, build.output


def test_sdg_stories_check_reports_them_the_same(bad_project: Project) -> None:
    result = sdg_stories(bad_project.root, "check")
    assert result.returncode == 1, result.stdout + result.stderr
    for line in EXPECTED:
        assert line in result.stdout, result.stdout


def test_an_english_site_reads_sdg_texts_yml_and_speaks_english(tmp_path) -> None:
    framework = load_framework()
    wording, problems = parse_wording("targets:\n  13.1: \n", "stories/sdg-texts.yml", framework, language="en")
    assert [str(p) for p in problems] == ["stories/sdg-texts.yml:2: targets.13.1: is empty; write a text here"]
    project = Project(tmp_path)
    project.configure(theme__language="en")
    project.story("2024-01-01-city.md", title="Gardens", lang="en", goals=[13])
    project.write("stories/sdg-texts.yml", "goals:\n  13:\n    short: Climate, now\n")
    build = project.build("--strict", env=EPOCH)
    assert build.ok, build.output
    assert "Climate, now" in build.soup("sdg/13/").select_one("h1").get_text()


def test_a_text_alone_is_in_the_sites_language_a_group_gives_one_per_language() -> None:
    framework = load_framework()
    text = "targets:\n  8.6: Minder jongeren zonder werk\n  8.7:\n    en: End forced labour\n"
    wording, problems = parse_wording(text, "stories/sdg-teksten.yml", framework, language="nl")
    assert problems == []
    reworded = framework.reworded(wording)
    assert reworded.target("8.6").title == {"nl": "Minder jongeren zonder werk", "en": framework.target("8.6").title["en"]}
    assert reworded.target("8.7").title == {"nl": framework.target("8.7").title["nl"], "en": "End forced labour"}
    assert framework.target("8.6").title["nl"] != "Minder jongeren zonder werk"  # the shipped one is unchanged
