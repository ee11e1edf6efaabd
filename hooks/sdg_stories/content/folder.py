"""Loading the whole stories folder, checking it as a whole, and refusing it with every problem at once."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path

from sdg_stories.content.adviser_file import read_advisers
from sdg_stories.sdg.goals import Framework
from sdg_stories.content.messages import Messages, messages
from sdg_stories.content.records import Content, Story, StoryReferences
from sdg_stories.content.problems import ContentError, Problem
from sdg_stories.content.story_file import RESERVED_SLUGS, default_slug, read_story_file
from sdg_stories.content.vacancy_file import read_vacancy_file
from sdg_stories.content.wording_file import read_wording, wording_file_name

ADVISERS_FILE = "advisers.yml"
VACANCIES_FILE = "vacancies.yml"
_NOT_ASSETS = (".md", ".yml", ".yaml")


class ContentFolder:
    """The stories folder on disk; ``shown_as`` is how writers know it (``stories``) in messages."""

    def __init__(self, path: Path, shown_as: str = "stories") -> None:
        self.path = path
        self.shown_as = shown_as.rstrip("/")

    def show(self, relative: str) -> str:
        return f"{self.shown_as}/{relative}"

    def walk(self) -> tuple[list[str], list[str]]:
        """Story sources and asset paths, sorted, relative and '/'-separated; dot files are private."""
        stories: list[str] = []
        assets: list[str] = []
        for directory, dirnames, filenames in os.walk(self.path):
            dirnames[:] = sorted(name for name in dirnames if not name.startswith((".", "_")))
            relative_dir = Path(directory).relative_to(self.path).as_posix()
            for name in sorted(filenames):
                if name.startswith((".", "_")):
                    continue
                relative = name if relative_dir == "." else f"{relative_dir}/{name}"
                if name.endswith(".md"):
                    if name.lower() != "readme.md":
                        stories.append(relative)
                elif not name.endswith(_NOT_ASSETS):
                    assets.append(relative)
        return stories, assets


@dataclass(frozen=True)
class LeftOutStory:
    """A story the preview builds without (``load_content(..., leave_out_broken=True)``), with its problems
    and the address its page would have, where the preview shows them."""

    source: str
    shown_as: str
    slug: str | None
    problems: tuple[Problem, ...]


def load_content(folder: ContentFolder, framework: Framework, default_lang: str) -> Content:
    """Read and cross-check everything; raises ContentError listing every problem of every file.

    ``default_lang`` is the site's language: a story's language unless it names one, and the language
    of the messages."""
    return load_content_leaving_out(folder, framework, default_lang, leave_out_broken=False)[0]


def load_content_leaving_out(
    folder: ContentFolder, framework: Framework, default_lang: str, *, leave_out_broken: bool = True
) -> tuple[Content, list[LeftOutStory]]:
    """The content without the stories that have problems, and those stories with their problems: a
    colleague's typo must not empty everyone's preview. Problems outside story files (advisers,
    vacancies) still raise ContentError: every story may depend on them."""
    msg = messages(default_lang)
    if not folder.path.is_dir():
        raise ContentError([Problem(folder.shown_as, None, None, msg("folder.missing"))], default_lang)
    sources, assets = folder.walk()
    advisers, problems = read_advisers(folder.path / ADVISERS_FILE, folder.show(ADVISERS_FILE), language=default_lang)
    vacancy_file = read_vacancy_file(
        folder.path / VACANCIES_FILE, folder.show(VACANCIES_FILE), framework, language=default_lang
    )
    vacancies = vacancy_file.vacancies
    problems += vacancy_file.problems
    wording_file = wording_file_name(default_lang)
    wording, wording_problems = read_wording(
        folder.path / wording_file, folder.show(wording_file), framework, language=default_lang
    )
    problems += wording_problems
    stories: list[Story] = []
    references: list[StoryReferences] = []
    for source in sources:
        reading = read_story_file(folder.path / source, source, folder.show(source), framework, default_lang)
        problems += reading.problems
        references.append(reading.references)
        if reading.story is not None:
            stories.append(reading.story)
    asset_set = set(assets)
    problems += _check_advisers_photos(advisers, asset_set, folder, msg)
    problems += _check_references(references, advisers, {v.id for v in vacancies}, asset_set, folder, msg)
    problems += _check_unique_slugs(stories, folder, msg)
    left_out: list[LeftOutStory] = []
    if problems:
        by_file = {folder.show(reference.source): reference for reference in references}
        if not leave_out_broken or any(problem.file not in by_file for problem in problems):
            raise ContentError(problems, default_lang)
        per_file: dict[str, set[Problem]] = {}
        for problem in problems:
            per_file.setdefault(problem.file, set()).add(problem)
        for shown, own in sorted(per_file.items()):
            reference = by_file[shown]
            slug = reference.slug or default_slug(reference.source)
            left_out.append(LeftOutStory(reference.source, shown, slug if slug not in RESERVED_SLUGS else None, tuple(sorted(own))))
        broken = {story.source for story in left_out}
        stories = [story for story in stories if story.source not in broken]
    stories.sort(key=lambda story: (story.date, story.slug), reverse=True)
    content = Content(
        advisers=advisers, stories=tuple(stories), vacancies=tuple(vacancies), assets=tuple(assets),
        wording=wording, warnings=tuple(vacancy_file.warnings),
    )
    return content, left_out


def _check_advisers_photos(advisers, assets: set[str], folder: ContentFolder, msg: Messages) -> list[Problem]:
    return [
        Problem(folder.show(ADVISERS_FILE), None, f"{adviser.key}.photo", msg("folder.photo-missing", path=folder.show(adviser.photo)))
        for adviser in advisers.values()
        if adviser.photo and adviser.photo not in assets
    ]


def _check_references(
    stories: list[StoryReferences], advisers: dict, vacancy_ids: set[str], assets: set[str],
    folder: ContentFolder, msg: Messages,
) -> list[Problem]:
    """Names that point into other files, also of stories rejected for other mistakes; the line is
    found again from the story's own text."""
    problems: list[Problem] = []
    for story in stories:
        shown = folder.show(story.source)
        if story.adviser and story.adviser not in advisers:
            problems.append(Problem(shown, None, "adviser", unknown_name(msg, "adviser", story.adviser, advisers, folder.show(ADVISERS_FILE))))
        for vacancy_id in story.vacancies:
            if vacancy_id not in vacancy_ids:
                problems.append(Problem(shown, None, "vacancies", unknown_name(msg, "vacancy", vacancy_id, vacancy_ids, folder.show(VACANCIES_FILE))))
        if story.image and story.image not in assets:
            problems.append(Problem(shown, None, "image", msg("folder.image-missing", path=folder.show(story.image))))
    return [with_line(problem, folder) for problem in problems]


