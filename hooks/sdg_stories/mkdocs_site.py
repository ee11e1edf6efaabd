"""The MkDocs side of a build: generated pages become ``File.generated`` files, blocks fill hand-written pages.

This is the only module (with hooks/mkdocs_hooks.py) that knows MkDocs; moving to another generator
means rewriting this adapter, not the package.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import logging
import multiprocessing
import os
import re
import weakref
import zlib
from collections.abc import Callable
from pathlib import Path

from jinja2 import ChoiceLoader, DictLoader, Environment
from markupsafe import Markup, escape
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from sdg_stories.build import SiteBuild
from sdg_stories.feeds import generate_feeds
from sdg_stories.open_data import generate_open_data
from sdg_stories.pages import GeneratedPage
from sdg_stories.previews import preview_for_generated, preview_for_page, render_preview
from sdg_stories.problems import ContentError, Problem
from sdg_stories.publication import missing_site_url, publication_for
from sdg_stories.rebuild_cache import CONVERSIONS, PAGES, Conversion, LogCapture, replay, site_fingerprint
from sdg_stories.search_index import SearchIndexError
from sdg_stories.settings import Settings
from sdg_stories.site_search import SiteSearch
from sdg_stories.staging import StagedSite

GOALS_CSS = "assets/stylesheets/sdg-goals.css"
# Shipped with the template that uses it (templates/story-filters.html), so the two change together.
FILTERS_JS = "assets/javascripts/story-filters.js"
_TEMPLATES = Path(__file__).parent / "templates"
_BLOCK = re.compile(r"<!--\s*sdg-stories:([a-z-]+)\s*-->")
_BLOCKS = ("goal-grid", "latest-stories")
# Under MkDocs' own logger, so `mkdocs build --strict` counts our warnings like its own.
log = logging.getLogger("mkdocs.plugins.sdg_stories")
# Every build's search, so that on_build_error (which MkDocs calls without the config) can end the Pagefind
# process of a failed build: `mkdocs serve` lives on after one and rebuilds many times. Weak, so a finished
# build's search goes with its config; a registry rather than atexit, which would wait for the server to stop.
_searches: weakref.WeakSet[SiteSearch] = weakref.WeakSet()


def close_searches() -> None:
    """End the Pagefind process of any build that did not reach the end of post_build."""
    for search in list(_searches):
        search.close()


class MkDocsSite:
    """Per-build state, kept on the config object that MkDocs creates anew for every (re)build."""

    def __init__(self, config: MkDocsConfig, command: str | None, dirty: bool = False) -> None:
        project_dir = Path(config.config_file_path).parent
        options = (config.extra or {}).get("sdg_stories") or {}
        settings, problems = Settings.from_options(
            options,
            language=config.theme["language"] or "nl",
            site_url=config.site_url,
            show_drafts=command == "serve",
            file=Path(config.config_file_path).name,
        )
        if problems:
            raise PluginError(ContentError(problems).report())
        try:
            self.build = SiteBuild(project_dir, settings)
        except ContentError as error:
            raise PluginError(error.report()) from None
        self.project_dir = project_dir
        # `mkdocs serve` converts a story's Markdown again only when something the conversion reads changed,
        # and renders a page again only when something the page is made of changed.
        self.conversions = _Conversions(config, len(self.build.pages)) if command == "serve" else None
        self.kept = _KeptPages(self.build, len(self.build.pages)) if command == "serve" and _only_hooks(config) else None
        # `mkdocs build` on two cores: half the stories' Markdown is converted in a second process.
        self.parallel = _ParallelConversions(config, self.build) if command != "serve" and _parallel_wanted() else None
        # ... and part of the pages rendered with the theme by a second process (started in on_env).
        self.rendering = (
            _ParallelPages(config) if command != "serve" and not dirty and _parallel_wanted() and _only_hooks(config)
            else None
        )
        self.nav: Navigation | None = None
        # Warnings do not stop a build, but --strict fails on them, so someone notices.
        for warning in self.build.warnings:
            log.warning(str(warning))
        # Under --dirty MkDocs writes only the pages that changed: no count to wait for, the bundle is written last.
        stories = sum(1 for page in self.build.pages if page.kind == "story" and (settings.show_drafts or not page.draft))
        self.search = SiteSearch(self.build.site, self.build.renderer, expected=None if dirty else stories)
        _searches.add(self.search)
        # Feeds, open data and link previews need absolute URLs; without site_url they are left out.
        self.publication = publication_for(settings, config.site_name, config.site_description)
        if self.publication is None:
            log.warning(str(missing_site_url(Path(config.config_file_path).name)))
        # `build` and `gh-deploy` write beside site/ and replace it only at the end (staging.py), so a
        # build failing after MkDocs would have emptied site/ leaves it as it was. `serve` builds into a
        # folder of its own, and --dirty adds to site/ on purpose.
        self.staged: StagedSite | None = None
        if command in ("build", "gh-deploy") and not dirty:
            self.staged = StagedSite(Path(config.site_dir))
            config.site_dir = str(self.staged.staging)

    # on_files

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        generated = [self._generate_page_file(page, config) for page in self.build.pages]
        generated += [
            File.generated(config, f"stories/{asset}", abs_src_path=str(self.build.folder.path / asset))
            for asset in self.build.content.assets
        ]
        generated.append(File.generated(config, GOALS_CSS, content=self.build.goal_stylesheet()))
        generated.append(File.generated(config, FILTERS_JS, abs_src_path=str(_TEMPLATES / "story-filters.js")))
        generated += self._generate_data_files(config)
        taken = {file.dest_uri: file for file in files}
        problems = [
            Problem(
                f"{config.docs_dir and Path(config.docs_dir).name}/{taken[file.dest_uri].src_uri}", None, None,
                f"clashes with the page the build generates at {file.url}; rename or move the hand-written file",
            )
            for file in generated
            if file.dest_uri in taken
        ]
        if problems:
            raise PluginError(ContentError(problems).report())
        for file in generated:
            files.append(file)
        return files

    def _generate_data_files(self, config: MkDocsConfig) -> list[File]:
        # Added as files rather than written after the build: `mkdocs serve` serves them too, links to them
        # from pages validate, and a hand-written docs/feed.xml is reported as a clash like any page.
        if self.publication is None:
            return []
        data = generate_feeds(self.build.site, self.publication) | generate_open_data(self.build.site, self.publication)
        return [File.generated(config, path, content=content) for path, content in data.items()]

    def _generate_page_file(self, page: GeneratedPage, config: MkDocsConfig) -> File:
        # Drafts use MkDocs' own draft level: built by `mkdocs serve`, left out of `mkdocs build`.
        inclusion = InclusionLevel.DRAFT if page.draft else InclusionLevel.NOT_IN_NAV
        # A blank first line keeps MkDocs from reading a body's opening "Key: value" line as metadata.
        file = File.generated(config, page.src_uri, content="\n" + page.markdown, inclusion=inclusion)
        file.dest_uri = page.dest_uri
        return file

    # on_page_markdown

    def page_markdown(self, markdown: str, page: Page, files: Files) -> str:
        self.set_page_meta(page)
        if page.file.src_uri not in self.build.pages_by_src_uri:
            return markdown
        if self.parallel is not None:
            self.parallel.before(page, files)
        if self.conversions is None:
            return markdown
        return self.conversions.before(markdown, page, files)

    def set_page_meta(self, page: Page) -> None:
        generated = self.build.pages_by_src_uri.get(page.file.src_uri)
        if generated is None:
            return
        # Escaped here because MkDocs' Jinja environment does not autoescape and Material prints
        # page.meta.title and .description as they are (in <title>, the header and the meta description):
        # a story title like "</title><script>..." must stay text.
        page.meta["title"] = escape(generated.title)
        if generated.description:
            page.meta["description"] = escape(generated.description)
        if generated.hide:
            page.meta["hide"] = list(generated.hide)

    # on_page_content

    def render_content(self, html: str, page: Page, site_dir: str) -> str:
        generated = self.build.pages_by_src_uri.get(page.file.src_uri)
        if generated is not None:
            if self.conversions is not None:
                html = self.conversions.after(html, page)
            if self.kept is not None:
                return html  # rendered in on_env, and only if the page is not kept (_KeptPages)
            made = self.parallel.rendered(page.file.src_uri) if self.parallel is not None else None
            html = made if made is not None else self.build.renderer.render_page(generated, html)
            # The story's article is complete now, before any page is rendered with the theme: so Pagefind
            # indexes while Markdown is converted, and writes its bundle while the theme renders.
            self._index_for_search(generated, html, site_dir)
            return html
        if "sdg-stories:" in html:
            return _BLOCK.sub(lambda match: self._render_block(match, page), html)
        return html

    def _render_block(self, match: re.Match, page: Page) -> str:
        name = match[1]
        if name not in _BLOCKS:
            raise PluginError(f"docs/{page.file.src_uri}: unknown block '{name}'; the blocks are {', '.join(_BLOCKS)}")
        page_url = "" if page.file.url == "./" else page.file.url
        return self.build.renderer.render_block(f"blocks/{name}.html", page_url)

    # on_page_context

    def page_context(self, context: dict, page: Page) -> dict:
        if self.kept is not None and self.kept.fill(context, page):
            return context
        if self.rendering is not None and self.rendering.fill(context, page):
            return context
        # docs/overrides/main.html prints sdg_head in Material's extrahead block, unescaped: it is Markup
        # rendered by the package's autoescaping environment.
        if self.publication is not None:
            context["sdg_head"] = self._render_head(page)
        return context

    def _render_head(self, page: Page) -> Markup:
        generated = self.build.pages_by_src_uri.get(page.file.src_uri)
        if generated is not None:
            return render_preview(preview_for_generated(self.build.site, self.publication, generated))
        # The front matter title, as Material's <title> shows it; the nav may call the home page just "Home".
        title = str(page.meta.get("title") or (self.publication.name if page.is_homepage else page.title) or self.publication.name)
        description = page.meta.get("description")
        return render_preview(
            preview_for_page(self.build.site, self.publication, page.url, title, str(description) if description else None)
        )

    # on_post_page

    def post_page(self, output: str, page: Page) -> str:
        if self.kept is not None:
            self.kept.store(output, page)
        return output

    def _index_for_search(self, generated: GeneratedPage, html: str, site_dir: str) -> None:
        try:
            self.search.add(generated, html, Path(site_dir))  # Pagefind indexes in its own process
        except SearchIndexError as error:
            raise PluginError(f"Search index: {error}") from None

    # on_env

    def end_conversions(self) -> None:
        """Every page's Markdown is converted (MkDocs calls on_env then): the second process can go."""
        if self.parallel is not None:
            self.parallel.finish()

    def render_in_parallel(self, env: Environment, files: Files) -> None:
        """`mkdocs build`: a second process starts rendering pages with the theme from the back."""
        if self.rendering is not None:
            assert self.nav is not None
            self.rendering.start(env, files, self.nav)

    def reuse_pages(self, env: Environment, config: MkDocsConfig, files: Files) -> None:
        """`mkdocs serve`: pages of the last build whose every input is unchanged are kept as they were;
        the other generated pages are rendered now (after every page's Markdown, before the theme)."""
        if self.kept is not None:
            assert self.nav is not None
            # Every story's article is known now, kept or just rendered: Pagefind indexes and writes while
            # MkDocs writes the pages, as in `mkdocs build`.
            for generated, html in self.kept.decide(env, config, files, self.nav):
                if generated.kind == "story":
                    self._index_for_search(generated, html, config.site_dir)

    def theme_globals(self, env: Environment) -> None:
        """sdg_search: the search dialog for docs/overrides/partials/header.html, on every page (the 404
        page too); None for a site without stories, which gets no search bundle and so no search box."""
        stories = self.build.site.stories
        env.globals["sdg_search"] = Markup(self.build.renderer.render_block(
            "search.html", "", goal_slots=max(len(story.goals) for story in stories)
        )) if stories else None

    # on_post_build

    def post_build(self, config: MkDocsConfig) -> None:
        if self.rendering is not None:
            self.rendering.finish()
        try:
            # Into the folder MkDocs writes to this build (for `mkdocs serve` too: the index is rewritten
            # on every rebuild).
            self.search.write(Path(config.site_dir))
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


