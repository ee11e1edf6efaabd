"""The web editor at /admin/: its configuration against the story contract and the data, its place in the
site (noindex, in no sitemap, feed, open data or search result), and the rules of its local mode."""

from __future__ import annotations

import base64
import gzip
import json
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from project import Build, Project
from test_cli import sdg_stories

from sdg_stories.content.story_file import STORY_FIELDS
from sdg_stories.editor.local_server import make_server
from sdg_stories.editor.repository import Refused, StoriesRepository
from sdg_stories.outputs.editor_config import contract_fields_missing
from sdg_stories.sdg.goals import load_framework

ROOT = Path(__file__).resolve().parents[1]


def _config(build: Build) -> dict:
    return yaml.safe_load((build.site / "admin" / "config.yml").read_text("utf-8"))


def _fields(config: dict) -> dict[str, dict]:
    stories = next(c for c in config["collections"] if c["name"] == "stories")
    return {field["name"]: field for field in stories["fields"]}


# The configuration is the contract's


def test_the_stories_form_offers_every_contract_field(example_site: Build) -> None:
    config = _config(example_site)
    assert contract_fields_missing(config) == []
    assert set(_fields(config)) == set(STORY_FIELDS) | {"body"}  # Decap drops a field it does not know on saving
    stories = config["collections"][0]
    assert stories["folder"] == "stories" and stories["extension"] == "md"
    assert stories["slug"] == "{{year}}-{{month}}-{{day}}-{{slug}}"  # DATE-SLUG.md, as the reader expects


def test_required_fields_are_required_and_new_stories_start_as_drafts(example_site: Build) -> None:
    fields = _fields(_config(example_site))
    # Decap requires a field unless it says required: false.
    assert {name for name, field in fields.items() if field.get("required", True)} == {
        "title", "date", "adviser", "summary", "lang", "body"
    }
    assert fields["draft"]["default"] is True
    assert fields["date"]["format"] == "YYYY-MM-DD"
    body = fields["body"]["default"]
    assert [line for line in body.splitlines() if line.startswith("## ")] == [
        "## De vraag", "## De aanpak", "## Het resultaat", "## Bijdrage aan het doel"
    ]
    # What each heading asks for is the field's help (grey, under the label), not text to delete.
    assert [line for line in body.splitlines() if line] == [line for line in body.splitlines() if line.startswith("## ")]
    hint = fields["body"]["hint"]
    assert hint.startswith("Schrijf het verhaal onder de kopjes. Begin met een korte inleiding")
    assert "**De vraag:** Wat was er aan de hand, en wat vroeg de opdrachtgever?" in hint


def test_stories_are_listed_newest_first(example_site: Build) -> None:
    stories = _config(example_site)["collections"][0]
    assert stories["sortable_fields"] == [{"field": "date", "default_sort": "desc"}, "title"]


def test_the_choices_are_the_17_goals_the_169_targets_every_adviser_and_every_vacancy(example_site: Build) -> None:
    fields = _fields(_config(example_site))
    framework = load_framework()
    goals = fields["goals"]["options"]
    assert [option["value"] for option in goals] == list(range(1, 18))
    assert goals[10]["label"] == "11 — " + framework.goal(11).short["nl"]
    targets = fields["targets"]["options"]
    assert len(targets) == 169
    assert [option["value"] for option in targets] == [target.id for target in framework.targets]
    assert {"label": "11.7 — " + framework.target("11.7").title["nl"], "value": "11.7"} in targets
    assert "16.10" in [option["value"] for option in targets]  # ids stay text: 16.10 is not 16.1
    advisers = yaml.safe_load((ROOT / "stories" / "advisers.yml").read_text("utf-8"))
    assert sorted(option["value"] for option in fields["adviser"]["options"]) == sorted(advisers)
    vacancies = yaml.safe_load((ROOT / "stories" / "vacancies.yml").read_text("utf-8"))["vacancies"]
    assert sorted(option["value"] for option in fields["vacancies"]["options"]) == sorted(v["id"] for v in vacancies)
    assert [option["value"] for option in fields["lang"]["options"]] == ["nl", "en"]
    adviser_file = next(c for c in _config(example_site)["collections"] if c["name"] == "advisers")["files"][0]
    assert adviser_file["file"] == "stories/advisers.yml"
    assert sorted(field["name"] for field in adviser_file["fields"]) == sorted(advisers)


