"""Composing a new story file from a writer's answers: ``sdg-stories new``.

Each answer is checked the moment it is given, by the reader the build uses (``parse_story``) on a
story made of the answers so far, so the tool accepts exactly what the build accepts and says why in
the build's words. The file is written only when the whole story reads back without a problem, and
never over an existing file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from slugify import slugify

from sdg_stories.content.adviser_file import read_advisers
from sdg_stories.content.folder import ADVISERS_FILE, ContentFolder, unknown_name
from sdg_stories.content.messages import Messages, messages
from sdg_stories.sdg.goals import Framework
from sdg_stories.content.records import Adviser
from sdg_stories.content.story_file import default_slug, parse_story, read_story
from sdg_stories.cli.yaml_output import flow_list, quoted, scalar
from sdg_stories.content.rubric import rubric_body

SLUG_LENGTH = 60  # a file name and a web address people still read; the words are cut, not split

# Optional fields, shown commented out so a writer sees they exist and how they are written.
OPTIONAL_HINTS = {
    "nl": (
        "# image: images/naam-van-de-afbeelding.jpg",
        "# image_alt: Wat er op de afbeelding te zien is, voor wie hem niet kan zien",
        "# vacancies: [id-van-een-vacature]",
    ),
    "en": (
        "# image: images/name-of-the-image.jpg",
        "# image_alt: What the image shows, for people who cannot see it",
        "# vacancies: [id-of-a-vacancy]",
    ),
}
_LIST_SEPARATORS = re.compile(r"[\s,;]+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Stand-ins for answers not given yet, so one answer can be checked on its own.
_PLACEHOLDERS = {
    "title": "Titel",
    "adviser": "adviseur",
    "summary": "Samenvatting.",
    "date": "2000-01-01",
    "targets": ["1.1"],
}


class InvalidAnswer(ValueError):
    """An answer the build would refuse; the message is the build's, without file and line."""