class _Conversions:
    """`mkdocs serve`: each story's Markdown as MkDocs converted it, kept for the next rebuild.

    MkDocs converts in ``Page.render``, between on_page_markdown and on_page_content. The key is all the
    conversion reads: the Markdown, the page's source path, the Markdown extensions and their settings,
    the validation levels, and every file's source path, address and inclusion (links between pages are
    rewritten and checked against them). On a hit, ``before`` gives the page a ``render`` of its own that
    puts back what the conversion made (rebuild_cache.Conversion) instead of converting: MkDocs' own would
    set up a Markdown instance with every extension for each page, a tenth of a rebuild.
    """

    _capture = LogCapture("mkdocs", "")  # "mkdocs" does not propagate to the root logger ("MARKDOWN" does)

    def __init__(self, config: MkDocsConfig, pages: int) -> None:
        self._settings = repr((config.markdown_extensions, config.mdx_configs, config.validation,
                               config.use_directory_urls))
        self._files_key: str | None = None
        self._making: dict[str, tuple] = {}
        self._capture.stop()  # a build that failed during a conversion left it collecting
        CONVERSIONS.fit(2 * pages + 100)

    def before(self, markdown: str, page: Page, files: Files) -> str:
        if self._files_key is None:
            self._files_key = _files_fingerprint(files)
        key = (markdown, page.file.src_uri, self._settings, self._files_key)
        found = CONVERSIONS.get(key)
        if found is not None:
            # An instance attribute: MkDocs calls page.render(config, files) right after this event.
            page.render = functools.partial(_restore_conversion, page, found)  # type: ignore[method-assign]
        else:
            self._making[page.file.src_uri] = key
            self._capture.start()
        return markdown

    def after(self, html: str, page: Page) -> str:
        key = self._making.pop(page.file.src_uri, None)
        if key is not None:
            CONVERSIONS.put(key, _conversion_of(page, self._capture.stop()))
        return html


