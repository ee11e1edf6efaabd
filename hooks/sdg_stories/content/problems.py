"""Problems in the content, reported to writers as sentences with file, line and field."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing a writer has to fix; ``file`` is the path as the writer sees it (``stories/x.md``)."""

    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


class ContentError(Exception):
    """Every problem of every file at once, so a writer fixes them in one pass, not one per build."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        heading = "1 problem in the content" if count == 1 else f"{count} problems in the content"
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        return f"{heading}; nothing was built:\n{lines}"
