"""The web editor's configuration (Decap CMS's config.yml), generated from the story contract and the data.

Nothing here is written by hand per site: the fields are the contract's (content/story_file.py), the
choices are the 17 goals and 169 targets in the site's language, the advisers of advisers.yml and the
vacancies of vacancies.yml as they are at build time. So the form cannot offer what the build refuses,
and a new adviser or vacancy is in the form after the next build.
"""

from __future__ import annotations

from typing import Any

import yaml

from sdg_stories.content.adviser_file import ADVISER_FIELDS
from sdg_stories.content.folder import ADVISERS_FILE, VACANCIES_FILE
from sdg_stories.content.messages import Messages, messages
from sdg_stories.content.records import Content
from sdg_stories.content.rubric import RUBRIC
from sdg_stories.content.story_file import STORY_FIELDS
from sdg_stories.content.vacancy_file import VACANCIES_KEY, VACANCY_FIELDS
from sdg_stories.editor.form_words import FIELD_LABELS
from sdg_stories.model.editor_settings import EditorSettings
from sdg_stories.sdg.goals import LANGUAGES, Framework

# The file name the reader's default_slug turns back into the slug: DATE-SLUG.md. {{year}} and friends
# are the story's own date field (Decap reads the field called "date"), not the day of saving.
STORY_FILE_NAME = "{{year}}-{{month}}-{{day}}-{{slug}}"
IMAGES_FOLDER = "images"  # stories/images/, written in a story as images/photo.jpg (relative to the story)
ADVISER_PHOTOS = "advisers"  # stories/images/advisers/, as `sdg-stories new-adviser` suggests
# Fields of the contract the form leaves out on purpose (none: a field the form lacks is lost on saving).
NOT_IN_FORM: frozenset[str] = frozenset()
SAVE_FORMAT = "sdg-frontmatter"
ADVISERS_FORMAT = "sdg-yaml"
SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"  # as content/story_file.py checks it
URL_PATTERN = "^https?://[^\\s<>\"']+$"  # as content/vacancy_file.py checks a vacancy's link
_LANGUAGE_NAMES = {"nl": "editor.field.lang-nl", "en": "editor.field.lang-en"}


def editor_config(
    framework: Framework, content: Content, language: str, stories_dir: str,
    settings: EditorSettings, site_url: str | None,
) -> dict[str, Any]:
    """Decap CMS's configuration as data; ``config_yaml`` writes it."""
    msg = messages(language)  # the writers' catalogue: the form is theirs, as `sdg-stories new` is
    config: dict[str, Any] = {
        "backend": _backend(settings),
        "locale": language,
        # In the browser of a writer running `sdg-stories editor`, files are read and saved on their
        # computer (cli: editor/local_server.py); anywhere else, through the git host.
        "local_backend": {"url": settings.local_api},
        "media_folder": f"{stories_dir}/{IMAGES_FOLDER}",
        "public_folder": IMAGES_FOLDER,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            _stories_collection(framework, content, language, stories_dir, msg),
            _advisers_collection(content, stories_dir, msg),
            _vacancies_collection(framework, language, stories_dir, msg),
        ],
    }
    if settings.review:
        config["publish_mode"] = "editorial_workflow"
    if site_url:
        config["site_url"] = site_url
        config["display_url"] = site_url
    return config


def config_yaml(config: dict[str, Any]) -> str:
    # Quoted where YAML would guess another type ("11.10" must not become 11.1 on the way to the editor).
    # libyaml's dumper where PyYAML has it: the same text, eight times faster (25 ms a build).
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(config, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000)


def _backend(settings: EditorSettings) -> dict[str, Any]:
    backend: dict[str, Any] = {"name": settings.backend, "branch": settings.branch}
    if settings.repo:
        backend["repo"] = settings.repo
    for name in ("base_url", "auth_endpoint", "api_root", "app_id"):
        value = getattr(settings, name)
        if value:
            backend[name] = value
    if settings.app_id and settings.backend in ("gitlab", "forgejo", "gitea"):
        backend["auth_type"] = "pkce"  # the browser logs in at the git host itself: no OAuth proxy to run
    return backend