def test_the_interface_and_labels_follow_the_site_language(project: Project) -> None:
    project.story("2024-04-05-een-verhaal.md")
    project.configure(theme__language="en")
    build = project.build()
    assert build.ok, build.output
    config = _config(build)
    assert config["locale"] == "en"
    assert _fields(config)["goals"]["options"][12]["label"] == "13 — " + load_framework().goal(13).short["en"]
    assert "## The question" in _fields(config)["body"]["default"]
    assert [_fields(config)[name]["label"] for name in ("title", "targets", "draft")] == ["Title", "Targets", "Draft"]
    assert [option["label"] for option in _fields(config)["lang"]["options"]] == ["Dutch", "English"]
    page = build.soup("admin/")
    assert page.title.string == "Edit stories" and page.html["lang"] == "en"
    data = json.loads(page.find("script", id="sdg-editor-data").string)
    assert data["labels"]["this_story_serves"] == "This story contributes to"  # the story page's own words
    assert data["not_configured"].startswith("Publishing from this site is not set up yet.")
    assert data["not_running"]["title"] == "The editor is not running yet"
    assert data["not_running"]["command"] == "sdg-stories editor"
    assert data["config"] == config  # the local mode's copy, which it changes (local backend, site address)


def test_publishing_settings_reach_the_configuration(project: Project) -> None:
    project.story("2024-04-05-een-verhaal.md")
    project.configure(editor={
        "backend": "gitlab", "repo": "meridiaan/verhalen", "branch": "productie", "app_id": "abc123",
        "api_root": "https://git.example.nl/api/v4", "base_url": "https://git.example.nl", "local_port": 18999,
    })
    build = project.build("--strict")
    assert build.ok, build.output
    config = _config(build)
    assert config["backend"] == {
        "name": "gitlab", "branch": "productie", "repo": "meridiaan/verhalen", "base_url": "https://git.example.nl",
        "api_root": "https://git.example.nl/api/v4", "app_id": "abc123", "auth_type": "pkce",
    }
    assert config["publish_mode"] == "editorial_workflow"  # the review step is on unless switched off
    assert config["local_backend"] == {"url": "http://127.0.0.1:18999/api/v1"}


