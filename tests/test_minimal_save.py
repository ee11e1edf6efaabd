"""Nothing lost in review: a save from the web editor's local backend changes only the lines of what the
writer changed. Decap sends the whole file in its own YAML (here imitated with other quoting, keys in
another order and lines wrapped at 40 characters); the file keeps every other byte: comments, quoting,
line wrapping, blank lines."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
import yaml

from project import ROOT, Project

from sdg_stories.content.front_matter import split_front_matter
from sdg_stories.editor.minimal_save import minimal_story, minimal_yaml
from sdg_stories.editor.repository import StoriesRepository
from sdg_stories.sdg.goals import load_framework

STORY = "stories/2023-03-14-winkelcentrum-de-bongerd.md"


def _as_decap_writes(data: object) -> str:
    """Another writer of the same data: sorted keys, single quotes where it must quote, wrapped at 40."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=40, default_flow_style=False)


def _decap_story(text: str, change) -> str:
    split = split_front_matter(text)
    data = yaml.safe_load(split.front_matter)
    data["date"] = str(data["date"])
    data["targets"] = [str(target) for target in data.get("targets", [])]
    change(data)
    return "---\n" + _as_decap_writes(data) + "---\n" + split.body


def _changed_lines(before: str, after: str) -> list[str]:
    return [
        line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.fixture
def example(tmp_path: Path) -> tuple[Project, StoriesRepository]:
    project = Project(tmp_path)
    shutil.rmtree(project.stories)
    shutil.copytree(ROOT / "stories", project.stories)
    return project, StoriesRepository(project.root, "stories", load_framework(), "nl")


def _save(repository: StoriesRepository, path: str, raw: str) -> None:
    repository.handle("getEntry", {"path": path})
    repository.handle("persistEntry", {"entry": {"path": path, "raw": raw, "slug": "x"}, "assets": [], "options": {}})


def test_one_sentence_of_a_summary_changes_one_line_of_the_story(example) -> None:
    project, repository = example
    before = (project.root / STORY).read_text("utf-8")

    def edit(data: dict) -> None:
        data["summary"] = data["summary"].replace("weer een plek maakte", "opnieuw een plek maakte")

    raw = _decap_story(before, edit)
    assert len(_changed_lines(before, raw)) > 10  # what Decap's own YAML would have put in the review
    _save(repository, STORY, raw)
    after = (project.root / STORY).read_text("utf-8")
    assert _changed_lines(before, after) == [
        "-summary: Hoe de gemeente Lindewaard met winkeliers, jongerenwerk en politie winkelcentrum De Bongerd weer een plek maakte waar bewoners graag komen.",
        "+summary: Hoe de gemeente Lindewaard met winkeliers, jongerenwerk en politie winkelcentrum De Bongerd opnieuw een plek maakte waar bewoners graag komen.",
    ]


def test_a_changed_target_list_keeps_its_quoting_and_the_body_its_bytes(example) -> None:
    project, repository = example
    before = (project.root / STORY).read_text("utf-8")
    _save(repository, STORY, _decap_story(before, lambda data: data["targets"].append("11.6")))
    after = (project.root / STORY).read_text("utf-8")
    assert _changed_lines(before, after) == ['-targets: ["11.7", "16.1"]', '+targets: ["11.7", "16.1", "11.6"]']


def test_an_adviser_s_role_and_a_sentence_of_a_folded_bio_change_only_their_lines(example) -> None:
    project, repository = example
    path = "stories/advisers.yml"
    before = (project.root / path).read_text("utf-8")
    data = yaml.safe_load(before)
    data["dirk-blokhuis"]["bio"] = data["dirk-blokhuis"]["bio"].replace("twaalf jaar", "dertien jaar")
    data["ineke-veldkamp"]["role"] = "Adviseur Water"
    _save(repository, path, _as_decap_writes(data))
    after = (project.root / path).read_text("utf-8")
    assert _changed_lines(before, after) == [
        "-    Hij werkte twaalf jaar als beleidsadviseur in de driehoek van een middelgrote gemeente",
        "+    Hij werkte dertien jaar als beleidsadviseur in de driehoek van een middelgrote gemeente",
        "-  role: Adviseur Klimaatadaptatie en Water",
        "+  role: Adviseur Water",
    ]
    assert after.startswith("# Adviseurs van Adviesbureau Meridiaan.\n")


VACANCIES = """\
# Vacatures, bijgehouden door recruitment.

- id: adviseur-oov
  title: Adviseur Openbare Orde en Veiligheid
  url: https://werkenbij.example.nl/vacatures/adviseur-oov
  goals: [11, 16]
  targets: [11.7, 16.10]
  hours: 32-36 uur
  closes: 2027-01-31
  summary: >-
    Je adviseert gemeenten over veilige wijken, winkelgebieden en evenementen en brengt
    burgemeester, politie, ondernemers en bewoners aan één tafel.

- id: adviseur-water
  title: Adviseur Water
  url: https://werkenbij.example.nl/vacatures/adviseur-water
  goals: [6]
"""


@pytest.mark.parametrize("under_a_key", [False, True], ids=["list", "vacancies-key"])
def test_a_vacancy_s_hours_change_one_line_and_an_added_vacancy_is_appended(under_a_key: bool) -> None:
    before = VACANCIES
    if under_a_key:  # the same list under a key, as a file Decap edits holds it
        before = before.replace("\n\n- id: adviseur-oov", "\n\nvacancies:\n- id: adviseur-oov", 1)
    data = yaml.load(before, Loader=yaml.BaseLoader)  # every value as its text: 16.10 stays 16.10
    vacancies = data["vacancies"] if under_a_key else data
    vacancies[0]["hours"] = "36 uur"
    vacancies.append({"id": "adviseur-nieuw", "title": "Adviseur Nieuw", "url": "https://werkenbij.example.nl/nieuw", "goals": ["1"]})
    after = minimal_yaml(before, _as_decap_writes(data))
    changed = _changed_lines(before, after)
    assert changed[:2] == ["-  hours: 32-36 uur", "+  hours: 36 uur"]
    assert changed[2:] and all(line.startswith("+") for line in changed[2:])
    assert after.startswith(before.split("  hours: 32-36 uur")[0]) and after.startswith(before.rstrip("\n").replace("32-36", "36"))
    added = yaml.safe_load(after)
    assert (added["vacancies"] if under_a_key else added)[-1]["id"] == "adviseur-nieuw"


def test_what_cannot_be_followed_is_saved_as_the_editor_wrote_it() -> None:
    assert minimal_story("geen front matter\n", "---\ntitle: x\n---\nTekst.\n") == "---\ntitle: x\n---\nTekst.\n"
    assert minimal_yaml("a: [\n", "a: 1\n") is None
    old = "---\ntitle: Oud # opmerking\ngoals:\n  - 11\n---\n\nTekst.\n"
    assert minimal_story(old, "---\ngoals: [11, 13]\ntitle: Oud\n---\nTekst.\n") == (
        "---\ntitle: Oud # opmerking\ngoals:\n  - 11\n  - 13\n---\n\nTekst.\n"
    )
