"""Reading one story file into a Story, or into the problems a writer must fix."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from slugify import slugify

from sdg_stories.content.body_check import check_body
from sdg_stories.content.fields import FieldReader
from sdg_stories.sdg.goals import LANGUAGES, Framework
from sdg_stories.content.front_matter import split_front_matter
from sdg_stories.content.messages import messages
from sdg_stories.content.records import Story, StoryReferences
from sdg_stories.content.problems import Problem
from sdg_stories.content.unfinished_story import unfinished_parts
from sdg_stories.content.yaml_source import parse_yaml

STORY_FIELDS = (
    "title", "date", "adviser", "goals", "targets", "summary", "image", "image_alt",
    "lang", "draft", "slug", "vacancies",
)
_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# These names are taken by the listing pages under stories/.
RESERVED_SLUGS = frozenset({"page", "index", "feed", "images", "assets"})


@dataclass(frozen=True)
class StoryReading:
    """A story file read: the story, or None when it has problems, and what it names in other files."""

    story: Story | None
    problems: tuple[Problem, ...]
    references: StoryReferences



def default_slug(source: str) -> str:
    """``2024-04-05-Veilig winkelcentrum.md`` gives ``veilig-winkelcentrum``: the date is in the URL already."""
    stem = posixpath.splitext(posixpath.basename(source))[0]
    return slugify(_DATE_PREFIX.sub("", stem)) or slugify(stem)


def read_story(
    path: Path, source: str, shown_as: str, framework: Framework, default_lang: str
) -> tuple[Story | None, list[Problem]]:
    """``source`` is the path inside the stories folder, ``shown_as`` the path writers see in messages."""
    reading = read_story_file(path, source, shown_as, framework, default_lang)
    return reading.story, list(reading.problems)


def read_story_file(path: Path, source: str, shown_as: str, framework: Framework, default_lang: str) -> StoryReading:
    """The story with what it names in other files; ``default_lang`` is the site's language, also that
    of the messages."""
    msg = messages(default_lang)
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError:
        return StoryReading(None, (Problem(shown_as, None, None, msg("story.not-utf8")),), StoryReferences(source))
    except OSError as error:
        problem = Problem(shown_as, None, None, msg("story.unreadable", reason=error.strerror))
        return StoryReading(None, (problem,), StoryReferences(source))
    return parse_story_file(text, source, shown_as, framework, default_lang)


def parse_story(
    text: str, source: str, shown_as: str, framework: Framework, default_lang: str
) -> tuple[Story | None, list[Problem]]:
    """The story in ``text``; also how ``sdg-stories new`` checks a file before it exists."""
    reading = parse_story_file(text, source, shown_as, framework, default_lang)
    return reading.story, list(reading.problems)


def parse_story_file(text: str, source: str, shown_as: str, framework: Framework, default_lang: str) -> StoryReading:
    """The story in ``text``, or its problems; either way what it names in other files."""
    msg = messages(default_lang)
    split = split_front_matter(text)
    if split is None:
        return StoryReading(None, (Problem(shown_as, 1, None, msg("story.no-front-matter")),), StoryReferences(source))
    node, problems = parse_yaml(split.front_matter, shown_as, split.front_matter_line, language=default_lang)
    if node is None or node.kind != "map":
        if not problems:
            problems.append(Problem(shown_as, split.front_matter_line, None, msg("story.not-fields")))
        return StoryReading(None, tuple(problems), StoryReferences(source))

    fields = FieldReader(node, shown_as, problems, STORY_FIELDS, default_lang)
    title = fields.text("title", required=True, max_length=200)
    date = fields.date("date", required=True)
    adviser = fields.key("adviser", required=True)
    # Under 200 characters, as docs/verhaal-schrijven.md asks: a card, a search result and a feed show it whole.
    summary = fields.text("summary", required=True, max_length=200)
    before = len(problems)
    goals = fields.goals(framework)
    targets = fields.targets(framework)
    if not goals and not targets and len(problems) == before:  # absent, null, [] or "": none named
        fields.problem("goals", msg("story.no-goal"), at=None if fields.written("goals") else "targets")
    image = _resolve_image(fields, source)
    image_alt = fields.text("image_alt", max_length=300)
    if image and not image_alt:
        fields.problem("image_alt", msg("story.image-alt-required"), at="image")
    lang = fields.choice("lang", LANGUAGES) or default_lang
    draft = fields.flag("draft")
    slug = _resolve_slug(fields, source)
    vacancies = fields.keys("vacancies")
    problems += check_body(split.body, shown_as, split.body_line, language=default_lang)
    if not draft:  # drafts may be unfinished
        problems += unfinished_parts(split.body, shown_as, split.body_line, language=default_lang)
    references = StoryReferences(source, adviser, tuple(dict.fromkeys(vacancies)), image, slug)

    if len(problems) or None in (title, date, adviser, summary, slug):
        return StoryReading(None, tuple(problems), references)
    implied = {framework.target(target_id).goal_id for target_id in targets}
    return StoryReading(
        Story(
            source=source,
            slug=slug,
            title=title,
            date=date,
            adviser=adviser,
            goals=tuple(sorted(set(goals) | implied)),
            targets=tuple(sorted(set(targets), key=framework.target_order)),
            summary=summary,
            body=split.body,
            lang=lang,
            image=image,
            image_alt=image_alt if image else None,
            draft=draft,
            vacancies=references.vacancies,
            main_target=targets[0] if targets else None,
        ),
        tuple(problems),
        references,
    )


def _resolve_slug(fields: FieldReader, source: str) -> str | None:
    reported = len(fields.problems)
    slug = fields.text("slug", max_length=100) if fields.has("slug") else None
    if slug is None:
        if len(fields.problems) > reported:
            return None
        # Missing or empty (`slug: ""`, as a form may save it): the slug comes from the file name.
        slug = default_slug(source)
        if slug in RESERVED_SLUGS or not slug:
            fields.problem("slug", fields.msg("story.slug-from-file-taken", slug=slug))
            return None
        return slug
    if not _SLUG.match(slug):
        fields.problem("slug", fields.msg("story.slug-format", slug=slug, example=slugify(slug) or "my-story"))
        return None
    if slug in RESERVED_SLUGS:
        fields.problem("slug", fields.msg("story.slug-reserved", slug=slug))
        return None
    return slug


def _resolve_image(fields: FieldReader, source: str) -> str | None:
    """The image path as a path inside the stories folder; it must stay inside it."""
    image = fields.text("image", max_length=300)
    if image is None:
        return None
    if "://" in image or image.startswith(("/", "\\")) or ":" in image:
        fields.problem("image", fields.msg("story.image-not-relative", value=image))
        return None
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source), image))
    if resolved.startswith("../") or resolved == "..":
        fields.problem("image", fields.msg("story.image-outside", value=image))
        return None
    return resolved