class _KeptPages:
    """`mkdocs serve`: each page as the theme rendered it, used again while nothing it is made of changed.

    A rebuild renders every page with Material's template again, the largest part of a rebuild once
    Markdown and our own templates are kept. In on_env, when every page's content is known and before
    any page is built, each page gets a key: the config (theme, features, language, extra, nav as
    written, site_url...), the theme's templates (their text, custom_dir overrides included), the nav as
    built (every entry's title and address), every file's path and address, the site (site_fingerprint),
    and the page's own address, meta, title, table of contents and content; for a generated page, the
    inputs of its content (templates, body HTML) instead of the content, which is then rendered only
    when the key is new. A page whose key the last build had is built with a template that prints the
    output kept from it (KEPT_TEMPLATE), so MkDocs still writes it and the hooks still see it.

    Only with no plugins besides the hooks (what this site has): a plugin's on_post_page could change the
    output after the template, and would then change a kept page twice. The build time is the one input
    left out, since it differs on every build: the theme's templates must not print it (checked).
    """

    TEMPLATE = "sdg-stories/kept-page.html"

    def __init__(self, build: SiteBuild, pages: int) -> None:
        self._build = build
        self._site = site_fingerprint(build.site)
        self._keys: dict[str, bytes] = {}  # src_uri -> key of a page rendered this build
        self._outputs: dict[str, bytes] = {}  # src_uri -> kept output for a page not rendered this build
        PAGES.fit(2 * pages + 100)

    def decide(self, env: Environment, config: MkDocsConfig, files: Files,
               nav: Navigation) -> list[tuple[GeneratedPage, str]]:
        """Keep or render each page; returns each generated page with its HTML (kept output or new content)."""
        env.loader = ChoiceLoader([DictLoader({self.TEMPLATE: "{{ sdg_kept_page }}"}), env.loader])
        theme = _theme_fingerprint(config)
        common = repr((sorted(config.items()), theme, _nav_fingerprint(nav), _files_fingerprint(files), self._site))
        renderer = self._build.renderer
        made: list[tuple[GeneratedPage, str]] = []
        for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve):  # drafts too
            page = file.page
            if page is None or page.content is None:
                continue
            generated = self._build.pages_by_src_uri.get(file.src_uri)
            digest = hashlib.sha1(common.encode())
            # page.content is, for a generated page, still the converted body (render_content).
            made_of = (renderer.templates, generated.template) if generated else ()
            digest.update(repr((file.src_uri, file.url, file.inclusion.name, str(page.title), sorted(page.meta.items()),
                                _toc_fingerprint(page.toc), made_of)).encode())
            digest.update((page.content or "").encode())
            key = digest.digest()
            found = PAGES.get(key) if theme is not None else None
            if found is not None:
                page.meta["template"] = self.TEMPLATE
                self._outputs[file.src_uri] = found
                if generated is not None:
                    made.append((generated, zlib.decompress(found).decode("utf-8")))
                continue
            self._keys[file.src_uri] = key
            if generated is not None:
                page.content = renderer.render_page(generated, page.content or "")
                made.append((generated, page.content))
        return made

    def fill(self, context: dict, page: Page) -> bool:
        """For a kept page: its output as the kept template's only variable; False for a page to render."""
        found = self._outputs.pop(page.file.src_uri, None)
        if found is None:
            return False
        context["sdg_kept_page"] = Markup(zlib.decompress(found).decode("utf-8"))
        return True

    def store(self, output: str, page: Page) -> None:
        key = self._keys.pop(page.file.src_uri, None)
        if key is not None:
            PAGES.put(key, zlib.compress(output.encode("utf-8"), 1))


