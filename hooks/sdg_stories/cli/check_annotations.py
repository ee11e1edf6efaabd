"""``sdg-stories check --format github|gitlab``: the problems on the story's lines in a pull/merge request.

GitHub Actions turns workflow commands (``::error file=...,line=...::message``) printed by a step into
annotations on the changed file; GitLab reads a Code Quality report (a JSON list) that a job leaves as an
artifact. The words are the build's own problem messages, from the writers' catalogue, so a writer reads
in the review what `sdg-stories check` and `mkdocs build` say.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from sdg_stories.content.messages import Messages
from sdg_stories.content.problems import Problem


def github_commands(problems: tuple[Problem, ...], warnings: tuple[Problem, ...], msg: Messages, root: Path) -> list[str]:
    """One workflow command a problem (``::error``) or warning (``::warning``)."""
    lines = []
    for kind, found, title in (("error", problems, "cli.check.annotation-problem"), ("warning", warnings, "cli.check.annotation-warning")):
        for problem in found:
            properties = [f"file={_property(_repository_path(problem.file, root))}"]
            if problem.line:
                properties.append(f"line={problem.line}")
            properties.append(f"title={_property(msg(title))}")
            lines.append(f"::{kind} {','.join(properties)}::{_data(_text(problem))}")
    return lines


def gitlab_report(problems: tuple[Problem, ...], warnings: tuple[Problem, ...], root: Path) -> list[dict]:
    """GitLab's Code Quality report: what its merge request widget (and, on Ultimate, the diff) shows."""
    entries = []
    for severity, found in (("major", problems), ("minor", warnings)):
        for problem in found:
            path = _repository_path(problem.file, root)
            # The same problem keeps its fingerprint when lines above it move, so GitLab can tell a
            # problem the merge request brings from one the main branch already had.
            key = "\0".join((path, problem.field or "", problem.message))
            entries.append({
                "description": _text(problem),
                "check_name": f"sdg-stories.{problem.field}" if problem.field else "sdg-stories",
                "fingerprint": hashlib.sha256(key.encode("utf-8")).hexdigest(),
                "severity": severity,
                "location": {"path": path, "lines": {"begin": problem.line or 1}},
            })
    return entries


def gitlab_json(entries: list[dict]) -> str:
    return json.dumps(entries, ensure_ascii=False, indent=2)


def _text(problem: Problem) -> str:
    """The problem line without its place: the annotation already sits on the file and line."""
    return f"{problem.field}: {problem.message}" if problem.field else problem.message


def _repository_path(shown: str, root: Path) -> str:
    """Both hosts want the path from the repository's root: the checkout the host names (GITHUB_WORKSPACE,
    CI_PROJECT_DIR), else where the check was run (``.ci/pipeline`` runs it there). A project in a subfolder
    of the repository gets that folder in front."""
    absolute = (root / shown).resolve()
    base = os.environ.get("GITHUB_WORKSPACE") or os.environ.get("CI_PROJECT_DIR") or os.getcwd()
    try:
        return absolute.relative_to(Path(base).resolve()).as_posix()
    except ValueError:
        return shown


def _data(text: str) -> str:
    # GitHub's escaping for a workflow command's message.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    # ... and for its properties, where ":" and "," separate.
    return _data(text).replace(":", "%3A").replace(",", "%2C")
