"""The files of ``/admin/``, the web editor, as every build publishes them.

The page, its configuration and the script that makes the preview look like the site are generated; the
editor itself (Decap CMS) is served from the site, from the copy vendored in editor/decap/, so editing
asks no third-party server for anything (only the git host, to publish).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from sdg_stories.content.messages import messages
from sdg_stories.model.editor_settings import EditorSettings
from sdg_stories.model.site import Site
from sdg_stories.outputs.editor_config import config_yaml, editor_config
from sdg_stories.pages.labels import LABELS
from sdg_stories.pages.renderer import environment

ADMIN = "admin"
# The words of templates/story.html that the preview (templates/admin/sdg-editor.js) draws too.
PREVIEW_LABELS = (
    "draft_banner", "scheduled_banner", "published", "photo_of", "goals", "goal", "target_n", "this_story_serves",
    "rubric_kicker", "also_serves", "target_of_goal", "goal_n",
)
DECAP_DIR = Path(__file__).parents[1] / "editor" / "decap"
# js-yaml (MIT) reads and writes the stories' front matter in the browser for sdg-save.js; its licence goes with it.
JS_YAML_DIR = Path(__file__).parents[1] / "editor" / "js-yaml"
_PREVIEW_JS = Path(__file__).parents[1] / "templates" / "admin" / "sdg-editor.js"
_SAVE_JS = Path(__file__).parents[1] / "templates" / "admin" / "sdg-save.js"


def decap_version() -> str:
    return (DECAP_DIR / "VERSION").read_text("utf-8").strip()


@dataclass(frozen=True)
class EditorFile:
    """One file under /admin/: generated text, or a file copied as it is."""

    path: str
    content: str | None = None
    source: Path | None = None


def editor_files(site: Site, settings: EditorSettings, stylesheets: list[str]) -> list[EditorFile]:
    """``stylesheets``: the site's CSS as paths from the site's root, for the preview pane."""
    language = site.language
    msg = messages(language)
    version = decap_version()
    # The version in the folder name: a browser never mixes a cached old chunk with a new editor.
    decap = f"{ADMIN}/decap-{version}"
    config = editor_config(
        site.framework, site.content, language, site.settings.stories_dir, settings, site.settings.site_url
    )
    page = environment().get_template("admin/index.html").render(
        title=msg("editor.page.title"), noscript=msg("editor.page.noscript"), lang=language, decap_script=f"decap-{version}/decap-cms.js",
        preview_data=Markup(_script_json({
            **preview_data(site, stylesheets), "publishing": settings.repo is not None,
            "not_configured": msg("editor.page.not-configured"),
            # Words Decap's own translation lacks (its Dutch has no "Login with Forgejo"): added, never replacing its own.
            "decap_phrases": {"auth": {"loginWithForgejo": msg("editor.page.login-forgejo")}},
            # On this computer the page asks the server it came from first, then the configured port (the
            # editor beside `mkdocs serve`); with neither, it says how to start one.
            "local_api": settings.local_api,
            # The configuration again, for the local mode, which changes it: Decap drops config.yml when a
            # page changes it and the server does not call the file YAML (a plain server, as for a local copy).
            "config": config,
            "not_running": {
                "title": msg("editor.page.not-running-title"), "how": msg("editor.page.not-running"),
                "command": "sdg-stories editor", "then": msg("editor.page.not-running-then", port=settings.local_port),
                "git_host": msg("editor.page.use-git-host"),  # offered only when publishing is set up
            },
        })),
    )
    files = [
        EditorFile(f"{ADMIN}/index.html", content=page),
        EditorFile(f"{ADMIN}/config.yml", content=config_yaml(config)),
        EditorFile(f"{ADMIN}/sdg-editor.js", source=_PREVIEW_JS),
        EditorFile(f"{ADMIN}/sdg-save.js", source=_SAVE_JS),
        EditorFile(f"{ADMIN}/js-yaml.min.js", source=JS_YAML_DIR / "js-yaml.min.js"),
        EditorFile(f"{ADMIN}/js-yaml.LICENSE.txt", source=JS_YAML_DIR / "LICENSE"),
    ]
    files += [
        EditorFile(f"{decap}/{path.name}", source=path)
        for path in sorted(DECAP_DIR.iterdir())
        if path.is_file() and path.name != "VERSION"
    ]
    return files


def preview_data(site: Site, stylesheets: list[str]) -> dict:
    """What the preview pane needs to draw a story as the site does: names, colours, the site's CSS, and the
    story page's own words (pages/labels.py), so the preview reads as the published page will."""
    language = site.language
    return {
        "lang": language,
        "labels": {key: LABELS[language][key] for key in PREVIEW_LABELS},
        "rubric_name": site.settings.rubric_name or LABELS[language]["rubric_name"],  # the kicker's name
        # From /admin/ to the site's root; the CSS is loaded into the preview's frame.
        "stylesheets": [f"../{path}" for path in stylesheets],
        "goals": {str(goal.id): goal.short[language] for goal in site.framework.goals},
        "goal_titles": {str(goal.id): goal.title[language] for goal in site.framework.goals},
        "targets": {target.id: target.title[language] for target in site.framework.targets},
        "target_order": [target.id for target in site.framework.targets],  # the JSON's keys come sorted as text
        "advisers": {
            key: {
                "name": adviser.name, "role": adviser.role, "initials": adviser.initials,
                "photo": f"../{site.asset_url(adviser.photo)}" if adviser.photo else None,
            }
            for key, adviser in site.content.advisers.items()
        },
    }


def _script_json(data: dict) -> str:
    """JSON safe inside <script>: no "</script>" or "<!--" can end or change the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
