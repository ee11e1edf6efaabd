"""Link previews and search engines: meta description, canonical URL, OpenGraph, Twitter card, JSON-LD, sitemap."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

import feedparser
import pytest
from bs4 import BeautifulSoup

from example_content import ROOT, SITE_URL, example_advisers, example_stories
from project import Build, Project

HOSTILE_TITLE = 'Wijk </title></script><script>alert(1)</script> "aan" & <b>af</b>'
HOSTILE_SUMMARY = 'Samenvatting "><script>alert(2)</script> & </script><!-- einde'
DEFAULT_IMAGE = SITE_URL + "assets/images/sdg-stories-preview.png"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def preview_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A hostile title and summary, a PNG image, an English story, and pages of two stories."""
    project = Project(tmp_path_factory.mktemp("previews"))
    project.configure(page_size=2)
    project.story("2024-04-05-wijk.md", title=HOSTILE_TITLE, summary=HOSTILE_SUMMARY, slug="wijk")
    (project.stories / "images").mkdir()
    shutil.copy(ROOT / "docs/assets/images/sdg-stories-preview.png", project.stories / "images/foto.png")
    project.story("2024-03-01-foto.md", title="Met foto", image="images/foto.png", image_alt="Een plein met bomen")
    project.story("2024-02-01-english.md", title="In English", lang="en", goals=[13], adviser="bram-jansen")
    project.story("2024-01-01-een.md", title="Een")
    project.story("2023-12-01-twee.md", title="Twee")
    build = project.build("--strict")
    assert build.ok, build.output
    return build


def _meta(soup: BeautifulSoup, key: str) -> str | None:
    tag = soup.select_one(f'meta[property="{key}"]') or soup.select_one(f'meta[name="{key}"]')
    return tag["content"] if tag else None


def _json_ld(soup: BeautifulSoup) -> dict | None:
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) <= 1
    return json.loads(scripts[0].string) if scripts else None


def _pages(build: Build) -> list[str]:
    """Every HTML page of a built site as its URL, 404 aside, and the web editor (admin/: noindex, for
    writers, never shared or listed; test_editor.py checks it)."""
    return sorted(
        "" if path.parent == build.site else path.parent.relative_to(build.site).as_posix() + "/"
        for path in build.site.rglob("index.html")
        if path.parent.relative_to(build.site).parts[:1] != ("admin",)
    )


def _sitemap(build: Build) -> list[str]:
    root = ET.parse(build.site / "sitemap.xml").getroot()
    return [loc.text for loc in root.iter(f"{SITEMAP}loc")]


# Every page of the example site

def test_every_page_has_description_canonical_opengraph_and_twitter_tags(example_site: Build) -> None:
    pages = _pages(example_site)
    assert len(pages) > 30
    for url in pages:
        soup = example_site.soup(url)
        canonical = SITE_URL + url
        assert _meta(soup, "description"), url
        assert soup.select_one('link[rel="canonical"]')["href"] == canonical, url
        assert _meta(soup, "og:url") == canonical, url
        assert _meta(soup, "og:title") and _meta(soup, "og:description"), url
        assert _meta(soup, "og:site_name") == "Verhalen over de SDG's"
        assert _meta(soup, "og:locale") in ("nl_NL", "en_GB"), url
        image = _meta(soup, "og:image")
        assert image.startswith(SITE_URL) and (example_site.site / image.removeprefix(SITE_URL)).is_file(), url
        assert _meta(soup, "og:image:alt"), url
        assert _meta(soup, "twitter:card") == "summary_large_image"
        assert _meta(soup, "twitter:image") == image
        assert _meta(soup, "twitter:title") == _meta(soup, "og:title")
        is_story = url.startswith("stories/") and url.count("/") == 2 and not url.startswith("stories/page/")
        assert _meta(soup, "og:type") == ("article" if is_story else "website"), url
        assert (_json_ld(soup) is not None) == is_story, url


def test_story_pages_describe_themselves_with_their_own_summary_language_and_date(example_site: Build) -> None:
    for story in example_stories():
        soup = example_site.soup(f"stories/{story.slug}/")
        assert _meta(soup, "description") == story.summary
        assert _meta(soup, "og:description") == story.summary
        assert _meta(soup, "og:title") == story.title
        assert _meta(soup, "og:locale") == {"nl": "nl_NL", "en": "en_GB"}[story.lang]
        assert _meta(soup, "article:published_time") == story.date.isoformat()
        # The story's own social card (test_social_cards.py); the example images are SVG, which LinkedIn,
        # Facebook and X do not show.
        assert _meta(soup, "og:image") == f"{SITE_URL}stories/{story.slug}/social-card.png"
        assert _meta(soup, "og:image:width") == "1200" and _meta(soup, "og:image:height") == "630"
    home = example_site.soup("")
    assert _meta(home, "og:title") == "Verhalen over de duurzame ontwikkelingsdoelen"  # not the nav's "Home"
    assert _meta(example_site.soup("sdg/11/"), "og:title") == "Doel 11: Duurzame steden en gemeenschappen"


