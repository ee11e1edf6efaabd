"""The Pagefind search index, fed one page at a time while MkDocs renders.

Why page by page: Pagefind's CLI indexes the finished site after the build (8.9 s for 5,000 stories,
all of it on the critical path). Its service runs in a process of its own, so handing it each page
as soon as it is rendered lets indexing run on the second core, and only writing the bundle is left
for the end of the build.

Why a thread with an event loop: the ``pagefind`` package's API is asyncio-only, MkDocs hooks are
synchronous. A private loop in a daemon thread owns the service; ``add`` schedules work on it with
``run_coroutine_threadsafe`` and returns at once, so rendering never waits for indexing unless
Pagefind falls ``max_pending`` pages behind (which bounds the memory held by queued HTML).

Language: Pagefind reads it from ``<html lang>`` and writes one index per language into the same
bundle; the browser loads only the index of the visitor's page language. ``force_language`` puts
every page into one index stemmed as one language instead.
"""

from __future__ import annotations

import asyncio
import base64
import json
import shutil
import threading
import time
from collections import deque
from collections.abc import Coroutine
from concurrent.futures import Future
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from pagefind.index import IndexConfig, PagefindIndex
from pagefind.service import PagefindService

BUNDLE_DIR = "pagefind"

_T = TypeVar("_T")


class SearchIndexError(RuntimeError):
    """Pagefind refused a page or stopped: the build fails instead of shipping a partial index."""


class _PromptService(PagefindService):
    """``PagefindService`` that reads each answer as soon as it arrives, and can be stopped for sure.

    The package's own reader (pagefind 1.5.2) sleeps 0.1 s before every answer, which caps it at
    10 pages a second however many are in flight: 5,000 stories would take 500 s. With this reader
    5,000 pages of 750 words were indexed in 5.6 s. It also fails every waiting call when the
    binary exits, where the original leaves them waiting forever.
    """

    async def _wait_for_responses(self) -> None:
        assert self._backend.stdout is not None
        try:
            while True:
                frame = await self._backend.stdout.readuntil(b",")
                response = json.loads(base64.b64decode(frame[:-1]))
                payload = response["payload"]
                waiting = self._responses.pop(response.get("message_id"), None)
                if waiting is None or waiting.done():
                    continue
                if payload["type"] == "Error":
                    waiting.set_exception(SearchIndexError(payload["message"]))
                else:
                    waiting.set_result(payload)
        except (asyncio.IncompleteReadError, ValueError, KeyError) as error:
            # EOF or a garbled frame: the service is gone or unusable, so nothing will answer.
            for waiting in self._responses.values():
                if not waiting.done():
                    waiting.set_exception(SearchIndexError(f"Pagefind stopped answering ({error!r})"))
            self._responses.clear()

    async def stop(self) -> None:
        """End the process, then every task on the loop, so that the loop can stop with none left."""
        process = self._backend
        # EOF on stdin is the service's own signal to exit; kill only if it does not listen.
        if process.stdin is not None and not process.stdin.is_closing():
            process.stdin.close()
        try:
            await asyncio.wait_for(process.wait(), timeout=5)
        except asyncio.TimeoutError:
            process.kill()
            await process.wait()
        finally:
            others = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
            for task in others:
                task.cancel()
            await asyncio.gather(*others, return_exceptions=True)


def _wait_until_written(bundle: Path, timeout: float) -> None:
    """Pagefind 1.5.2 answers WriteFiles before its writes are done: right after the answer a file can
    still be empty (pagefind-entry.json, pagefind.js were seen so), and closing the service then leaves
    it empty for good: a site whose search is broken, and a build that differs from the next one.
    Done means no empty file and no change in names or sizes over a short interval.
    """
    deadline = time.monotonic() + timeout
    previous: dict[str, int] | None = None
    while True:
        sizes = {str(path): path.stat().st_size for path in bundle.rglob("*") if path.is_file()}
        if sizes and sizes == previous and all(sizes.values()):
            return
        if time.monotonic() > deadline:
            empty = sorted(path for path, size in sizes.items() if not size)
            raise SearchIndexError(f"Pagefind did not finish writing {bundle} within {timeout} s (empty: {empty})")
        previous = sizes
        time.sleep(0.05)


