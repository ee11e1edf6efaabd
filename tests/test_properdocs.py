"""ProperDocs, the maintained fork of MkDocs 1.6, builds the same site as MkDocs.

Material reaches end of life in May 2027 and MkDocs 1.x is no longer maintained; ProperDocs keeps hooks
and ``File.generated`` and redirects ``mkdocs.*`` imports to itself, so the hooks run unchanged. The two
builds of the example content must publish the same files with the same bytes, apart from the generator
tag each engine writes into every page and Pagefind's hash-map order (pagefind_bundle.py).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pagefind_bundle import canonical
from project import Project

EPOCH = "1767225600"  # 2026-01-01
_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _build(project: Project, engine: str, site: str) -> Path:
    environment = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    done = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", "mkdocs.yml", "-d", site],
        cwd=project.root, capture_output=True, text=True, env=environment, timeout=600,
    )
    assert done.returncode == 0, f"{engine} build failed:\n{done.stdout}{done.stderr}"
    return project.root / site


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    project = Project(tmp_path_factory.mktemp("engines"), example_content=True)
    return _build(project, "mkdocs", "site-mkdocs"), _build(project, "properdocs", "site-properdocs")


def _files(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in site.rglob("*") if path.is_file()}


def test_properdocs_writes_the_same_pages_as_mkdocs(sites: tuple[Path, Path]) -> None:
    mkdocs, properdocs = sites
    outside = {name: path for name, path in _files(mkdocs).items() if not name.startswith("pagefind/")}
    theirs = {name: path for name, path in _files(properdocs).items() if not name.startswith("pagefind/")}
    assert outside.keys() == theirs.keys()
    assert len([name for name in outside if name.endswith(".html")]) > 40
    generators = set()
    differ = []
    for name, path in outside.items():
        ours, other = path.read_bytes(), theirs[name].read_bytes()
        if name.endswith(".html"):
            generators |= set(_GENERATOR.findall(other))
            ours, other = _GENERATOR.sub(b"", ours), _GENERATOR.sub(b"", other)
        if ours != other:
            differ.append(name)
    assert differ == []
    assert generators and all(b"ProperDocs" in tag for tag in generators)  # really built by the fork


def test_properdocs_writes_the_same_search_index(sites: tuple[Path, Path]) -> None:
    mkdocs, properdocs = sites
    assert canonical(mkdocs / "pagefind") == canonical(properdocs / "pagefind")
