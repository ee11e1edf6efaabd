from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from project import Build, Project  # noqa: E402


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that uses the browser fixtures (browser.py) is a browser test, whether or not it says so, so
    the quick loop (-m "not browser ...") never starts Chromium."""
    for item in items:
        if {"browser", "browser_page", "served_site"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """An empty project (two advisers, no stories) for a test to fill."""
    return Project(tmp_path)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The repository's own example content, built once with --strict on a fixed date."""
    project = Project(tmp_path_factory.mktemp("example"), example_content=True)
    build = project.build("--strict", env={"SOURCE_DATE_EPOCH": "1767225600"})  # 2026-01-01
    assert build.ok, build.output
    return build


@pytest.fixture(scope="session")
def nasty_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Hostile values in every field of stories, advisers and vacancies (nasty_content.py), built once."""
    from nasty_content import write_nasty_project

    project = Project(tmp_path_factory.mktemp("nasty"))
    write_nasty_project(project)
    build = project.build("--strict", env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert build.ok, build.output
    return build
