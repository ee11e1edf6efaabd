"""The site's settings, read once per build from mkdocs.yml (``extra.sdg_stories`` and the theme language)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from sdg_stories.framework import LANGUAGES
from sdg_stories.problems import Problem


@dataclass(frozen=True)
class Settings:
    language: str = "nl"
    stories_dir: str = "stories"
    page_size: int = 24
    latest_count: int = 6
    careers_url: str | None = None
    site_url: str | None = None
    build_date: dt.date = dt.date(1970, 1, 1)
    show_drafts: bool = False
    utm: dict[str, str] | None = None  # None: no campaign parameters on vacancy links

    @classmethod
    def from_options(
        cls, options: dict, *, language: str, site_url: str | None, show_drafts: bool, file: str
    ) -> tuple["Settings", list[Problem]]:
        """``options`` is the ``extra.sdg_stories`` mapping of mkdocs.yml; problems name that file."""
        problems: list[Problem] = []
        if language not in LANGUAGES:
            problems.append(Problem(file, None, "theme.language", f"'{language}' is not supported; use nl or en"))
            language = "nl"
        page_size = options.get("page_size", cls.page_size)
        if not isinstance(page_size, int) or isinstance(page_size, bool) or page_size < 1:
            problems.append(Problem(file, None, "extra.sdg_stories.page_size", f"'{page_size}' must be a whole number of 1 or more"))
            page_size = cls.page_size
        utm = options.get("utm", {"source": "sdg-stories", "medium": "website"})
        if utm is not None and utm is not False and not (
            isinstance(utm, dict) and all(isinstance(v, str) for v in utm.values())
        ):
            problems.append(Problem(file, None, "extra.sdg_stories.utm", "must be false or a mapping like {source: sdg-stories, medium: website}"))
            utm = None
        settings = cls(
            language=language,
            stories_dir=str(options.get("stories_dir", cls.stories_dir)),
            page_size=page_size,
            latest_count=int(options.get("latest_count", cls.latest_count)),
            careers_url=options.get("careers_url"),
            site_url=site_url,
            build_date=build_date(),
            show_drafts=show_drafts,
            utm=dict(utm) if utm else None,
        )
        return settings, problems


def build_date() -> dt.date:
    """Today, or the day SOURCE_DATE_EPOCH names, so a build can be repeated byte for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()