WRONG_SETTINGS = {
    "nl": [
        "mkdocs.yml: extra.sdg_stories.editor.backend: 'svn' wordt niet ondersteund; gebruik github, gitlab, forgejo of gitea",
        "mkdocs.yml: extra.sdg_stories.editor.local_port: '80' moet een poortnummer van 1024 tot en met 65535 zijn",
        "mkdocs.yml: extra.sdg_stories.editor.repo: 'no-slash' moet de repository zijn als eigenaar/naam, zoals meridiaan/sdg-verhalen",
    ],
    "en": [
        "mkdocs.yml: extra.sdg_stories.editor.backend: 'svn' is not supported; use github, gitlab, forgejo or gitea",
        "mkdocs.yml: extra.sdg_stories.editor.local_port: '80' must be a port number from 1024 to 65535",
        "mkdocs.yml: extra.sdg_stories.editor.repo: 'no-slash' must be the repository as owner/name, like meridiaan/sdg-verhalen",
    ],
}
NO_REVIEW = {
    "nl": "extra.sdg_stories.editor.review: de gitea-backend van Decap CMS heeft geen controlestap; gebruik backend: forgejo, of zet review: false",
    "en": "extra.sdg_stories.editor.review: Decap CMS's gitea backend has no review step; use backend: forgejo, or set review: false",
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_wrong_editor_setting_is_reported_in_the_sites_language_by_the_build_and_the_editor(project: Project, language: str) -> None:
    project.story("2024-04-05-een-verhaal.md")
    project.configure(theme__language=language, editor={"backend": "svn", "repo": "no-slash", "local_port": 80})
    build = project.build()
    assert not build.ok
    assert [line.strip() for line in build.output.splitlines() if "extra.sdg_stories.editor" in line] == WRONG_SETTINGS[language], build.output
    assert {"nl": "3 problemen in de inhoud", "en": "3 problems in the content"}[language] in build.output
    # `sdg-stories editor` refuses the same settings with the same words, before building or serving anything.
    editor = sdg_stories(project.root, "editor", "--port", "0")
    assert editor.returncode == 1 and "Traceback" not in editor.stderr
    assert editor.stderr.startswith({"nl": "Fout: ", "en": "Error: "}[language])
    for line in WRONG_SETTINGS[language]:
        assert line in editor.stderr, editor.stderr
    project.configure(editor={"backend": "gitea", "repo": "meridiaan/verhalen"})
    build = project.build()
    assert not build.ok
    assert NO_REVIEW[language] in build.output


@pytest.mark.parametrize("language, expected", [
    ("nl", ["Open de webeditor op deze computer", "De poort op 127.0.0.1", "Toon deze al gebouwde site", "Opties:"]),
    ("en", ["Open the web editor on this computer", "The port on 127.0.0.1", "Serve this built site", "Options:"]),
])
def test_sdg_stories_editor_helps_in_the_sites_language(project: Project, language: str, expected: list[str]) -> None:
    project.configure(theme__language=language)
    helped = sdg_stories(project.root, "editor", "--help")
    assert helped.returncode == 0
    for text in expected:
        assert text in helped.stdout, helped.stdout
    assert "http://127.0.0.1:8000/admin/." in helped.stdout.replace("\n", "")
    listed = sdg_stories(project.root, "--help").stdout
    assert {"nl": "schrijf, controleer en bekijk een verhaal in de browser", "en": "write, check and preview a story in the browser"}[language] in listed


# /admin/ in the site


def test_admin_is_served_from_the_site_with_noindex_and_no_third_party(example_site: Build) -> None:
    page = example_site.soup("admin/")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    scripts = [script.get("src") for script in page.find_all("script") if script.get("src")]
    assert scripts == ["sdg-editor.js", "decap-3.16.3/decap-cms.js", "js-yaml.min.js", "sdg-save.js"]
    assert all((example_site.site / "admin" / src).is_file() for src in scripts)
    assert (example_site.site / "admin" / "js-yaml.LICENSE.txt").is_file()  # js-yaml's MIT licence goes with it
    assert (example_site.site / "admin" / "decap-3.16.3" / "LICENSE").is_file()
    assert (example_site.site / "admin" / "config.yml").is_file()  # where Decap looks: beside the page
    data = json.loads(page.find("script", id="sdg-editor-data").string)
    assert all((example_site.site / "admin" / css).resolve().is_file() for css in data["stylesheets"])
    assert any("sdg-goals.css" in css for css in data["stylesheets"])


def test_admin_is_in_no_sitemap_feed_open_data_file_or_search_result(example_site: Build) -> None:
    site = example_site.site
    published = [path for path in site.rglob("*") if path.suffix in (".xml", ".json", ".txt") and "admin" not in path.parts]
    assert any(path.name == "sitemap.xml" for path in published) and any(path.name == "feed.xml" for path in published)
    for path in published:
        assert "admin" not in path.read_text("utf-8"), path
    fragments = list((site / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert fragments
    urls = [json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):])["url"] for path in fragments]
    assert urls and not [url for url in urls if "admin" in url]
    assert "data-pagefind-body" not in example_site.html("admin/")


# The local mode: `sdg-stories editor`'s rules


@pytest.fixture
def repository(project: Project) -> StoriesRepository:
    project.story("2024-04-05-een-verhaal.md")
    return StoriesRepository(project.root, "stories", load_framework(), "nl")


STORY = "---\ntitle: Nieuw\ndate: 2025-01-02\nadviser: anna-de-vries\ngoals:\n  - 11\ntargets:\n  - \"16.10\"\nsummary: Kort.\ndraft: true\n---\nTekst.\n"


def _persist(repository: StoriesRepository, path: str, raw: str) -> object:
    return repository.handle("persistEntry", {"entry": {"path": path, "raw": raw, "slug": "x"}, "assets": [], "options": {}})


@pytest.mark.parametrize("path", [
    "mkdocs.yml", "stories/../mkdocs.yml", "/etc/passwd", "docs/index.md", "stories/.verborgen.md",
    "stories/images/foto.md", "stories/notities.txt", "hooks/mkdocs_hooks.py",
])
def test_nothing_is_written_outside_the_stories_or_of_another_kind(repository: StoriesRepository, project: Project, path: str) -> None:
    with pytest.raises(Refused):
        _persist(repository, path, STORY)
    assert not (project.root / "stories" / "notities.txt").exists()
    assert not (project.root / "stories" / ".verborgen.md").exists()


