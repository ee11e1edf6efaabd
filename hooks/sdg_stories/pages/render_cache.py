"""What `mkdocs serve` keeps from one rebuild to the next, and the keys that keep it right.

`mkdocs serve` rebuilds the whole site after every change, in the same process. Most of a rebuild
repeats work whose inputs did not change: converting the Markdown of stories nobody touched, rendering
cards and pages from the same data. Everything kept here is keyed by content (the inputs themselves, or
a digest of them), never by a file name or a time: when the key matches, the value is what a fresh
build would make, and an edit anywhere that matters changes the key. That is the whole invalidation.
The caches are module-level because they must outlive a build; they are not a build's state (that
stays on the build's config object), and each is bounded so a long serve session cannot grow without end.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Callable, Generic, TypeVar

from sdg_stories.model.site import Site

_Value = TypeVar("_Value")


class BoundedCache(Generic[_Value]):
    """A dict that forgets its least recently used entries beyond ``size``. A rebuild touches every
    entry it needs, so what a site no longer uses (an old version of an edited story) is forgotten first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, _Value] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> _Value | None:
        value = self._entries.get(key)
        if value is None:
            self.misses += 1
            return None
        self.hits += 1
        self._entries.move_to_end(key)
        return value

    def put(self, key: Hashable, value: _Value) -> _Value:
        self._entries[key] = value
        self._entries.move_to_end(key)
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)
        return value

    def get_or_make(self, key: Hashable, make: Callable[[], _Value]) -> _Value:
        value = self.get(key)
        return self.put(key, make()) if value is None else value

    def fit(self, size: int) -> None:
        """Grow to hold ``size`` entries (a bigger site); never shrinks below the size it was made with."""
        self.size = max(self.size, size)

    def clear(self) -> None:
        self._entries.clear()
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)


def site_fingerprint(site: Site) -> str:
    """A digest of everything a generated page is made of, except the stories' bodies.

    Settings (language, build date, drafts shown, page size, campaign parameters, site URL), every
    adviser, vacancy and image, and every story's front matter and file name. Story bodies are left out
    on purpose: a body reaches a page only as the HTML MkDocs converted from it, which is part of the key
    of that page itself (render.py). So editing a story's text keeps every other page's key, while
    editing a title, a goal, an adviser, a vacancy or the language changes the key of every page.
    The goals and targets come from the package's own data, which a serve session cannot change.
    """
    content = site.content
    digest = hashlib.sha1()
    digest.update(repr(site.settings).encode())
    digest.update(repr(sorted(content.advisers.items())).encode())
    digest.update(repr(content.vacancies).encode())
    digest.update(repr(content.assets).encode())
    for story in content.stories:
        digest.update(repr(_front_matter(story)).encode())
    return digest.hexdigest()


def _front_matter(story: object) -> tuple:
    return tuple(
        getattr(story, field.name) for field in dataclasses.fields(story) if field.name != "body"  # type: ignore[arg-type]
    )


@dataclasses.dataclass(frozen=True)
class Conversion:
    """What converting one page's Markdown made, kept as the site generator needs it on the next build.

    The HTML, the table of contents, the ids the page has (other pages' links to its anchors are checked
    against them), the links it makes to other pages' anchors (by the target's source path, since the
    next build has new file objects), and what the conversion logged, such as a link to a missing page,
    which a rebuild logs again so that it reports what the first build reported.
    """

    html: str
    toc: object
    anchors: frozenset[str]
    links_to_anchors: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] | None
    records: tuple[logging.LogRecord, ...]


# Converted story bodies, keyed by what the adapter knows the conversion reads (mkdocs_site.py).
CONVERSIONS: BoundedCache[Conversion] = BoundedCache(0)
# Whole pages as the theme rendered them (zlib-compressed HTML), keyed by all a page is made of (mkdocs_site.py).
PAGES: BoundedCache[bytes] = BoundedCache(0)


class LogCapture(logging.Handler):
    """Collects what is logged on this thread between ``start`` and ``stop``: the messages of one
    Markdown conversion, without those of other threads (the search index runs its own)."""

    def __init__(self, *loggers: str) -> None:
        super().__init__(logging.NOTSET)
        self._records: list[logging.LogRecord] | None = None
        self._thread = 0
        for name in loggers:
            logging.getLogger(name or None).addHandler(self)

    def start(self) -> None:
        self._records = []
        self._thread = threading.get_ident()

    def stop(self) -> tuple[logging.LogRecord, ...]:
        records, self._records = self._records or [], None
        return tuple(records)

    def emit(self, record: logging.LogRecord) -> None:
        if self._records is None or record.thread != self._thread:
            return
        # Attached to a logger and to one of its ancestors, it meets a propagated record twice in a row.
        if not self._records or self._records[-1] is not record:
            self._records.append(record)


def replay(records: tuple[logging.LogRecord, ...]) -> None:
    """Log kept records again, through the handlers of the logger that logged them (--strict counts them)."""
    for record in records:
        logging.getLogger(record.name).handle(record)
