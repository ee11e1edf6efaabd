"""Link previews and search engines: meta description, canonical URL, OpenGraph, Twitter card, JSON-LD."""

from __future__ import annotations

import pytest

from project import Build, Project

HOSTILE_TITLE = 'Wijk </title></script><script>alert(1)</script> "aan" & <b>af</b>'
HOSTILE_SUMMARY = 'Samenvatting "><script>alert(2)</script> & </script>'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A story whose title and summary try to break out of every attribute, element and script."""
    project = Project(tmp_path_factory.mktemp("hostile"))
    project.story("2024-04-05-wijk.md", title=HOSTILE_TITLE, summary=HOSTILE_SUMMARY, slug="wijk")
    build = project.build("--strict")
    assert build.ok, build.output
    return build


def test_hostile_title_stays_text_in_title_and_meta_description(hostile_site: Build) -> None:
    html = hostile_site.html("stories/wijk/")
    assert "<script>alert" not in html
    soup = hostile_site.soup("stories/wijk/")
    assert soup.title.get_text().startswith(HOSTILE_TITLE + " - ")
    assert soup.select_one('meta[name="description"]')["content"] == HOSTILE_SUMMARY
