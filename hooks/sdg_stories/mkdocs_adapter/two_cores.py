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
from multiprocessing.connection import Connection
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, Environment
from markupsafe import Markup
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sdg_stories.pages.build import SiteBuild
from sdg_stories.mkdocs_adapter.rebuilds import CONVERSION_LOG, conversion_of, restore_conversion
from sdg_stories.pages.render_cache import replay

log = logging.getLogger("mkdocs.plugins.sdg_stories")

MIN_PAGES = 40  # below this a second process costs more than it saves


class ParallelConversions:
    """`mkdocs build`: the generated pages' Markdown is converted, and their content made, by two processes.

    MkDocs reads and converts every page before it renders any. The fork is a copy of this process at the
    first generated page, so it converts exactly as MkDocs would here: the same events (on_pre_page,
    read_source, on_page_markdown) and Page.render; and unless another hook changes the content first, it
    makes the page's content from the conversion (the story template, a listing's cards) as
    on_page_content does here. This process takes pages from the front, in the order MkDocs reads them,
    the fork from the back (_Fork). The fork sends back what each conversion made
    (rebuild_cache.Conversion) and the content, which the page's own render and on_page_content put back
    when MkDocs reaches it, its warnings logged at that point, in order. If the fork fails, the pages it
    had not sent are converted here. Not under `mkdocs serve`, whose rebuilds keep conversions instead,
    and whose server threads make forking unwise.
    """

    def __init__(self, config: MkDocsConfig, build: SiteBuild) -> None:
        self._config = config
        self._build = build
        self._order: dict[str, int] | None = None  # generated page's src_uri -> place in MkDocs' reading order
        self._fork: _Fork | None = None
        self._rendered: dict[str, str] = {}  # src_uri -> a page's content as the fork made it (render_page)

    def before(self, page: Page, files: Files) -> None:
        if self._order is None:
            self._start(files)
        place = self._order.get(page.file.src_uri)  # type: ignore[union-attr]
        if place is None or self._fork is None or self._fork.in_fork:
            return
        if not self._fork.claim_front(place):
            page.render = functools.partial(self._render, page)  # type: ignore[method-assign]

    def rendered(self, src_uri: str) -> str | None:
        """The page's content as the fork made it from its conversion, if the fork converted it."""
        return self._rendered.pop(src_uri, None)

    def finish(self) -> None:
        """After every page's conversion: the fork has sent all it converted; end it, and say how much it did."""
        if self._fork is not None and not self._fork.in_fork:
            self._fork.close()
            log.debug(f"Markdown of {self._fork.received} of {len(self._order or ())} generated pages "
                      "converted by a second process")

    def _start(self, files: Files) -> None:
        # Every generated page: the listings have little Markdown, but their content (cards) takes rendering.
        pages = [file.src_uri for file in files.documentation_pages() if file.src_uri in self._build.pages_by_src_uri]
        self._order = {src_uri: place for place, src_uri in enumerate(pages)}
        if len(pages) >= MIN_PAGES:
            # The fork makes the content too, unless another hook changes it after the conversion.
            renders = len(self._config.plugins.events["page_content"]) == 1
            self._fork = _Fork(len(pages), self._convert_from_the_back, pages, files, renders)

    def _convert_from_the_back(self, fork: _Fork, pages: list[str], files: Files, renders: bool) -> None:
        """In the fork: convert each page claimed as _populate_page would, and send what the conversion
        made, and the page's content."""
        config = self._config
        while (place := fork.claim_back()) is not None:
            src_uri = pages[place]
            file = files.get_file_from_path(src_uri)
            page = file.page or Page(None, file, config)
            page = config.plugins.on_pre_page(page, config=config, files=files)
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            CONVERSION_LOG.start()
            Page.render(page, config, files)
            conversion = conversion_of(page, _plain(CONVERSION_LOG.stop()))
            generated = self._build.pages_by_src_uri[src_uri]
            fork.send(src_uri, conversion, _packed(self._build.renderer.render_page(generated, conversion.html))
                      if renders else None)

    def _render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        assert self._fork is not None
        found, content = self._fork.take(page.file.src_uri) or (None, None)
        if found is None:
            Page.render(page, config, files)  # the fork failed: convert here, as MkDocs would
            return
        restore_conversion(page, found, config, files)
        if content is not None:
            self._rendered[page.file.src_uri] = _expand(content)