@dataclass
class StoryForm:
    """The answers for one new story, each checked when it is set."""

    framework: Framework
    folder: ContentFolder
    site_language: str
    today: dt.date
    advisers: dict[str, Adviser]
    taken_slugs: dict[str, str]  # slug -> the story file that has it
    answers: dict[str, object] = field(default_factory=dict)
    draft: bool = True

    @classmethod
    def for_folder(cls, folder: ContentFolder, framework: Framework, site_language: str, today: dt.date) -> "StoryForm":
        advisers, _ = read_advisers(folder.path / ADVISERS_FILE, folder.show(ADVISERS_FILE), language=site_language)
        return cls(framework, folder, site_language, today, advisers, _read_taken_slugs(folder, framework, site_language))

    # Answers

    def set(self, name: str, value: str) -> object:
        """Check and keep one answer, given as typed; raises InvalidAnswer with the build's message."""
        return getattr(self, f"_set_{name}")(value.strip())

    def default(self, name: str) -> str:
        """The answer taken when the writer gives none (shown in brackets at the prompt)."""
        if name == "lang":
            return self.site_language
        if name == "date":
            return self.today.isoformat()
        if name == "slug":
            return self._free_slug(self.title_slug())
        return ""

    def complete(self) -> None:
        """Fill in what was not asked (language, date, slug, no goals or no targets) and check the whole."""
        for name in ("goals", "targets"):
            self.answers.setdefault(name, [])
        for name in ("lang", "date"):
            if name not in self.answers:
                self.set(name, self.default(name))
        if "slug" not in self.answers:
            # Not made unique: running the same command twice must not quietly write a second story.
            self.set("slug", self.title_slug())
        if not self.answers["goals"] and not self.answers["targets"]:
            raise InvalidAnswer(f"goals: {self._problem('goals', {})}")

    @property
    def msg(self) -> Messages:
        return messages(self.site_language)

    def adviser_choices(self) -> list[Adviser]:
        return sorted(self.advisers.values(), key=lambda adviser: adviser.key)

    def goals_chosen(self) -> list[int]:
        return [int(goal) for goal in self.answers.get("goals", [])]

    # The file

    @property
    def file_name(self) -> str:
        return f"{self.answers['date']}-{self.answers['slug']}.md"

    @property
    def path(self) -> Path:
        return self.folder.path / self.file_name

    @property
    def shown_path(self) -> str:
        return self.folder.show(self.file_name)

    def text(self, draft: bool | None = None) -> str:
        lang = str(self.answers["lang"])
        draft = self.draft if draft is None else draft
        return _render_front_matter(self.answers, draft, OPTIONAL_HINTS[lang]) + "\n" + rubric_body(lang)

    def write(self) -> Path:
        """Write the story, refusing to replace any file; raises FileExistsError when one is there.

        The story is checked as a draft: its sections are still empty, which the build refuses in a
        story that is not a draft (``sdg-stories new --no-draft``) until the writer has written them."""
        text = self.text()
        story, problems = parse_story(self.text(draft=True), self.file_name, self.shown_path, self.framework, self.site_language)
        if story is None or problems:  # the answers were checked one by one; this is the whole
            raise InvalidAnswer("; ".join(str(problem) for problem in problems) or self.msg("cli.new.not-read-back"))
        self.folder.path.mkdir(parents=True, exist_ok=True)
        with self.path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(text)
        return self.path

    # One setter per field

    def _set_title(self, value: str) -> str:
        return self._keep("title", value)

    def _set_summary(self, value: str) -> str:
        return self._keep("summary", value)

    def _set_adviser(self, value: str) -> str:
        choices = self.adviser_choices()
        if value.isdigit():
            if not 1 <= int(value) <= len(choices):
                raise InvalidAnswer(self.msg("cli.new.adviser-number", value=value, count=len(choices)))
            value = choices[int(value) - 1].key
        if value not in self.advisers:
            # A writer knows a colleague as "Dirk" or "Dirk de Boer", not as dirk-de-boer.
            named = self.advisers_named(value)
            if len(named) > 1:
                listing = self.msg.join_or([f"{key} ({self.advisers[key].name})" for key in named])
                raise InvalidAnswer(self.msg("cli.new.adviser-which", value=value, advisers=listing))
            if not named:
                raise InvalidAnswer(self._unknown_adviser(value))
            value = named[0]
        self._check("adviser", value)
        self.answers["adviser"] = value
        return value

    def advisers_named(self, value: str) -> list[str]:
        """The keys of the advisers ``value`` names: by key, by full name, or by one word of the name (a first
        name), ignoring case and accents."""
        wanted = slugify(value)
        if not wanted:
            return []
        found = [key for key, adviser in self.advisers.items() if wanted in (key, slugify(adviser.name))]
        return found or sorted(
            key for key, adviser in self.advisers.items()
            if wanted in slugify(adviser.name).split("-") or key.startswith(f"{wanted}-")
        )

    def _set_goals(self, value: str) -> list[str]:
        return self._keep("goals", split_list(value))

    def _set_targets(self, value: str) -> list[str]:
        targets = [item.lower() for item in split_list(value)]
        self._check("targets", targets)
        if not targets and not self.answers.get("goals"):
            # The build reports this at `goals`; here it is the answer that completes the pair.
            raise InvalidAnswer(self._problem("goals", {"targets": []}))
        self.answers["targets"] = targets
        return targets

    def _set_lang(self, value: str) -> str:
        return self._keep("lang", value.lower() or self.site_language)

    def _set_date(self, value: str) -> str:
        return self._keep("date", value)

    def _set_slug(self, value: str) -> str:
        if not value:
            raise InvalidAnswer(self.msg("cli.new.slug-empty"))
        self._check("slug", value)
        if value in self.taken_slugs:
            raise InvalidAnswer(self.msg(
                "cli.new.slug-taken", slug=value, file=self.taken_slugs[value], example=self._free_slug(value)
            ))
        if self._file_taken(value):
            date = self.answers.get("date", self.default("date"))
            raise InvalidAnswer(self.msg("cli.new.file-exists", path=self.folder.show(f"{date}-{value}.md")))
        self.answers["slug"] = value
        return value

    # Checking

    def _keep(self, name: str, value: object) -> object:
        self._check(name, value)
        self.answers[name] = value
        return value

    def _check(self, name: str, value: object) -> None:
        message = self._problem(name, {name: value})
        if message:
            raise InvalidAnswer(message)

    def _problem(self, name: str, overrides: dict[str, object]) -> str:
        """The build's messages for field ``name`` in a story of the answers so far plus ``overrides``."""
        answers = {**_PLACEHOLDERS, **self.answers, **overrides}
        text = _render_front_matter(answers, self.draft, ())
        _, problems = parse_story(text, "new.md", "new.md", self.framework, self.site_language)
        return "; ".join(problem.message for problem in problems if problem.field == name)

    def _unknown_adviser(self, value: str) -> str:
        message = unknown_name(self.msg, "adviser", value, self.advisers, self.folder.show(ADVISERS_FILE))
        return f"{message} {self.msg('cli.new.add-adviser')}"

    def title_slug(self) -> str:
        return slugify(str(self.answers.get("title", "")), max_length=SLUG_LENGTH, word_boundary=True)

    def _free_slug(self, slug: str) -> str:
        slug = slug or "verhaal"
        candidate, number = slug, 1
        while candidate in self.taken_slugs or self._file_taken(candidate):
            number += 1
            candidate = f"{slug}-{number}"
        return candidate

    def _file_taken(self, slug: str) -> bool:
        # The date is asked (and given as an option) before the slug; without one it is today's.
        date = self.answers.get("date", self.default("date"))
        return (self.folder.path / f"{date}-{slug}.md").exists()


