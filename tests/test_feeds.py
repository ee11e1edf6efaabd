"""Atom feeds: the site feed and one per goal, read back with feedparser as a feed reader would."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import feedparser
import pytest

from example_content import SITE_URL, example_advisers, example_stories
from project import Build, Project

ATOM = "{http://www.w3.org/2005/Atom}"
FEED_LIMIT = 50
MANY = 55  # stories in the large project: more than a feed holds


def _feed(build: Build, path: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse((build.site / path).read_bytes())
    assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
    assert parsed.version == "atom10", path
    return parsed


def _all_feeds() -> list[str]:
    return ["feed.xml"] + [f"sdg/{n}/feed.xml" for n in range(1, 18)]


# The repository's example content

def test_every_feed_parses_as_atom_without_errors(example_site: Build) -> None:
    for path in _all_feeds():
        feed = _feed(example_site, path)
        assert feed.feed.id == SITE_URL + path
        assert {"rel": "self", "type": "application/atom+xml", "href": SITE_URL + path} in [
            dict(link) for link in feed.feed.links
        ]


def test_site_feed_lists_every_published_story_newest_first_without_drafts(example_site: Build) -> None:
    feed = _feed(example_site, "feed.xml")
    stories = example_stories()
    assert [entry.link for entry in feed.entries] == [story.url for story in stories]
    assert [entry.title for entry in feed.entries] == [story.title for story in stories]
    draft = next(story for story in example_stories(include_drafts=True) if story.draft)
    for path in _all_feeds():
        text = (example_site.site / path).read_text("utf-8")
        assert draft.slug not in text and draft.title not in text, path


def test_each_goal_feed_holds_the_stories_serving_that_goal_newest_first(example_site: Build) -> None:
    stories = example_stories()
    for goal in range(1, 18):
        feed = _feed(example_site, f"sdg/{goal}/feed.xml")
        expected = [story.url for story in stories if goal in story.goals]
        assert [entry.link for entry in feed.entries] == expected, goal
        assert feed.feed.link == f"{SITE_URL}sdg/{goal}/"
    # Goal 1 is served only by the draft: its feed is empty, and still a valid feed.
    assert _feed(example_site, "sdg/1/feed.xml").entries == []
    assert _feed(example_site, "sdg/11/feed.xml").entries


def test_feed_updated_is_the_newest_story_date_not_the_build_time(example_site: Build) -> None:
    newest = example_stories()[0].date
    assert _feed(example_site, "feed.xml").feed.updated == f"{newest.isoformat()}T00:00:00Z"
    goal_11 = [story for story in example_stories() if 11 in story.goals]
    assert _feed(example_site, "sdg/11/feed.xml").feed.updated == f"{goal_11[0].date.isoformat()}T00:00:00Z"
    # An empty goal feed says the site last changed with its newest story.
    assert _feed(example_site, "sdg/1/feed.xml").feed.updated == f"{newest.isoformat()}T00:00:00Z"


def test_entries_carry_summary_author_categories_date_and_image(example_site: Build) -> None:
    entries = {entry.link: entry for entry in _feed(example_site, "feed.xml").entries}
    advisers = example_advisers()
    for story in example_stories():
        entry = entries[story.url]
        assert entry.id == story.url
        assert " ".join(entry.summary.split()) == story.summary
        assert entry.summary_detail.type == "text/plain"
        assert entry.author_detail.name == advisers[story.adviser]["name"]
        assert entry.author_detail.href == f"{SITE_URL}advisers/{story.adviser}/"
        assert entry.published == entry.updated == f"{story.date.isoformat()}T00:00:00Z"
        terms = {tag.term: tag for tag in entry.tags}
        assert set(terms) == {f"SDG {goal}" for goal in story.goals} | {f"SDG {target}" for target in story.targets}
        assert all(tag.label and tag.scheme == "https://sdgs.un.org/goals" for tag in entry.tags)
        if story.image:
            image = f"{SITE_URL}stories/{story.image}"
            assert [dict(enclosure) for enclosure in entry.enclosures] == [{"type": "image/svg+xml", "href": image}]
            assert entry.media_content[0]["url"] == image
            assert (example_site.site / "stories" / story.image).is_file()
        else:
            assert not entry.enclosures and "media_content" not in entry
    labels = {tag.term: tag.label for tag in entries[SITE_URL + "stories/veilig-winkelcentrum/"].tags}
    assert labels["SDG 11"] == "Doel 11: Duurzame steden en gemeenschappen"
    assert labels["SDG 11.7"].startswith("Subdoel 11.7: ")


def test_english_story_entry_is_marked_english(example_site: Build) -> None:
    root = ET.parse(example_site.site / "feed.xml").getroot()
    langs = {
        entry.find(f"{ATOM}id").text: entry.get("{http://www.w3.org/XML/1998/namespace}lang")
        for entry in root.iter(f"{ATOM}entry")
    }
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    for story in example_stories():
        assert langs[story.url] == story.lang


def test_pages_link_the_site_feed_and_goal_pages_their_own_feed(example_site: Build) -> None:
    # Relative: Material's script fetches a sitemap.xml beside every <link rel="alternate">, so an absolute
    # link made every local preview ask the production server.
    for url, href in (("", "feed.xml"), ("stories/", "../feed.xml"), ("stories/veilig-winkelcentrum/", "../../feed.xml"),
                      ("advisers/dirk-blokhuis/", "../../feed.xml"), ("verhaal-schrijven/", "../feed.xml")):
        links = example_site.soup(url).select('head link[rel="alternate"][type="application/atom+xml"]')
        assert [link["href"] for link in links] == [href], url
    soup = example_site.soup("sdg/11/")
    hrefs = [link["href"] for link in soup.select('head link[rel="alternate"][type="application/atom+xml"]')]
    assert hrefs == ["feed.xml", "../../feed.xml"]
    assert not example_site.soup("404.html").select('head link[rel="alternate"]')
    for goal in (1, 11):
        subscribe = example_site.content(f"sdg/{goal}/").select_one("a[type='application/atom+xml']")
        assert subscribe is not None and subscribe["href"] == "feed.xml"
        assert f"doel {goal}" in subscribe.get_text()
        assert (example_site.site / f"sdg/{goal}/feed.xml").is_file()


# A site with more stories than a feed holds, built three times

@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Build, Build]:
    """55 stories (every one serves goal 11, every fifth also goal 17), built on two dates."""
    project = Project(tmp_path_factory.mktemp("many"))
    start = dt.date(2020, 1, 1)
    for n in range(MANY):
        goals = [11, 17] if n % 5 == 0 else [11]
        date = start + dt.timedelta(days=7 * n)
        project.story(f"{date.isoformat()}-verhaal-{n}.md", title=f"Verhaal {n}", date=date.isoformat(), goals=goals)
    first = project.build("--strict", env={"SOURCE_DATE_EPOCH": "1767225600"}, site="site-a")
    again = project.build("--strict", env={"SOURCE_DATE_EPOCH": "1767225600"}, site="site-b")
    later = project.build("--strict", env={"SOURCE_DATE_EPOCH": "1798761600"}, site="site-c")  # 2027-01-01
    for build in (first, again, later):
        assert build.ok, build.output
    return first, again, later


def test_feeds_hold_the_50_newest_stories(many: tuple[Build, Build, Build]) -> None:
    build = many[0]
    site_feed = _feed(build, "feed.xml")
    assert len(site_feed.entries) == FEED_LIMIT
    assert [entry.title for entry in site_feed.entries] == [f"Verhaal {n}" for n in range(MANY - 1, MANY - 1 - FEED_LIMIT, -1)]
    assert len(_feed(build, "sdg/11/feed.xml").entries) == FEED_LIMIT
    goal_17 = _feed(build, "sdg/17/feed.xml")
    assert [entry.title for entry in goal_17.entries] == [f"Verhaal {n}" for n in range(50, -1, -5)]


def test_same_content_and_build_date_give_the_same_bytes(many: tuple[Build, Build, Build]) -> None:
    first, again, later = many
    published = _all_feeds() + ["stories.json", "stories.schema.json", "vacancies.json", "vacancies.schema.json"]
    for path in published:
        assert (first.site / path).read_bytes() == (again.site / path).read_bytes(), path
    # The feeds and stories.json do not even depend on the build date: nothing in them is "now".
    for path in _all_feeds() + ["stories.json"]:
        assert (first.site / path).read_bytes() == (later.site / path).read_bytes(), path


def test_a_site_without_stories_still_has_valid_empty_feeds_dated_by_the_build(project: Project) -> None:
    build = project.build("--strict", env={"SOURCE_DATE_EPOCH": "1767225600"})  # 2026-01-01
    assert build.ok, build.output
    for path in _all_feeds():
        feed = _feed(build, path)
        assert feed.entries == []
        assert feed.feed.updated == "2026-01-01T00:00:00Z", path