class ParallelPages:
    """`mkdocs build`: pages rendered with the theme by two processes at once, this one and a fork.

    Once every page's content is made (on_env), MkDocs renders each page with the theme's template and
    writes it, half the build, on one core, while the other has only Pagefind writing its bundle. A fork
    of this process, made then, renders pages from the back as _build_page would (get_context,
    on_page_context, the template, on_post_page) and sends each output; this process takes pages from
    the front, claiming each when MkDocs reaches it (on_page_context; _Fork). For a page the fork
    rendered, MkDocs renders a template that prints the output it sent, and writes it as always. MkDocs
    picks a page's template before on_page_context, so each page's template is TEMPLATE, which extends
    the layout chosen there. Only when the hooks are the only plugins: another plugin's page events would
    run in both processes. What the fork logs is logged here, in the page's place.
    """

    LAYOUT = "main.html"  # the theme's template for a page that names none
    TEMPLATE = "sdg-stories/page.html"
    RENDERED = "sdg-stories/rendered-page.html"

    def __init__(self, config: MkDocsConfig) -> None:
        self._config = config
        self._order: dict[str, int] = {}
        self._fork: _Fork | None = None
        self._from_fork = 0

    def start(self, env: Environment, files: Files, nav: Navigation) -> None:
        env.loader = ChoiceLoader([
            DictLoader({self.TEMPLATE: "{% extends sdg_layout %}", self.RENDERED: "{{ sdg_rendered_page }}"}),
            env.loader,
        ])
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        pages = [file.page for file in doc_files if file.page is not None and "template" not in file.page.meta]
        if len(pages) < MIN_PAGES:
            return
        for place, page in enumerate(pages):
            self._order[page.file.src_uri] = place
            page.meta["template"] = self.TEMPLATE
        self._fork = _Fork(len(pages), self._render_from_the_back, pages, env, nav, doc_files)

    def fill(self, context: dict, page: Page) -> bool:
        """Choose the page's layout; for a page the fork rendered, its output. True: nothing left to do."""
        place = self._order.get(page.file.src_uri)
        if place is None:  # a page with a template of its own, rendered here
            return False
        context["sdg_layout"] = self.LAYOUT
        if self._fork is None or self._fork.in_fork or self._fork.claim_front(place):
            return False
        output, records = self._fork.take(page.file.src_uri) or (None, ())
        replay(records)
        if output is None:  # the fork could not render it: render it here, where an error is reported as usual
            return False
        self._from_fork += 1
        context["sdg_layout"] = self.RENDERED
        context["sdg_rendered_page"] = Markup(_expand(output))
        return True

    def finish(self) -> None:
        """After the last page: end the fork, and say how much it did."""
        if self._fork is not None and not self._fork.in_fork:
            self._fork.close()
            log.debug(f"{self._from_fork} of {len(self._order)} pages rendered by a second process")

    def _render_from_the_back(self, fork: _Fork, pages: list[Page], env: Environment, nav: Navigation,
                              doc_files: list[File]) -> None:
        """In the fork: render each page claimed as _build_page would, and send its output."""
        config = self._config
        while (place := fork.claim_back()) is not None:
            page = pages[place]
            CONVERSION_LOG.start()
            output: str | None = None
            config._current_page = page
            page.active = True
            try:
                context = get_context(nav, doc_files, config, page)
                template = env.get_template(page.meta["template"])
                context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
                output = config.plugins.on_post_page(template.render(context), page=page, config=config)
            except Exception:
                output = None  # left for this process to meet again, so it is reported as MkDocs reports it
            finally:
                page.active = False
                config._current_page = None
                records = _plain(CONVERSION_LOG.stop())
            if output is None:
                fork.send(page.file.src_uri, None, ())
            else:
                fork.send(page.file.src_uri, _packed(output), records)


