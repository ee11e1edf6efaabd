"""The Pagefind search index, fed one page at a time while MkDocs renders.

Why page by page: Pagefind's CLI indexes the finished site after the build (8.9 s for 5,000 stories,
all of it on the critical path). Its service runs in a process of its own, so handing it each page
as soon as it is rendered lets indexing run on the second core, and only writing the bundle is left
for the end of the build (or less: ``start_writing`` as soon as the last page is in).

Why not the ``pagefind`` package's client: it is asyncio-only, so it needs an event loop in a thread of
this process, and that thread's JSON and base64 work competes with rendering for the GIL: at 1,000
stories it made the render phase 4 s longer. Here the caller only encodes each request; one thread
writes them into the service's stdin and another collects the small answers, and both spend their time
asleep in ``write`` and ``read``, without the GIL. A queue of ``max_pending`` pages bounds how far
Pagefind may fall behind before the caller waits. The protocol is the
package's (pagefind/service): a request is ``{"message_id": n, "payload": {...}}`` as base64-encoded
JSON ended by a comma, and so is each answer.

Language: Pagefind reads it from ``<html lang>`` and writes one index per language into the same
bundle; the browser loads only the index of the visitor's page language. ``force_language`` puts
every page into one index stemmed as one language instead.
"""

from __future__ import annotations

import base64
import functools
import json
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from collections import deque
from pathlib import Path
from types import TracebackType
from typing import Any

from pagefind.service import get_executable

BUNDLE_DIR = "pagefind"
# The protocol this client speaks and the stemmer search/terms.py is measured against (pyproject.toml pins it).
PAGEFIND_VERSION = "1.5.2"


class SearchIndexError(RuntimeError):
    """Pagefind refused a page or stopped: the build fails instead of shipping a partial index."""


