"""Relative links, checked against the slow but obviously right posixpath.relpath."""

from __future__ import annotations

import posixpath

import pytest

from sdg_stories.pages.links import relative_url

PAGES = ["", "sdg/", "sdg/11/", "stories/x/", "stories/page/2/", "advisers/a/page/3/"]
TARGETS = ["", "sdg/", "sdg/11/", "sdg/11/#target-11-7", "stories/", "stories/x/", "stories/y/",
           "stories/images/a.svg", "advisers/a/", "feed.xml", "sdg/11/feed.xml"]


def _reference(target: str, page: str) -> str:
    path, hash_mark, fragment = target.partition("#")
    relative = posixpath.relpath(path or ".", page.rstrip("/") or ".")
    if path.endswith("/") or not path:
        relative = relative.rstrip("/") + "/" if relative != "." else "./"
    return relative + hash_mark + fragment


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("target", TARGETS)
def test_relative_url_matches_relpath(target, page):
    assert relative_url(target, page) == _reference(target, page)


def test_a_file_name_never_reads_as_a_url_scheme():
    assert relative_url("stories/javascript:alert(1)", "stories/x/") == "../javascript:alert(1)"
    assert relative_url("javascript:alert(1)", "") == "./javascript:alert(1)"