def _check_unique_slugs(stories: list[Story], folder: ContentFolder, msg: Messages) -> list[Problem]:
    by_slug: dict[str, list[Story]] = {}
    for story in stories:
        by_slug.setdefault(story.slug, []).append(story)
    problems = [
        Problem(
            folder.show(story.source), None, "slug",
            msg("folder.slug-twice", slug=slug, others=", ".join(folder.show(other.source) for other in same if other is not story)),
        )
        for slug, same in by_slug.items() if len(same) > 1
        for story in same
    ]
    return [with_line(problem, folder) for problem in problems]


def unknown_name(msg: Messages, what: str, value: str, known, where: str) -> str:
    """The message for a name that is not in its file (``what``: adviser or vacancy); `sdg-stories new`
    words an unknown adviser the same."""
    close = difflib.get_close_matches(value, sorted(known), n=3)
    hint = " " + msg("folder.did-you-mean", names=msg.join_or(close)) if close else ""
    if not known:
        listing = msg("folder.none-yet")
    else:
        listing = ", ".join(sorted(known)) if len(known) <= 12 else msg.plural("folder.n-in-all", len(known))
    message_id = {"adviser": "folder.unknown-adviser", "vacancy": "folder.unknown-vacancy"}[what]
    return msg(message_id, value=value, file=where, known=listing) + hint


def with_line(problem: Problem, folder: ContentFolder) -> Problem:
    """Checks that run on Story objects (here, and closed vacancies at build time) find the field's line
    in the file again for the message."""
    path = folder.path / problem.file[len(folder.shown_as) + 1 :]
    try:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if line.startswith(f"{problem.field}:"):
                return Problem(problem.file, number, problem.field, problem.message)
    except OSError:
        pass
    return problem
