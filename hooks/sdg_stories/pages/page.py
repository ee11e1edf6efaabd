"""A page the build adds to the site, described without reference to any site generator."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class GeneratedPage:
    url: str  # site-root relative, directory style: "sdg/11/"
    title: str
    template: str  # the package template that wraps the converted Markdown
    context: dict[str, Any] = field(default_factory=dict)
    markdown: str = ""  # what the Markdown converter renders: a story's body, empty for listings
    source: str | None = None  # for a story: its path in the stories folder, so its relative links resolve
    description: str | None = None
    lang: str | None = None
    draft: bool = False
    hide: tuple[str, ...] = ()  # Material's "hide" (toc, navigation) for pages that need the width
    kind: str = "page"

    @property
    def section(self) -> str | None:
        """The address of the section (a tab) the page belongs to: a story to the overview's, a goal to the goals'."""
        return _SECTIONS.get(self.kind)

    @property
    def src_uri(self) -> str:
        """Where the page pretends to live in docs/; a story keeps its own path for its relative links."""
        return f"stories/{self.source}" if self.source else f"{self.url}index.md"

    @property
    def dest_uri(self) -> str:
        return f"{self.url}index.html"


# Site.OVERVIEW_URL, GOALS_URL, ADVISERS_URL and VACANCIES_URL by page kind (model/site.py).
_SECTIONS = {
    "story": "stories/", "overview": "stories/", "goal": "sdg/", "goals": "sdg/",
    "adviser": "advisers/", "advisers": "advisers/", "vacancies": "vacancies/",
}
