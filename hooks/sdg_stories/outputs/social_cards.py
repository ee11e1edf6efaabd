"""A social card per story and goal page: what each shows, where the site publishes it, and the cache
that keeps a card from being drawn twice.

A card is named in the cache by a hash of what it shows, the layout's version, the fonts and the
versions of Pillow, FreeType and zlib: an unchanged story's card is never drawn again, and a one-story
edit under `mkdocs serve` draws one. The cache lives at the project root (``.cache/social-cards/``), outside site/, docs/ and stories/, so a CI
cache can keep it. Cards missing from it are drawn by a small pool of threads while MkDocs reads and
converts the pages: Pillow lets go of the GIL while it compresses a PNG, so the drawing takes the second
core's time rather than the build's.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import json
import os
import re
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import PIL
from PIL import Image, UnidentifiedImageError, features

from sdg_stories.content.media_types import PREVIEW_IMAGE_TYPES, image_type
from sdg_stories.content.messages import messages
from sdg_stories.content.problems import Problem
from sdg_stories.content.records import Story
from sdg_stories.model.site import Site
from sdg_stories.outputs.card_drawing import (
    HEIGHT, LAYOUT_VERSION, WIDTH, GoalCard, GoalMark, PageCard, Painter, StoryCard,
)
from sdg_stories.outputs.card_text import fonts_digest
from sdg_stories.pages.labels import LABELS
from sdg_stories.pages.page import GeneratedPage
from sdg_stories.sdg.goals import Goal

CACHE_DIR = ".cache/social-cards"
CARD_FILE = "social-card.png"  # beside the page's index.html: stories/<slug>/social-card.png, sdg/11/social-card.png
SIZE = (WIDTH, HEIGHT)
THREADS = 2  # the machines this builds on have two cores or more; more threads only wait for the GIL
# What turns the same card into the same bytes besides our code and fonts: Pillow, and the FreeType and
# zlib it was built with (the wheels bundle theirs; a Pillow built from source uses the system's).
_DRAWN_BY = (PIL.__version__, features.version("freetype2"), features.version("zlib"))
_TAG = re.compile(r"<[^>]*>")  # Material prints copyright as HTML; a card shows its text
_CACHED_NAME = re.compile(r"^[0-9a-f]{24}\.png$")


class CardError(Exception):
    """A card could not be drawn or saved; the message names its page and why."""


@dataclass(frozen=True)
class Card:
    """One card: its address in the site, its alternative text, and its file in the cache."""

    url: str  # site-root relative
    alt: str
    path: Path
    content: StoryCard | GoalCard | PageCard
    draft: bool = False


class SocialCards:
    """The cards of one build, planned from the site as soon as it is read; drawn by ``start``/``finish``."""

    def __init__(self, site: Site, project_dir: Path, stories_dir: Path, organisation: str, site_name: str,
                 pages: list[GeneratedPage] = (), home: tuple[str, str] | None = None) -> None:
        """``pages``: the generated pages, whose kinds other than story and goal get a card with their title;
        ``home``: the home page's title and description, for its card."""
        self.cache = project_dir / CACHE_DIR
        self.problems: list[Problem] = []  # warnings: an adviser's photo that cannot be read
        self.drawn = self.cached = 0  # known after finish
        self._stories_dir = stories_dir
        self._photos: dict[str, str | None] = {}  # an adviser's photo as written -> its path, if readable
        self._digests: dict[str, str] = {}  # a readable photo's path -> the hash of its bytes
        self._site = site
        self._by_url: dict[str, Card] = {}
        for story in site.stories:
            self._add(site.story_url(story), self._story_card(story, organisation, site_name), not site.is_published(story),
                      _story_alt(site, story))
        colors = tuple(goal.color for goal in site.framework.goals)
        labels = LABELS[site.language]
        for goal in site.framework.goals:
            short = goal.short[site.language]
            content = GoalCard(_mark(goal), labels["goal_n"].format(n=goal.id), short, organisation, site_name, colors)
            self._add(site.goal_url(goal.id), content, False, labels["card_alt_goal"].format(n=goal.id, short=short))
        self._page_cards(pages, home, organisation, site_name, colors)
        self._painter = Painter()
        self._pool: ThreadPoolExecutor | None = None
        self._drawing: list[Future] = []

    @property
    def cards(self) -> list[Card]:
        return list(self._by_url.values())

    def card_for(self, page: GeneratedPage) -> Card | None:
        """A story's card, or its goal's on each of a goal's pages; None for other pages."""
        if page.kind == "story":
            return self._by_url.get(self._site.story_url(page.context["story"]))
        if page.kind == "goal":
            return self._by_url.get(self._site.goal_url(page.context["goal"].id))
        return self._by_url.get(self._page_card_url(page))

    @property
    def home_card(self) -> Card | None:
        return self._by_url.get("")

    def _page_card_url(self, page: GeneratedPage) -> str:
        """A listing's later pages (stories/page/2/) show the card of its first."""
        if page.kind == "overview":
            return self._site.OVERVIEW_URL
        if page.kind == "adviser":
            return self._site.adviser_url(page.context["adviser"].key)
        return page.url

    def _page_cards(self, pages: list[GeneratedPage], home: tuple[str, str] | None, organisation: str,
                    site_name: str, colors: tuple[str, ...]) -> None:
        labels = LABELS[self._site.language]
        if home is not None:  # the site's name is its title: the masthead need not say it again
            content = PageCard("", home[0], organisation, "", colors, subtitle=home[1])
            self._add("", content, False, labels["card_alt_page"].format(title=home[0], organisation=organisation))
        for page in pages:
            url = self._page_card_url(page)
            if page.kind in ("story", "goal") or url in self._by_url:
                continue
            if page.kind == "adviser":
                adviser = page.context["adviser"]
                content = PageCard(
                    labels["adviser"], adviser.name, organisation, site_name, colors, subtitle=adviser.role,
                    initials=adviser.initials, photo=self._photo(adviser.photo, adviser.key) if adviser.photo else None,
                )
                alt = labels["card_alt_adviser"].format(name=adviser.name, role=adviser.role, organisation=organisation)
            else:
                title = page.title if page.kind != "overview" else labels["all_stories"]
                content = PageCard(labels.get(f"card_kicker_{page.kind}", ""), title, organisation, site_name, colors)
                alt = labels["card_alt_page"].format(title=title, organisation=organisation)
            self._add(url, content, False, alt)

    def start(self) -> None:
        """Draw, in threads, every card the cache does not hold; ``finish`` waits for them."""
        missing = {card.path: card for card in self._by_url.values() if not card.path.is_file()}
        if not missing:
            return
        self.cache.mkdir(parents=True, exist_ok=True)
        self._pool = ThreadPoolExecutor(THREADS, thread_name_prefix="social-card")
        self._drawing = [self._pool.submit(self._draw, card) for card in missing.values()]

    def finish(self, prune: bool = False) -> None:
        """Every card is in the cache (an error drawing one is raised here). ``prune``: a full build,
        so a card no page uses any more is deleted and the cache does not grow with every edit."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        for future in self._drawing:
            future.result()
        self.drawn = len(self._drawing)
        self.cached = len({card.path for card in self._by_url.values()}) - self.drawn
        self._drawing = []
        if prune and self.cache.is_dir():
            used = {card.path.name for card in self._by_url.values()}
            for path in self.cache.iterdir():
                if _CACHED_NAME.match(path.name) and path.name not in used:
                    path.unlink(missing_ok=True)

    def _draw(self, card: Card) -> None:
        try:
            data = self._painter.draw(card.content)
            # Written beside its final name and renamed, so a build stopped halfway leaves no broken card.
            handle, temporary = tempfile.mkstemp(dir=self.cache, suffix=".part")
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, card.path)
        except (OSError, ValueError) as error:  # a photo that stops halfway, a full disk
            page = card.url.removesuffix(CARD_FILE)
            raise CardError(messages(self._site.language)("cards.failed", page=page, reason=error)) from None

    def _add(self, page_url: str, content: StoryCard | GoalCard | PageCard, draft: bool, alt: str) -> None:
        photo = getattr(content, "photo", None)
        # The photo by its bytes, not its path: a project moved to another folder keeps its cache.
        shown = dataclasses.asdict(content) | {"photo": photo and self._digests[photo]}
        key = json.dumps([shown, LAYOUT_VERSION, fonts_digest(), _DRAWN_BY], ensure_ascii=False, sort_keys=True)
        name = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24] + ".png"
        self._by_url[page_url] = Card(page_url + CARD_FILE, alt, self.cache / name, content, draft)

    def _story_card(self, story: Story, organisation: str, site_name: str) -> StoryCard:
        adviser = self._site.adviser(story)
        photo = self._photo(adviser.photo, adviser.key) if adviser.photo else None
        return StoryCard(
            title=story.title, adviser=adviser.name, role=adviser.role, initials=adviser.initials,
            goals=tuple(_mark(goal) for goal in self._site.goals_of(story)),
            organisation=organisation, site_name=site_name, photo=photo,
        )

    def _photo(self, relative: str, adviser: str) -> str | None:
        """The adviser's photo when Pillow can read it (PNG, JPEG, WebP, GIF; not SVG), else None: the initials."""
        if relative not in self._photos:
            self._photos[relative] = None
            if image_type(relative) in PREVIEW_IMAGE_TYPES:
                path = self._stories_dir / relative
                try:
                    data = path.read_bytes()
                    with Image.open(path) as image:
                        image.verify()
                except (OSError, UnidentifiedImageError, SyntaxError):
                    self.problems.append(Problem(
                        f"{self._stories_dir.name}/advisers.yml", None, f"{adviser}.photo",
                        messages(self._site.language)("cards.photo-unreadable", value=relative),
                    ))
                else:
                    self._photos[relative] = str(path)
                    self._digests[str(path)] = hashlib.sha256(data).hexdigest()
        return self._photos[relative]


def organisation_name(setting: str | None, copyright: str | None, site_name: str) -> str:
    """``extra.sdg_stories.organisation``, else mkdocs.yml's ``copyright`` as text, else ``site_name``."""
    for candidate in (setting, _TAG.sub("", copyright or "")):
        if candidate and candidate.strip():
            return " ".join(html.unescape(candidate).split())
    return site_name


def _mark(goal: Goal) -> GoalMark:
    return GoalMark(goal.id, goal.color, goal.text_color)


def _story_alt(site: Site, story: Story) -> str:
    """What the card says, for people who cannot see it: the title, the adviser and the goals."""
    labels = LABELS[story.lang if story.lang in LABELS else site.language]
    adviser = site.adviser(story)
    numbers = [str(goal) for goal in story.goals]
    goals = (
        labels["card_goals_1"].format(n=numbers[0]) if len(numbers) == 1
        else labels["card_goals_n"].format(list=", ".join(numbers[:-1]), last=numbers[-1])
    )
    return labels["card_alt_story"].format(title=story.title, name=adviser.name, role=adviser.role, goals=goals)
