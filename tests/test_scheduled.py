"""Scheduled publishing: a story dated after the build date, and a vacancy with a later ``opens``, wait for
the build of their day (SOURCE_DATE_EPOCH stands in for the day, in Europe/Amsterdam).

A build before the day leaves the story out of everything a visitor or a feed reader can reach: its page,
the overview, goal and adviser pages, feeds, open data, search and the sitemap. `sdg-stories check` lists
it as scheduled (information, exit 0); `mkdocs serve` previews it with a "Gepland voor ..." banner.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest

from project import Build, Project, vacancies_file
from serve_session import ServeSession
from test_cli import ROOT, console_script


def sdg_stories(cwd, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """The installed command on the day ``env`` names (test_cli's helper fixes its own day)."""
    command = [console_script()] if console_script() else [sys.executable, "-m", "sdg_stories.cli.main"]
    environment = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"), **env)
    return subprocess.run([*command, *args], cwd=cwd, capture_output=True, text=True, env=environment, timeout=120)


def epoch(day: dt.date, hour: int = 12, minute: int = 0) -> str:
    return str(int(dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=dt.timezone.utc).timestamp()))


BUILD_DAY = dt.date(2025, 6, 15)
NEXT_WEEK = BUILD_DAY + dt.timedelta(days=7)
LATER = "Een verhaal voor volgende week"
TODAY = "Een verhaal van vandaag"
EARLIER = "Een verhaal van vorig jaar"