class SearchIndex:
    """One Pagefind index for one build: ``add`` pages as they render, ``write`` once, ``close`` always.

    Use it as a context manager, or call ``close`` from the build's error path too: ``close`` ends
    the Pagefind process whatever state it is in. Should this Python process die first, Pagefind
    still exits, because its service stops when its stdin reaches EOF.
    """

    def __init__(self, *, force_language: str | None = None, max_pending: int = 64,
                 timeout: float = 120.0) -> None:
        """Start the Pagefind service with an empty index; ``timeout`` bounds every wait on it."""
        self._max_pending = max_pending
        self._timeout = timeout
        self._pending: deque[Future[Any]] = deque()
        self._added = 0
        self._service: _PromptService | None = None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pagefind", daemon=True)
        self._thread.start()
        config = IndexConfig(force_language=force_language) if force_language else IndexConfig()
        try:
            self._index: PagefindIndex = self._call(self._start(config))
        except BaseException:
            self.close()
            raise

    def add(self, url: str, html: str) -> None:
        """Queue one rendered page; ``url`` is the site-absolute address results link to (``/stories/x/``).

        Returns at once; a page Pagefind refused raises here on a later call, or in ``write``.
        """
        self._pending.append(self._submit(self._index.add_html_file(content=html, url=url)))
        while self._pending and (self._pending[0].done() or len(self._pending) > self._max_pending):
            self._settle_oldest()

    def write(self, site_dir: Path) -> int:
        """Wait for the queued pages, write the bundle to ``site_dir/pagefind/``; returns the pages added.

        The old bundle goes first: Pagefind names files by content hash and never deletes any, so
        chunks of earlier builds would pile up under ``mkdocs serve``.
        """
        while self._pending:
            self._settle_oldest()
        if self._added == 0:
            raise SearchIndexError("no pages were added to the search index")
        bundle = Path(site_dir).resolve() / BUNDLE_DIR
        shutil.rmtree(bundle, ignore_errors=True)
        self._call(self._index.write_files(output_path=str(bundle)))
        _wait_until_written(bundle, self._timeout)
        return self._added

    def close(self) -> None:
        """End the Pagefind process and the loop thread; safe to call twice and after any error."""
        self._pending.clear()
        if self._thread.is_alive():
            if self._service is not None:
                try:
                    self._call(self._service.stop(), timeout=15)
                except SearchIndexError:
                    pass  # stop() kills before it gives up; nothing else is left to try
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
        if not self._loop.is_closed():
            self._loop.close()
        self._service = None

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    async def _start(self, config: IndexConfig) -> PagefindIndex:
        self._service = await _PromptService().launch()
        return await self._service.create_index(config)

    def _submit(self, work: Coroutine[Any, Any, _T]) -> Future[_T]:
        return asyncio.run_coroutine_threadsafe(work, self._loop)

    def _call(self, work: Coroutine[Any, Any, _T], timeout: float | None = None) -> _T:
        return self._settle(self._submit(work), timeout or self._timeout)

    def _settle_oldest(self) -> None:
        self._settle(self._pending.popleft(), self._timeout)
        self._added += 1

    @staticmethod
    def _settle(future: Future[_T], timeout: float) -> _T:
        try:
            return future.result(timeout)
        except TimeoutError as error:
            future.cancel()
            raise SearchIndexError(f"Pagefind did not answer within {timeout} s") from error
        except SearchIndexError:
            raise
        except FileNotFoundError as error:
            raise SearchIndexError(f"{error}: install it with pip install 'pagefind[bin]'") from error
        except Exception as error:
            raise SearchIndexError(f"Pagefind failed: {error}") from error