class _ParallelConversions:
    """`mkdocs build`: stories' Markdown is converted by two processes at once, this one and a fork.

    MkDocs reads and converts every page before it renders any, and Pagefind, which takes the second
    core later, starts only with the first rendered story; so while Markdown is converted (a quarter of
    the build) the second core is otherwise idle. The fork is a copy of this process at the first story,
    so it converts exactly as MkDocs would here: the same events (on_pre_page, read_source,
    on_page_markdown) and Page.render. This process takes the stories from the front, in the order MkDocs
    reads them, the fork from the back, each claiming the next one under a shared lock, so they meet
    wherever the machine lets them; the fork sends back what each conversion made
    (rebuild_cache.Conversion), which the page's own render puts back when MkDocs reaches it, its
    warnings logged at that point, in order. If the fork fails, the pages it had not sent are converted
    here. Not under `mkdocs serve`, whose rebuilds keep conversions instead, and whose server threads
    make forking unwise.
    """

    MIN_STORIES = 40  # below this a second process costs more than it saves

    def __init__(self, config: MkDocsConfig, build: SiteBuild) -> None:
        self._config = config
        self._build = build
        self._order: dict[str, int] | None = None  # story src_uri -> place in MkDocs' reading order
        self._bounds = None  # shared [front, back]: this process has claimed up to front, the fork from back
        self._received: dict[str, tuple[Conversion, str | None]] = {}
        self._rendered: dict[str, str] = {}  # src_uri -> a story's content as the fork made it (render_page)
        self._from_fork = 0
        self._connection = None
        self._process = None

    def before(self, page: Page, files: Files) -> None:
        if self._order is None:
            self._start(files)
        place = self._order.get(page.file.src_uri)  # type: ignore[union-attr]
        if place is None or self._bounds is None:
            return
        # Take in what the fork has sent so far: a pipe holds only a few conversions, and a fork blocked on
        # a full pipe converts nothing more until this process reaches the pages it claimed, at the end.
        self._drain()
        with self._bounds.get_lock():
            mine = place < self._bounds[1]
            if mine:
                self._bounds[0] = place + 1
        if not mine:
            page.render = functools.partial(self._render, page)  # type: ignore[method-assign]

    def _start(self, files: Files) -> None:
        # Every generated page: the listings have little Markdown, but their content (cards) takes rendering.
        stories = [file.src_uri for file in files.documentation_pages() if file.src_uri in self._build.pages_by_src_uri]
        self._order = {src_uri: place for place, src_uri in enumerate(stories)}
        if len(stories) < self.MIN_STORIES:
            return
        context = multiprocessing.get_context("fork")
        self._bounds = context.Array("i", [0, len(stories)])
        self._connection, sending = context.Pipe(duplex=False)
        # The fork also wraps what it converted in the story's template (on_page_content's work here), unless
        # another hook changes the content first.
        renders = len(self._config.plugins.events["page_content"]) == 1
        self._process = context.Process(
            target=self._convert_in_fork, args=(sending, stories, self._bounds, files, renders), daemon=True
        )
        # Objects that exist now are left alone by the fork's garbage collector, so it does not copy the
        # memory pages they live on (copy-on-write); this process goes on collecting them as before.
        gc.freeze()
        self._process.start()
        gc.unfreeze()
        sending.close()

    def rendered(self, src_uri: str) -> str | None:
        """The story's content as the fork made it from its conversion, if the fork converted it."""
        return self._rendered.pop(src_uri, None)

    def _convert_in_fork(self, sending, stories: list[str], bounds, files: Files, renders: bool) -> None:
        # The fork runs the same hooks, this object's ``before`` included: it must neither claim pages
        # again nor read the pipe it writes to.
        assert self._connection is not None
        self._connection.close()
        self._connection = self._bounds = None
        _convert_from_the_back(sending, stories, bounds, self._config, files, self._render_page if renders else None)

    def _render_page(self, src_uri: str, html: str) -> str:
        return self._build.renderer.render_page(self._build.pages_by_src_uri[src_uri], html)

    def finish(self) -> None:
        """After every page's conversion: the fork has sent all it converted; end it, and say how much it did."""
        while self._connection is not None:
            self._receive_one()
        if self._order and self._bounds is not None:
            log.debug(f"Markdown of {self._from_fork} of {len(self._order)} generated pages converted by a second process")

    def _render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        found, rendered = self._receive(page.file.src_uri)
        if found is None:
            Page.render(page, config, files)  # the fork failed: convert here, as MkDocs would
        else:
            _restore_conversion(page, found, config, files)
            if rendered is not None:
                self._rendered[page.file.src_uri] = rendered

    def _receive(self, src_uri: str) -> tuple[Conversion | None, str | None]:
        while src_uri not in self._received and self._connection is not None:
            self._receive_one()
        return self._received.pop(src_uri, (None, None))

    def _drain(self) -> None:
        """Receive every conversion already waiting in the pipe, without waiting for more."""
        while self._connection is not None and self._connection.poll():
            self._receive_one()

    def _receive_one(self) -> None:
        assert self._connection is not None
        try:
            sent_uri, conversion, rendered = self._connection.recv()
        except (EOFError, OSError):  # the fork has sent everything, or has failed
            self._connection.close()
            self._connection = None
            if self._process is not None:
                self._process.join(timeout=10)
                self._process = None
            return
        self._received[sent_uri] = (conversion, rendered)
        self._from_fork += 1