VACANCIES = """\
- id: al-open
  title: Al Open
  url: https://werkenbij.example.nl/al-open
  goals: [11]
  opens: 2025-06-15
- id: opent-later
  title: Opent Later
  url: https://werkenbij.example.nl/opent-later
  goals: [11]
  opens: 2025-06-20
  closes: 2025-07-31
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = Project(tmp_path_factory.mktemp("scheduled"))
    project.write("stories/vacancies.yml", vacancies_file(VACANCIES))
    project.story(f"{NEXT_WEEK.isoformat()}-later.md", title=LATER, date=NEXT_WEEK.isoformat(), goals=[11, 13])
    project.story(f"{BUILD_DAY.isoformat()}-vandaag.md", title=TODAY, date=BUILD_DAY.isoformat(), goals=[11])
    project.story("2024-04-05-eerder.md", title=EARLIER, goals=[11])
    return project


@pytest.fixture(scope="module")
def today(folder: Project) -> Build:
    build = folder.build("--strict", env={"SOURCE_DATE_EPOCH": epoch(BUILD_DAY)}, site="site-today")
    assert build.ok, build.output
    return build


@pytest.fixture(scope="module")
def next_week(folder: Project) -> Build:
    build = folder.build("--strict", env={"SOURCE_DATE_EPOCH": epoch(NEXT_WEEK)}, site="site-next-week")
    assert build.ok, build.output
    return build


def _card_titles(build: Build, url: str) -> list[str]:
    return [link.get_text(strip=True) for link in build.content(url).select(".sdg-card__title a")]


def _feed_titles(build: Build, url: str) -> list[str]:
    import feedparser

    return [entry.title for entry in feedparser.parse(build.site.joinpath(url).read_bytes()).entries]


def _search_goals(build: Build) -> dict[str, int]:
    """How many stories the search index holds per goal filter (the overview's filters draw on these)."""
    from pagefind_bundle import canonical

    _, values = canonical(build.site / "pagefind")["filter/goal"]
    return {goal: len(pages) for goal, pages in values}


def test_a_build_before_its_day_leaves_the_story_out_of_everything(today: Build) -> None:
    assert not today.exists("stories/later/")
    assert today.exists("stories/vandaag/")  # dated the build day itself: published
    for url in ("stories/", "sdg/11/", "sdg/13/", "advisers/anna-de-vries/"):
        titles = _card_titles(today, url)
        assert LATER not in titles, url
    assert _card_titles(today, "stories/") == [TODAY, EARLIER]
    for feed in ("feed.xml", "sdg/11/feed.xml", "sdg/13/feed.xml"):
        assert _feed_titles(today, feed) == ([TODAY, EARLIER] if feed != "sdg/13/feed.xml" else []), feed
    stories = json.loads((today.site / "stories.json").read_text("utf-8"))
    assert [story["title"] for story in stories["stories"]] == [TODAY, EARLIER]
    assert next(goal for goal in stories["goals"] if goal["id"] == 13)["stories"] == 0
    assert "stories/later/" not in (today.site / "sitemap.xml").read_text("utf-8")
    assert _search_goals(today) == {"11": 2}
    assert LATER not in "".join(path.read_text("utf-8", "replace") for path in today.site.rglob("*.html"))


def test_the_build_of_its_day_publishes_it(next_week: Build) -> None:
    page = next_week.content("stories/later/")
    assert page.h1.get_text(strip=True) == LATER
    assert page.select(".sdg-scheduled-banner, .sdg-draft-banner") == []
    assert _card_titles(next_week, "stories/") == [LATER, TODAY, EARLIER]
    assert LATER in _card_titles(next_week, "sdg/13/")
    assert _feed_titles(next_week, "feed.xml")[0] == LATER
    assert _feed_titles(next_week, "sdg/13/feed.xml") == [LATER]
    stories = json.loads((next_week.site / "stories.json").read_text("utf-8"))
    assert stories["stories"][0]["title"] == LATER
    assert "stories/later/" in (next_week.site / "sitemap.xml").read_text("utf-8")
    assert _search_goals(next_week) == {"11": 3, "13": 1}


def test_the_day_is_the_day_in_amsterdam(folder: Project) -> None:
    # 22:30 UTC on the evening before is 00:30 in Amsterdam (summer time): the story's day has begun there.
    evening = folder.build(env={"SOURCE_DATE_EPOCH": epoch(NEXT_WEEK - dt.timedelta(days=1), 22, 30)}, site="site-midnight")
    assert evening.ok, evening.output
    assert evening.exists("stories/later/")
    before = folder.build(env={"SOURCE_DATE_EPOCH": epoch(NEXT_WEEK - dt.timedelta(days=1), 21, 30)}, site="site-before")
    assert not before.exists("stories/later/")


def test_the_build_log_and_check_list_it_as_scheduled(folder: Project, today: Build) -> None:
    expected = (
        f"stories/{NEXT_WEEK.isoformat()}-later.md:3: date: gepland: verschijnt op 22 juni 2025; de build van die dag "
        "publiceert het verhaal, tot dan staat het alleen in de voorvertoning (mkdocs serve)"
    )
    assert any(line.endswith(expected) and "INFO" in line for line in today.output.splitlines()), today.output
    check = sdg_stories(folder.root, "check", env={"SOURCE_DATE_EPOCH": epoch(BUILD_DAY)})
    assert check.returncode == 0, check.stdout + check.stderr
    lines = check.stdout.splitlines()
    assert [line for line in lines if line.startswith("ter informatie: ")] == ["ter informatie: " + expected]
    assert lines[-1] == "3 verhalen gecontroleerd: 1 melding ter informatie."
    strict = sdg_stories(folder.root, "check", "--strict", env={"SOURCE_DATE_EPOCH": epoch(BUILD_DAY)})
    assert strict.returncode == 0  # information, not a warning
    document = json.loads(sdg_stories(folder.root, "check", "--format", "json", env={"SOURCE_DATE_EPOCH": epoch(BUILD_DAY)}).stdout)
    assert [(notice["file"], notice["line"], notice["field"]) for notice in document["notices"]] == [
        (f"stories/{NEXT_WEEK.isoformat()}-later.md", 3, "date")
    ]
    on_the_day = sdg_stories(folder.root, "check", env={"SOURCE_DATE_EPOCH": epoch(NEXT_WEEK)})
    assert "gepland" not in on_the_day.stdout


def test_serve_previews_it_with_a_banner_in_the_sites_language(folder: Project) -> None:
    with ServeSession(folder, env={"SOURCE_DATE_EPOCH": epoch(BUILD_DAY)}) as serve:
        assert serve.build()["ok"]
        banner = serve.content("stories/later/").select_one(".sdg-scheduled-banner")
        assert banner["role"] == "note"
        assert banner.get_text(strip=True).startswith("Gepland voor 22 juni 2025.")
        assert serve.content("stories/vandaag/").select_one(".sdg-scheduled-banner") is None
        feed = serve.site.joinpath("feed.xml").read_text("utf-8")
        assert LATER not in feed  # a feed is never a preview


def test_the_english_banner(tmp_path) -> None:
    project = Project(tmp_path)
    project.configure(theme__language="en")
    project.story("2027-01-14-later.md", title="Later", date="2027-01-14")
    with ServeSession(project, env={"SOURCE_DATE_EPOCH": epoch(BUILD_DAY)}) as serve:
        assert serve.build()["ok"]
        banner = serve.content("stories/later/").select_one(".sdg-scheduled-banner")
        assert banner.get_text(strip=True).startswith("Scheduled for January 14, 2027.")


def test_a_vacancy_is_shown_from_its_opening_day(folder: Project, today: Build) -> None:
    listed = [item.get_text(" ", strip=True) for item in today.content("vacancies/").select(".sdg-vacancy__title")]
    assert any("Al Open" in title for title in listed) and not any("Opent Later" in title for title in listed), listed
    data = json.loads((today.site / "vacancies.json").read_text("utf-8"))
    assert [vacancy["id"] for vacancy in data["vacancies"]] == ["al-open"]
    report = sdg_stories(folder.root, "vacancies", env={"SOURCE_DATE_EPOCH": epoch(BUILD_DAY)})
    assert "  status: nog niet open, verschijnt op 2025-06-20" in report.stdout.splitlines(), report.stdout
    assert "1 nog niet open" in report.stdout.splitlines()[-1]
    opened = folder.build(env={"SOURCE_DATE_EPOCH": epoch(dt.date(2025, 6, 20))}, site="site-opened")
    assert opened.ok, opened.output
    data = json.loads((opened.site / "vacancies.json").read_text("utf-8"))
    assert sorted(vacancy["id"] for vacancy in data["vacancies"]) == ["al-open", "opent-later"]
    assert "Opent Later" in opened.content("vacancies/").get_text()
