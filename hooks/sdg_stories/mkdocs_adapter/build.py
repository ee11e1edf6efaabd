"""The MkDocs side of one build: generated pages become ``File.generated`` files, blocks fill hand-written pages.

This package is all that knows MkDocs (with hooks/mkdocs_hooks.py, which hands each event to ``MkDocsBuild``);
moving to another generator means rewriting this adapter, not the rest of the package.

Every page is made the same way in every mode (`mkdocs build`, `mkdocs serve`, `gh-deploy`): MkDocs converts
its Markdown, ``on_page_content`` puts a generated page's body into its template, and that is also the one
place the search index is fed.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import weakref
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from sdg_stories.content.messages import messages
from sdg_stories.content.problems import ContentError, Problem
from sdg_stories.model.publication import missing_site_url, publication_for
from sdg_stories.model.settings import Settings
from sdg_stories.outputs.feeds import generate_feeds
from sdg_stories.outputs.open_data import generate_open_data
from sdg_stories.outputs.previews import preview_for_generated, preview_for_page, render_preview
from sdg_stories.pages import GeneratedPage
from sdg_stories.pages.build import SiteBuild
from sdg_stories.search.pagefind_index import SearchIndexError
from sdg_stories.search.records import goal_slots
from sdg_stories.search.story_index import StoryIndex
from sdg_stories.outputs.social_cards import CardError, SocialCards, organisation_name
from sdg_stories.mkdocs_adapter.staging import StagedSite
from sdg_stories.mkdocs_adapter.editor_files import generate_editor_files
from sdg_stories.mkdocs_adapter.theme import footer_links
from sdg_stories.mkdocs_adapter.left_out_pages import LeftOutPages

GOALS_CSS = "assets/stylesheets/sdg-goals.css"
# Shipped with the template that uses it (templates/story-filters.html), so the two change together.
FILTERS_JS = "assets/javascripts/story-filters.js"
VACANCY_CLOSING_JS = "assets/javascripts/vacancy-closing.js"  # with templates/vacancy-macros.html
_TEMPLATES = Path(__file__).parents[1] / "templates"
_BLOCK = re.compile(r"<!--\s*sdg-stories:([a-z-]+)\s*-->")
_BLOCKS = ("goal-grid", "latest-stories")
# Under MkDocs' own logger, so `mkdocs build --strict` counts our warnings like its own.
log = logging.getLogger("mkdocs.plugins.sdg_stories")
# Every build's search index, so that on_build_error (which MkDocs calls without the config) can end the
# Pagefind process of a failed build: `mkdocs serve` lives on after one and rebuilds many times. Weak, so a
# finished build's index goes with its config.
_indexes: weakref.WeakSet[StoryIndex] = weakref.WeakSet()


class ContentRefused(PluginError):
    """The content has problems: MkDocs reports the message; `mkdocs serve` shows the problems instead
    (problem_preview.py)."""

    def __init__(self, error: ContentError) -> None:
        super().__init__(error.report())
        self.error = error


def close_search_indexes() -> None:
    """End the Pagefind process of any build that did not reach the end of post_build."""
    for index in list(_indexes):
        index.close()


class MkDocsBuild:
    """One build's state, kept on the config object that MkDocs creates anew for every (re)build."""

    def __init__(self, config: MkDocsConfig, command: str | None, dirty: bool = False) -> None:
        config_file = Path(config.config_file_path)
        options = (config.extra or {}).get("sdg_stories") or {}
        settings, problems = Settings.from_options(
            options,
            language=config.theme["language"] or "nl",
            site_url=config.site_url,
            show_drafts=command == "serve",
            file=config_file.name,
        )
        if problems:
            raise ContentRefused(ContentError(problems, settings.language))
        # The organisation by name, for the cards and the accessibility statement: the setting, else the copyright.
        settings = dataclasses.replace(
            settings, organisation=organisation_name(settings.organisation, config.copyright, config.site_name)
        )
        try:
            # `serve` leaves a story with problems out and shows them (left_out_pages.py); `build` refuses it.
            self.build = SiteBuild(config_file.parent, settings, leave_out_broken=command == "serve")
        except ContentError as error:
            raise ContentRefused(error) from None
        self.left_out = LeftOutPages(self.build.left_out, settings.language)
        # Warnings do not stop a build, but --strict fails on them, so someone notices; notices are
        # information: time passing must not fail a --strict build (model/findings.py).
        for warning in self.build.warnings:
            log.warning(str(warning))
        for notice in self.build.notices:
            log.info(str(notice))
        # Feeds, open data and link previews need absolute URLs; without site_url they are left out.
        self.publication = publication_for(settings, config.site_name, config.site_description)
        if self.publication is None:
            log.warning(str(missing_site_url(config_file.name, settings.language)))
        # A picture per page kind for link previews (a story's, a goal's, an adviser's, the listings'), which need the absolute URLs too.
        self.cards = SocialCards(
            self.build.site, config_file.parent, self.build.folder.path,
            settings.organisation, config.site_name,
            pages=self.build.pages, home=(config.site_name, config.site_description or ""),
        ) if settings.social_cards and self.publication is not None else None
        for problem in self.cards.problems if self.cards else ():
            log.warning(str(problem))
        self.command = command
        # `build` and `gh-deploy` write beside site/ and replace it only at the end (staging.py), so a
        # build failing after MkDocs would have emptied site/ leaves it as it was. `serve` builds into a
        # folder of its own, and --dirty adds to site/ on purpose.
        self.staged: StagedSite | None = None
        if command in ("build", "gh-deploy") and not dirty:
            self.staged = StagedSite(Path(config.site_dir))
            config.site_dir = str(self.staged.staging)
        # Under --dirty MkDocs renders only the pages that changed: no count of stories to wait for, the
        # bundle is written at the end.
        stories = sum(1 for page in self.build.pages if page.kind == "story")
        self.search = StoryIndex(
            self.build.site, self.build.renderer, Path(config.site_dir), expected=None if dirty else stories
        )
        _indexes.add(self.search)

    # on_files

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        generated = [self._page_file(page, config) for page in self.build.pages]
        generated += [
            File.generated(config, f"stories/{asset}", abs_src_path=str(self.build.folder.path / asset))
            for asset in self.build.content.assets
        ]
        generated.append(File.generated(config, GOALS_CSS, content=self.build.goal_stylesheet()))
        generated.append(File.generated(config, FILTERS_JS, abs_src_path=str(_TEMPLATES / "story-filters.js")))
        generated.append(File.generated(config, VACANCY_CLOSING_JS, abs_src_path=str(_TEMPLATES / "vacancy-closing.js")))
        generated += self._data_files(config)
        generated += generate_editor_files(config, files, self.build.site)  # /admin/, the web editor
        generated += self._card_files(config)
        taken = {file.dest_uri: file for file in files}
        generated += self.left_out.files(config, {*taken, *(file.dest_uri for file in generated)})
        language = self.build.settings.language
        problems = [
            Problem(
                f"{Path(config.docs_dir).name}/{taken[file.dest_uri].src_uri}", None, None,
                messages(language)("build.clash", url=file.url),
            )
            for file in generated
            if file.dest_uri in taken
        ]
        rubric_page = self.build.settings.rubric_page  # the owner's own page about the rubric must be there
        if rubric_page is not None and rubric_page not in {"" if f.url == "./" else f.url for f in files.documentation_pages()}:
            message = messages(language)("build.rubric-page-missing", url=rubric_page or "/")
            problems.append(Problem(Path(config.config_file_path).name, None, "extra.sdg_stories.rubric_page", message))
        if problems:
            raise PluginError(ContentError(problems, language).report())
        for file in generated:
            files.append(file)
        if self.cards is not None:
            self.cards.start()  # in threads, while MkDocs reads and converts the pages
        return files

    def _data_files(self, config: MkDocsConfig) -> list[File]:
        # Added as files rather than written after the build: `mkdocs serve` serves them too, links to them
        # from pages validate, and a hand-written docs/feed.xml is reported as a clash like any page.
        if self.publication is None:
            return []
        data = generate_feeds(self.build.site, self.publication) | generate_open_data(self.build.site, self.publication)
        return [File.generated(config, path, content=content) for path, content in data.items()]

    def _card_files(self, config: MkDocsConfig) -> list[File]:
        # Copied from the cache by MkDocs with the other static files, after on_env, by when finish_cards
        # has drawn the missing ones.
        if self.cards is None:
            return []
        return [
            File.generated(config, card.url, abs_src_path=str(card.path),
                           inclusion=InclusionLevel.DRAFT if card.draft else InclusionLevel.NOT_IN_NAV)
            for card in self.cards.cards
        ]

    @staticmethod
    def _page_file(page: GeneratedPage, config: MkDocsConfig) -> File:
        # Drafts use MkDocs' own draft level: built by `mkdocs serve`, left out of `mkdocs build`.
        inclusion = InclusionLevel.DRAFT if page.draft else InclusionLevel.NOT_IN_NAV
        # A blank first line keeps MkDocs from reading a body's opening "Key: value" line as metadata.
        file = File.generated(config, page.src_uri, content="\n" + page.markdown, inclusion=inclusion)
        file.dest_uri = page.dest_uri
        return file

    # on_page_markdown

    def set_page_meta(self, page: Page) -> None:
        generated = self.build.pages_by_src_uri.get(page.file.src_uri)
        if generated is None:
            self.left_out.set_page_meta(page)
            return
        # Escaped here because MkDocs' Jinja environment does not autoescape and Material prints
        # page.meta.title and .description as they are (in <title>, the header and the meta description):
        # a story title like "</title><script>..." must stay text.
        page.meta["title"] = escape(generated.title)
        if generated.description:
            page.meta["description"] = escape(generated.description)
        if generated.hide:
            page.meta["hide"] = list(generated.hide)
        if generated.section:  # the tab it belongs to: docs/overrides/partials/tabs-item.html marks it
            page.meta["sdg_section"] = generated.section

    # on_page_content

    def page_content(self, html: str, page: Page) -> str:
        """A generated page's content: its template around the converted Markdown (the one place it is
        made), handed to the search index; a hand-written page's blocks filled in."""
        generated = self.build.pages_by_src_uri.get(page.file.src_uri)
        if generated is not None:
            html = self.build.renderer.render_page(generated, html)
            try:
                self.search.add(generated, html)  # Pagefind indexes in its own process
            except SearchIndexError as error:
                raise PluginError(f"Search index: {error}") from None
            return html
        if (problems := self.left_out.page_content(page)) is not None:
            return problems
        if "sdg-stories:" in html:
            return _BLOCK.sub(lambda match: self._render_block(match, page), html)
        return html

    def _render_block(self, match: re.Match, page: Page) -> str:
        name = match[1]
        if name not in _BLOCKS:
            message = messages(self.build.settings.language)("build.unknown-block", name=name, blocks=", ".join(_BLOCKS))
            raise PluginError(f"docs/{page.file.src_uri}: {message}")
        page_url = "" if page.file.url == "./" else page.file.url
        return self.build.renderer.render_block(f"blocks/{name}.html", page_url)

    # on_env

    def finish_cards(self) -> None:
        """Before MkDocs copies the static files: every card is drawn into the cache."""
        if self.cards is not None:
            try:
                self.cards.finish(prune=self.command != "serve")
            except CardError as error:
                raise PluginError(str(error)) from None
            log.debug(f"Social cards: {self.cards.drawn} drawn, {self.cards.cached} from the cache")

    def theme_globals(self, env: Environment) -> None:
        """sdg_search: the search dialog for docs/overrides/partials/header.html, on every page (the 404
        page too); None for a site without stories, which gets no search bundle and so no search box."""
        env.globals["sdg_search"] = Markup(self.build.renderer.render_block(
            "search.html", "", goal_slots=goal_slots(self.build.site)
        )) if self.build.site.stories else None
        env.globals["sdg_footer"] = footer_links(self.build.settings, self.publication is not None)
        env.globals["sdg_problems"] = self.left_out.banner  # stories `serve` left out, on every page

    # on_page_context

    def page_context(self, context: dict, page: Page) -> dict:
        # docs/overrides/main.html prints sdg_head in Material's extrahead block, unescaped: it is Markup
        # rendered by the package's autoescaping environment.
        if self.publication is not None:
            context["sdg_head"] = self._render_head(page)
        return self.left_out.page_context(context, page)

    def _render_head(self, page: Page) -> Markup:
        assert self.publication is not None
        generated = self.build.pages_by_src_uri.get(page.file.src_uri)
        if generated is not None:
            card = self.cards.card_for(generated) if self.cards is not None else None
            return render_preview(preview_for_generated(self.build.site, self.publication, generated, card))
        # The front matter title, as Material's <title> shows it; the nav may call the home page just "Home".
        title = str(page.meta.get("title") or (self.publication.name if page.is_homepage else page.title) or self.publication.name)
        description = page.meta.get("description")
        card = self.cards.home_card if self.cards is not None and page.is_homepage else None
        return render_preview(preview_for_page(
            self.build.site, self.publication, page.url, title, str(description) if description else None, card
        ))

    # on_post_build

    def write_search_index(self) -> None:
        try:
            self.search.write()
        except SearchIndexError as error:
            raise PluginError(f"Search index: {error}") from None
        finally:
            self.search.close()

    def publish(self, config: MkDocsConfig) -> None:
        """The staged build becomes site/, unless --strict is about to fail it for its warnings."""
        if self.staged is None or _strict_will_abort(config):
            return
        self.staged.publish()
        config.site_dir = str(self.staged.site_dir)  # gh-deploy pushes config.site_dir after the build
        log.info(f"Replaced {config.site_dir} with the new build")


def _strict_will_abort(config: MkDocsConfig) -> bool:
    """MkDocs counts warnings with a CountHandler on its logger under --strict, and aborts after
    on_post_build when it counted any: the site must not be published then."""
    if not config.strict:
        return False
    counters = [handler for handler in logging.getLogger("mkdocs").handlers if isinstance(handler, CountHandler)]
    return any(handler.get_counts() for handler in counters)
