"""Splitting a long list of stories over numbered pages: page 1 at the plain URL, then ``page/2/``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Sequence, TypeVar

Item = TypeVar("Item")


@dataclass(frozen=True)
class Pager(Generic[Item]):
    """One page of a listing, with what its page links need."""

    number: int
    count: int
    items: Sequence[Item]
    base_url: str

    def url(self, number: int) -> str:
        return self.base_url if number == 1 else f"{self.base_url}page/{number}/"

    @property
    def previous_url(self) -> str | None:
        return self.url(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.url(self.number + 1) if self.number < self.count else None

    @property
    def links(self) -> list[int | None]:
        """Page numbers to link, None where a gap is elided: 1 … 4 5 [6] 7 8 … 20."""
        shown = sorted({1, self.count, *range(max(1, self.number - 2), min(self.count, self.number + 2) + 1)})
        numbers: list[int | None] = []
        for number in shown:
            if numbers and number - numbers[-1] > 1:
                numbers.append(None)
            numbers.append(number)
        return numbers


def paginate(items: Sequence[Item], size: int, base_url: str) -> list[Pager[Item]]:
    """Always at least one page, so an empty listing still has its page (with an empty state)."""
    count = max(1, -(-len(items) // size))
    return [Pager(n, count, items[(n - 1) * size : n * size], base_url) for n in range(1, count + 1)]