def test_a_new_story_is_written_as_saved(repository: StoriesRepository, project: Project) -> None:
    _persist(repository, "stories/2025-01-02-nieuw.md", STORY)
    assert (project.stories / "2025-01-02-nieuw.md").read_text("utf-8") == STORY
    listed = repository.handle("entriesByFolder", {"folder": "stories", "extension": "md", "depth": 1})
    assert sorted(entry["file"]["path"] for entry in listed) == ["stories/2024-04-05-een-verhaal.md", "stories/2025-01-02-nieuw.md"]


def test_an_existing_file_is_replaced_only_as_the_editor_opened_it(repository: StoriesRepository, project: Project) -> None:
    path = project.stories / "2024-04-05-een-verhaal.md"
    original = path.read_text("utf-8")
    with pytest.raises(Refused, match="is veranderd sinds de editor het opende"):
        _persist(repository, "stories/2024-04-05-een-verhaal.md", STORY)  # never opened: a new story's name clash
    assert path.read_text("utf-8") == original
    repository.handle("getEntry", {"path": "stories/2024-04-05-een-verhaal.md"})
    path.write_text(original + "\nIn een ander programma bewerkt.\n", "utf-8")
    with pytest.raises(Refused):
        _persist(repository, "stories/2024-04-05-een-verhaal.md", STORY)  # changed on disk since
    repository.handle("getEntry", {"path": "stories/2024-04-05-een-verhaal.md"})
    _persist(repository, "stories/2024-04-05-een-verhaal.md", STORY)
    # The editor's values, written into the file as it was (editor/minimal_save.py; tests/test_minimal_save.py).
    saved = path.read_text("utf-8")
    assert yaml.safe_load(saved.split("---")[1]) == yaml.safe_load(STORY.split("---")[1])
    assert saved.endswith("---\n\nTekst.\n")


def test_a_story_the_build_would_refuse_is_not_saved_and_the_build_says_why(repository: StoriesRepository, project: Project) -> None:
    with pytest.raises(Refused) as refused:
        _persist(repository, "stories/2025-01-02-fout.md", STORY.replace("  - 11\n", "  - 18\n"))
    # The terminal keeps the build's account; the writer reads the form's words (below).
    assert "stories/2025-01-02-fout.md:6: goals: '18' is geen doel" in refused.value.terminal
    assert str(refused.value) == "Doelen: '18' is geen doel; de doelen zijn de nummers 1 tot en met 17"
    assert not (project.stories / "2025-01-02-fout.md").exists()


RUBRIC_ONLY = "## De vraag\n\n## De aanpak\n\n## Het resultaat\n\n## Bijdrage aan het doel\n"


@pytest.mark.parametrize("language, change, expected", [
    ("nl", {"goals:\n  - 11\n": "", 'targets:\n  - "16.10"\n': ""}, ["Kies minstens één doel of subdoel bij Doelen of Subdoelen."]),
    ("en", {"goals:\n  - 11\n": "", 'targets:\n  - "16.10"\n': ""}, ["Choose at least one goal or target under Goals or Targets."]),
    # An untouched body: one line, not one per heading, and the switch by its name in the form.
    ("nl", {"draft: true": "draft: false", "Tekst.\n": RUBRIC_ONLY}, [
        "Verhaal: er staat nog geen tekst onder de kopjes. Schrijf het verhaal, of zet Concept aan zolang het niet af is.",
    ]),
    ("nl", {"draft: true": "draft: false", "Tekst.\n": "Tekst.\n\n## De vraag\n\n## De aanpak\n\nGedaan.\n"}, [
        "Verhaal: onder het kopje 'De vraag' staat nog geen tekst. Schrijf het, haal het kopje weg, of zet Concept aan zolang het verhaal niet af is.",
    ]),
    ("nl", {"summary: Kort.\n": "summary: Kort.\nimage: images/foto.jpg\nslug: index\n", "title: Nieuw": "title: " + "x" * 201}, [
        "Titel is 201 tekens lang; maak het korter dan 200 tekens.",
        "Vul Beschrijving van de afbeelding in: wat er op de afbeelding te zien is, voor wie hem niet kan zien.",
        "Laatste deel van het webadres: 'index' gebruikt de site zelf; kies een ander, zoals 'index-verhaal'.",
    ]),
])
def test_refusals_name_the_forms_labels_one_line_a_problem(project: Project, language: str, change: dict, expected: list[str]) -> None:
    project.story("2024-04-05-een-verhaal.md")
    raw = STORY
    for old, new in change.items():
        assert old in raw
        raw = raw.replace(old, new)
    repository = StoriesRepository(project.root, "stories", load_framework(), language)
    with pytest.raises(Refused) as refused:
        _persist(repository, "stories/2025-01-02-nieuw.md", raw)
    lines = str(refused.value).split("\n")
    assert sorted(lines) == sorted(expected)
    for line in lines:  # no file, line number or YAML in what the writer reads
        assert ".md" not in line and "draft: " not in line and "goals:" not in line, line
    assert "stories/2025-01-02-nieuw.md:" in refused.value.terminal
    assert not (project.stories / "2025-01-02-nieuw.md").exists()