def test_story_pages_carry_article_json_ld(example_site: Build) -> None:
    advisers = example_advisers()
    for story in example_stories():
        data = _json_ld(example_site.soup(f"stories/{story.slug}/"))
        assert data["@context"] == "https://schema.org" and data["@type"] == "Article"
        assert data["headline"] == story.title
        assert data["description"] == story.summary
        assert data["datePublished"] == story.date.isoformat()
        assert data["inLanguage"] == story.lang
        assert data["url"] == data["mainEntityOfPage"] == story.url
        adviser = advisers[story.adviser]
        assert data["author"] == {
            "@type": "Person", "name": adviser["name"], "jobTitle": adviser["role"],
            "url": f"{SITE_URL}advisers/{story.adviser}/",
        }
        card = f"{SITE_URL}stories/{story.slug}/social-card.png"
        assert data["image"] == ([card, f"{SITE_URL}stories/{story.image}"] if story.image else [card])
        about = data["about"]
        assert [thing["url"] for thing in about] == [f"{SITE_URL}sdg/{goal}/" for goal in sorted(story.goals)]
        for thing, goal in zip(about, sorted(story.goals)):
            assert thing["@type"] == "Thing"
            assert thing["name"].startswith(f"Doel {goal}: ")
            assert thing["sameAs"] == f"https://sdgs.un.org/goals/goal{goal}"


def test_sitemap_lists_every_page_and_no_draft(example_site: Build) -> None:
    sitemap = _sitemap(example_site)
    assert sorted(sitemap) == sorted(SITE_URL + url for url in _pages(example_site))
    assert len(sitemap) == len(set(sitemap))
    for goal in range(1, 18):
        assert f"{SITE_URL}sdg/{goal}/" in sitemap
    for story in example_stories():
        assert story.url in sitemap
    for key in example_advisers():
        assert f"{SITE_URL}advisers/{key}/" in sitemap
    for url in ("", "stories/", "sdg/", "advisers/", "open-data/"):
        assert SITE_URL + url in sitemap
    draft = next(story for story in example_stories(include_drafts=True) if story.draft)
    assert draft.url not in sitemap


# Hostile text, a PNG image, an English story, pagination

def test_hostile_title_stays_text_in_title_and_meta_tags(preview_site: Build) -> None:
    html = preview_site.html("stories/wijk/")
    assert "<script>alert" not in html and "<b>af" not in html
    soup = preview_site.soup("stories/wijk/")
    assert soup.title.get_text().startswith(HOSTILE_TITLE + " - ")
    assert _meta(soup, "description") == HOSTILE_SUMMARY
    for key in ("og:title", "twitter:title"):
        assert _meta(soup, key) == HOSTILE_TITLE
    for key in ("og:description", "twitter:description"):
        assert _meta(soup, key) == HOSTILE_SUMMARY
    # Only the theme's own scripts and the JSON-LD: none came from the title or summary.
    assert not [script for script in soup.find_all("script") if "alert" in (script.string or "") and script.get("type") != "application/ld+json"]


def test_hostile_title_cannot_break_out_of_json_ld(preview_site: Build) -> None:
    soup = preview_site.soup("stories/wijk/")
    script = soup.select_one('script[type="application/ld+json"]')
    assert "<" not in script.string and ">" not in script.string and "&" not in script.string
    data = json.loads(script.string)
    assert data["headline"] == HOSTILE_TITLE
    assert data["description"] == HOSTILE_SUMMARY


def test_hostile_title_in_feed_and_open_data(preview_site: Build) -> None:
    feed = feedparser.parse((preview_site.site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    entry = next(entry for entry in feed.entries if entry.link == SITE_URL + "stories/wijk/")
    assert entry.title == HOSTILE_TITLE and entry.summary == HOSTILE_SUMMARY
    stories = json.loads((preview_site.site / "stories.json").read_text("utf-8"))["stories"]
    assert next(s for s in stories if s["slug"] == "wijk")["title"] == HOSTILE_TITLE


def test_png_story_image_is_listed_beside_the_card(preview_site: Build) -> None:
    soup = preview_site.soup("stories/foto/")
    image = SITE_URL + "stories/images/foto.png"
    card = SITE_URL + "stories/foto/social-card.png"
    assert _meta(soup, "og:image") == _meta(soup, "twitter:image") == card
    assert _meta(soup, "og:image:type") == "image/png"
    assert _meta(soup, "og:image:alt") == _meta(soup, "twitter:image:alt")
    assert _meta(soup, "og:image:alt").startswith("Met foto: een verhaal van Anna de Vries")
    assert _json_ld(soup)["image"] == [card, image]
    assert (preview_site.site / "stories/images/foto.png").is_file()


def test_english_story_on_a_dutch_site(preview_site: Build) -> None:
    soup = preview_site.soup("stories/english/")
    assert _meta(soup, "og:locale") == "en_GB"
    assert _json_ld(soup)["inLanguage"] == "en"
    assert _meta(preview_site.soup("stories/wijk/"), "og:locale") == "nl_NL"


def test_sitemap_lists_paginated_pages(preview_site: Build) -> None:
    sitemap = _sitemap(preview_site)
    for url in ("stories/page/2/", "stories/page/3/", "sdg/11/page/2/"):
        assert preview_site.exists(url) and SITE_URL + url in sitemap, url
    assert sorted(sitemap) == sorted(SITE_URL + url for url in _pages(preview_site))
