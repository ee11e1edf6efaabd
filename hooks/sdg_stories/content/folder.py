"""Loading the whole stories folder, checking it as a whole, and refusing it with every problem at once."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from sdg_stories.content.adviser_file import read_advisers
from sdg_stories.sdg.goals import Framework
from sdg_stories.content.records import Content, Story
from sdg_stories.content.problems import ContentError, Problem
from sdg_stories.content.story_file import read_story
from sdg_stories.kept import KEPT
from sdg_stories.content.vacancy_file import read_vacancies

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


def load_content(folder: ContentFolder, framework: Framework, default_lang: str) -> Content:
    """Read and cross-check everything; raises ContentError listing every problem of every file."""
    if not folder.path.is_dir():
        raise ContentError([Problem(folder.shown_as, None, None, "the stories folder does not exist")])
    sources, assets = folder.walk()
    advisers, problems = read_advisers(folder.path / ADVISERS_FILE, folder.show(ADVISERS_FILE))
    vacancies, vacancy_problems = read_vacancies(
        folder.path / VACANCIES_FILE, folder.show(VACANCIES_FILE), framework
    )
    problems += vacancy_problems
    KEPT.fit("parsed", 2 * len(sources) + 100)
    stories: list[Story] = []
    for source in sources:
        story, story_problems = read_story(
            folder.path / source, source, folder.show(source), framework, default_lang
        )
        problems += story_problems
        if story is not None:
            stories.append(story)
    asset_set = set(assets)
    problems += _check_advisers_photos(advisers, asset_set, folder)
    problems += _check_references(stories, advisers, {v.id for v in vacancies}, asset_set, folder)
    problems += _check_unique_slugs(stories, folder)
    if problems:
        raise ContentError(problems)
    stories.sort(key=lambda story: (story.date, story.slug), reverse=True)
    return Content(advisers=advisers, stories=tuple(stories), vacancies=tuple(vacancies), assets=tuple(assets))


def _check_advisers_photos(advisers, assets: set[str], folder: ContentFolder) -> list[Problem]:
    return [
        Problem(folder.show(ADVISERS_FILE), None, f"{adviser.key}.photo", f"the file {folder.show(adviser.photo)} does not exist")
        for adviser in advisers.values()
        if adviser.photo and adviser.photo not in assets
    ]


def _check_references(
    stories: list[Story], advisers: dict, vacancy_ids: set[str], assets: set[str], folder: ContentFolder
) -> list[Problem]:
    """Names that point into other files; the line is found again from the story's own text."""
    problems: list[Problem] = []
    for story in stories:
        shown = folder.show(story.source)
        if story.adviser not in advisers:
            problems.append(Problem(shown, None, "adviser", unknown_name("adviser", story.adviser, advisers, folder.show(ADVISERS_FILE))))
        for vacancy_id in story.vacancies:
            if vacancy_id not in vacancy_ids:
                problems.append(Problem(shown, None, "vacancies", unknown_name("vacancy", vacancy_id, vacancy_ids, folder.show(VACANCIES_FILE))))
        if story.image and story.image not in assets:
            problems.append(Problem(shown, None, "image", f"the file {folder.show(story.image)} does not exist; check the name and the folder"))
    return [with_line(problem, folder) for problem in problems]


def _check_unique_slugs(stories: list[Story], folder: ContentFolder) -> list[Problem]:
    by_slug: dict[str, list[Story]] = {}
    for story in stories:
        by_slug.setdefault(story.slug, []).append(story)
    problems = [
        Problem(
            folder.show(story.source), None, "slug",
            f"'{slug}' is also the slug of "
            + ", ".join(folder.show(other.source) for other in same if other is not story)
            + "; give one of them another slug",
        )
        for slug, same in by_slug.items() if len(same) > 1
        for story in same
    ]
    return [with_line(problem, folder) for problem in problems]


def unknown_name(what: str, value: str, known, where: str) -> str:
    """The message for a name that is not in its file; `sdg-stories new` words an unknown adviser the same."""
    close = difflib.get_close_matches(value, sorted(known), n=3)
    hint = f" Did you mean {' or '.join(close)}?" if close else ""
    listing = ", ".join(sorted(known)) if len(known) <= 12 else f"{len(known)} in all"
    return f"'{value}' is not a known {what} in {where} (known: {listing or 'none yet'}).{hint}"


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
