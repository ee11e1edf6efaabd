"""Link previews and search engines: OpenGraph and Twitter card tags, feed links and JSON-LD for a page's head.

Material already writes the meta description (page.meta.description, else site_description) and the
canonical link (from site_url); this module adds what it does not. The tags are rendered by the
package's autoescaping environment into one ``Markup`` string, which the theme override prints as is:
MkDocs' own template environment does not autoescape, so nothing a writer typed may reach it raw.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from markupsafe import Markup

from sdg_stories.outputs.feeds import FeedLink, feed_links
from sdg_stories.pages.labels import LABELS
from sdg_stories.pages.links import relative_url
from sdg_stories.content.media_types import PREVIEW_IMAGE_TYPES, image_type
from sdg_stories.content.records import Story
from sdg_stories.pages.page import GeneratedPage
from sdg_stories.model.publication import Publication
from sdg_stories.pages.renderer import environment
from sdg_stories.model.site import Site
from sdg_stories.outputs.social_cards import SIZE, Card

LOCALES = {"nl": "nl_NL", "en": "en_GB"}
# Shipped in docs/assets/images/: the 17 goal colours, 1200 x 630, the size every network crops to.
DEFAULT_IMAGE = "assets/images/sdg-stories-preview.png"
DEFAULT_IMAGE_SIZE = (1200, 630)
# The UN's own page for each goal, so search engines can tie "Doel 11" to the same thing in any language.
UN_GOAL_URL = "https://sdgs.un.org/goals/goal{n}"

# json.dumps leaves these as they are; inside <script> a "</script>" in a title would end the element.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


@dataclass(frozen=True)
class PreviewImage:
    url: str  # absolute
    alt: str
    type: str | None = None
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True)
class Preview:
    """What a page tells link previews, feed readers and search engines about itself."""

    site_name: str
    title: str
    description: str
    url: str  # absolute, the same address as Material's canonical link
    locale: str
    image: PreviewImage
    type: str = "website"  # "article" for stories
    published: dt.date | None = None
    feeds: tuple[FeedLink, ...] = ()
    json_ld: dict | None = field(default=None, compare=False)
    path: str = ""  # the page, site-root relative ("sdg/11/")

    def feed_href(self, feed: FeedLink) -> str:
        """Relative, not the production address: Material's script fetches a sitemap.xml beside every
        <link rel="alternate"> (it looks for language versions), so an absolute feed link made every local
        preview ask the production server. Feed readers resolve a relative link against the page."""
        return relative_url(feed.path, self.path)


def preview_for_generated(site: Site, publication: Publication, page: GeneratedPage, card: Card | None = None) -> Preview:
    """``card``: the page's own social card (a story's, a goal's), shown in link previews in place of
    the site's picture."""
    story: Story | None = page.context.get("story") if page.kind == "story" else None
    lang = page.lang or site.language
    return Preview(
        site_name=publication.name,
        title=page.title,
        description=page.description or publication.description or page.title,
        url=publication.absolute(page.url),
        locale=LOCALES[lang],
        image=_card_image(publication, card) if card else _resolve_image(site, publication, story),
        type="article" if story else "website",
        published=story.date if story else None,
        feeds=tuple(feed_links(site, publication, page)),
        json_ld=story_json_ld(site, publication, story, card) if story else None,
        path=page.url,
    )


def preview_for_page(site: Site, publication: Publication, url: str, title: str, description: str | None,
                     card: Card | None = None) -> Preview:
    """A hand-written page (home, writer's guide): its own title and description; the home page's card
    (``card``), else the site's image."""
    return Preview(
        site_name=publication.name,
        title=title,
        description=description or publication.description or title,
        url=publication.absolute(url),
        locale=LOCALES[site.language],
        image=_card_image(publication, card) if card else _resolve_image(site, publication, None),
        # Not on the 404 page: it is served at any missing address, where a relative link means nothing.
        feeds=() if url.endswith(".html") else tuple(feed_links(site, publication, None)),
        path=url,
    )


def render_preview(preview: Preview) -> Markup:
    """The head tags; the result is safe to print unescaped in the theme."""
    json_ld = Markup(json.dumps(preview.json_ld, ensure_ascii=False).translate(_SCRIPT_SAFE)) if preview.json_ld else None
    return Markup(environment().get_template("head.html").render(preview=preview, json_ld=json_ld))


def story_json_ld(site: Site, publication: Publication, story: Story, card: Card | None = None) -> dict:
    """schema.org Article: what Google, Bing and LinkedIn read for a story's headline, author and topics."""
    labels = LABELS[site.language]
    adviser = site.adviser(story)
    url = publication.absolute(site.story_url(story))
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": story.title,
        "description": story.summary,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": story.date.isoformat(),
        "inLanguage": story.lang,
        "author": {
            "@type": "Person",
            "name": adviser.name,
            "jobTitle": adviser.role,
            "url": publication.absolute(site.adviser_url(adviser.key)),
        },
        "image": _json_ld_images(site, publication, story, card),
        "about": [
            {
                "@type": "Thing",
                "name": labels["goal_page_title"].format(n=goal.id, short=goal.short[site.language]),
                "url": publication.absolute(site.goal_url(goal.id)),
                "sameAs": UN_GOAL_URL.format(n=goal.id),
            }
            for goal in site.goals_of(story)
        ],
        "isPartOf": {"@type": "WebSite", "name": publication.name, "url": publication.url},
    }
    return data


def _json_ld_images(site: Site, publication: Publication, story: Story, card: Card | None) -> str | list[str]:
    # Search engines take any image format here, SVG included; link previews do not (see _resolve_image).
    image = publication.absolute(site.asset_url(story.image)) if story.image else None
    if card is None:
        return image or publication.absolute(DEFAULT_IMAGE)
    return [publication.absolute(card.url), image] if image else [publication.absolute(card.url)]


def _card_image(publication: Publication, card: Card) -> PreviewImage:
    width, height = SIZE
    return PreviewImage(url=publication.absolute(card.url), alt=card.alt, type="image/png", width=width, height=height)


def _resolve_image(site: Site, publication: Publication, story: Story | None) -> PreviewImage:
    """The story's image when networks can show it; otherwise (no image, or SVG) the site's own."""
    if story and story.image and image_type(story.image) in PREVIEW_IMAGE_TYPES:
        return PreviewImage(
            url=publication.absolute(site.asset_url(story.image)),
            alt=story.image_alt or story.title,
            type=image_type(story.image),
        )
    width, height = DEFAULT_IMAGE_SIZE
    return PreviewImage(
        url=publication.absolute(DEFAULT_IMAGE),
        alt=LABELS[site.language]["preview_image_alt"],
        type="image/png",
        width=width,
        height=height,
    )