def split_list(text: str) -> list[str]:
    """``11, 16``, ``11 16`` and ``[11, 16]`` are all the list 11, 16: writers type what they see."""
    text = text.strip().strip("[]")
    return [item.strip("'\"") for item in _LIST_SEPARATORS.split(text) if item.strip("'\"")]


def _render_front_matter(answers: dict[str, object], draft: bool, hints: tuple[str, ...]) -> str:
    lines = ["---"]
    if "title" in answers:
        lines.append(f"title: {scalar(str(answers['title']))}")
    if "date" in answers:
        date = str(answers["date"])
        # Plain, as writers write dates; YAML would read it as a date, the build reads the text.
        lines.append(f"date: {date if _DATE.fullmatch(date) else scalar(date)}")
    if "adviser" in answers:
        lines.append(f"adviser: {scalar(str(answers['adviser']))}")
    goals = [goal if goal.isdigit() else scalar(goal) for goal in answers.get("goals", [])]
    if goals:
        lines.append(f"goals: {flow_list(goals)}")
    # Quoted, so any YAML tool reads 11.10 as 11.10; the build reads it right either way.
    targets = [quoted(target) for target in answers.get("targets", [])]
    if targets:
        lines.append(f"targets: {flow_list(targets)}")
    for name in ("summary", "lang", "slug"):
        if name in answers:
            lines.append(f"{name}: {scalar(str(answers[name]))}")
    lines.append(f"draft: {'true' if draft else 'false'}")
    lines += hints
    lines.append("---")
    return "\n".join(lines) + "\n"


def _read_taken_slugs(folder: ContentFolder, framework: Framework, site_language: str) -> dict[str, str]:
    """Every story's slug, also of stories with problems (their slug is still taken once fixed)."""
    if not folder.path.is_dir():
        return {}
    taken: dict[str, str] = {}
    for source in folder.walk()[0]:
        story, _ = read_story(folder.path / source, source, folder.show(source), framework, site_language)
        taken.setdefault(story.slug if story else default_slug(source), folder.show(source))
    return taken
