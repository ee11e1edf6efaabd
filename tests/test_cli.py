"""The writer's tool, run as a writer runs it: `sdg-stories ...` in a project folder, answers on stdin.

The files it writes are built with the real `mkdocs build --strict`, and `check` is compared line for
line with what the build says about the same broken stories.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from project import ROOT, Build, Project

EPOCH_2026_01_01 = "1767225600"


def console_script() -> str | None:
    """`sdg-stories` as installed beside this Python (the README's `.venv/bin/python -m pytest` does not
    put .venv/bin on the PATH), else on the PATH."""
    return shutil.which("sdg-stories", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))


def sdg_stories(cwd: Path, *args: str, input: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The installed console script, importing this checkout's package (PYTHONPATH wins over site-packages)."""
    command = [console_script()] if console_script() else [sys.executable, "-m", "sdg_stories.cli.main"]
    environment = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"), SOURCE_DATE_EPOCH=EPOCH_2026_01_01)
    environment.update(env or {})
    environment.pop("SDG_STORIES_DEBUG", None)
    return subprocess.run(
        [*command, *args], cwd=cwd, input=input, capture_output=True, text=True, env=environment, timeout=120,
    )


def assert_sentence_error(result: subprocess.CompletedProcess, code: int, *fragments: str) -> None:
    assert result.returncode == code, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr


