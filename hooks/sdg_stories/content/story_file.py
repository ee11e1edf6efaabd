"""Reading one story file into a Story, or into the problems a writer must fix."""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

from slugify import slugify

from sdg_stories.content.body_check import check_body
from sdg_stories.content.fields import FieldReader
from sdg_stories.sdg.goals import LANGUAGES, Framework
from sdg_stories.content.front_matter import split_front_matter
from sdg_stories.content.records import Story
from sdg_stories.content.problems import Problem
from sdg_stories.pages.render_cache import BoundedCache
from sdg_stories.content.yaml_source import parse_yaml

STORY_FIELDS = (
    "title", "date", "adviser", "goals", "targets", "summary", "image", "image_alt",
    "lang", "draft", "slug", "vacancies",
)
_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# These names are taken by the listing pages under stories/.
RESERVED_SLUGS = frozenset({"page", "index", "feed", "images", "assets"})
# Parsing is a function of the text and the names below: `mkdocs serve` re-reads every story on each
# rebuild, and parses again only those whose text changed (rebuild_cache.py). Keyed by a digest, so
# the texts are not held twice; sized by load_content for the site at hand.
PARSED: BoundedCache[tuple[Story | None, tuple[Problem, ...]]] = BoundedCache(1000)


def default_slug(source: str) -> str:
    """``2024-04-05-Veilig winkelcentrum.md`` gives ``veilig-winkelcentrum``: the date is in the URL already."""
    stem = posixpath.splitext(posixpath.basename(source))[0]
    return slugify(_DATE_PREFIX.sub("", stem)) or slugify(stem)


def read_story(
    path: Path, source: str, shown_as: str, framework: Framework, default_lang: str
) -> tuple[Story | None, list[Problem]]:
    """``source`` is the path inside the stories folder, ``shown_as`` the path writers see in messages."""
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError:
        return None, [Problem(shown_as, None, None, "is not UTF-8 text; save it as UTF-8")]
    except OSError as error:
        return None, [Problem(shown_as, None, None, f"cannot be read: {error.strerror}")]
    key = (hashlib.sha1(text.encode("utf-8")).digest(), source, shown_as, framework, default_lang)
    story, problems = PARSED.get_or_make(key, lambda: _parsed(text, source, shown_as, framework, default_lang))
    return story, list(problems)


def _parsed(
    text: str, source: str, shown_as: str, framework: Framework, default_lang: str
) -> tuple[Story | None, tuple[Problem, ...]]:
    story, problems = parse_story(text, source, shown_as, framework, default_lang)
    return story, tuple(problems)


def parse_story(
    text: str, source: str, shown_as: str, framework: Framework, default_lang: str
) -> tuple[Story | None, list[Problem]]:
    """The story in ``text``; also how ``sdg-stories new`` checks a file before it exists."""
    split = split_front_matter(text)
    if split is None:
        return None, [Problem(shown_as, 1, None, _NO_FRONT_MATTER)]
    node, problems = parse_yaml(split.front_matter, shown_as, split.front_matter_line)
    if node is None or node.kind != "map":
        if not problems:
            problems.append(Problem(shown_as, split.front_matter_line, None, _NOT_A_MAPPING))
        return None, problems

    fields = FieldReader(node, shown_as, problems, STORY_FIELDS)
    title = fields.text("title", required=True, max_length=200)
    date = fields.date("date", required=True)
    adviser = fields.key("adviser", required=True)
    summary = fields.text("summary", required=True, max_length=500)
    goals = fields.goals(framework)
    targets = fields.targets(framework)
    if not fields.has("goals") and not fields.has("targets"):
        fields.problem("goals", "a story needs at least one goal or target, like goals: [11] or targets: [11.7]")
    image = _resolve_image(fields, source)
    image_alt = fields.text("image_alt", max_length=300)
    if image and not image_alt:
        fields.problem("image_alt", "is required with an image: describe what the image shows for people who cannot see it")
    lang = fields.choice("lang", LANGUAGES) or default_lang
    draft = fields.flag("draft")
    slug = _resolve_slug(fields, source)
    vacancies = fields.keys("vacancies")
    problems += check_body(split.body, shown_as, split.body_line)

    if len(problems) or None in (title, date, adviser, summary, slug):
        return None, problems
    implied = {framework.target(target_id).goal_id for target_id in targets}
    return (
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
            vacancies=tuple(dict.fromkeys(vacancies)),
        ),
        problems,
    )


_NO_FRONT_MATTER = (
    "the story has no front matter: the file must start with a line '---', then the fields "
    "(title, date, adviser, goals or targets, summary), then another line '---'"
)
_NOT_A_MAPPING = "the front matter must be fields, one per line, like 'title: My story'"


def _resolve_slug(fields: FieldReader, source: str) -> str | None:
    reported = len(fields.problems)
    slug = fields.text("slug", max_length=100) if fields.has("slug") else None
    if slug is None:
        if len(fields.problems) > reported:
            return None
        # Missing or empty (`slug: ""`, as a form may save it): the slug comes from the file name.
        slug = default_slug(source)
        if slug in RESERVED_SLUGS or not slug:
            fields.problem("slug", f"the file name gives the slug '{slug}', which is taken by the site; set another slug")
            return None
        return slug
    if not _SLUG.match(slug):
        fields.problem("slug", f"'{slug}' must be lower case letters, digits and hyphens; for example '{slugify(slug) or 'my-story'}'")
        return None
    if slug in RESERVED_SLUGS:
        fields.problem("slug", f"'{slug}' is taken by the site; choose another, for example '{slug}-story'")
        return None
    return slug


def _resolve_image(fields: FieldReader, source: str) -> str | None:
    """The image path as a path inside the stories folder; it must stay inside it."""
    image = fields.text("image", max_length=300)
    if image is None:
        return None
    if "://" in image or image.startswith(("/", "\\")) or ":" in image:
        fields.problem("image", f"'{image}' must be a path relative to the story file, like images/photo.jpg")
        return None
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source), image))
    if resolved.startswith("../") or resolved == "..":
        fields.problem("image", f"'{image}' points outside the stories folder; put the image in stories/images/")
        return None
    return resolved
