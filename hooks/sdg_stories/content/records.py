"""What the content is made of: advisers, stories and vacancies, validated and ready to publish."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sdg_stories.sdg.goals import Wording


@dataclass(frozen=True)
class Adviser:
    key: str
    name: str
    role: str
    photo: str | None = None  # path relative to the stories folder
    bio: str | None = None

    @property
    def initials(self) -> str:
        """Shown in place of a photo: "Anna de Vries" gives "AV"."""
        words = self.name.split()
        return (words[0][0] + words[-1][0]).upper() if len(words) > 1 else self.name[:2].upper()


@dataclass(frozen=True)
class Story:
    """One story; ``goals`` holds the goals named and those its targets imply, in number order."""

    source: str  # path relative to the stories folder, posix: "2024-04-05-winkelcentrum.md"
    slug: str
    title: str
    date: dt.date
    adviser: str
    goals: tuple[int, ...]
    targets: tuple[str, ...]
    summary: str
    body: str
    lang: str
    image: str | None = None  # path relative to the stories folder
    image_alt: str | None = None
    draft: bool = False
    vacancies: tuple[str, ...] = ()
    # The target the writer named first, the one the story serves most: the story page quotes it on top.
    # ``targets`` is in the framework's order, as every list of targets is shown.
    main_target: str | None = None


@dataclass(frozen=True)
class Vacancy:
    id: str
    title: str
    url: str
    goals: tuple[int, ...]
    targets: tuple[str, ...]
    location: str | None = None
    hours: str | None = None
    closes: dt.date | None = None
    summary: str | None = None
    opens: dt.date | None = None  # not shown before this day (the build date decides, as for closes)


@dataclass(frozen=True)
class Content:
    """Everything in the stories folder, valid as a whole (every adviser and vacancy named exists)."""

    advisers: dict[str, Adviser]
    stories: tuple[Story, ...]  # newest first; drafts included, the site decides whether to show them
    vacancies: tuple[Vacancy, ...] = field(default=())
    assets: tuple[str, ...] = field(default=())  # images and other files beside the stories
    wording: Wording = field(default_factory=Wording)  # the owner's texts for goals and targets (wording_file.py)
    warnings: tuple = field(default=())  # Problems that do not stop the build: vacancies.yml in the old format


@dataclass(frozen=True)
class StoryReferences:
    """What a story names in other files (an adviser, vacancies, an image), read even from a story that
    is rejected for other mistakes, so an unknown adviser is reported in the same run as a bad date."""

    source: str
    adviser: str | None = None
    vacancies: tuple[str, ...] = ()
    image: str | None = None
    slug: str | None = None  # its page's address, as the file or its slug field gives it, when it can be read
