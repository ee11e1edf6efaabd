"""Problems in the content, reported to writers as sentences with file, line and field."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sdg_stories.content.messages import messages


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

    def __init__(self, problems: list[Problem], language: str) -> None:
        self.problems = sorted(set(problems))
        self.language = language  # the site's: the heading is worded like the problems under it
        super().__init__(self.report())

    def report(self) -> str:
        heading = messages(self.language).plural("content.problems", len(self.problems))
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        return f"{heading}\n{lines}"