class _Fork:
    """A fork of this process that works through a list of pages from the back while this process works
    from the front, each claiming the next page under a shared lock, so they meet wherever the machine
    lets them; and what the fork sends, taken in as it comes and kept by page until MkDocs reaches it.

    Taken in as it comes: a pipe holds only a few pages, and a fork blocked on a full pipe does nothing
    more until this process reads. The fork runs the same hooks as this process, so ``in_fork`` tells
    them apart: in the fork nothing may claim from the front or read the pipe.
    """

    def __init__(self, pages: int, work: Callable[..., None], *args: Any) -> None:
        context = multiprocessing.get_context("fork")
        self._bounds = context.Array("i", [0, pages])  # this process has claimed up to front, the fork from back
        self._connection: Connection | None
        self._connection, sending = context.Pipe(duplex=False)
        self._sending: Connection | None = None
        self._waiting: dict[str, tuple] = {}
        self.in_fork = False
        self.received = 0
        self._process: multiprocessing.process.BaseProcess | None = context.Process(
            target=self._run, args=(sending, work, args), daemon=True
        )
        # Objects that exist now are left alone by the fork's garbage collector, so it does not copy the
        # memory pages they live on (copy-on-write); this process goes on collecting them as before.
        gc.freeze()
        self._process.start()
        gc.unfreeze()
        sending.close()

    # In this process

    def claim_front(self, place: int) -> bool:
        """Claim the page at ``place`` for this process; False when the fork has it."""
        self._drain()
        with self._bounds.get_lock():
            if place >= self._bounds[1]:
                return False
            self._bounds[0] = place + 1
            return True

    def take(self, src_uri: str) -> tuple | None:
        """What the fork sent for the page, waiting for it if need be; None if the fork ended without it."""
        while src_uri not in self._waiting and self._connection is not None:
            self._receive_one()
        return self._waiting.pop(src_uri, None)

    def close(self) -> None:
        """Take in the rest, until the fork has ended."""
        while self._connection is not None:
            self._receive_one()

    def _drain(self) -> None:
        while self._connection is not None and self._connection.poll():
            self._receive_one()

    def _receive_one(self) -> None:
        assert self._connection is not None
        try:
            src_uri, *sent = self._connection.recv()
        except (EOFError, OSError):  # the fork has sent everything, or has failed
            self._connection.close()
            self._connection = None
            if self._process is not None:
                self._process.join(timeout=10)
                self._process = None
            return
        self._waiting[src_uri] = tuple(sent)
        self.received += 1

    # In the fork

    def claim_back(self) -> int | None:
        """The place of the next page from the back, or None once the two processes have met."""
        with self._bounds.get_lock():
            if self._bounds[1] - 1 < self._bounds[0]:
                return None
            self._bounds[1] -= 1
            return self._bounds[1]

    def send(self, src_uri: str, *sent: object) -> None:
        assert self._sending is not None
        self._sending.send((src_uri, *sent))

    def _run(self, sending: Connection, work: Callable[..., None], args: tuple) -> None:
        assert self._connection is not None
        self._connection.close()
        self._connection, self._sending, self.in_fork = None, sending, True
        # What the work logs is sent with it and logged by this process in its place; not here too.
        for name in ("mkdocs", ""):
            logging.getLogger(name or None).handlers = [CONVERSION_LOG]
        work(self, *args)
        sending.close()


def _plain(records: tuple[logging.LogRecord, ...]) -> tuple[logging.LogRecord, ...]:
    """Records to send to another process: the message as text, nothing that might not pickle."""
    for record in records:
        record.msg, record.args, record.exc_info, record.exc_text = record.getMessage(), None, None, None
    return records


def _packed(html: str) -> bytes:
    # This process holds what the fork sent until MkDocs reaches the page, for the fork's half near the
    # end: at 5,000 stories some 170 MB as text, a fifth of that compressed.
    return zlib.compress(html.encode("utf-8"), 1)


def _expand(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8")


def parallel_wanted() -> bool:
    """SDG_STORIES_PARALLEL=0 does everything in one process (to compare, or to rule it out)."""
    return (
        os.environ.get("SDG_STORIES_PARALLEL", "1") != "0"
        and (os.cpu_count() or 1) > 1
        and "fork" in multiprocessing.get_all_start_methods()
    )
