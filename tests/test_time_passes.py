"""Time passes without anyone editing a file: the README's daily build (`mkdocs build --strict`) of the unchanged
example site must pass on the day after every closing date, while the recruiter learns of the closed
vacancy from ``sdg-stories vacancies --strict`` (a scheduled check) and the writer from ``sdg-stories check``
as information.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from project import ROOT, Project
from test_cli import sdg_stories


def _example_vacancies() -> list[dict]:
    return yaml.safe_load((ROOT / "stories" / "vacancies.yml").read_text("utf-8"))["vacancies"]


def _closing_days() -> list[dt.date]:
    return sorted({vacancy["closes"] for vacancy in _example_vacancies() if vacancy.get("closes")})


def _epoch(day: dt.date) -> str:
    # Noon UTC: the same day in Amsterdam, summer or winter.
    return str(int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.timezone.utc).timestamp()))


def test_the_example_site_has_closing_days_to_test() -> None:
    assert len(_closing_days()) >= 2


@pytest.mark.slow
@pytest.mark.parametrize("closes", _closing_days(), ids=str)
def test_the_daily_strict_build_passes_on_the_day_after_a_closing_date(tmp_path, closes: dt.date) -> None:
    project = Project(tmp_path, example_content=True)
    day_after = {"SOURCE_DATE_EPOCH": _epoch(closes + dt.timedelta(days=1))}
    build = project.build("--strict", env=day_after)
    assert build.ok, build.output
    closed = [vacancy for vacancy in _example_vacancies() if vacancy.get("closes") == closes]
    vacancies_page = build.content("vacancies/")
    for vacancy in closed:
        assert not vacancies_page.select(f'[data-vacancy="{vacancy["id"]}"]'), vacancy["id"]
    # A story still naming it is information in the build's log, never a warning --strict counts.
    assert not re.search(r"^WARNING", build.output, re.M), build.output
    named = [vacancy["id"] for vacancy in closed if f"'{vacancy['id']}'" in build.output]
    for vacancy_id in named:
        assert re.search(rf"^INFO +-  stories/.*'{vacancy_id}'.*gesloten", build.output, re.M)

    check = sdg_stories(project.root, "check", env=day_after)
    assert check.returncode == 0, check.stdout + check.stderr
    assert all(line.startswith("ter informatie: ") for line in check.stdout.splitlines()[:-1])

    report = sdg_stories(project.root, "vacancies", "--strict", env=day_after)
    assert report.returncode == 1
    assert "status: gesloten" in report.stdout and "gesloten:" in report.stderr


def test_the_recruiters_check_passes_while_every_vacancy_is_open(tmp_path) -> None:
    project = Project(tmp_path, example_content=True)
    report = sdg_stories(project.root, "vacancies", "--strict", env={"SOURCE_DATE_EPOCH": _epoch(_closing_days()[0])})
    assert report.returncode == 0, report.stdout + report.stderr
    assert "gesloten" not in report.stdout