class _ParallelPages:
    """`mkdocs build`: pages rendered with the theme by two processes at once, this one and a fork.

    Once every page's content is made (on_env), MkDocs renders each page with the theme's template and
    writes it, half the build, on one core, while the other has only Pagefind writing its bundle. A fork
    of this process, made then, renders pages from the back as _build_page would (get_context,
    on_page_context, the template, on_post_page) and sends each output; this process takes pages from
    the front. Each page is claimed under a shared lock, by this process when MkDocs reaches it
    (on_page_context), so the two meet wherever the machine lets them. For a page the fork rendered,
    MkDocs renders a template that prints the output it sent, and writes it as always. MkDocs picks a
    page's template before on_page_context, so each page's template is TEMPLATE, which extends the
    layout chosen there. Only when the hooks are the only plugins: another plugin's page events would
    run in both processes. What the fork logs is logged here, in the page's place.
    """

    TEMPLATE = "sdg-stories/page.html"
    RENDERED = "sdg-stories/rendered-page.html"
    MIN_PAGES = 40  # below this a second process costs more than it saves

    def __init__(self, config: MkDocsConfig) -> None:
        self._config = config
        self._layouts: dict[str, str] = {}  # src_uri -> the page's own template
        self._order: dict[str, int] = {}
        self._bounds = None  # shared [front, back]: this process has claimed up to front, the fork from back
        self._received: dict[str, tuple[str | None, tuple[logging.LogRecord, ...]]] = {}
        self._from_fork = 0
        self._connection = None
        self._process = None

    def start(self, env: Environment, files: Files, nav: Navigation) -> None:
        env.loader = ChoiceLoader([
            DictLoader({self.TEMPLATE: "{% extends sdg_layout %}", self.RENDERED: "{{ sdg_rendered_page }}"}),
            env.loader,
        ])
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        pages = [file.page for file in doc_files if file.page is not None and "template" not in file.page.meta]
        if len(pages) < self.MIN_PAGES:
            return
        for place, page in enumerate(pages):
            self._layouts[page.file.src_uri] = "main.html"
            self._order[page.file.src_uri] = place
            page.meta["template"] = self.TEMPLATE
        context = multiprocessing.get_context("fork")
        self._bounds = context.Array("i", [0, len(pages)])
        self._connection, sending = context.Pipe(duplex=False)
        self._process = context.Process(
            target=self._render_in_fork, args=(sending, pages, self._bounds, env, nav, doc_files), daemon=True
        )
        gc.freeze()  # as in _ParallelConversions: the fork does not copy what it does not change
        self._process.start()
        gc.unfreeze()
        sending.close()

    def fill(self, context: dict, page: Page) -> bool:
        """Choose the page's layout; for a page the fork rendered, its output. True: nothing left to do."""
        layout = self._layouts.get(page.file.src_uri)
        if layout is None:
            return False
        context["sdg_layout"] = layout
        place = self._order[page.file.src_uri]
        if self._bounds is None:  # in the fork, or the fork never started
            return False
        self._drain()
        with self._bounds.get_lock():
            mine = place < self._bounds[1]
            if mine:
                self._bounds[0] = place + 1
        if mine:
            return False
        output, records = self._receive(page.file.src_uri)
        replay(records)
        if output is None:  # the fork could not render it: render it here, where an error is reported as usual
            return False
        context["sdg_layout"] = self.RENDERED
        context["sdg_rendered_page"] = Markup(output)
        return True

    def finish(self) -> None:
        """After the last page: end the fork, and say how much it did."""
        while self._connection is not None:
            self._receive_one()
        if self._order and self._bounds is not None:
            log.debug(f"{self._from_fork} of {len(self._order)} pages rendered by a second process")

    def _render_in_fork(self, sending, pages: list[Page], bounds, env: Environment, nav: Navigation,
                        doc_files: list[File]) -> None:
        assert self._connection is not None
        self._connection.close()
        self._connection = self._bounds = None  # the shared hooks run here too: they must not claim pages
        config = self._config
        capture = _Conversions._capture
        for name in ("mkdocs", ""):
            logging.getLogger(name or None).handlers = [capture]
        while True:
            with bounds.get_lock():
                if bounds[1] - 1 < bounds[0]:
                    break
                bounds[1] -= 1
                page = pages[bounds[1]]
            capture.start()
            output: str | None = None
            config._current_page = page
            page.active = True
            try:
                context = get_context(nav, doc_files, config, page)
                template = env.get_template(page.meta["template"])
                context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
                output = config.plugins.on_post_page(template.render(context), page=page, config=config)
            except Exception:
                output = None
            finally:
                page.active = False
                config._current_page = None
                records = capture.stop()
            for record in records:
                record.msg, record.args, record.exc_info, record.exc_text = record.getMessage(), None, None, None
            # An error is left for this process to meet again, so it is reported as MkDocs reports it.
            sending.send((page.file.src_uri, output, records if output is not None else ()))
        sending.close()

    def _receive(self, src_uri: str) -> tuple[str | None, tuple[logging.LogRecord, ...]]:
        while src_uri not in self._received and self._connection is not None:
            self._receive_one()
        return self._received.pop(src_uri, (None, ()))

    def _drain(self) -> None:
        while self._connection is not None and self._connection.poll():
            self._receive_one()

    def _receive_one(self) -> None:
        assert self._connection is not None
        try:
            src_uri, output, records = self._connection.recv()
        except (EOFError, OSError):  # the fork has sent everything, or has failed
            self._connection.close()
            self._connection = None
            if self._process is not None:
                self._process.join(timeout=10)
                self._process = None
            return
        self._received[src_uri] = (output, records)
        self._from_fork += output is not None


