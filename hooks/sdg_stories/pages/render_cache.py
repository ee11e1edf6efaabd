"""A bounded cache keyed by content, for work that `mkdocs serve` would otherwise repeat on every rebuild.

Everything kept is keyed by its inputs themselves (or a digest of them), never by a file name or a
time: when the key matches, the value is what a fresh build would make. That is the whole invalidation.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Callable, Generic, TypeVar

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
