"""What a `mkdocs serve` process keeps from one build to the next: work keyed by everything it is made of.

`mkdocs serve` rebuilds the whole site after every change, in the same process, and most of a rebuild
repeats work whose inputs did not change. Two kinds of work are kept, because the bench shows they earn
it (bench/README.md, "What serve keeps"): reading a story file (``parsed``: keyed by the file's text and
what reading it depends on) and rendering a story's card (``cards``: keyed by the story, its adviser,
the language and the templates), which also lets one build render each card once for every listing.

Everything is keyed by its inputs themselves (or a digest of them), never by a file name or a time: when
the key matches, the value is what a fresh build would make, and that is the whole invalidation. This is
process state, not a build's: a build's own state lives on its config object (mkdocs_adapter/).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Any, Callable, TypeVar

_Value = TypeVar("_Value")


class _Bounded:
    """Entries of one kind, least recently used forgotten first beyond ``size``: a rebuild touches every entry
    it needs, so what the site no longer uses (an old version of an edited story) goes first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.entries: OrderedDict[Hashable, Any] = OrderedDict()
        self.hits = 0
        self.misses = 0


class KeptWork:
    """``get_or_make(kind, key, make)``: the value kept under ``key``, or ``make()`` kept from now on."""

    def __init__(self, sizes: dict[str, int]) -> None:
        self._kinds = {kind: _Bounded(size) for kind, size in sizes.items()}

    def get_or_make(self, kind: str, key: Hashable, make: Callable[[], _Value]) -> _Value:
        kept = self._kinds[kind]
        if key in kept.entries:
            kept.hits += 1
            kept.entries.move_to_end(key)
            return kept.entries[key]
        kept.misses += 1
        value = kept.entries[key] = make()
        while len(kept.entries) > kept.size:
            kept.entries.popitem(last=False)
        return value

    def fit(self, kind: str, size: int) -> None:
        """Room for ``size`` entries of a kind (a bigger site); never less than it was made with."""
        self._kinds[kind].size = max(self._kinds[kind].size, size)

    def counts(self) -> dict[str, dict[str, int]]:
        """Hits and misses per kind since the process started (tests and the bench read them)."""
        return {kind: {"hits": kept.hits, "misses": kept.misses} for kind, kept in self._kinds.items()}


# Cards: every card variant of a 5,000-story site (three per story) with room for a serve session's edits.
KEPT = KeptWork({"parsed": 1000, "cards": 20_000})
