"""Open data for reusers: ``stories.json`` and ``vacancies.json``, each with a JSON Schema (draft 2020-12).

A municipality compiling its SDG report, or a researcher, should not have to scrape HTML. The schemas
ship in the package (``data/*.schema.json``) and beside the data in the site; docs/open-data.md
describes the fields.

Deterministic: keys in a fixed order (the order written here), lists in the site's order, and no
timestamp but the build date, which decides which vacancies are open.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from urllib.parse import urlsplit, urlunsplit

from sdg_stories.content.records import Story, Vacancy
from sdg_stories.model.publication import Publication
from sdg_stories.model.site import Site

STORIES_FILE = "stories.json"
STORIES_SCHEMA = "stories.schema.json"
VACANCIES_FILE = "vacancies.json"
VACANCIES_SCHEMA = "vacancies.schema.json"

# Parameters that only tell an analytics tool where a click came from. Recruiters' own parameters
# (?ref=intern, ?vacature=123) may be needed by their applicant system and stay.
_TRACKING_PREFIXES = ("utm_",)
_TRACKING_NAMES = frozenset({"gclid", "fbclid", "msclkid", "mc_cid", "mc_eid"})


def generate_open_data(site: Site, publication: Publication) -> dict[str, bytes]:
    """The data files and their schemas, as site-root relative path -> bytes to publish."""
    return {
        STORIES_FILE: _serialize(stories_document(site, publication)),
        STORIES_SCHEMA: _serialize(schema(STORIES_SCHEMA)),
        VACANCIES_FILE: _serialize(vacancies_document(site, publication)),
        VACANCIES_SCHEMA: _serialize(schema(VACANCIES_SCHEMA)),
    }


@cache
def schema(name: str) -> dict:
    """A shipped schema, read once per process."""
    return json.loads(resources.files("sdg_stories").joinpath(f"data/{name}").read_text("utf-8"))


def stories_document(site: Site, publication: Publication) -> dict:
    """Every published story, newest first, and how many stories serve each goal and target."""
    stories = [story for story in site.stories if site.is_published(story)]
    goal_counts = {goal.id: 0 for goal in site.framework.goals}
    target_counts = {target.id: 0 for target in site.framework.targets}
    for story in stories:
        for goal_id in story.goals:
            goal_counts[goal_id] += 1
        for target_id in story.targets:
            target_counts[target_id] += 1
    return {
        "$schema": publication.absolute(STORIES_SCHEMA),
        "site": _site_record(site, publication),
        "stories": [_story_record(story, site, publication) for story in stories],
        "goals": [
            {
                "id": goal.id,
                "name": goal.short[site.language],
                "url": publication.absolute(site.goal_url(goal.id)),
                "stories": goal_counts[goal.id],
                "targets": [
                    {
                        "id": target.id,
                        "url": publication.absolute(site.target_url(target)),
                        "stories": target_counts[target.id],
                    }
                    for target in goal.targets
                ],
            }
            for goal in site.framework.goals
        ],
    }


def vacancies_document(site: Site, publication: Publication) -> dict:
    """The vacancies open on the build date, in the recruiters' order, with plain links."""
    stories = [story for story in site.stories if site.is_published(story)]
    return {
        "$schema": publication.absolute(VACANCIES_SCHEMA),
        "site": _site_record(site, publication),
        "build_date": site.settings.build_date.isoformat(),
        # The same rule the pages follow (sdg_stories/model/vacancies.py), so the site and the data agree.
        "vacancies": [_vacancy_record(vacancy, stories, site, publication) for vacancy in site.vacancies.open],
    }


def strip_tracking(url: str) -> str:
    """``url`` without analytics parameters; the rest of the query is kept byte for byte."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    kept = [
        pair for pair in parts.query.split("&")
        if pair and not _is_tracking(pair.split("=", 1)[0])
    ]
    return urlunsplit(parts._replace(query="&".join(kept)))


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name.startswith(_TRACKING_PREFIXES) or name in _TRACKING_NAMES


def _site_record(site: Site, publication: Publication) -> dict:
    return {"name": publication.name, "url": publication.url, "language": site.language}


def _story_record(story: Story, site: Site, publication: Publication) -> dict:
    adviser = site.adviser(story)
    return {
        "slug": story.slug,
        "url": publication.absolute(site.story_url(story)),
        "title": story.title,
        "date": story.date.isoformat(),
        "adviser": {
            "key": adviser.key,
            "name": adviser.name,
            "role": adviser.role,
            "url": publication.absolute(site.adviser_url(adviser.key)),
        },
        "goals": list(story.goals),
        "targets": list(story.targets),
        "summary": story.summary,
        "language": story.lang,
        "image": publication.absolute(site.asset_url(story.image)) if story.image else None,
        "image_alt": story.image_alt if story.image else None,
    }


def _vacancy_record(vacancy: Vacancy, stories: list[Story], site: Site, publication: Publication) -> dict:
    return {
        "id": vacancy.id,
        "title": vacancy.title,
        "url": strip_tracking(vacancy.url),
        "goals": list(vacancy.goals),
        "targets": list(vacancy.targets),
        "location": vacancy.location,
        "hours": vacancy.hours,
        "closes": vacancy.closes.isoformat() if vacancy.closes else None,
        "summary": vacancy.summary,
        "stories": [publication.absolute(site.story_url(story)) for story in stories if vacancy.id in story.vacancies],
    }


def _serialize(document: dict) -> bytes:
    # Not ASCII-escaped: "Beëindig" stays readable for people who open the file.
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
