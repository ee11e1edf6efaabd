"""The year in stories: the annual report page, its chart, the CSV and JSON for a spreadsheet, and the PDF.

The figures are counted here from the story files themselves (their front matter), not from the code that
makes the report, and compared with what the page, the chart and the files say.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import yaml

from project import ROOT, Build, Project
from test_cli import sdg_stories

EPOCH = "1767225600"  # 2026-01-01
YEAR = 2025


def _published(year: int) -> list[dict]:
    """The example stories of ``year`` that the site publishes, read from their files."""
    stories = []
    for path in sorted((ROOT / "stories").glob("*.md")):
        fields = yaml.safe_load(path.read_text("utf-8").split("---")[1])
        date = fields["date"] if isinstance(fields["date"], dt.date) else dt.date.fromisoformat(str(fields["date"]))
        if date.year == year and not fields.get("draft") and date <= dt.date(2026, 1, 1):
            stories.append(fields)
    return stories


def _goals_of(story: dict) -> set[int]:
    # A story's goals are those it names and those its targets belong to.
    return {int(goal) for goal in story.get("goals") or []} | {int(str(t).split(".")[0]) for t in story.get("targets") or []}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = Project(tmp_path_factory.mktemp("report"), example_content=True).build("--strict", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert build.ok, build.output
    return build


def test_the_key_figures_are_the_stories_of_the_year(site: Build) -> None:
    stories = _published(YEAR)
    assert stories, "the example content needs stories in the report's year"
    page = site.content(f"verslag/{YEAR}/")
    figures = [int(item.select_one(".sdg-report__figure").text) for item in page.select(".sdg-report__figures li")]
    targets = {str(target) for story in stories for target in story.get("targets") or []}
    assert figures == [
        len(stories),
        len({story["adviser"] for story in stories}),
        len(set().union(*(_goals_of(story) for story in stories))),
        len(targets),
    ]


def test_the_chart_has_a_bar_per_goal_with_its_count_and_colour(site: Build) -> None:
    counts = Counter(goal for story in _published(YEAR) for goal in _goals_of(story))
    page = site.content(f"verslag/{YEAR}/")
    bars = page.select("svg.sdg-report__svg g.sdg-report__bar")
    assert [(int(bar["data-goal"]), int(bar["data-count"])) for bar in bars] == sorted(counts.items())
    widths = {int(bar["data-goal"]): float(bar.select("rect")[1]["width"]) for bar in bars}
    largest = max(counts.values())
    for goal, count in counts.items():
        assert widths[goal] == pytest.approx(widths[max(counts, key=counts.get)] * count / largest, abs=0.1)
    # Readable without colour: the count is written beside each bar, and the text alternative names them all.
    assert [bar.select("text")[-1].text for bar in bars] == [str(counts[goal]) for goal in sorted(counts)]
    svg = page.select_one("svg.sdg-report__svg")
    assert svg["role"] == "img" and len(svg["aria-labelledby"].split()) == 2
    assert svg.select_one("desc").text.count(";") == len(counts) - 1


def test_each_goal_lists_its_targets_and_stories(site: Build) -> None:
    page = site.content(f"verslag/{YEAR}/")
    sections = page.select("section.sdg-report__goal")
    stories = _published(YEAR)
    assert [int(s["aria-labelledby"].rsplit("-", 1)[1]) for s in sections] == sorted(
        set().union(*(_goals_of(story) for story in stories)))
    titles = {link.text for link in page.select(".sdg-report__stories a")}
    assert titles == {story["title"] for story in stories}
    for section in sections:
        for link in section.select(".sdg-report__stories a"):
            assert site.exists(link["href"].replace("../../", "")), link["href"]


def test_the_year_index_lists_each_year_with_stories_and_no_other(site: Build) -> None:
    years = sorted({int(path.name[:4]) for path in (ROOT / "stories").glob("*.md")}, reverse=True)
    with_stories = [year for year in years if _published(year)]
    links = [link.text for link in site.content("verslag/").select(".sdg-report-years a")]
    assert links == [f"Verslag {year}" for year in with_stories]
    assert not site.exists(f"verslag/{min(with_stories) - 1}/")
    assert site.content("sdg/").select_one('.sdg-report-link a[href$="verslag/"]')


def test_drafts_stay_out_of_the_report(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.story("2025-03-01-een.md", title="Gepubliceerd verhaal", goals=[11], date="2025-03-01")
    project.story("2025-04-01-twee.md", title="Nog een concept", goals=[3], date="2025-04-01", draft=True)
    build = project.build("--strict", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert build.ok, build.output
    page = build.content("verslag/2025/")
    assert [link.text for link in page.select(".sdg-report__stories a")] == ["Gepubliceerd verhaal"]
    assert [bar["data-goal"] for bar in page.select("g.sdg-report__bar")] == ["11"]


def test_an_english_site_reports_in_english(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.configure(theme__language="en")
    project.story("2025-03-01-one.md", title="A story", goals=[11], lang="en", date="2025-03-01", adviser="bram-jansen")
    build = project.build("--strict", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert build.ok, build.output
    page = build.content("report/2025/")
    assert page.select_one("h1").text.startswith("Report 2025")
    assert "stories" in page.select_one(".sdg-report__figures").text
    assert not build.exists("verslag/")


def test_the_csv_and_json_hold_the_same_figures_byte_for_byte_each_time(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    project = Project(tmp_path / "project", example_content=True)
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
        result = sdg_stories(project.root, "report", "--year", str(YEAR), "--output", str(folder), env={"SOURCE_DATE_EPOCH": EPOCH})
        assert result.returncode == 0, result.stdout + result.stderr
    for name in (f"verslag-{YEAR}.csv", f"verslag-{YEAR}.json"):
        assert (first / name).read_bytes() == (second / name).read_bytes()
    counts = Counter(goal for story in _published(YEAR) for goal in _goals_of(story))
    rows = list(csv.reader(io.StringIO((first / f"verslag-{YEAR}.csv").read_text("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["doel", "naam", "verhalen"]
    assert {int(row[0]): int(row[2]) for row in rows[1:]} == dict(counts)
    document = json.loads((first / f"verslag-{YEAR}.json").read_text("utf-8"))
    assert document["stories"] == len(_published(YEAR))
    assert {goal["goal"]: goal["stories"] for goal in document["by_goal"]} == dict(counts)


def test_a_year_without_stories_is_refused_in_a_sentence(tmp_path: Path) -> None:
    project = Project(tmp_path, example_content=True)
    result = sdg_stories(project.root, "report", "--year", "2019")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "geen gepubliceerde verhalen uit 2019" in result.stderr and "2025" in result.stderr


def test_without_chromium_the_pdf_says_how_to_get_it(tmp_path: Path) -> None:
    project = Project(tmp_path, example_content=True)
    bare = tmp_path / "bin"
    bare.mkdir()
    # A PATH without Chromium (Debian puts it in /usr/bin, beside everything else).
    result = sdg_stories(project.root, "report", "--year", str(YEAR), "--pdf", str(tmp_path / "v.pdf"),
                         env={"PATH": str(bare)})
    assert result.returncode == 1, result.stdout + result.stderr
    assert "sudo apt install chromium" in result.stderr and f"verslag/{YEAR}/" in result.stderr


@pytest.mark.browser
def test_the_pdf_is_an_a4_document_with_a_page_per_goal(tmp_path: Path) -> None:
    if not shutil.which("chromium") or not shutil.which("pdftotext"):
        from browser import unavailable

        unavailable("chromium and pdftotext (poppler-utils) are needed for the PDF")
    (tmp_path / "project").mkdir()
    project = Project(tmp_path / "project", example_content=True)
    pdf = tmp_path / f"verslag-{YEAR}.pdf"
    result = sdg_stories(project.root, "report", "--year", str(YEAR), "--pdf", str(pdf), env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stdout + result.stderr
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert "(A4)" in info
    goals = sorted(set().union(*(_goals_of(story) for story in _published(YEAR))))
    # The cover, the figures with the chart, then each goal on a page of its own (or more).
    assert pages >= 2 + len(goals)
    from sdg_stories.sdg.goals import load_framework  # noqa: PLC0415 - the goal names, as the site shows them

    framework = load_framework()
    for number in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        if number == 1:
            assert f"Verslag {YEAR}" in text and "Zoeken" not in text  # a cover, no navigation or search
    whole = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for goal in goals:
        assert framework.goal(goal).short["nl"] in " ".join(whole.split())
    assert "verhalen.example.nl/stories/" in whole  # links printed as short addresses
