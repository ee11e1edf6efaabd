"""Open data: stories.json and vacancies.json, validated against their schemas and checked against the content."""

from __future__ import annotations

import datetime as dt
import json
import re

import jsonschema
import pytest

from example_content import ROOT, SITE_URL, example_advisers, example_stories, example_vacancies
from project import Build, Project

BUILD_DATE = dt.date(2026, 1, 1)  # the example_site fixture's SOURCE_DATE_EPOCH
PACKAGE_DATA = ROOT / "hooks" / "sdg_stories" / "data"


def _load(build: Build, path: str) -> dict:
    return json.loads((build.site / path).read_text("utf-8"))


def _validate(document: dict, schema: dict) -> None:
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(document), key=str)
    assert not errors, "\n".join(f"{list(error.absolute_path)}: {error.message}" for error in errors)


def test_schemas_are_valid_draft_2020_12_and_shipped_in_site_and_package(example_site: Build) -> None:
    for name in ("stories.schema.json", "vacancies.schema.json"):
        shipped = json.loads((PACKAGE_DATA / name).read_text("utf-8"))
        jsonschema.Draft202012Validator.check_schema(shipped)
        assert shipped["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert _load(example_site, name) == shipped


def test_stories_json_validates_against_its_schema(example_site: Build) -> None:
    document = _load(example_site, "stories.json")
    _validate(document, _load(example_site, "stories.schema.json"))
    assert document["$schema"] == SITE_URL + "stories.schema.json"
    assert document["site"] == {"name": "Verhalen over de SDG's", "url": SITE_URL, "language": "nl"}


def test_schema_rejects_what_it_should(example_site: Build) -> None:
    """The schema has teeth: a test validating against a schema that accepts anything would prove nothing."""
    schema = _load(example_site, "stories.schema.json")
    document = _load(example_site, "stories.json")
    for spoil in (
        lambda d: d["stories"][0].pop("adviser"),
        lambda d: d["stories"][0].update(goals=[18]),
        lambda d: d["stories"][0].update(targets=["11.1O"]),
        lambda d: d["stories"][0].update(date="2024-02-30"),
        lambda d: d["stories"][0].update(extra="field"),
        lambda d: d["goals"].pop(),
    ):
        spoiled = json.loads(json.dumps(document))
        spoil(spoiled)
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(spoiled, schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_stories_json_matches_the_published_stories(example_site: Build) -> None:
    records = _load(example_site, "stories.json")["stories"]
    advisers = example_advisers()
    stories = example_stories()
    assert [record["slug"] for record in records] == [story.slug for story in stories]  # newest first, no draft
    for record, story in zip(records, stories):
        assert record["url"] == story.url and example_site.exists(f"stories/{story.slug}/")
        assert record["title"] == story.title
        assert record["date"] == story.date.isoformat()
        assert record["summary"] == story.summary
        assert record["language"] == story.lang
        assert set(record["goals"]) == story.goals and record["goals"] == sorted(record["goals"])
        assert set(record["targets"]) == story.targets
        adviser = advisers[story.adviser]
        assert record["adviser"] == {
            "key": story.adviser, "name": adviser["name"], "role": adviser["role"],
            "url": f"{SITE_URL}advisers/{story.adviser}/",
        }
        if story.image:
            assert record["image"] == f"{SITE_URL}stories/{story.image}"
            assert (example_site.site / "stories" / story.image).is_file()
            assert record["image_alt"]
        else:
            assert record["image"] is None and record["image_alt"] is None
    # 17.10 unquoted in the front matter stays 17.10, not 17.1
    procurement = next(record for record in records if record["slug"] == "inclusive-procurement")
    assert "17.10" in procurement["targets"] and "17.1" not in procurement["targets"]


def test_goal_and_target_counts(example_site: Build) -> None:
    goals = _load(example_site, "stories.json")["goals"]
    stories = example_stories()
    assert [goal["id"] for goal in goals] == list(range(1, 18))
    assert sum(len(goal["targets"]) for goal in goals) == 169
    for goal in goals:
        assert goal["stories"] == sum(goal["id"] in story.goals for story in stories), goal["id"]
        assert goal["url"] == f"{SITE_URL}sdg/{goal['id']}/"
        for target in goal["targets"]:
            assert target["stories"] == sum(target["id"] in story.targets for story in stories), target["id"]
            assert target["url"] == f"{SITE_URL}sdg/{goal['id']}/#target-{target['id'].replace('.', '-')}"
    assert goals[0]["stories"] == 0  # goal 1 has only the draft
    by_id = {target["id"]: target["stories"] for goal in goals for target in goal["targets"]}
    assert by_id["17.10"] == 1 and by_id["17.1"] == 0


def test_vacancies_json_lists_open_vacancies_without_tracking(example_site: Build) -> None:
    document = _load(example_site, "vacancies.json")
    _validate(document, _load(example_site, "vacancies.schema.json"))
    assert document["build_date"] == BUILD_DATE.isoformat()
    source = example_vacancies()
    open_ids = [v["id"] for v in source if "closes" not in v or dt.date.fromisoformat(v["closes"]) >= BUILD_DATE]
    assert [vacancy["id"] for vacancy in document["vacancies"]] == open_ids
    assert "traineeship-duurzame-ontwikkeling" not in open_ids  # closed 2024-12-31
    urls = {v["id"]: v["url"] for v in source}
    for vacancy in document["vacancies"]:
        assert "utm_" not in vacancy["url"]
        assert vacancy["url"] == urls[vacancy["id"]]  # the example URLs carry no tracking; ?ref=intern and #solliciteer stay
    energy = next(v for v in document["vacancies"] if v["id"] == "adviseur-energietransitie")
    assert energy["closes"] is None
    oov = next(v for v in document["vacancies"] if v["id"] == "adviseur-oov")
    assert oov["stories"] == [SITE_URL + "stories/veilig-winkelcentrum/"]


def test_strip_tracking_keeps_the_recruiters_own_parameters() -> None:
    from sdg_stories.outputs.open_data import strip_tracking

    assert strip_tracking("https://w.example/v?utm_source=x&ref=intern&UTM_Medium=y&gclid=1#apply") == "https://w.example/v?ref=intern#apply"
    assert strip_tracking("https://w.example/v?utm_campaign=a") == "https://w.example/v"
    assert strip_tracking("https://w.example/v?q=a%20b&x=") == "https://w.example/v?q=a%20b&x="
    assert strip_tracking("https://w.example/v#utm_source=x") == "https://w.example/v#utm_source=x"


def test_open_data_page_documents_every_field_and_is_in_the_nav(example_site: Build) -> None:
    text = (ROOT / "docs" / "open-data.md").read_text("utf-8")
    english = text[text.index("## Open data and feeds (English)"):]
    for name in ("stories.schema.json", "vacancies.schema.json"):
        for field in _property_names(json.loads((PACKAGE_DATA / name).read_text("utf-8"))):
            assert f"`{field}`" in text, f"docs/open-data.md does not describe {name}: {field}"
            assert f"`{field}`" in english, f"the English section of docs/open-data.md does not describe {field}"
    soup = example_site.soup("open-data/")
    assert soup.select_one('nav a[href="../open-data/"], nav a[href="./"]') is not None
    links = {a["href"] for a in example_site.content("open-data/").select("a[href]")}
    for path in ("stories.json", "stories.schema.json", "vacancies.json", "vacancies.schema.json", "feed.xml"):
        assert f"../{path}" in links and (example_site.site / path).is_file(), path


def _property_names(schema: dict) -> set[str]:
    names: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            names.update(node.get("properties", {}) if isinstance(node.get("properties"), dict) else ())
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return names


def test_without_site_url_feeds_data_and_previews_are_left_out_with_a_warning(project: Project) -> None:
    project.story("2024-04-05-wijk.md")
    config = project.root / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url:.*\n", "", config.read_text("utf-8")), "utf-8")
    build = project.build()
    assert build.ok, build.output
    assert "mkdocs.yml: site_url: is niet ingesteld" in build.output
    for path in ("feed.xml", "sdg/11/feed.xml", "stories.json", "vacancies.json", "stories.schema.json"):
        assert not (build.site / path).exists(), path
    soup = build.soup("stories/wijk/")
    assert soup.select_one('meta[property^="og:"]') is None
    assert soup.select_one('script[type="application/ld+json"]') is None
    assert build.content("sdg/11/").select_one("a[type='application/atom+xml']") is None
    strict = project.build("--strict", site="site-strict")
    assert not strict.ok and "site_url" in strict.output