class _Service:
    """One ``pagefind --service`` process: ``send`` a request, ``answer`` waits for the answer to it."""

    def __init__(self, outbox: int = 1024, timeout: float = 120.0) -> None:
        self._timeout = timeout
        executable = get_executable()
        if executable is None:
            raise SearchIndexError(f"Pagefind's binary was not found: pip install 'pagefind[bin]=={PAGEFIND_VERSION}'")
        found = binary_version(str(executable))
        if found != PAGEFIND_VERSION:
            raise SearchIndexError(
                f"Pagefind {found} ({executable}) was found, but sdg-stories needs Pagefind {PAGEFIND_VERSION}, whose "
                f"service protocol and stemmer it is built for: pip install 'pagefind[bin]=={PAGEFIND_VERSION}'"
            )
        # Pagefind's own messages (a panic, say) go to a file, not into the answers: they would garble them.
        self._errors = tempfile.TemporaryFile()
        self._process = subprocess.Popen(
            [str(executable), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._errors,
        )
        self._answers: dict[int, dict[str, Any]] = {}
        self._gone: str | None = None  # why no more answers will come
        self._arrived = threading.Condition()
        self._last_id = 0
        # Requests wait here, not in the caller: a pipe holds a few pages, and Pagefind falls behind while
        # the second core also converts Markdown; a caller writing to the pipe itself would wait for it.
        self._outbox: queue.Queue[bytes | None] = queue.Queue(maxsize=outbox)
        self._unwritable: str | None = None
        self._writer = threading.Thread(target=self._write, name="pagefind-requests", daemon=True)
        self._reader = threading.Thread(target=self._read, name="pagefind-answers", daemon=True)
        self._writer.start()
        self._reader.start()

    def send(self, payload: dict[str, Any]) -> int:
        if self._unwritable is not None:
            raise SearchIndexError(self._why_gone(self._unwritable))
        self._last_id += 1
        request = json.dumps({"message_id": self._last_id, "payload": payload}, ensure_ascii=False).encode("utf-8")
        try:
            self._outbox.put(base64.b64encode(request) + b",", timeout=self._timeout)  # read up to the comma
        except queue.Full:
            raise SearchIndexError(f"Pagefind took no request within {self._timeout} s") from None
        return self._last_id

    def answered(self, message_id: int) -> bool:
        with self._arrived:
            return message_id in self._answers or self._gone is not None

    def answer(self, message_id: int, timeout: float) -> dict[str, Any]:
        """The answer to one request; an Error answer, a dead process or no answer in time raise."""
        with self._arrived:
            if not self._arrived.wait_for(lambda: message_id in self._answers or self._gone is not None, timeout):
                raise SearchIndexError(f"Pagefind did not answer within {timeout} s")
            payload = self._answers.pop(message_id, None)
        if payload is None:
            raise SearchIndexError(self._why_gone(self._gone or "Pagefind stopped"))
        if payload.get("type") == "Error":
            raise SearchIndexError(str(payload.get("message")))
        return payload

    def stop(self) -> None:
        """End the process (EOF on stdin is its signal to exit; killed if it does not) and the reader."""
        process = self._process
        try:
            self._outbox.put(None, timeout=5)  # the writer's signal to stop, after what is queued
        except queue.Full:  # Pagefind reads nothing: make the writer's writes fail, so that it ends
            process.kill()
            self._outbox.put(None)
        self._writer.join(timeout=5)
        if self._writer.is_alive():  # stuck writing to a Pagefind that reads nothing
            process.kill()
            self._writer.join()
        if process.stdin is not None and not process.stdin.closed:
            try:
                process.stdin.close()
            except OSError:
                pass  # it had exited: the pipe could not be flushed
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        self._reader.join(timeout=5)
        if process.stdout is not None:
            process.stdout.close()
        self._errors.close()

    def _write(self) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        while (request := self._outbox.get()) is not None:
            if self._unwritable is not None:
                continue  # the process has gone: take the rest off the queue so that no caller waits on it
            try:
                stdin.write(request)
                stdin.flush()
            except (OSError, ValueError) as error:  # a closed pipe: the process has exited
                self._unwritable = f"Pagefind stopped reading ({error!r})"

    def _read(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        pending = b""
        try:
            while chunk := stdout.read1(1 << 16):
                *frames, pending = (pending + chunk).split(b",")
                for frame in frames:
                    self._arrive(json.loads(base64.b64decode(frame)))
            why = "Pagefind exited"
        except (ValueError, KeyError, TypeError, AttributeError) as error:  # a garbled answer
            why = f"Pagefind's answer could not be read ({error!r})"
        with self._arrived:
            self._gone = why
            self._arrived.notify_all()

    def _arrive(self, answer: dict[str, Any]) -> None:
        message_id = answer.get("message_id")
        payload = answer["payload"]
        if message_id is None and payload.get("original_message"):
            # A request Pagefind could not parse is answered without its id, but with the request.
            message_id = json.loads(payload["original_message"]).get("message_id")
        with self._arrived:
            self._answers[message_id] = payload
            self._arrived.notify_all()

    def _why_gone(self, why: str) -> str:
        try:
            self._errors.seek(0)
            said = self._errors.read()[-2000:].decode("utf-8", "replace").strip()
        except (OSError, ValueError):
            said = ""
        return f"{why}: {said}" if said else why


@functools.lru_cache(maxsize=4)
def binary_version(executable: str) -> str:
    """What ``pagefind --version`` says ("pagefind 1.5.2"), asked once per process and binary."""
    try:
        said = subprocess.run([executable, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError) as error:
        raise SearchIndexError(f"Pagefind ({executable}) could not be started: {error}") from None
    return said.split()[-1] if said.split() else "of unknown version"


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

    def __init__(self, *, force_language: str | None = None, max_pending: int = 1024,
                 timeout: float = 120.0) -> None:
        """Start the Pagefind service with an empty index; ``timeout`` bounds every wait on it."""
        self._max_pending = max_pending
        self._timeout = timeout
        self._pending: deque[int] = deque()  # requests of pages not yet answered, oldest first
        self._added = 0
        self._writing: threading.Thread | None = None  # waits for the pages, then has the bundle written
        self._written: bool | BaseException = False
        self._service: _Service | None = _Service(outbox=max_pending, timeout=timeout)
        try:
            config = {"force_language": force_language} if force_language else None
            answer = self._service.answer(self._service.send({"type": "NewIndex", "config": config}), timeout)
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

    def _live(self) -> _Service:
        if self._service is None:
            raise SearchIndexError("the search index was closed")
        return self._service

    def _settle_oldest(self) -> None:
        self._live().answer(self._pending.popleft(), self._timeout)
        self._added += 1