def test_saving_advisers_keeps_the_explanation_at_the_top(repository: StoriesRepository, project: Project) -> None:
    path = project.stories / "advisers.yml"
    path.write_text("# Uitleg voor wie dit bestand met de hand bewerkt.\n\nanna-de-vries:\n  name: Anna de Vries\n  role: Adviseur Ruimte\n", "utf-8")
    repository.handle("entriesByFiles", {"files": [{"path": "stories/advisers.yml"}]})
    saved = "anna-de-vries:\n  name: Anna de Vries\n  role: Adviseur Stad\n"
    _persist(repository, "stories/advisers.yml", saved)
    assert path.read_text("utf-8") == "# Uitleg voor wie dit bestand met de hand bewerkt.\n\n" + saved


def test_the_editor_is_given_target_ids_as_text_so_17_10_stays_17_10(repository: StoriesRepository, project: Project) -> None:
    # The editor's YAML parser reads an unquoted 17.10 as the number 17.1; the build reads the text.
    path = project.raw_story("2024-05-27-inkoop.md", STORY.replace('targets:\n  - "16.10"\n', "targets: [17.10, 11.a, 8.5]\n"))
    entry = repository.handle("getEntry", {"path": "stories/2024-05-27-inkoop.md"})
    assert 'targets: ["17.10", 11.a, "8.5"]' in entry["data"]
    assert entry["data"].replace('"', "") == path.read_text("utf-8").replace('"', "")
    assert "17.10" in path.read_text("utf-8") and '"17.10"' not in path.read_text("utf-8")  # the file is untouched


def test_the_editor_is_given_a_new_story_without_the_rubrics_questions(repository: StoriesRepository, project: Project) -> None:
    from sdg_stories.content.rubric import rubric_body

    body = rubric_body("nl") + "\n<!-- Mijn eigen notitie -->\n"
    project.raw_story("2024-05-27-nieuw.md", STORY.replace("Tekst.\n", body))
    entry = repository.handle("getEntry", {"path": "stories/2024-05-27-nieuw.md"})["data"]
    # The questions are the field's help in the form; the headings stay, and so does the writer's own comment.
    assert entry.endswith("---\n## De vraag\n\n## De aanpak\n\n## Het resultaat\n\n## Bijdrage aan het doel\n\n<!-- Mijn eigen notitie -->\n")
    assert "<!--" in (project.stories / "2024-05-27-nieuw.md").read_text("utf-8").split("## De vraag")[1]  # the file is untouched


def test_target_ids_are_saved_quoted_whatever_the_editor_sends(repository: StoriesRepository, project: Project) -> None:
    _persist(repository, "stories/2025-01-02-nieuw.md", STORY.replace('targets:\n  - "16.10"\n', "targets: [17.10, 11.a]\n"))
    assert 'targets: ["17.10", 11.a]\n' in (project.stories / "2025-01-02-nieuw.md").read_text("utf-8")


