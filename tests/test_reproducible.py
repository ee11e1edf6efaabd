"""Reproducible: the same input and SOURCE_DATE_EPOCH give the same bytes, whatever the file system order.

Two builds of the example content (plus stories that tie on date) in two different folders; the second
is written in the opposite order, and each build runs with every directory listing (os.listdir,
os.scandir, so os.walk and glob too) forced into a different order: sorted, then reverse sorted; with
another PYTHONHASHSEED and in another time zone.

Known exception, Pagefind 1.5.2: it writes ``filter/*.pf_filter``, ``pagefind.*.pf_meta`` and
``pagefind-entry.json`` in hash-map order, which changes from run to run (fixed upstream after 1.5.2,
not released), and names those files by their content hash. For these three only, the decoded contents
are compared, as sorted sets (pagefind_bundle.py); every other file, in the bundle too, byte for byte.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pagefind_bundle import canonical
from project import ROOT, Build, Project

EPOCH = "1767225600"  # 2026-01-01
# Runs mkdocs with every directory listing in one fixed order, and says how many it reordered.
_ORDERED_MKDOCS = """\
import atexit, os, sys
REVERSE = os.environ["SDG_TEST_LISTING"] == "reverse"
_listdir, _scandir, _count = os.listdir, os.scandir, [0]

class _Listing:
    # what os.scandir returns: an iterator that is also a context manager
    def __init__(self, entries):
        self._entries = iter(entries)
    def __iter__(self):
        return self
    def __next__(self):
        return next(self._entries)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False
    def close(self):
        pass

def listdir(path="."):
    _count[0] += 1
    return sorted(_listdir(path), reverse=REVERSE)

def scandir(path="."):
    _count[0] += 1
    with _scandir(path) as entries:
        return _Listing(sorted(entries, key=lambda entry: entry.name, reverse=REVERSE))

os.listdir, os.scandir = listdir, scandir
atexit.register(lambda: print(f"reordered {_count[0]} directory listings", file=sys.stderr))
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", *sys.argv[1:]]
cli()
"""

# Stories that tie with an example story on date: the order between them must come from the content.
TIES = {
    "2024-09-09-b-tweede.md": "aaa-eerste-op-slug",
    "2024-09-09-a-eerste.md": "zzz-laatste-op-slug",
    "2024-09-09-c.md": None,
}


def _build(root: Path, listing: str) -> Build:
    project = Project(root)
    shutil.rmtree(project.stories)
    files = sorted(path for path in (ROOT / "stories").rglob("*") if path.is_file())
    for source in files if listing == "sorted" else reversed(files):  # created in this order
        target = project.stories / source.relative_to(ROOT / "stories")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    for name, slug in (TIES.items() if listing == "sorted" else reversed(TIES.items())):
        project.story(name, title=f"Gelijke datum {name}", date="2024-09-09", adviser="ineke-veldkamp",
                      goals=[4, 11], slug=slug)
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=EPOCH, SDG_TEST_LISTING=listing,
                       # Set iteration order and local time differ too: the build date is the same day
                       # in UTC, while it is 1 January in Kiritimati (UTC+14) and still 31 December in Honolulu.
                       PYTHONHASHSEED="1" if listing == "sorted" else "2",
                       TZ="Pacific/Kiritimati" if listing == "sorted" else "Pacific/Honolulu")
    result = subprocess.run([sys.executable, "-c", _ORDERED_MKDOCS, "build", "--strict", "-d", "site"],
                            cwd=root, capture_output=True, text=True, env=environment, timeout=600)
    return Build(result.returncode, result.stdout + result.stderr, root / "site")


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Build]:
    first = _build(tmp_path_factory.mktemp("first"), "sorted")
    second = _build(tmp_path_factory.mktemp("second-in-another-folder"), "reverse")
    for build in (first, second):
        assert build.ok, build.output
        assert "reordered 0 " not in build.output and "reordered " in build.output, build.output
    return first, second


def _files(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*")) if path.is_file()}


def test_the_same_files_are_published(builds: tuple[Build, Build]) -> None:
    first, second = builds
    assert sorted(_files(first.site)) == sorted(_files(second.site)) or _pagefind_only(first, second)
    for required in ("sitemap.xml", "sitemap.xml.gz", "feed.xml", "sdg/11/feed.xml", "stories.json", "vacancies.json",
                     "index.html", "stories/aaa-eerste-op-slug/index.html"):
        assert (first.site / required).is_file(), required


def _pagefind_only(first: Build, second: Build) -> bool:
    """File names may differ only inside the Pagefind bundle, where hashes name the unstable files."""
    differ = set(_files(first.site)) ^ set(_files(second.site))
    return all(name.startswith("pagefind/") for name in differ)


def test_every_file_outside_the_search_bundle_is_byte_identical(builds: tuple[Build, Build]) -> None:
    first, second = builds
    a, b = _files(first.site), _files(second.site)
    differ = [name for name in sorted(set(a) & set(b)) if not name.startswith("pagefind/") and a[name].read_bytes() != b[name].read_bytes()]
    assert not differ, differ


def test_the_search_bundle_is_identical_but_for_pagefinds_hash_map_order(builds: tuple[Build, Build]) -> None:
    first, second = builds
    bundles = [build.site / "pagefind" for build in builds]
    if not bundles[0].is_dir():
        assert not bundles[1].is_dir()
        pytest.skip("the build writes no Pagefind bundle (yet)")
    a, b = canonical(bundles[0]), canonical(bundles[1])
    assert sorted(a) == sorted(b)
    assert [name for name in sorted(a) if a[name] != b[name]] == []


def test_listings_break_ties_on_date_by_slug(builds: tuple[Build, Build]) -> None:
    first, _ = builds
    hrefs = [a["href"] for a in first.content("sdg/4/").select(".sdg-card__title a")]
    tied = [href for href in hrefs if "op-slug" in href or href.endswith("/c/")]
    assert tied == sorted(tied, reverse=True), hrefs  # newest first; on the same day, by slug, descending