def test_the_console_script_is_installed_with_the_project():
    assert console_script(), "run `pip install -e .` (the README's install) to get the command"
    result = subprocess.run([console_script(), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for command in ("new", "check", "goals", "new-adviser", "vacancies"):
        assert re.search(rf"^\s+{command}\s", result.stdout, re.M), result.stdout


@pytest.mark.parametrize("command", ["new", "check", "goals", "new-adviser", "vacancies"])
def test_each_command_explains_itself_with_examples(tmp_path, command):
    # Outside a project the tool speaks the default language, Dutch.
    result = sdg_stories(tmp_path, command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Voorbeelden:" in result.stdout and "Opties:" in result.stdout
    assert f"sdg-stories {command}" in result.stdout


@pytest.mark.parametrize("language, words", [
    ("nl", ["Gebruik: sdg-stories", "Verhalen schrijven en controleren", "Opties:", "Opdrachten:", "Toon deze hulp en stop.",
            "sdg-stories vacancies         toon de vacatures", "Toon elke vacature, haar status"]),
    ("en", ["Usage: sdg-stories", "Write and check the stories", "Options:", "Commands:", "Show this help and exit.",
            "sdg-stories vacancies         list the vacancies", "List every vacancy, its status"]),
])
def test_help_speaks_the_projects_language(project, language, words):
    project.configure(theme__language=language)
    for cwd in (project.root, project.stories):  # found from a folder below the project too
        result = sdg_stories(cwd, "--help")
        assert result.returncode == 0, result.stderr
        for word in words:
            assert word in result.stdout, result.stdout
    check_help = sdg_stories(project.root, "check", "--help").stdout
    assert ("Voorbeelden:" if language == "nl" else "Examples:") in check_help
    assert ("Ook bij waarschuwingen mislukken" if language == "nl" else "Fail on warnings too") in check_help


# new, new-adviser: what they write builds


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """A project where every file was written by the tool, built once with --strict."""
    project = Project(tmp_path_factory.mktemp("written"))
    root = project.root
    advisers_before = (project.stories / "advisers.yml").read_bytes()
    results = {
        "options": sdg_stories(
            root, "new", "--title", "Veilig winkelcentrum: samen met winkeliers", "--adviser", "anna-de-vries",
            "--targets", "11.7, 16.10", "--goals", "11", "--summary", "Hoe 'De Bongerd' weer veilig werd: een aanpak #1.",
            "--no-draft",
        ),
        # Answers on stdin: a wrong adviser number and an unknown target are asked again.
        "prompts": sdg_stories(
            root, "new",
            input="Schoon water voor Lindewaard\n7\n2\n6\n6.12\n6.1 6.b\nHoe drinkwater veilig blijft.\nen\n2025-03-04\nschoon-water\n",
        ),
        "adviser": sdg_stories(
            root, "new-adviser", "--name", "Émile d'Ancona", "--role", "Adviseur: Water & Bodem",
            "--bio", "Émile adviseert # waterschappen.",
        ),
    }
    results["adviser story"] = sdg_stories(
        root, "new", "--title", "Water in de wijk", "--adviser", "emile-d-ancona", "--goals", "6",
        "--summary", "Een verhaal van de nieuwe adviseur.", "--no-draft", "--lang", "en",
    )
    # The writer writes under the headings: stories that are not drafts must have text to publish.
    for path in project.stories.glob("*.md"):
        write_sections(path)
    build = project.build("--strict", env={"SOURCE_DATE_EPOCH": EPOCH_2026_01_01})
    return project, results, advisers_before, build


def write_sections(path: Path) -> None:
    """What a writer does after `sdg-stories new`: a paragraph in place of each placeholder."""
    text = path.read_text("utf-8")
    path.write_text(re.sub(r"<!--.*?-->", "Wat de adviseur vertelt.", text), "utf-8")


def test_new_no_draft_without_writing_fails_build_and_check_naming_the_empty_sections(project):
    result = sdg_stories(
        project.root, "new", "--title", "Nog leeg", "--adviser", "anna-de-vries", "--goals", "11",
        "--summary", "S.", "--no-draft",
    )
    assert result.returncode == 0, result.stderr
    assert "Het is geen concept: de build weigert het tot elk deel tekst heeft." in result.stdout
    build = project.build()
    check = sdg_stories(project.root, "check")
    assert not build.ok and check.returncode == 1
    for output in (build.output, check.stdout):
        for line, section in ((17, "De vraag"), (21, "De aanpak"), (25, "Het resultaat"), (29, "Bijdrage aan het doel")):
            assert f"stories/2026-01-01-nog-leeg.md:{line}: het deel '{section}' heeft nog geen tekst" in output, output
        assert "stories/2026-01-01-nog-leeg.md:15: het verhaal heeft nog geen tekst, alleen de kopjes en aanwijzingen" in output
        assert "draft: true" in output


def test_new_with_options_writes_complete_front_matter_and_the_rubric(written):
    project, results, _, _ = written
    assert results["options"].returncode == 0, results["options"].stderr
    assert "stories/2026-01-01-veilig-winkelcentrum-samen-met-winkeliers.md geschreven." in results["options"].stdout
    text = (project.stories / "2026-01-01-veilig-winkelcentrum-samen-met-winkeliers.md").read_text("utf-8")
    front, body = text.split("\n---\n", 1)
    assert front.splitlines() == [
        "---",
        'title: "Veilig winkelcentrum: samen met winkeliers"',
        "date: 2026-01-01",
        "adviser: anna-de-vries",
        "goals: [11]",
        'targets: ["11.7", "16.10"]',
        "summary: \"Hoe 'De Bongerd' weer veilig werd: een aanpak #1.\"",
        "lang: nl",
        "slug: veilig-winkelcentrum-samen-met-winkeliers",
        "draft: false",
        "# image: images/naam-van-de-afbeelding.jpg",
        "# image_alt: Wat er op de afbeelding te zien is, voor wie hem niet kan zien",
        "# vacancies: [id-van-een-vacature]",
    ]
    headings = re.findall(r"^## (.+)$", body, re.M)
    assert headings == ["De vraag", "De aanpak", "Het resultaat", "Bijdrage aan het doel"]


def test_new_asks_at_the_prompt_and_asks_again_after_a_wrong_answer(written):
    project, results, _, _ = written
    result = results["prompts"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Fout: 7 staat niet in de lijst; typ een nummer van 1 tot en met 2" in result.stdout
    assert "Fout: 6.12 bestaat niet; doel 6 heeft de subdoelen 6.1, 6.2, 6.3, 6.4, 6.5, 6.6, 6.a, 6.b" in result.stdout
    assert "Adviseurs:" in result.stdout and "Subdoelen van doel 6 (Schoon water en sanitair):" in result.stdout
    assert re.search(r"^\s+1\s+anna-de-vries\s+Anna de Vries, Adviseur Ruimte$", result.stdout, re.M)
    text = (project.stories / "2025-03-04-schoon-water.md").read_text("utf-8")
    assert "adviser: bram-jansen\n" in text
    assert 'targets: ["6.1", "6.b"]\n' in text
    assert "lang: en\n" in text and "draft: true\n" in text
    # An English story gets the English headings of the writer's guide.
    assert re.findall(r"^## (.+)$", text, re.M) == ["The question", "Our approach", "The result", "Contribution to the goals"]


def test_what_the_tool_writes_builds_with_strict(written):
    project, results, _, build = written
    assert all(result.returncode == 0 for result in results.values()), {k: r.stderr for k, r in results.items()}
    assert build.ok, build.output
    story = build.content("stories/veilig-winkelcentrum-samen-met-winkeliers/")
    assert story.find("h1").get_text(strip=True) == "Veilig winkelcentrum: samen met winkeliers"
    assert "Hoe 'De Bongerd' weer veilig werd: een aanpak #1." in build.html("stories/veilig-winkelcentrum-samen-met-winkeliers/")
    chips = [chip["href"] for chip in build.soup("stories/veilig-winkelcentrum-samen-met-winkeliers/").select(".sdg-contributions .sdg-chip")]
    assert chips == ["../../sdg/11/#target-11-7", "../../sdg/16/#target-16-10"]
    # The draft written from the prompts is left out of `mkdocs build`, as drafts are.
    assert not build.exists("stories/schoon-water/")


def test_the_written_files_pass_check(written):
    project, _, _, _ = written
    result = sdg_stories(project.root, "check")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().splitlines()[-1] == "3 verhalen gecontroleerd: geen problemen."


def test_new_adviser_appends_and_keeps_the_file_byte_for_byte(written):
    project, results, before, build = written
    assert results["adviser"].returncode == 0, results["adviser"].stderr
    after = (project.stories / "advisers.yml").read_bytes()
    assert after.startswith(before)
    assert after[len(before):].decode("utf-8") == (
        "\n"
        "emile-d-ancona:\n"
        "  name: Émile d'Ancona\n"
        '  role: "Adviseur: Water & Bodem"\n'
        '  bio: "Émile adviseert # waterschappen."\n'
    )
    # The new adviser is usable at once: a story names them and their page is built.
    assert results["adviser story"].returncode == 0, results["adviser story"].stderr
    assert "Adviseur: Water &amp; Bodem" in build.html("advisers/emile-d-ancona/")
    assert build.exists("stories/water-in-de-wijk/")


@pytest.mark.parametrize("existing_text", [
    "Mijn eigen tekst, nog zonder front matter.\n",
    "---\ntitle: Ander\ndate: 2026-01-01\nadviser: anna-de-vries\ngoals: [3]\nsummary: S.\nslug: ander\n---\nTekst.\n",
], ids=["same slug", "same file name"])
def test_new_never_overwrites_a_file(project, existing_text):
    existing = project.raw_story("2026-01-01-mijn-verhaal.md", existing_text)
    before = existing.read_bytes()
    options = ["new", "--title", "Mijn verhaal", "--adviser", "anna-de-vries", "--goals", "3", "--summary", "S."]
    # The slug made from the title, and the slug given as an option.
    derived = sdg_stories(project.root, *options)
    given = sdg_stories(project.root, *options[:1], "--slug", "mijn-verhaal", *options[1:])
    assert_sentence_error(derived, 1, "stories/2026-01-01-mijn-verhaal.md", "Er is niets geschreven")
    assert_sentence_error(given, 2, "'--slug'", "stories/2026-01-01-mijn-verhaal.md")
    assert existing.read_bytes() == before
    assert sorted(path.name for path in project.stories.glob("*.md")) == ["2026-01-01-mijn-verhaal.md"]


def test_new_refuses_a_slug_another_story_has(project):
    project.story("2024-04-05-ander.md", slug="veilig")
    result = sdg_stories(project.root, "new", "--title", "Veilig", "--adviser", "anna-de-vries", "--goals", "11", "--summary", "S.")
    assert_sentence_error(result, 1, "'veilig' is ook de slug van stories/2024-04-05-ander.md")
    assert len(list(project.stories.glob("*.md"))) == 1


@pytest.mark.parametrize(
    "option, value, message",
    [
        ("--targets", "11.12", "11.12 bestaat niet; doel 11 heeft de subdoelen 11.1, 11.2, 11.3, 11.4, 11.5, 11.6, 11.7, 11.a, 11.b, 11.c"),
        ("--goals", "18", "'18' is geen doel; de doelen zijn de nummers 1 tot en met 17"),
        ("--adviser", "anna-devries", "'anna-devries' is geen bekende adviseur in stories/advisers.yml (bekend: anna-de-vries, bram-jansen). Bedoelde je anna-de-vries?"),
        ("--date", "2024-02-30", "2024-02-30 bestaat niet in de kalender"),
        ("--lang", "de", "'de' kan niet; kies uit nl, en"),
        ("--slug", "page", "'page' gebruikt de site zelf"),
    ],
)
def test_new_refuses_a_wrong_option_with_the_builds_message(project, option, value, message):
    options = {"--title": "T", "--adviser": "anna-de-vries", "--goals": "11", "--summary": "S.", option: value}
    result = sdg_stories(project.root, "new", *[part for pair in options.items() for part in pair])
    assert_sentence_error(result, 2, f"Fout: Ongeldige waarde voor '{option}'", message)
    assert not list(project.stories.glob("*.md"))


def test_new_without_goal_or_target_is_asked_for_one(project):
    answers = "T\n1\n\n\n11.7\nS.\n\n\n\n"  # no goals, no targets: asked again for the targets
    result = sdg_stories(project.root, "new", input=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "een verhaal heeft minstens één doel of subdoel nodig" in result.stdout
    assert 'targets: ["11.7"]' in (project.stories / "2026-01-01-t.md").read_text("utf-8")


def test_new_adviser_refuses_an_existing_key_and_leaves_the_file_alone(project):
    path = project.stories / "advisers.yml"
    before = path.read_bytes()
    result = sdg_stories(project.root, "new-adviser", "--name", "Anna de Vries", "--role", "Adviseur")
    assert_sentence_error(result, 2, "'anna-de-vries' is al een adviseur in stories/advisers.yml (Anna de Vries)")
    assert path.read_bytes() == before


def test_new_adviser_asks_and_adds_a_newline_the_file_lacks(project):
    path = project.stories / "advisers.yml"
    before = "# Onze adviseurs\nanna-de-vries:   # de eerste\n  name: Anna de Vries\n  role: Adviseur Ruimte  # rol"
    path.write_bytes(before.encode("utf-8"))
    (project.stories / "images").mkdir()
    (project.stories / "images" / "carla.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    # A missing photo is asked again; the key offered is made from the name.
    answers = "Carla Pietersen\n\nAdviseur Zorg\nimages/nope.jpg\nimages/carla.svg\n\n"
    result = sdg_stories(project.root, "new-adviser", input=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[carla-pietersen]" in result.stdout
    assert "het bestand stories/images/nope.jpg bestaat niet" in result.stdout.lower()
    assert path.read_text("utf-8") == before + "\n\ncarla-pietersen:\n  name: Carla Pietersen\n  role: Adviseur Zorg\n  photo: images/carla.svg\n"


def test_new_adviser_refuses_a_file_it_cannot_safely_add_to(project):
    path = project.stories / "advisers.yml"
    path.write_text("- anna\n- bram\n", "utf-8")
    result = sdg_stories(project.root, "new-adviser", "--name", "Carla", "--role", "Adviseur")
    assert_sentence_error(result, 1, "aan stories/advisers.yml kan zo niets worden toegevoegd")
    assert path.read_text("utf-8") == "- anna\n- bram\n"


# check: the build's messages, without the build


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """Stories, advisers and vacancies with a writer's usual mistakes, built once and checked once."""
    project = Project(tmp_path_factory.mktemp("broken"))
    project.story("2024-01-01-goed.md", title="Goed verhaal")
    project.raw_story("2024-01-02-yaml.md", "---\ntitle: Een: twee: drie\ndate: 2024-01-02\n---\nTekst\n")
    project.raw_story("2024-01-03-geen-front-matter.md", "# Alleen tekst\n")
    project.story("2024-01-06-datum.md", date="2024-02-30")
    project.story("2024-01-08-doel.md", goals=[18])
    project.raw_story(
        "2024-01-09-subdoel.md",
        "---\ntitle: T\ndate: 2024-01-09\nadviser: anna-de-vries\nsummary: S\ntargets: [11.12, 17.10]\n---\nTekst\n",
    )
    project.story("2024-01-10-adviseur.md", adviser="anna-devries")
    project.story("2024-01-11-geen-doel.md", goals=None)
    project.story("2024-01-12-beeld.md", image="images/foto.jpg")
    project.story("2024-01-13-dubbel.md", slug="zelfde", vacancies=["bestaat-niet"])
    project.story("2024-01-14-dubbel.md", slug="zelfde")
    project.story("2024-01-18-onbekend-veld.md", auteur="Anna")
    project.write("stories/advisers.yml", "anna-de-vries:\n  name: Anna de Vries\n  role: Adviseur Ruimte\nbram-jansen:\n  name: Bram\n")
    project.write("stories/vacancies.yml", "- id: v\n  title: V\n  url: javascript:alert(1)\n  goals: [3]\n")
    build = project.build()
    check = sdg_stories(project.root, "check")
    return project, build, check


def build_problems(build: Build) -> list[str]:
    """The problem lines of a failed build: indented under '... problems in the content; nothing was built:'."""
    return [line[2:] for line in build.output.splitlines() if line.startswith("  stories/")]


def test_check_prints_exactly_the_builds_problems(broken):
    _, build, check = broken
    assert not build.ok
    problems = build_problems(build)
    assert len(problems) >= 13, build.output
    lines = check.stdout.splitlines()
    assert lines[:-1] == problems
    assert lines[-1] == f"12 verhalen gecontroleerd: {len(problems)} problemen."
    assert check.returncode == 1
    # Spot checks, so the comparison cannot pass on two empty lists.
    assert "stories/2024-01-09-subdoel.md:6: targets: 11.12 bestaat niet; doel 11 heeft de subdoelen 11.1, 11.2, 11.3, 11.4, 11.5, 11.6, 11.7, 11.a, 11.b, 11.c" in lines
    assert "stories/advisers.yml:5: role: is verplicht en ontbreekt" in lines
    assert any(line.startswith("stories/vacancies.yml:3: url: 'javascript:alert(1)'") for line in lines)


def test_check_json_has_the_same_problems_with_file_line_field_and_message(broken):
    project, build, _ = broken
    result = sdg_stories(project.root, "check", "--format", "json")
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert set(document) == {"problems", "warnings", "notices"}
    assert document["warnings"] == []
    first = document["problems"][0]
    assert set(first) == {"file", "line", "field", "message"}
    from sdg_stories.content.problems import Problem

    assert [str(Problem(**problem)) for problem in document["problems"]] == build_problems(build)


def test_check_paths_limit_the_report_but_not_the_cross_checks(broken):
    project, _, _ = broken
    result = sdg_stories(project.root / "stories", "check", "2024-01-13-dubbel.md")
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    # The other story of the same slug is named; the other broken stories are not reported.
    assert "stories/2024-01-13-dubbel.md:7: slug: 'zelfde' is ook de slug van stories/2024-01-14-dubbel.md; geef een van beide een andere slug" in lines
    assert any(line.startswith("stories/2024-01-13-dubbel.md:8: vacancies: 'bestaat-niet' is geen bekende vacature") for line in lines)
    assert not [line for line in lines if line.startswith("stories/2024-01-") and "13-dubbel" not in line.split(":")[0]]
    # advisers.yml and vacancies.yml concern every story, so they are always reported.
    assert "stories/advisers.yml:5: role: is verplicht en ontbreekt" in lines
    assert lines[-1] == "1 van 12 verhalen gecontroleerd: 4 problemen."


def test_check_names_only_paths_in_the_stories_folder(broken):
    project, _, _ = broken
    result = sdg_stories(project.root, "check", "docs")
    assert_sentence_error(result, 2, "docs staat niet in de map met verhalen")


def test_check_of_a_clean_story_in_a_broken_folder_passes(broken):
    project, _, _ = broken
    result = sdg_stories(project.root, "--project", str(project.root), "check", str(project.stories / "2024-01-01-goed.md"))
    # Only the shared files' problems remain: the story itself is fine.
    assert [line for line in result.stdout.splitlines() if "goed.md" in line] == []
    assert result.stdout.splitlines()[-1].startswith("1 van 12 verhalen gecontroleerd: ")


def test_check_reports_the_builds_warnings_and_notices(project):
    project.write(
        "stories/vacancies.yml",
        "vacancies:\n- id: gesloten\n  title: Gesloten\n  url: https://werkenbij.example.nl/g\n  goals: [3]\n  closes: 2025-12-31\n",
    )
    project.story("2025-01-01-verhaal.md", vacancies=["gesloten"])
    config = project.root / "mkdocs.yml"
    config.write_text(re.sub(r"^site_url: .*\n", "", config.read_text("utf-8"), flags=re.M), "utf-8")
    build = project.build(env={"SOURCE_DATE_EPOCH": EPOCH_2026_01_01})
    assert build.ok, build.output
    # Ours, not MkDocs' own (without site_url the open-data page links feeds that are left out).
    def logged(level: str) -> list[str]:
        pattern = re.compile(rf"^{level} +-  ((?:stories/|mkdocs\.yml:).*)$", re.M)
        return sorted(pattern.findall(build.output))
    check = sdg_stories(project.root, "check")
    strict = sdg_stories(project.root, "check", "--strict")
    def shown(prefix: str) -> list[str]:
        return [line.removeprefix(prefix) for line in check.stdout.splitlines() if line.startswith(prefix)]
    # A missing site_url is a warning (--strict fails on it); a story naming a vacancy that closed since is
    # information: time passing is no fault of the site (model/findings.py).
    assert shown("waarschuwing: ") == logged("WARNING")
    assert shown("waarschuwing: ")[0].startswith("mkdocs.yml: site_url: is niet ingesteld")
    assert shown("ter informatie: ") == logged("INFO") == [
        "stories/2025-01-01-verhaal.md:7: vacancies: 'gesloten' (Gesloten) is gesloten op 2025-12-31 en wordt niet meer getoond; haal de vacature weg uit vacancies van het verhaal"
    ]
    assert check.returncode == 0 and strict.returncode == 1
    assert check.stdout.splitlines()[-1] == "1 verhaal gecontroleerd: 1 waarschuwing, 1 melding ter informatie."
    document = json.loads(sdg_stories(project.root, "check", "--format", "json").stdout)
    assert document["notices"][0]["field"] == "vacancies" and len(document["warnings"]) == 1


# goals


def test_goals_finds_a_word_in_the_dutch_texts(tmp_path):
    Project(tmp_path)
    result = sdg_stories(tmp_path, "goals", "veilig")
    assert result.returncode == 0
    assert "  11.7  Tegen 2030 universele toegang voorzien tot veilige, inclusieve en toegankelijke, groene en openbare ruimtes" in result.stdout
    assert "Doel 11: Duurzame steden en gemeenschappen" in result.stdout
    # Only the targets that mention the word: 11.3 (planning) does not.
    listed = re.findall(r"^\s+(\d+\.\w+) ", result.stdout, re.M)
    assert "11.7" in listed and "11.3" not in listed


def test_goals_ignores_case_and_accents(tmp_path):
    def listed(word: str) -> list[str]:
        return re.findall(r"^\s+(\d+\.\w+) ", sdg_stories(tmp_path, "goals", word).stdout, re.M)

    assert "11.3" in listed("geintegreerde")
    assert listed("geintegreerde") == listed("GEÏNTEGREERDE")


def test_goals_by_number_shows_a_goal_or_a_target(tmp_path):
    goal = sdg_stories(tmp_path, "goals", "11").stdout
    target = sdg_stories(tmp_path, "goals", "11.A").stdout
    assert re.findall(r"^\s+(\d+\.\w+) ", goal, re.M) == ["11.1", "11.2", "11.3", "11.4", "11.5", "11.6", "11.7", "11.a", "11.b", "11.c"]
    assert re.findall(r"^\s+(\d+\.\w+) ", target, re.M) == ["11.a"]
    assert_sentence_error(sdg_stories(tmp_path, "goals", "18"), 2, "er is geen doel 18; de doelen zijn de nummers 1 tot en met 17.")
    assert_sentence_error(sdg_stories(tmp_path, "goals", "11.12"), 2, "11.12 bestaat niet; doel 11 heeft de subdoelen 11.1")


def test_goals_uses_the_site_language(tmp_path):
    project = Project(tmp_path)
    project.configure(theme__language="en")
    result = sdg_stories(tmp_path / "docs", "goals", "11.7")
    assert "Goal 11: Sustainable cities and communities" in result.stdout
    assert "By 2030, provide universal access to safe, inclusive and accessible, green and public spaces" in result.stdout


def test_mkdocs_tags_in_mkdocs_yml_are_read_as_mkdocs_reads_them(tmp_path):
    Project(tmp_path)
    config = (tmp_path / "mkdocs.yml").read_text("utf-8")
    config = config.replace("  language: nl\n", "  language: !ENV [SDG_SITE_LANGUAGE, nl]\n")
    config += "\nmarkdown_extensions_unused:\n  emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    (tmp_path / "mkdocs.yml").write_text(config, "utf-8")
    english = sdg_stories(tmp_path, "goals", "11.7", env={"SDG_SITE_LANGUAGE": "en"})
    dutch = sdg_stories(tmp_path, "goals", "11.7")
    assert "Goal 11: Sustainable cities and communities" in english.stdout, english.stderr
    assert "Doel 11: Duurzame steden en gemeenschappen" in dutch.stdout, dutch.stderr


# errors are sentences


def test_outside_a_project_the_error_says_what_to_do(tmp_path):
    result = sdg_stories(tmp_path, "check")
    assert_sentence_error(result, 1, "Fout: er is geen mkdocs.yml in", "--project MAP")


def test_a_file_system_error_is_a_sentence(project):
    (project.stories / "advisers.yml").unlink()
    (project.stories / "advisers.yml").mkdir()
    result = sdg_stories(project.root, "new-adviser", "--name", "Carla", "--role", "Adviseur")
    assert result.returncode == 1
    assert result.stderr.startswith("Fout: ") and "Traceback" not in result.stderr