def _convert_from_the_back(sending, stories: list[str], bounds, config: MkDocsConfig, files: Files,
                           render: Callable[[str, str], str] | None) -> None:
    """In the fork: claim stories from the back until meeting the main process, convert each as
    _populate_page would, and send what the conversion made, and with ``render`` the page's content."""
    capture = _Conversions._capture
    # What the conversions log is sent back and logged by the main process, in its place; not here too.
    for name in ("mkdocs", ""):
        logging.getLogger(name or None).handlers = [capture]
    while True:
        with bounds.get_lock():
            if bounds[1] - 1 < bounds[0]:
                break
            bounds[1] -= 1
            src_uri = stories[bounds[1]]
        file = files.get_file_from_path(src_uri)
        page = file.page or Page(None, file, config)
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        capture.start()
        Page.render(page, config, files)
        conversion = _conversion_of(page, capture.stop(), plain_records=True)
        sending.send((src_uri, conversion, render(src_uri, conversion.html) if render else None))
    sending.close()


def _conversion_of(page: Page, records: tuple[logging.LogRecord, ...], plain_records: bool = False) -> Conversion:
    links = page.links_to_anchors
    if plain_records:  # sent to another process: the message as text, nothing that might not pickle
        for record in records:
            record.msg, record.args, record.exc_info, record.exc_text = record.getMessage(), None, None, None
    return Conversion(
        html=page.content or "",
        toc=page.toc,
        anchors=frozenset(page.present_anchor_ids or ()),
        links_to_anchors=None if links is None else tuple(
            (file.src_uri, tuple(sorted(anchors.items()))) for file, anchors in links.items()
        ),
        records=records,
    )


