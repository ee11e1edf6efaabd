"""`mkdocs build` on two cores: a fork of the build converts Markdown, then renders pages with the theme,
while this process does the same from the other end (ParallelConversions, ParallelPages).

With hooks/mkdocs_hooks.py and mkdocs_site.py, one of the modules that know MkDocs.
"""

from __future__ import annotations

import functools
import gc
import logging
import multiprocessing
import os
import zlib
from collections.abc import Callable

from jinja2 import ChoiceLoader, DictLoader, Environment
from markupsafe import Markup
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sdg_stories.build import SiteBuild
from sdg_stories.mkdocs_rebuilds import CONVERSION_LOG, conversion_of, restore_conversion
from sdg_stories.rebuild_cache import Conversion, replay

log = logging.getLogger("mkdocs.plugins.sdg_stories")


class ParallelConversions:
    """`mkdocs build`: the generated pages' Markdown is converted, and their content made, by two processes.

    MkDocs reads and converts every page before it renders any. The fork is a copy of this process at the
    first generated page, so it converts exactly as MkDocs would here: the same events (on_pre_page,
    read_source, on_page_markdown) and Page.render; and unless another hook changes the content first, it
    makes the page's content from the conversion (the story template, a listing's cards) as
    on_page_content does here. This process takes pages from the front, in the order MkDocs reads them,
    the fork from the back, each claiming the next one under a shared lock, so they meet wherever the
    machine lets them. The fork sends back what each conversion made (rebuild_cache.Conversion) and the
    content, which the page's own render and on_page_content put back when MkDocs reaches it, its
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
        self._received: dict[str, tuple[Conversion, bytes | None]] = {}
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
            restore_conversion(page, found, config, files)
            if rendered is not None:
                self._rendered[page.file.src_uri] = _expand(rendered)

    def _receive(self, src_uri: str) -> tuple[Conversion | None, bytes | None]:
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


class ParallelPages:
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

    LAYOUT = "main.html"  # the theme's template for a page that names none
    TEMPLATE = "sdg-stories/page.html"
    RENDERED = "sdg-stories/rendered-page.html"
    MIN_PAGES = 40  # below this a second process costs more than it saves

    def __init__(self, config: MkDocsConfig) -> None:
        self._config = config
        self._order: dict[str, int] = {}
        self._bounds = None  # shared [front, back]: this process has claimed up to front, the fork from back
        self._received: dict[str, tuple[bytes | None, tuple[logging.LogRecord, ...]]] = {}
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
            self._order[page.file.src_uri] = place
            page.meta["template"] = self.TEMPLATE
        context = multiprocessing.get_context("fork")
        self._bounds = context.Array("i", [0, len(pages)])
        self._connection, sending = context.Pipe(duplex=False)
        self._process = context.Process(
            target=self._render_in_fork, args=(sending, pages, self._bounds, env, nav, doc_files), daemon=True
        )
        gc.freeze()  # as in ParallelConversions: the fork does not copy what it does not change
        self._process.start()
        gc.unfreeze()
        sending.close()

    def fill(self, context: dict, page: Page) -> bool:
        """Choose the page's layout; for a page the fork rendered, its output. True: nothing left to do."""
        place = self._order.get(page.file.src_uri)
        if place is None:  # a page with a template of its own, rendered here
            return False
        context["sdg_layout"] = self.LAYOUT
        if self._bounds is None:  # in the fork
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
        context["sdg_rendered_page"] = Markup(_expand(output))
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
        capture = CONVERSION_LOG
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
            sent = None if output is None else _packed(output)
            sending.send((page.file.src_uri, sent, records if output is not None else ()))
        sending.close()

    def _receive(self, src_uri: str) -> tuple[bytes | None, tuple[logging.LogRecord, ...]]:
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
    capture = CONVERSION_LOG
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
        conversion = conversion_of(page, capture.stop(), plain_records=True)
        sending.send((src_uri, conversion, _packed(render(src_uri, conversion.html)) if render else None))
    sending.close()


def _packed(html: str) -> bytes:
    # This process holds what the fork sent until MkDocs reaches the page, for the fork's half near the
    # end: at 5,000 stories some 170 MB as text, a fifth of that compressed.
    return zlib.compress(html.encode("utf-8"), 1)


def _expand(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8")


def parallel_wanted() -> bool:
    """SDG_STORIES_PARALLEL=0 converts everything in one process (to compare, or to rule it out)."""
    return os.environ.get("SDG_STORIES_PARALLEL", "1") != "0" and (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()
