"""MkDocs event hooks for sdg-stories, in the order MkDocs calls them.

Each event hands over to the adapter (``sdg_stories.mkdocs_adapter``). MkDocs loads this module once per
`mkdocs serve` process but runs ``on_config`` on every rebuild, so the state of a build lives on that
build's config object, never in this module.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# Imported at module top: MkDocs puts hooks/ on sys.path only while it imports this file.
from sdg_stories.mkdocs_adapter.aborting import abort_if_strict_failed, aborting_in_site_language
from sdg_stories.mkdocs_adapter.build import GOALS_CSS, MkDocsBuild, close_search_indexes
from sdg_stories.mkdocs_adapter.problem_preview import ProblemPreview, start_build
from sdg_stories.mkdocs_adapter.theme import localise_config, theme_words

_STATE = "_sdg_stories_build"
_command: str | None = None  # "build", "serve" or "gh-deploy": a fact about the process, not a build
_dirty = False  # --dirty: likewise


def on_startup(command: str, dirty: bool) -> None:
    global _command, _dirty
    _command, _dirty = command, dirty


@aborting_in_site_language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Validates all content here, before MkDocs cleans site/; and points site_dir at a staging folder
    # published in on_post_build, so a build failing later leaves the old site intact too.
    # Under `mkdocs serve`, content with problems builds a site that shows them (problem_preview.py).
    localise_config(config)
    setattr(config, _STATE, start_build(config, _command, _dirty))
    if GOALS_CSS not in config.extra_css:
        config.extra_css.append(GOALS_CSS)
    return config


@aborting_in_site_language
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return _build(config).add_files(files, config)


@aborting_in_site_language
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _build(config).set_page_meta(page)
    return markdown


@aborting_in_site_language
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _build(config).page_content(html, page)


@aborting_in_site_language
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _build(config).finish_cards()  # before MkDocs copies the static files, the cards among them
    _build(config).theme_globals(env)
    theme_words(env, config.theme["language"] or "nl")
    return env


@aborting_in_site_language
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    return _build(config).page_context(context, page)


@aborting_in_site_language
def on_post_build(config: MkDocsConfig) -> None:
    _build(config).write_search_index()
    _build(config).publish(config)  # site/ is replaced only by a build that got this far
    abort_if_strict_failed(config)  # MkDocs' next step, but in the site's language


def on_build_error(error: Exception) -> None:
    # MkDocs passes no config here, so the build's own state is out of reach: end any Pagefind process
    # a failed build left running (`mkdocs serve` goes on after a failed rebuild).
    close_search_indexes()


def _build(config: MkDocsConfig) -> MkDocsBuild | ProblemPreview:
    return getattr(config, _STATE)