def _stories_collection(
    framework: Framework, content: Content, language: str, stories_dir: str, msg: Messages
) -> dict[str, Any]:
    fields = {
        "title": {"label": msg(FIELD_LABELS["title"]), "widget": "string", "hint": msg("editor.field.title-hint")},
        "date": {
            "label": msg(FIELD_LABELS["date"]), "widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD",
            "time_format": False, "picker_utc": True, "default": "{{now}}",  # a new story is dated today
        },
        "adviser": {
            "label": msg(FIELD_LABELS["adviser"]), "widget": "select", "hint": msg("editor.field.adviser-hint"),
            "options": [
                {"label": f"{adviser.name} ({adviser.role})", "value": key}
                for key, adviser in sorted(content.advisers.items(), key=lambda item: item[1].name)
            ],
        },
        "goals": {
            "label": msg(FIELD_LABELS["goals"]), "hint": msg("editor.field.goals-hint"),
            "widget": "select", "multiple": True, "required": False,
            "options": [{"label": f"{goal.id} — {goal.short[language]}", "value": goal.id} for goal in framework.goals],
        },
        "targets": {
            "label": msg(FIELD_LABELS["targets"]), "hint": msg("editor.field.targets-hint"),
            "widget": "select", "multiple": True, "required": False,
            "options": [
                {"label": f"{target.id} — {target.title[language]}", "value": target.id} for target in framework.targets
            ],
        },
        "summary": {"label": msg(FIELD_LABELS["summary"]), "widget": "text", "hint": msg("editor.field.summary-hint")},
        "image": {"label": msg(FIELD_LABELS["image"]), "widget": "image", "required": False, "choose_url": False},
        "image_alt": {
            "label": msg(FIELD_LABELS["image_alt"]), "hint": msg("editor.field.image-alt-hint"),
            "widget": "string", "required": False,
        },
        "lang": {
            "label": msg(FIELD_LABELS["lang"]), "widget": "select", "default": language,
            "options": [{"label": msg(_LANGUAGE_NAMES[code]), "value": code} for code in LANGUAGES],
        },
        # Optional: empty, the slug comes from the file name; kept as it is when a story has one of its own.
        "slug": {
            "label": msg(FIELD_LABELS["slug"]), "hint": msg("editor.field.slug-hint"), "widget": "string", "required": False,
            "pattern": [SLUG_PATTERN, msg("editor.field.slug-pattern")],
        },
        "draft": {
            "label": msg(FIELD_LABELS["draft"]), "hint": msg("editor.field.draft-hint"),
            "widget": "boolean", "default": True, "required": False,
        },
        "vacancies": {
            "label": msg(FIELD_LABELS["vacancies"]), "hint": msg("editor.field.vacancies-hint"),
            "widget": "select", "multiple": True, "required": False,
            "options": [{"label": f"{vacancy.title} ({vacancy.id})", "value": vacancy.id} for vacancy in content.vacancies],
        },
    }
    if not content.vacancies:
        del fields["vacancies"]  # Decap refuses a select without options; there is nothing to choose yet
    ordered = [{"name": name, **fields[name]} for name in STORY_FIELDS if name in fields]
    intro, sections = RUBRIC[language]
    prompts = " ".join([intro] + [f"**{heading}:** {prompt}" for heading, prompt in sections])
    ordered.append({
        # The rubric's headings, pre-filled; what each asks for is the field's help (grey, under the label),
        # not comments in the text, which the rich-text view shows as code and a save would keep.
        "name": "body", "label": msg(FIELD_LABELS["body"]), "widget": "markdown",
        "hint": msg("editor.field.body-hint", prompts=prompts),
        "modes": ["raw", "rich_text"], "default": "".join(f"## {heading}\n\n" for heading, _ in sections),
    })
    return {
        "name": "stories",
        "label": msg("editor.stories"),
        "label_singular": msg("editor.story"),
        "folder": stories_dir,
        "extension": "md",
        # templates/admin/sdg-save.js: front matter like Decap's "frontmatter", but a save rewrites only the
        # values the writer changed, so a pull request shows that and nothing else.
        "format": SAVE_FORMAT,
        "create": True,
        "slug": STORY_FILE_NAME,
        "identifier_field": "title",
        "summary": "{{date}} · {{title}}",
        # Newest first, as on the site; the writer can still sort by title.
        "sortable_fields": [{"field": "date", "default_sort": "desc"}, "title"],
        "fields": ordered,
    }