def test_the_editors_refusals_are_in_the_sites_language(project: Project) -> None:
    project.story("2024-04-05-een-verhaal.md")
    english = StoriesRepository(project.root, "stories", load_framework(), "en")
    with pytest.raises(Refused, match="has changed since the editor opened it"):
        _persist(english, "stories/2024-04-05-een-verhaal.md", STORY)
    with pytest.raises(Refused, match=r"^Date: .*\nGoals: '18' is not a goal") as refused:
        _persist(english, "stories/2025-01-02-fout.md", STORY.replace("  - 11\n", "  - 18\n").replace("date: 2025-01-02", "date: 2025-02-30"))
    assert refused.value.terminal.startswith("the site would refuse it for 2 reasons:\n  stories/2025-01-02-fout.md:")
    with pytest.raises(Refused, match="is outside the folder stories/"):
        _persist(english, "mkdocs.yml", STORY)
    dutch = StoriesRepository(project.root, "stories", load_framework(), "nl")
    with pytest.raises(Refused, match="^Doelen: '18' is geen doel") as refused:
        _persist(dutch, "stories/2025-01-02-fout.md", STORY.replace("  - 11\n", "  - 18\n"))
    assert refused.value.terminal.startswith("de site zou het weigeren:\n  stories/2025-01-02-fout.md:6: goals: '18' is geen doel")


def test_an_image_never_replaces_another(repository: StoriesRepository, project: Project) -> None:
    asset = {"path": "stories/images/foto.png", "content": base64.b64encode(b"one").decode(), "encoding": "base64"}
    repository.handle("persistMedia", {"asset": asset, "options": {}})
    with pytest.raises(Refused, match="bestaat al"):
        repository.handle("persistMedia", {"asset": {**asset, "content": base64.b64encode(b"two").decode()}, "options": {}})
    assert (project.stories / "images" / "foto.png").read_bytes() == b"one"