def _parallel_wanted() -> bool:
    """SDG_STORIES_PARALLEL=0 converts everything in one process (to compare, or to rule it out)."""
    return os.environ.get("SDG_STORIES_PARALLEL", "1") != "0" and (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()


def _only_hooks(config: MkDocsConfig) -> bool:
    return all(name in (config.hooks or {}) for name in config.plugins)


def _theme_fingerprint(config: MkDocsConfig) -> str | None:
    """A digest of every template of the theme (custom_dir first); None when one prints the build time."""
    digest = hashlib.sha1()
    for folder in config.theme.dirs:
        for path in sorted(Path(folder).rglob("*.html")):
            text = path.read_bytes()
            if b"build_date_utc" in text:
                return None
            digest.update(str(path).encode() + b"\0" + text + b"\0")
    return digest.hexdigest()


def _nav_fingerprint(nav: Navigation) -> str:
    def entries(items: list) -> list:
        found = []
        for item in items:
            if isinstance(item, Section):
                found.append(("section", item.title, entries(item.children)))
            elif isinstance(item, Link):
                found.append(("link", item.title, item.url))
            else:
                found.append(("page", str(item.title), item.url, item.file.src_uri))
        return found

    return repr((entries(nav.items), nav.homepage.url if nav.homepage else None))


def _toc_fingerprint(toc: object) -> list:
    return [(item.title, item.id, item.level, _toc_fingerprint(item.children)) for item in toc]  # type: ignore[attr-defined]


def _restore_conversion(page: Page, found: Conversion, config: MkDocsConfig, files: Files) -> None:
    """Page.render for a page whose conversion is kept: what MkDocs' own leaves on the page, without converting."""
    page.content = found.html
    page.toc = found.toc  # type: ignore[assignment]
    page.present_anchor_ids = set(found.anchors)
    if found.links_to_anchors is not None:
        page.links_to_anchors = {files.get_file_from_path(src_uri): dict(links) for src_uri, links in found.links_to_anchors}
    replay(found.records)


def _files_fingerprint(files: Files) -> str:
    digest = hashlib.sha1()
    for file in sorted(files, key=lambda file: file.src_uri):
        digest.update(f"{file.src_uri}\0{file.dest_uri}\0{file.url}\0{file.inclusion.name}\n".encode())
    return digest.hexdigest()


def _strict_will_abort(config: MkDocsConfig) -> bool:
    """MkDocs counts warnings with a CountHandler on its logger under --strict, and aborts after
    on_post_build when it counted any: the site must not be published then."""
    if not config.strict:
        return False
    counters = [handler for handler in logging.getLogger("mkdocs").handlers if isinstance(handler, CountHandler)]
    return any(handler.get_counts() for handler in counters)