def _advisers_collection(content: Content, stories_dir: str, msg: Messages) -> dict[str, Any]:
    """advisers.yml maps each adviser's key to their fields; Decap edits a file's known keys, so the form
    has one group per adviser of the build (a new adviser is added with `sdg-stories new-adviser`)."""
    sub_fields = {
        "name": {"label": msg("editor.field.name"), "widget": "string"},
        "role": {"label": msg("editor.field.role"), "widget": "string"},
        # Adviser photos live in stories/images/advisers/ and are written as images/advisers/NAME.jpg.
        "photo": {
            "label": msg("editor.field.photo"), "widget": "image", "required": False, "choose_url": False,
            "media_folder": f"/{stories_dir}/{IMAGES_FOLDER}/{ADVISER_PHOTOS}", "public_folder": f"{IMAGES_FOLDER}/{ADVISER_PHOTOS}",
        },
        "bio": {"label": msg("editor.field.bio"), "widget": "text", "required": False},
    }
    advisers = [
        {
            "name": key, "label": adviser.name, "widget": "object",
            "fields": [{"name": name, **sub_fields[name]} for name in ADVISER_FIELDS],
        }
        for key, adviser in content.advisers.items()
    ]
    return {
        "name": "advisers",
        "label": msg("editor.advisers"),
        "editor": {"preview": False},
        "format": ADVISERS_FORMAT,  # sdg-save.js: a save rewrites only the changed fields, the comments stay
        "files": [{"name": "advisers", "label": msg("editor.advisers-file"), "file": f"{stories_dir}/{ADVISERS_FILE}", "fields": advisers}],
    }


def _vacancies_collection(framework: Framework, language: str, stories_dir: str, msg: Messages) -> dict[str, Any]:
    """vacancies.yml holds its list under ``vacancies:`` so that Decap edits it as one file with a list:
    recruiters add, change, reorder and remove vacancies in the form (content/vacancy_file.py)."""
    date = {
        "widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False,
        "picker_utc": True, "required": False, "default": "",  # "": empty, not today, unless a recruiter picks a day
    }
    sub_fields = {
        "id": {
            "label": msg("editor.field.vacancy-id"), "hint": msg("editor.field.vacancy-id-hint"), "widget": "string",
            "pattern": [SLUG_PATTERN, msg("editor.field.slug-pattern")],
        },
        "title": {"label": msg("editor.field.title"), "widget": "string"},
        "url": {
            "label": msg("editor.field.vacancy-url"), "hint": msg("editor.field.vacancy-url-hint"), "widget": "string",
            "pattern": [URL_PATTERN, msg("editor.field.vacancy-url-hint")],
        },
        "goals": {
            "label": msg("editor.field.goals"), "hint": msg("editor.field.goals-hint"),
            "widget": "select", "multiple": True, "required": False,
            "options": [{"label": f"{goal.id} — {goal.short[language]}", "value": goal.id} for goal in framework.goals],
        },
        "targets": {
            "label": msg("editor.field.targets"), "hint": msg("editor.field.targets-hint"),
            "widget": "select", "multiple": True, "required": False,
            "options": [
                {"label": f"{target.id} — {target.title[language]}", "value": target.id} for target in framework.targets
            ],
        },
        "location": {"label": msg("editor.field.vacancy-location"), "widget": "string", "required": False},
        "hours": {"label": msg("editor.field.vacancy-hours"), "widget": "string", "required": False},
        "opens": {"label": msg("editor.field.vacancy-opens"), "hint": msg("editor.field.vacancy-opens-hint"), **date},
        "closes": {"label": msg("editor.field.vacancy-closes"), "hint": msg("editor.field.vacancy-closes-hint"), **date},
        "summary": {"label": msg("editor.field.summary"), "widget": "text", "required": False},
    }
    listing = {
        "name": VACANCIES_KEY, "label": msg("editor.vacancies"), "label_singular": msg("editor.vacancy"),
        "widget": "list", "required": False, "collapsed": True, "summary": "{{fields.title}}",
        "fields": [{"name": name, **sub_fields[name]} for name in VACANCY_FIELDS],
    }
    return {
        "name": "vacancies",
        "label": msg("editor.vacancies"),
        "editor": {"preview": False},
        "files": [{
            "name": "vacancies", "label": msg("editor.vacancies-file"), "file": f"{stories_dir}/{VACANCIES_FILE}",
            "fields": [listing],
        }],
    }


def contract_fields_missing(config: dict[str, Any]) -> list[str]:
    """Contract fields the stories form does not offer (beyond those left out on purpose): for tests and checks."""
    form = {field["name"] for field in config["collections"][0]["fields"]}
    return [name for name in STORY_FIELDS if name not in form and name not in NOT_IN_FORM]