def test_the_server_listens_on_127_0_0_1_and_answers_only_local_pages(repository: StoriesRepository) -> None:
    server = make_server(repository, None, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert server.server_address[0] == "127.0.0.1"
        url = f"http://127.0.0.1:{server.server_address[1]}/api/v1"

        def post(origin: str, action: str = "info"):
            request = urllib.request.Request(
                url, data=json.dumps({"action": action}).encode(), headers={"Content-Type": "application/json", "Origin": origin}
            )
            return urllib.request.urlopen(request, timeout=5)

        with post("http://127.0.0.1:8000") as answer:
            assert answer.headers["Access-Control-Allow-Origin"] == "http://127.0.0.1:8000"
            assert json.load(answer)["type"] == "local_fs"
        # A page elsewhere can make a browser send a POST without asking first (a form, text/plain), or
        # reach the port under its own name (DNS rebinding): refused before anything is read or written.
        for headers in (
            {"Content-Type": "application/json", "Origin": "https://evil.example"},
            {"Content-Type": "text/plain", "Origin": "http://127.0.0.1:8000"},
            {"Content-Type": "application/json", "Host": f"evil.example:{server.server_address[1]}"},
        ):
            persist = json.dumps({"action": "persistEntry", "params": {
                "entry": {"path": "stories/2025-01-02-nieuw.md", "raw": STORY, "slug": "x"}, "assets": [], "options": {}}})
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(urllib.request.Request(url, data=persist.encode(), headers=headers), timeout=5)
            assert refused.value.code in (403, 415)
            assert json.load(refused.value)["error"] in ("alleen pagina's van deze computer mogen de editor gebruiken", "stuur JSON")
            assert refused.value.headers["Access-Control-Allow-Origin"] in (None, "http://127.0.0.1:8000")
        assert not (repository.root / "stories" / "2025-01-02-nieuw.md").exists()
        with pytest.raises(urllib.error.HTTPError) as error:
            post("http://localhost:8000", action="unpublishedEntries")
        assert error.value.code == 422
        assert "onbekende opdracht" in json.load(error.value)["error"]
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("language, expected", [
    ("nl", "Fout: poort {port} is al in gebruik door een ander programma; kies een andere, zoals: sdg-stories editor --port {free}"),
    ("en", "Error: port {port} is already in use by another program; choose another, like: sdg-stories editor --port {free}"),
])
def test_a_busy_port_is_said_in_the_sites_language_with_a_free_one(project: Project, language: str, expected: str) -> None:
    import socket

    from sdg_stories.editor.local_server import free_port

    project.story("2024-04-05-een-verhaal.md")
    project.configure(theme__language=language)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        started = sdg_stories(project.root, "editor", "--port", str(port))
        free = free_port(port + 1)
    assert started.returncode == 1 and "Traceback" not in started.stderr
    assert started.stderr.strip() == expected.format(port=port, free=free)
    assert "De site wordt gebouwd" not in started.stdout  # said at once, before building anything


def test_a_port_this_program_may_not_use_is_said_with_one_it_may() -> None:
    import errno

    from sdg_stories.content.messages import messages
    from sdg_stories.editor.local_server import port_problem

    said = port_problem(messages("nl"), 80, PermissionError(errno.EACCES, "Permission denied"))
    assert said.startswith("poort 80 mag dit programma niet gebruiken; kies er een van 1024 tot en met 65535, zoals: sdg-stories editor --port ")
    assert int(said.rsplit(" ", 1)[1]) >= 1024


def test_sdg_stories_editor_builds_the_site_and_serves_it_with_the_local_backend(project: Project) -> None:
    import socket
    import subprocess
    import sys

    project.story("2024-04-05-een-verhaal.md")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = subprocess.Popen(
        [sys.executable, "-m", "sdg_stories.cli.main", "editor", "--port", str(port)],
        cwd=project.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        lines = [command.stdout.readline() for _ in range(2)]
        assert lines[0].startswith("De site wordt gebouwd")
        assert f"http://127.0.0.1:{port}/admin/" in lines[1], lines
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/admin/", timeout=10) as page:
            assert "decap-3.16.3/decap-cms.js" in page.read().decode("utf-8")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/admin/config.yml", timeout=10) as config:
            assert config.headers["Content-Type"] == "text/yaml"
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/v1", data=b'{"action": "info"}', headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            info = json.load(answer)
            assert info["publish_modes"] == ["simple"]
            assert info["editor"] == "sdg-stories"  # how /admin/ tells this server from another program on the port
        assert list(project.root.glob("site*")) == []  # built in a scratch folder, not over site/
    finally:
        command.terminate()
        command.wait(timeout=10)
    assert command.returncode == 0  # stopped cleanly, its scratch build removed


# What Decap CMS 3.16.3 writes (captured from the browser test), read by the build as it is
DECAP_STORY = """---
title: Schone lucht in de binnenstad van Zwolle
date: 2026-11-02
adviser: ineke-veldkamp
goals:
  - 11
  - 13
targets:
  - "11.6"
  - "16.10"
  - 11.a
summary: Een adviseur hielp de gemeente de luchtkwaliteit in kaart te brengen en
  te verbeteren.
image: images/lucht.jpg
image_alt: Een meetkast aan een lantaarnpaal
lang: nl
draft: true
vacancies:
  - adviseur-klimaat
---
In Zwolle was de lucht in de binnenstad vaak slecht.

## De vraag

De gemeente wilde weten waar het fijnstof vandaan kwam.
"""


def test_the_reader_takes_what_decap_writes() -> None:
    from sdg_stories.content.story_file import parse_story

    story, problems = parse_story(DECAP_STORY, "2026-11-02-schone-lucht.md", "stories/2026-11-02-schone-lucht.md", load_framework(), "nl")
    assert problems == []
    assert story.targets == ("11.6", "11.a", "16.10")
    assert story.goals == (11, 13, 16)
    assert str(story.date) == "2026-11-02" and story.slug == "schone-lucht"
    assert story.summary == "Een adviseur hielp de gemeente de luchtkwaliteit in kaart te brengen en te verbeteren."
    assert story.image == "images/lucht.jpg" and story.vacancies == ("adviseur-klimaat",) and story.draft


def test_an_empty_slug_is_the_file_names_as_a_missing_one() -> None:
    from sdg_stories.content.story_file import parse_story

    for empty in ('slug: ""\n', "slug:\n"):
        text = DECAP_STORY.replace("lang: nl\n", "lang: nl\n" + empty)
        story, problems = parse_story(text, "2026-11-02-schone-lucht.md", "stories/x.md", load_framework(), "nl")
        assert problems == [] and story is not None and story.slug == "schone-lucht"
