"""Adding an adviser to ``advisers.yml`` by appending to it: ``sdg-stories new-adviser``.

The file is kept by people, with comments and their own order and layout, so it is never loaded and
dumped again: the new adviser is text added at the end, and everything before it stays byte for
byte. Before anything is written, the whole new text is read by the build's own reader
(``parse_advisers``); the addition must bring the adviser and no new problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from slugify import slugify

from sdg_stories.content.adviser_file import parse_advisers
from sdg_stories.content.folder import ADVISERS_FILE, ContentFolder
from sdg_stories.content.messages import Messages, messages
from sdg_stories.content.records import Adviser
from sdg_stories.content.problems import Problem
from sdg_stories.cli.yaml_output import scalar

REQUIRED = ("name", "role")
_PLACEHOLDERS = {"name": "Naam", "role": "Rol"}


class InvalidAdviser(ValueError):
    """An answer the build would refuse, or a file that cannot safely be added to."""


class AdvisersChanged(RuntimeError):
    """advisers.yml changed between reading and appending; nothing was written."""


@dataclass
class AdviserForm:
    folder: ContentFolder
    original: bytes  # the file as read; b"" when it does not exist yet
    language: str  # the site's, which the messages speak
    answers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def for_folder(cls, folder: ContentFolder, language: str) -> "AdviserForm":
        path = folder.path / ADVISERS_FILE
        original = path.read_bytes() if path.is_file() else b""
        form = cls(folder, original, language)
        form._check_original()
        return form

    @property
    def msg(self) -> Messages:
        return messages(self.language)

    @property
    def path(self) -> Path:
        return self.folder.path / ADVISERS_FILE

    @property
    def shown_path(self) -> str:
        return self.folder.show(ADVISERS_FILE)

    @cached_property
    def existing(self) -> dict[str, Adviser]:
        return parse_advisers(self._original_text, self.shown_path, language=self.language)[0]

    # Answers

    def set(self, name: str, value: str) -> str:
        """Check and keep one answer; raises InvalidAdviser with the build's message."""
        value = " ".join(value.split())
        if name == "key":
            self._check_key(value)
        elif value or name in REQUIRED:
            message = self._problem(name, {name: value})
            if not message and name == "photo":
                message = self._missing_photo(value)
            if message:
                raise InvalidAdviser(message)
        self.answers[name] = value
        return value

    def default(self, name: str) -> str:
        if name == "key":
            return slugify(self.answers.get("name", ""))
        return ""

    def adviser(self) -> Adviser:
        return Adviser(
            key=self.answers["key"], name=self.answers["name"], role=self.answers["role"],
            photo=self.answers.get("photo") or None, bio=self.answers.get("bio") or None,
        )

    # The file

    def addition(self) -> str:
        """The text appended: a newline if the file lacks its last one, a blank line, the adviser."""
        return self._separator() + self._block(self.answers)

    def append(self) -> Path:
        """Append the adviser after checking that the file reads back with it and nothing new wrong."""
        addition = self.addition()
        new_text = self._original_text + addition
        advisers, problems = parse_advisers(new_text, self.shown_path, language=self.language)
        added = set(problems) - set(self._original_problems)
        if added or advisers.get(self.answers["key"]) != self.adviser():
            reasons = "; ".join(str(problem) for problem in sorted(added)) or self.msg("cli.adviser.not-read-back")
            raise InvalidAdviser(self.msg("cli.adviser.would-break", file=self.shown_path, reasons=reasons))
        if not self.original:
            self.folder.path.mkdir(parents=True, exist_ok=True)
            with self.path.open("xb") as file:
                file.write(addition.encode("utf-8"))
            return self.path
        with self.path.open("r+b") as file:
            if file.read() != self.original:
                raise AdvisersChanged(self.msg("cli.adviser.changed", file=self.shown_path))
            file.write(addition.encode("utf-8"))  # at the end: the read left the position there
        return self.path

    # Checking

    @property
    def _original_text(self) -> str:
        return self.original.decode("utf-8")

    @cached_property
    def _original_problems(self) -> list[Problem]:
        return parse_advisers(self._original_text, self.shown_path, language=self.language)[1] if self.original else []

    def _check_original(self) -> None:
        try:
            text = self._original_text
        except UnicodeDecodeError:
            raise InvalidAdviser(self.msg("cli.adviser.not-utf8", file=self.shown_path)) from None
        if not text.strip():
            return
        # An addition is only safe after a file that reads as a mapping of advisers.
        probe = text + self._separator() + self._block({**_PLACEHOLDERS, "key": "sdg-stories-probe"})
        advisers, _ = parse_advisers(probe, self.shown_path, language=self.language)
        if "sdg-stories-probe" not in advisers:
            problems = "; ".join(str(problem) for problem in self._original_problems)
            if problems:
                raise InvalidAdviser(self.msg("cli.adviser.cannot-add-problems", file=self.shown_path, problems=problems))
            raise InvalidAdviser(self.msg("cli.adviser.cannot-add", file=self.shown_path))

    def _check_key(self, key: str) -> None:
        if not key:
            raise InvalidAdviser(self.msg("cli.adviser.key-empty"))
        existing = self.existing.get(key)
        if existing is not None:
            raise InvalidAdviser(self.msg("cli.adviser.key-taken", key=key, file=self.shown_path, name=existing.name))
        message = self._problem(key, {"key": key})
        if message and slugify(key) and slugify(key) != key and slugify(key) not in self.existing:
            # "Dirk" or "Dirk de Boer": the key it would be, rather than an example of another name.
            raise InvalidAdviser(self.msg("cli.adviser.key-as", value=key, key=slugify(key)))
        if message:
            raise InvalidAdviser(message)

    def _problem(self, name: str, overrides: dict[str, str]) -> str:
        """The build's new messages for ``name`` in the file with the answers so far plus ``overrides``."""
        answers = {**_PLACEHOLDERS, "key": "sdg-stories-probe", **self.answers, **overrides}
        text = self._original_text + self._separator() + self._block(answers)
        _, problems = parse_advisers(text, self.shown_path, language=self.language)
        old = set(self._original_problems)
        return "; ".join(p.message for p in problems if p.field == name and p not in old)

    def _missing_photo(self, photo: str) -> str:
        # The build checks this against the folder's files (content.py); the tool checks the disk.
        if (self.folder.path / photo).is_file():
            return ""
        return self.msg("cli.adviser.photo-missing", path=self.folder.show(photo))

    def _separator(self) -> str:
        text = self._original_text
        newline = "\r\n" if "\r\n" in text else "\n"
        if not text:
            return ""
        if not text.endswith(("\n", "\r")):
            return newline * 2
        return "" if text.endswith(newline * 2) else newline

    def _block(self, answers: dict[str, str]) -> str:
        newline = "\r\n" if "\r\n" in self._original_text else "\n"
        lines = [f"{scalar(answers['key'])}:"]
        for name in ("name", "role", "photo", "bio"):
            if answers.get(name):
                lines.append(f"  {name}: {scalar(answers[name])}")
        return newline.join(lines) + newline
