"""The site's settings, read once per build from mkdocs.yml (``extra.sdg_stories`` and the theme language)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sdg_stories.sdg.goals import LANGUAGES
from sdg_stories.content.messages import messages
from sdg_stories.content.problems import Problem
from sdg_stories.model.accessibility import OrganisationLinks, read_organisation_links
from sdg_stories.content.web_address import is_web_address


@dataclass(frozen=True)
class Settings:
    language: str = "nl"
    stories_dir: str = "stories"
    page_size: int = 24
    latest_count: int = 6
    careers_url: str | None = None
    site_url: str | None = None
    # The build's day unless given: a fixed old default would make every story look scheduled (or none).
    build_date: dt.date = field(default_factory=lambda: build_date())
    show_drafts: bool = False
    utm: dict[str, str] | None = None  # None: no campaign parameters on vacancy links
    rubric_intro: str | None = None  # the line introducing the rubric on story pages; None: the catalogue's
    rubric_name: str | None = None  # the kicker above every story title and the rubric page's title; None: the catalogue's
    rubric_page: str | None = None  # a hand-written page about the rubric ("over-ons/"); None: a generated one
    social_cards: bool = True  # a picture per story and goal page for link previews (outputs/social_cards.py)
    organisation: str | None = None  # the name on the social cards; None: mkdocs.yml's copyright, else site_name
    report_intro: str | None = None  # the lead of each year's report, {year} filled in; None: the catalogue's
    # The footer's contact, privacy and accessibility links, and the accessibility statement (model/accessibility.py).
    links: OrganisationLinks = OrganisationLinks()

    @classmethod
    def from_options(
        cls, options: object, *, language: str, site_url: str | None, show_drafts: bool, file: str
    ) -> tuple["Settings", list[Problem]]:
        """``options`` is the ``extra.sdg_stories`` mapping of mkdocs.yml (None: the defaults); problems name
        that file. Whatever a setting holds, the answer is settings and problems, never an exception
        (tests/test_settings_fuzzing.py)."""
        problems: list[Problem] = []
        if not isinstance(language, str) or language not in LANGUAGES:
            unsupported = language
            language = "nl"
            problems.append(Problem(file, None, "theme.language", messages(language)("settings.language", value=unsupported)))
        msg = messages(language)
        if options is None:
            options = {}
        if not isinstance(options, dict):
            problems.append(Problem(file, None, "extra.sdg_stories", msg("settings.not-a-group")))
            options = {}
        page_size = options.get("page_size", cls.page_size)
        if not isinstance(page_size, int) or isinstance(page_size, bool) or page_size < 1:
            problems.append(Problem(file, None, "extra.sdg_stories.page_size", msg("settings.page-size", value=page_size)))
            page_size = cls.page_size
        utm = _read_utm(options.get("utm", True), file, problems, language)
        careers_url = options.get("careers_url")
        if careers_url is not None and not is_web_address(careers_url):
            problems.append(Problem(file, None, "extra.sdg_stories.careers_url", msg("settings.careers-url", value=careers_url)))
            careers_url = None
        rubric_intro = options.get("rubric_intro")
        if rubric_intro is not None and (not isinstance(rubric_intro, str) or not rubric_intro.strip()):
            problems.append(Problem(file, None, "extra.sdg_stories.rubric_intro", msg("settings.rubric-intro")))
            rubric_intro = None
        rubric_name = options.get("rubric_name")
        if rubric_name is not None and not (isinstance(rubric_name, str) and rubric_name.strip() and "\n" not in rubric_name.strip()):
            problems.append(Problem(file, None, "extra.sdg_stories.rubric_name", msg("settings.rubric-name", value=rubric_name)))
            rubric_name = None
        rubric_page = options.get("rubric_page")
        if rubric_page is not None:
            rubric_page = _site_address(rubric_page)
            if rubric_page is None:
                problems.append(Problem(file, None, "extra.sdg_stories.rubric_page", msg("settings.rubric-page", value=options["rubric_page"])))
        social_cards = options.get("social_cards", cls.social_cards)
        if not isinstance(social_cards, bool):
            problems.append(Problem(file, None, "extra.sdg_stories.social_cards", msg("field.not-true-or-false", value=social_cards)))
            social_cards = cls.social_cards
        organisation = options.get("organisation")
        if organisation is not None and not (isinstance(organisation, str) and organisation.strip()):
            problems.append(Problem(file, None, "extra.sdg_stories.organisation", msg("settings.organisation", value=organisation)))
            organisation = None
        report_intro = options.get("report_intro")
        if report_intro is not None and not _is_report_intro(report_intro):
            problems.append(Problem(file, None, "extra.sdg_stories.report_intro", msg("settings.report-intro")))
            report_intro = None
        links, link_problems = read_organisation_links(options, file, language)
        problems += link_problems
        latest_count = options.get("latest_count", cls.latest_count)
        if not isinstance(latest_count, int) or isinstance(latest_count, bool) or latest_count < 1:
            problems.append(Problem(file, None, "extra.sdg_stories.latest_count", msg("settings.latest-count", value=latest_count)))
            latest_count = cls.latest_count
        stories_dir = options.get("stories_dir", cls.stories_dir)
        if not _is_folder_inside(stories_dir):
            problems.append(Problem(file, None, "extra.sdg_stories.stories_dir", msg("settings.stories-dir", value=stories_dir)))
            stories_dir = cls.stories_dir
        settings = cls(
            language=language,
            stories_dir=stories_dir.strip().rstrip("/"),
            page_size=page_size,
            latest_count=latest_count,
            careers_url=careers_url,
            site_url=site_url,
            build_date=build_date(),
            show_drafts=show_drafts,
            utm=utm,
            rubric_intro=rubric_intro.strip() if rubric_intro else None,
            rubric_name=rubric_name.strip() if rubric_name else None,
            rubric_page=rubric_page,
            social_cards=social_cards,
            organisation=organisation.strip() if organisation else None,
            report_intro=report_intro.strip() if report_intro else None,
            links=links,
        )
        return settings, problems


UTM_DEFAULTS = {"source": "sdg-stories", "medium": "website"}


def _read_utm(value: object, file: str, problems: list[Problem], language: str) -> dict[str, str] | None:
    """``false`` switches campaign parameters off; a mapping overrides source and/or medium.

    utm_campaign is not configurable: it names the page that links (a story's slug, ``sdg-11``).
    """
    if value is None or value is False:
        return None
    if value is True:
        return dict(UTM_DEFAULTS)
    if isinstance(value, dict) and value.keys() <= UTM_DEFAULTS.keys() and all(
        isinstance(v, str) and v.strip() for v in value.values()
    ):
        return {**UTM_DEFAULTS, **{key: v.strip() for key, v in value.items()}}
    problems.append(Problem(file, None, "extra.sdg_stories.utm", messages(language)("settings.utm")))
    return None


def _is_report_intro(value: object) -> bool:
    """Text, with no placeholder but {year}: the lead is filled in with str.format."""
    if not isinstance(value, str) or not value.strip():
        return False
    try:
        value.format(year=2000)
    except (KeyError, IndexError, ValueError):
        return False
    return True


def _is_folder_inside(value: object) -> bool:
    """A folder of the project, written relative to mkdocs.yml: ``stories`` or ``content/stories``."""
    if not isinstance(value, str) or not value.strip() or "\x00" in value or "\\" in value:
        return False
    parts = value.strip().rstrip("/").split("/")
    return not value.startswith("/") and ":" not in parts[0] and all(part not in ("", ".", "..") for part in parts)


def _site_address(value: object) -> str | None:
    """A page of the site as its address from the site root, directory style ("over-de-rubriek/"), as the
    footer links are written, "" for the home page; None for anything else (a web address, a file name, a way out of the site)."""
    if not isinstance(value, str) or not value.strip():
        return None
    if value.strip() in ("/", "./"):
        return ""  # the home page
    address = value.strip().strip("/")
    if not address or any(ch in address for ch in " <>\"'?#:\\") or ".." in address.split("/") or address.endswith((".md", ".html")):
        return None
    return address + "/"


# The day the site's readers and writers live in: a story dated 14 January appears with the daily build
# of that morning in the Netherlands, wherever the build machine's clock is set (CI runs in UTC).
BUILD_TIME_ZONE = ZoneInfo("Europe/Amsterdam")


def build_date() -> dt.date:
    """Today in the Netherlands, or the day SOURCE_DATE_EPOCH names there, so a build can be repeated byte
    for byte. The one build date: vacancies close and open on it, scheduled stories appear on it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), BUILD_TIME_ZONE).date()
    return dt.datetime.now(BUILD_TIME_ZONE).date()
