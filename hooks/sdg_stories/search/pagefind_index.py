"""The Pagefind search index of one build, fed one page at a time while MkDocs renders.

Why page by page: Pagefind's CLI indexes the finished site after the build (8.9 s for 5,000 stories,
all of it on the critical path). Its service runs in a process of its own (pagefind_process.py), so
handing it each page as soon as it is made lets indexing run on the second core, and only writing the
bundle is left for the end of the build (or less: ``start_writing`` as soon as the last page is in).
A queue of ``max_pending`` pages bounds how far Pagefind may fall behind before the caller waits.

Language: Pagefind reads it from ``<html lang>`` and writes one index per language into the same
bundle; the browser loads only the index of the visitor's page language. ``force_language`` puts
every page into one index stemmed as one language instead.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections import deque
from pathlib import Path
from types import TracebackType

from sdg_stories.search.pagefind_process import PagefindProcess, SearchIndexError

BUNDLE_DIR = "pagefind"


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

    def __init__(self, *, force_language: str | None = None, exclude_selectors: tuple[str, ...] = (),
                 max_pending: int = 1024, timeout: float = 120.0) -> None:
        """Start the Pagefind service with an empty index; ``timeout`` bounds every wait on it;
        ``exclude_selectors``: elements Pagefind leaves out of every page's words and excerpts."""
        self._max_pending = max_pending
        self._timeout = timeout
        self._pending: deque[int] = deque()  # requests of pages not yet answered, oldest first
        self._added = 0
        self._writing: threading.Thread | None = None  # waits for the pages, then has the bundle written
        self._written: bool | BaseException = False
        self._service: PagefindProcess | None = PagefindProcess(outbox=max_pending, timeout=timeout)
        try:
            config = {"force_language": force_language} if force_language else {}
            if exclude_selectors:
                config["exclude_selectors"] = list(exclude_selectors)
            answer = self._service.answer(self._service.send({"type": "NewIndex", "config": config or None}), timeout)
            self._index_id: int = answer["index_id"]
        except BaseException:
            self.close()
            raise

    def add(self, url: str, html: str) -> None:
        """Hand over one rendered page; ``url`` is the site-absolute address results link to (``/stories/x/``).

        Returns once Pagefind has the page (waiting only while it is ``max_pending`` pages behind); a
        page Pagefind refused raises here on a later call, or in ``write``.
        """
        service = self._live()
        if self._writing is not None:
            raise SearchIndexError(f"{url} came after the search index was written")
        self._pending.append(service.send(
            {"type": "AddFile", "index_id": self._index_id, "url": url, "file_path": None, "file_contents": html}
        ))
        while self._pending and (len(self._pending) > self._max_pending or service.answered(self._pending[0])):
            self._settle_oldest()

    def start_writing(self, site_dir: Path) -> None:
        """Have Pagefind write the bundle to ``site_dir/pagefind/`` once it has taken in every page, and
        return at once: the caller goes on (with other pages) meanwhile. ``write`` waits for it.

        The old bundle goes first: Pagefind names files by content hash and never deletes any, so
        chunks of earlier builds would pile up under ``mkdocs serve``.
        """
        self._live()
        if self._writing is not None:
            return
        self._writing = threading.Thread(target=self._write_when_added, args=(Path(site_dir),), name="pagefind-write")
        self._writing.start()

    def write(self, site_dir: Path) -> int:
        """Write the bundle to ``site_dir/pagefind/`` (or finish what ``start_writing`` began); returns
        the pages added."""
        self.start_writing(site_dir)
        assert self._writing is not None
        self._writing.join()
        if isinstance(self._written, BaseException):
            raise self._written
        return self._added

    def _write_when_added(self, site_dir: Path) -> None:
        # In a thread of its own: Pagefind may still be taking in pages, and the caller need not wait for it.
        try:
            service = self._live()
            while self._pending:
                self._settle_oldest()
            if self._added == 0:
                raise SearchIndexError("no pages were added to the search index")
            bundle = site_dir.resolve() / BUNDLE_DIR
            shutil.rmtree(bundle, ignore_errors=True)
            request = service.send({"type": "WriteFiles", "index_id": self._index_id, "output_path": str(bundle)})
            service.answer(request, self._timeout)
            _wait_until_written(bundle, self._timeout)
            self._written = True
        except BaseException as error:  # raised in write(), on the caller's thread
            self._written = error

    def close(self) -> None:
        """End the Pagefind process; safe to call twice and after any error."""
        self._pending.clear()
        if self._service is not None:
            service, self._service = self._service, None
            service.stop()
        if self._writing is not None:
            self._writing.join(timeout=10)  # its waits fail once the service has stopped

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def _live(self) -> PagefindProcess:
        if self._service is None:
            raise SearchIndexError("the search index was closed")
        return self._service

    def _settle_oldest(self) -> None:
        self._live().answer(self._pending.popleft(), self._timeout)
        self._added += 1
