"""Atom feeds: ``feed.xml`` with every published story, ``sdg/<n>/feed.xml`` for each of the 17 goals.

Written with the package's own autoescaping Jinja environment and an XML template rather than a feed
library: the one maintained candidate (feedgen) pulls in lxml and dateutil and stamps ``updated`` with
the clock unless every value is overridden, and an Atom feed is twenty lines of XML. Autoescape makes
every writer's text safe; ``_xml_text`` only drops the few characters XML 1.0 cannot hold at all.

Deterministic: the feed's ``updated`` is its newest story's date, never the time of the build.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sdg_stories.pages.labels import LABELS
from sdg_stories.content.media_types import image_type
from sdg_stories.content.records import Story
from sdg_stories.pages.page import GeneratedPage
from sdg_stories.model.publication import Publication
from sdg_stories.pages.renderer import environment
from sdg_stories.model.site import Site

# The newest 50: a reader polling the feed needs what is new, and a feed stays a few dozen kilobytes
# whether the site has 50 stories or 5,000. The full list is in stories.json.
FEED_LIMIT = 50
# The category scheme: the goals and targets of the UN framework, not something of this site.
SDG_SCHEME = "https://sdgs.un.org/goals"

# Characters XML 1.0 forbids even as references; a YAML "\x0b" escape would otherwise break every reader.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Feed:
    url: str  # site-root relative: "feed.xml", "sdg/11/feed.xml"
    page_url: str  # the page the feed follows: "stories/", "sdg/11/"
    title: str
    subtitle: str
    stories: tuple[Story, ...]  # newest first, at most FEED_LIMIT


@dataclass(frozen=True)
class FeedLink:
    """A feed a page announces in its head with <link rel="alternate">."""

    title: str
    url: str  # absolute
    path: str = ""  # site-root relative: what the page links, relative to itself (previews.py)


def plan_feeds(site: Site, publication: Publication) -> list[Feed]:
    """The site feed first, then goals 1 to 17; a goal without stories still gets a (valid, empty) feed."""
    labels = LABELS[site.language]
    feeds = [
        Feed(
            url=site.FEED_URL,
            page_url=site.OVERVIEW_URL,
            title=publication.name,
            subtitle=publication.description or labels["overview_intro"],
            stories=_newest(site, site.stories),
        )
    ]
    for goal in site.framework.goals:
        feeds.append(
            Feed(
                url=site.goal_feed_url(goal.id),
                page_url=site.goal_url(goal.id),
                title=f"{labels['goal_page_title'].format(n=goal.id, short=goal.short[site.language])} · {publication.name}",
                subtitle=goal.title[site.language],
                stories=_newest(site, site.by_goal[goal.id]),
            )
        )
    return feeds


def generate_feeds(site: Site, publication: Publication) -> dict[str, bytes]:
    """Every feed as site-root relative path -> the bytes to publish."""
    newest = _newest(site, site.stories)
    # An empty goal feed last changed when the site did; a site without stories, on its build date.
    fallback = newest[0].date if newest else site.settings.build_date
    return {feed.url: _render_feed(feed, site, publication, fallback) for feed in plan_feeds(site, publication)}


def feed_links(site: Site, publication: Publication, page: GeneratedPage | None) -> list[FeedLink]:
    """The site feed on every page; on a goal page (any of its pages) also that goal's feed, first."""
    labels = LABELS[site.language]
    links = [FeedLink(f"{publication.name}: {labels['all_stories']}", publication.absolute(site.FEED_URL), site.FEED_URL)]
    if page is not None and page.kind == "goal":
        goal = page.context["goal"]
        title = labels["goal_page_title"].format(n=goal.id, short=goal.short[site.language])
        links.insert(0, FeedLink(f"{publication.name}: {title}", publication.absolute(site.goal_feed_url(goal.id)), site.goal_feed_url(goal.id)))
    return links


def _newest(site: Site, stories: list[Story] | tuple[Story, ...]) -> tuple[Story, ...]:
    # Site lists are newest first already; drafts and scheduled stories are filtered here too because
    # `mkdocs serve` shows them on pages, and a feed is never a preview.
    return tuple(story for story in stories if site.is_published(story))[:FEED_LIMIT]


def _timestamp(date: dt.date) -> str:
    # Stories carry a day, not a time; midnight UTC is the honest reading of "published that day".
    return f"{date.isoformat()}T00:00:00Z"


def _render_feed(feed: Feed, site: Site, publication: Publication, fallback: dt.date) -> bytes:
    xml = environment().get_template("feed.xml").render(
        feed=feed,
        lang=site.language,
        self_url=publication.absolute(feed.url),
        page_url=publication.absolute(feed.page_url),
        site_url=publication.url,
        name=_xml_text(publication.name),
        title=_xml_text(feed.title),
        subtitle=_xml_text(feed.subtitle),
        updated=_timestamp(feed.stories[0].date if feed.stories else fallback),
        entries=[_generate_entry(story, site, publication) for story in feed.stories],
    )
    return xml.encode("utf-8")


def _generate_entry(story: Story, site: Site, publication: Publication) -> dict[str, object]:
    labels = LABELS[site.language]
    adviser = site.adviser(story)
    categories = [
        {
            "term": f"SDG {goal.id}",
            "label": _xml_text(labels["goal_page_title"].format(n=goal.id, short=goal.short[site.language])),
        }
        for goal in site.goals_of(story)
    ] + [
        {
            "term": f"SDG {target.id}",
            "label": _xml_text(labels["target_text"].format(id=target.id, title=target.title[site.language])),
        }
        for target in site.targets_of(story)
    ]
    image = None
    if story.image:
        image = {
            "url": publication.absolute(site.asset_url(story.image)),
            "type": image_type(story.image),
            "alt": _xml_text(story.image_alt or ""),
        }
    return {
        "url": publication.absolute(site.story_url(story)),
        "title": _xml_text(story.title),
        "summary": _xml_text(story.summary),
        "lang": story.lang,
        "date": _timestamp(story.date),
        "author": _xml_text(adviser.name),
        "author_url": publication.absolute(site.adviser_url(adviser.key)),
        "categories": categories,
        "scheme": SDG_SCHEME,
        "image": image,
    }


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)
