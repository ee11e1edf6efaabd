"""MkDocs event hooks for sdg-stories, in the order MkDocs calls them.

Each event hands over to the ``sdg_stories`` package. MkDocs loads this module once per `mkdocs serve`
process but runs ``on_config`` on every rebuild, so the state of a build lives on that build's config
object, never in this module.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

# Imported at module top: MkDocs puts hooks/ on sys.path only while it imports this file.
from sdg_stories.mkdocs_adapter.build import GOALS_CSS, MkDocsSite, close_searches

_STATE = "_sdg_stories_site"
_command: str | None = None  # "build", "serve" or "gh-deploy": a fact about the process, not a build
_dirty = False  # --dirty: likewise


def on_startup(command: str, dirty: bool) -> None:
    global _command, _dirty
    _command, _dirty = command, dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Validates all content here, before MkDocs cleans site/; and points site_dir at a staging folder
    # published in on_post_build, so a build failing later leaves the old site intact too.
    setattr(config, _STATE, MkDocsSite(config, _command, _dirty))
    if GOALS_CSS not in config.extra_css:
        config.extra_css.append(GOALS_CSS)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return _site(config).add_files(files, config)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _site(config).nav = nav
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _site(config).finish_cards()  # before MkDocs copies the static files, the cards among them
    _site(config).end_conversions()
    _site(config).theme_globals(env)
    _site(config).reuse_pages(env, config, files)
    _site(config).render_in_parallel(env, files)  # last: the fork starts from the environment as it is now
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _site(config).page_markdown(markdown, page, files)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _site(config).render_content(html, page)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    return _site(config).page_context(context, page)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _site(config).post_page(output, page)


def on_post_build(config: MkDocsConfig) -> None:
    _site(config).post_build(config)
    _site(config).publish(config)  # last: site/ is replaced only by a build that got this far


def on_build_error(error: Exception) -> None:
    # MkDocs passes no config here, so the build's own state is out of reach: end any Pagefind process
    # a failed build left running (`mkdocs serve` goes on after a failed rebuild).
    close_searches()


def _site(config: MkDocsConfig) -> MkDocsSite:
    return getattr(config, _STATE)
