"""The repository's example content read straight from its files, as the truth the built site must match.

Read with PyYAML's BaseLoader (every scalar a string, so 17.10 stays 17.10), not with the package:
a test that checks the package against itself cannot fail.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT / "stories"
SITE_URL = "https://verhalen.example.nl/"


@dataclass(frozen=True)
class ExampleStory:
    file: str
    slug: str
    title: str
    date: dt.date
    adviser: str
    goals: frozenset[int]  # named goals and the goals of the targets
    targets: frozenset[str]
    summary: str
    lang: str
    image: str | None
    draft: bool

    @property
    def url(self) -> str:
        return f"{SITE_URL}stories/{self.slug}/"


def example_stories(include_drafts: bool = False) -> list[ExampleStory]:
    """Newest first; the example content has no two stories on one day."""
    stories = []
    for path in sorted(STORIES.glob("*.md")):
        front = yaml.load(path.read_text("utf-8").split("---\n")[1], Loader=yaml.BaseLoader)
        targets = frozenset(front.get("targets", []))
        stories.append(
            ExampleStory(
                file=path.name,
                slug=front.get("slug") or re.sub(r"^\d{4}-\d{2}-\d{2}-", "", path.stem),
                title=front["title"],
                date=dt.date.fromisoformat(front["date"]),
                adviser=front["adviser"],
                goals=frozenset(int(goal) for goal in front.get("goals", [])) | {int(t.split(".")[0]) for t in targets},
                targets=targets,
                summary=" ".join(front["summary"].split()),
                lang=front.get("lang", "nl"),
                image=front.get("image"),
                draft=front.get("draft") == "true",
            )
        )
    stories.sort(key=lambda story: story.date, reverse=True)
    return [story for story in stories if include_drafts or not story.draft]


def example_advisers() -> dict[str, dict[str, str]]:
    return yaml.load((STORIES / "advisers.yml").read_text("utf-8"), Loader=yaml.BaseLoader)


def example_vacancies() -> list[dict]:
    return yaml.load((STORIES / "vacancies.yml").read_text("utf-8"), Loader=yaml.BaseLoader)["vacancies"]
