"""The core without MkDocs: content to site model to page HTML, in this process, in milliseconds.

These tests run the same code the build runs (SiteBuild, the page generators, the renderer) on the
example content, and read the HTML a page's template makes around a body, as MkDocs would hand it over.
They are the quick way to see what a change to the model or a template does; the real builds are tested
elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sdg_stories.content.problems import ContentError
from sdg_stories.model.settings import Settings
from sdg_stories.pages.build import SiteBuild

from project import Project

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def build() -> SiteBuild:
    return SiteBuild(ROOT, Settings(language="nl", site_url="https://verhalen.example.nl/"))


def _page(build: SiteBuild, url: str) -> BeautifulSoup:
    page = next(page for page in build.pages if page.url == url)
    return BeautifulSoup(build.renderer.render_page(page, "<p>De tekst van het verhaal.</p>"), "html.parser")


def test_every_published_story_gets_a_page_and_no_draft_does(build: SiteBuild) -> None:
    stories = {page.url for page in build.pages if page.kind == "story"}
    published = {f"stories/{story.slug}/" for story in build.content.stories if not story.draft}
    assert stories == published and len(stories) >= 9
    assert not any(story.draft for story in build.site.stories)


def test_a_story_page_has_title_adviser_goals_targets_and_body(build: SiteBuild) -> None:
    story = next(story for story in build.site.stories if story.targets)
    soup = _page(build, f"stories/{story.slug}/")
    article = soup.select_one("article.sdg-story")
    assert article is not None
    text = article.get_text(" ")
    assert story.title in text
    assert build.site.adviser(story).name in text
    assert "De tekst van het verhaal." in text
    for goal in build.site.goals_of(story):
        assert soup.select_one(f'a[href="../../sdg/{goal.id}/"]'), goal.id
    for target in story.targets:
        assert target in text


def test_links_are_relative_to_the_page_they_are_on(build: SiteBuild) -> None:
    hrefs = [a["href"] for a in _page(build, "sdg/11/").select("a[href]")]
    assert hrefs and not [href for href in hrefs if href.startswith("/") or "\x00" in href]
    assert any(href.startswith("../../stories/") for href in hrefs)


def test_related_stories_share_a_goal_with_the_story(build: SiteBuild) -> None:
    with_neighbours = 0
    for story in build.site.stories:
        related = build.site.related(story)
        sharing = [other for other in build.site.stories if other is not story and set(other.goals) & set(story.goals)]
        assert bool(related) == bool(sharing), story.slug
        assert all(set(other.goals) & set(story.goals) for other in related), story.slug
        assert story not in related
        with_neighbours += bool(related)
    assert with_neighbours >= 5  # the example content has stories to relate


def test_invalid_content_is_refused_with_every_problem(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.story("2024-01-01-a.md", title="A", goals=[18])
    project.story("2024-01-02-b.md", title="B", goals=[11], adviser="niemand")
    with pytest.raises(ContentError) as refused:
        SiteBuild(project.root, Settings())
    report = refused.value.report()
    assert "2024-01-01-a.md" in report and "2024-01-02-b.md" in report
