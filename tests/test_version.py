"""``sdg-stories --version`` names the stack the site is built on: the engines, the theme and Pagefind, with
their versions as installed, in the project's language, without importing MkDocs (stack.py)."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version

from project import Project
from test_cli import sdg_stories


def _installed(distribution: str) -> str | None:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return None


def test_the_version_names_engine_theme_and_pagefind_in_dutch(project: Project) -> None:
    result = sdg_stories(project.root, "--version")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"sdg-stories {version('sdg-stories')}"
    engines = ", ".join(f"{name} {found}" for name, found in (("MkDocs", _installed("mkdocs")),
                                                             ("ProperDocs", _installed("properdocs"))) if found)
    themes = ", ".join(f"{name} {found}" for name, found in (("Material for MkDocs", _installed("mkdocs-material")),
                                                            ("MaterialX", _installed("mkdocs-materialx"))) if found)
    assert lines[1:] == [f"sitebouwer: {engines}", f"thema: {themes}", f"zoeken: Pagefind {version('pagefind')}"]


def test_an_english_project_gets_it_in_english(project: Project) -> None:
    project.configure(theme__language="en")
    lines = sdg_stories(project.root, "--version").stdout.splitlines()
    assert [line.split(":")[0] for line in lines[1:]] == ["engine", "theme", "search"]
    assert lines[3] == f"search: Pagefind {version('pagefind')}"


def test_the_version_does_not_import_mkdocs() -> None:
    code = (
        "import sys\n"
        "from sdg_stories.cli.main import cli\n"
        "try:\n"
        "    cli.main(['--version'], prog_name='sdg-stories', standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "assert not [name for name in sys.modules if name.split('.')[0] in ('mkdocs', 'properdocs', 'material')], sorted(sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Pagefind" in done.stdout
