"""Nothing lost: a failing build leaves the previous site/ as it was, and no build or command changes a file
under stories/ or docs/.

Each failure kind the writer, recruiter or maintainer can cause gets its own build over a site/ that
holds a previous build, since each fails at a different moment of MkDocs' build (before it cleans site/,
while it adds files, while it renders pages, at the end under --strict).
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from project import Build, Project

EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01

# failure kind: (what to do to a working project, what the build must say)
FAILURES = {
    "an invalid story": (lambda p: p.story("2024-01-01-x.md", date="2024-02-30"), "bestaat niet in de kalender"),
    "an invalid vacancies.yml": (
        lambda p: p.write("stories/vacancies.yml", "- id: x\n  title: X\n  url: javascript:alert(1)\n  goals: [11]\n"),
        "moet een volledig webadres zijn",
    ),
    "an invalid advisers.yml": (lambda p: p.write("stories/advisers.yml", "anna-de-vries: [een, lijst]\n"), "advisers.yml"),
    "a bad option in mkdocs.yml": (lambda p: p.configure(page_size="veel"), "page_size"),
    "no stories folder": (lambda p: p.write("mkdocs.yml", (p.root / "mkdocs.yml").read_text().replace("stories_dir: stories", "stories_dir: verhalen")), "de map met verhalen bestaat niet"),
    "a hand-written page where a generated one goes": (lambda p: p.write("docs/sdg/index.md", "# Doelen\n"), "botst met de pagina die de build maakt"),
    "an unknown block in a hand-written page": (lambda p: p.write("docs/extra.md", "# Extra\n\n<!-- sdg-stories:onbekend -->\n"), "onbekend blok 'onbekend'"),
    # A vacancy that closed is no reason to fail (model/findings.py); a story file named against the guide is.
    "a story file name with spaces under --strict": (
        lambda p: p.story("Mijn verhaal.md", date="2024-01-02"),
        "met --strict; de site is niet vervangen",
    ),
    "a broken link in a hand-written page under --strict": (lambda p: p.write("docs/extra.md", "# Extra\n\n[weg](bestaat-niet.md)\n"), "waarschuwingen met --strict; de site is niet vervangen"),
}


def _tree(root: Path) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, dict[str, str]]:
    """One good build whose site/ every failing build below must leave as it is."""
    project = Project(tmp_path_factory.mktemp("previous"))
    project.story("2024-01-01-goed.md", title="Goed verhaal")
    build = project.build("--strict", env=EPOCH)
    assert build.ok, build.output
    (build.site / ".git").mkdir()  # a dot folder, as gh-pages deployments keep in site/
    (build.site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    return project, _tree(build.site)


@pytest.mark.parametrize("kind", list(FAILURES))
def test_a_failing_build_leaves_the_previous_site_as_it_was(kind: str, previous, tmp_path: Path) -> None:
    good, site = previous
    project = Project(tmp_path)
    project.story("2024-01-01-goed.md", title="Goed verhaal")
    (project.root / "site").mkdir()
    subprocess.run(["cp", "-a", f"{good.root}/site/.", str(project.root / "site")], check=True)
    breaks, message = FAILURES[kind]
    breaks(project)
    build = project.build("--strict", env=EPOCH)
    assert not build.ok, build.output
    assert message in build.output, build.output
    assert "Traceback" not in build.output, build.output
    assert _tree(project.root / "site") == site
    assert not [path for path in project.root.iterdir() if path.name.startswith(".site")], "staging left behind"


def test_a_good_build_replaces_the_site_and_keeps_dot_folders(previous, tmp_path: Path) -> None:
    good, site = previous
    project = Project(tmp_path)
    project.story("2024-01-01-goed.md", title="Goed verhaal")
    project.story("2024-01-03-nieuw.md", title="Nieuw verhaal")
    (project.root / "site").mkdir()
    subprocess.run(["cp", "-a", f"{good.root}/site/.", str(project.root / "site")], check=True)
    (project.root / "site" / "oud.html").write_text("a page of an earlier build, gone from this one")
    build = project.build("--strict", env=EPOCH)
    assert build.ok, build.output
    assert build.exists("stories/nieuw/") and not (build.site / "oud.html").exists()
    assert (build.site / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert not [path for path in project.root.iterdir() if path.name.startswith(".site")], "staging left behind"


# No build or command changes the content or the hand-written pages

@pytest.fixture(scope="module")
def content_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return Project(tmp_path_factory.mktemp("untouched"), example_content=True)


def _content_trees(project: Project) -> dict[str, dict[str, str]]:
    return {"stories": _tree(project.stories), "docs": _tree(project.root / "docs")}


def test_build_and_the_cli_leave_stories_and_docs_alone(content_project: Project) -> None:
    before = _content_trees(content_project)
    assert len(before["stories"]) > 10 and len(before["docs"]) > 3
    assert content_project.build("--strict", env=EPOCH).ok
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **EPOCH)
    for command in (["check"], ["check", "--format", "json"], ["goals"], ["goals", "veilig"], ["goals", "11"],
                    ["vacancies"], ["vacancies", "--format", "json"]):
        result = subprocess.run([sys.executable, "-m", "sdg_stories.cli.main", *command], cwd=content_project.root,
                                capture_output=True, text=True, env=environment, stdin=subprocess.DEVNULL, timeout=120)
        assert result.returncode == 0, (command, result.stdout, result.stderr)
    assert _content_trees(content_project) == before


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.serve
def test_mkdocs_serve_and_its_rebuilds_leave_stories_and_docs_alone(content_project: Project) -> None:
    before = _content_trees(content_project)
    port = _free_port()
    log = content_project.root / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=content_project.root,
            stdout=output, stderr=subprocess.STDOUT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), start_new_session=True,
        )
    try:
        page = _wait_for(f"http://127.0.0.1:{port}/stories/energiearmoede/", log)  # a draft: serve shows it
        assert "sdg-story" in page
        builds = _count_builds(log)
        time.sleep(1.1)  # a modification time the watcher can tell from the last one
        os.utime(content_project.stories / "advisers.yml")  # touched, not changed: a rebuild, same content
        deadline = time.monotonic() + 60
        while _count_builds(log) == builds and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _count_builds(log) > builds, log.read_text()
        _wait_for(f"http://127.0.0.1:{port}/stories/energiearmoede/", log)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert "Traceback" not in log.read_text(), log.read_text()
    assert _content_trees(content_project) == before


def _count_builds(log: Path) -> int:
    return len(re.findall(r"Documentation built in", log.read_text()))


def _wait_for(url: str, log: Path) -> str:
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise AssertionError(f"{url} never answered:\n{log.read_text()}")
            time.sleep(0.3)


def test_the_builds_own_output_never_lands_in_docs(content_project: Project, tmp_path: Path) -> None:
    """A site_dir given inside the project still leaves docs/ and stories/ as they were."""
    before = _content_trees(content_project)
    build: Build = content_project.build("--strict", env=EPOCH, site="public")
    assert build.ok, build.output
    assert _content_trees(content_project) == before
