"""The stories folder as Decap CMS's local backend sees it: the JSON actions of decap-server, in Python.

Decap CMS asks a proxy on the writer's computer (normally ``npx decap-server``, which needs Node.js) to
list, read and write files. This is the same protocol (``info``, ``entriesByFolder``, ``getEntry``,
``persistEntry``, ``getMedia``, ``persistMedia``, ``deleteFiles``, ...) with stricter rules, so a writer
with only Python edits their checkout:

- only inside the stories folder, and only stories, advisers.yml, vacancies.yml and images;
- never over a file the editor did not open, nor over one changed on disk since it was opened;
- never an image over another one;
- a story or data file is saved only if the build would accept it (the build's readers check it first).
"""

from __future__ import annotations

import base64
import hashlib
import posixpath
import re
import threading
from pathlib import Path

from sdg_stories.content.adviser_file import parse_advisers
from sdg_stories.content.folder import ADVISERS_FILE, VACANCIES_FILE
from sdg_stories.content.messages import messages
from sdg_stories.content.media_types import image_type
from sdg_stories.content.story_file import parse_story
from sdg_stories.content.vacancy_conversion import convert_old_format, for_the_editor
from sdg_stories.content.vacancy_file import parse_vacancies
from sdg_stories.content.front_matter import split_front_matter
from sdg_stories.editor.minimal_save import minimal_story, minimal_yaml
from sdg_stories.editor.form_words import form_lines, without_rubric_prompts
from sdg_stories.editor.target_quoting import with_quoted_targets
from sdg_stories.sdg.goals import Framework

_LEADING_COMMENTS = re.compile(r"\A(?:[ \t]*#[^\n]*\n|[ \t]*\n)+")


class Refused(Exception):
    """A request the editor must not carry out; the message is for the writer. ``terminal``, if any, is
    the build's own account (files, lines, field names) for the terminal `sdg-stories editor` runs in."""

    def __init__(self, message: str, terminal: str | None = None) -> None:
        super().__init__(message)
        self.terminal = terminal


class StoriesRepository:
    """Files under ``root/stories_dir``, read and written on Decap CMS's behalf."""

    def __init__(self, root: Path, stories_dir: str, framework: Framework, language: str) -> None:
        self.root = root.resolve()
        self.folder = stories_dir.strip("/")
        self.framework = framework
        self.language = language
        self.msg = messages(language)
        # The version of each file the editor was last given (None: it was told there is none): a save may
        # replace exactly that version, nothing newer and nothing it never saw.
        self._seen: dict[str, str | None] = {}
        self._lock = threading.Lock()

    # The protocol

    def handle(self, action: str, params: dict) -> object:
        method = getattr(self, f"_{action}", None) if action in _ACTIONS else None
        if method is None:
            raise Refused(self.msg("editor.unknown-action", action=action))
        with self._lock:
            return method(params or {})

    def _info(self, params: dict) -> dict:
        # Publishing modes: "simple" only; the review step belongs to the git host (hosted editor).
        # "editor" tells /admin/ it found `sdg-stories editor`, not another program on the port (decap-server).
        return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs", "editor": "sdg-stories"}

    def _entriesByFolder(self, params: dict) -> list[dict]:
        folder = self._path(str(params.get("folder", "")), directory=True)
        extension = str(params.get("extension", ""))
        depth = int(params.get("depth", 1))
        found = [
            path for path in _walk(self.root / folder, depth)
            if path.name.endswith(extension) and path.name.lower() != "readme.md"  # the folder's notes, not a story
        ]
        return [self._entry(path.relative_to(self.root).as_posix()) for path in sorted(found)]

    def _entriesByFiles(self, params: dict) -> list[dict]:
        return [self._entry(self._path(str(file.get("path", ""))), file.get("label")) for file in params.get("files", [])]

    def _getEntry(self, params: dict) -> dict:
        return self._entry(self._path(str(params.get("path", ""))))

    def _persistEntry(self, params: dict) -> dict:
        files = params.get("dataFiles") or [params.get("entry")]
        writes = []
        for file in files:
            path = self._writable(str(file.get("path", "")))
            raw = str(file.get("raw", ""))
            if path.endswith(".md"):
                # Decap quotes the ids it would read as numbers itself; a story it was handed unquoted
                # (or an older Decap) is saved with "17.10" quoted all the same, so the hosted editor reads it too.
                raw = with_quoted_targets(raw)
            self._check_unchanged(path)
            new_path = self._writable(str(file["newPath"])) if file.get("newPath") else None
            if new_path and (self.root / new_path).exists():
                raise Refused(self.msg("editor.exists", path=new_path))
            writes.append((path, self._checked(new_path or path, self._minimal(path, raw)), new_path))
        assets = [self._new_asset(asset) for asset in params.get("assets", [])]
        for path, content in assets:
            _write(self.root / path, content)
        for path, text, new_path in writes:
            _write(self.root / (new_path or path), text.encode("utf-8"))
            if new_path:
                (self.root / path).unlink()
                self._seen.pop(path, None)
            self._seen[new_path or path] = _digest(text.encode("utf-8"))
        return {"message": "entry persisted"}

    def _getMedia(self, params: dict) -> list[dict]:
        folder = self._path(str(params.get("mediaFolder", "")), directory=True)
        found = [path for path in _walk(self.root / folder, 1) if image_type(path.name)]
        return [self._media(path.relative_to(self.root).as_posix()) for path in sorted(found)]

    def _getMediaFile(self, params: dict) -> dict:
        return self._media(self._path(str(params.get("path", ""))))

    def _persistMedia(self, params: dict) -> dict:
        path, content = self._new_asset(params.get("asset") or {})
        _write(self.root / path, content)
        return self._media(path)

    def _deleteFile(self, params: dict) -> dict:
        return self._deleteFiles({"paths": [params.get("path", "")]})

    def _deleteFiles(self, params: dict) -> dict:
        paths = [self._writable(str(path)) for path in params.get("paths", [])]
        for path in paths:
            self._check_unchanged(path)
        for path in paths:
            (self.root / path).unlink(missing_ok=True)
            self._seen[path] = None
        return {"message": f"deleted files {', '.join(paths)}"}

    def _getDeployPreview(self, params: dict) -> None:
        return None

    # Reading

    def _entry(self, path: str, label: object = None) -> dict:
        file = self.root / path
        data = file.read_bytes() if file.is_file() else None
        self._seen[path] = _digest(data) if data is not None else None
        entry = {"path": path, "id": self._seen[path]}
        if label is not None:
            entry["label"] = label
        text = data.decode("utf-8", "replace") if data is not None else None
        if text is not None and path.endswith(".md"):
            text = without_rubric_prompts(with_quoted_targets(text))
        elif text is not None and path == f"{self.folder}/{VACANCIES_FILE}":
            # Saved in the current format (vacancies:) even when it was read in the old one.
            text = for_the_editor(text, self.framework, self.language)
        return {"data": text, "file": entry}

    def _media(self, path: str) -> dict:
        content = (self.root / path).read_bytes()
        return {
            "id": _digest(content), "content": base64.b64encode(content).decode("ascii"), "encoding": "base64",
            "path": path, "name": posixpath.basename(path),
        }

    # The rules

    def _path(self, path: str, directory: bool = False) -> str:
        """``path`` normalised, if it lies inside the stories folder (also after following links)."""
        clean = posixpath.normpath(path.replace("\\", "/")) if path else ""
        inside = clean == self.folder if directory else False
        inside = inside or clean.startswith(self.folder + "/")
        parts = clean.split("/")
        if not clean or clean.startswith("/") or ".." in parts or any(part.startswith(".") for part in parts) or not inside:
            raise Refused(self.msg("editor.outside", path=path, folder=self.folder))
        real = (self.root / clean).resolve()
        if not real.is_relative_to((self.root / self.folder).resolve()):
            raise Refused(self.msg("editor.outside", path=path, folder=self.folder))
        return clean

    def _writable(self, path: str) -> str:
        clean = self._path(path)
        relative = clean[len(self.folder) + 1:]
        story = relative.endswith(".md") and not relative.startswith("images/")
        if not (story or relative in (ADVISERS_FILE, VACANCIES_FILE)):
            raise Refused(self.msg("editor.not-writable", path=path, folder=self.folder))
        return clean

    def _new_asset(self, asset: dict) -> tuple[str, bytes]:
        path = self._path(str(asset.get("path", "")))
        if not path.startswith(f"{self.folder}/images/") or not image_type(path):
            raise Refused(self.msg("editor.not-writable", path=path, folder=self.folder))
        content = base64.b64decode(str(asset.get("content", "")))
        existing = self.root / path
        if existing.exists() and existing.read_bytes() != content:
            raise Refused(self.msg("editor.exists", path=path))
        return path, content

    def _check_unchanged(self, path: str) -> None:
        file = self.root / path
        current = _digest(file.read_bytes()) if file.is_file() else None
        if current is not None and self._seen.get(path, "unseen") != current:
            raise Refused(self.msg("editor.changed", path=path))

    def _checked(self, path: str, text: str) -> str:
        """The text, if the build would accept it; otherwise refused with the build's own messages."""
        relative = path[len(self.folder) + 1:]
        shown = path
        if relative == ADVISERS_FILE:
            _, problems = parse_advisers(text, shown, language=self.language)
        elif relative == VACANCIES_FILE:
            _, problems = parse_vacancies(text, shown, self.framework, language=self.language)
        else:
            _, problems = parse_story(text, relative, shown, self.framework, self.language)
        if problems:
            terminal = self.msg.plural("editor.refused", len(problems), problems="".join(f"\n  {p}" for p in problems)).replace(" \n", "\n")
            if relative in (ADVISERS_FILE, VACANCIES_FILE):
                lines = [str(problem) for problem in problems]
            else:  # the form's words: the writer sees fields, not the file
                split = split_front_matter(text)
                lines = form_lines(problems, split.body_line if split else None, self.msg)
            raise Refused("\n".join(lines), terminal=terminal)
        return text

    def _minimal(self, path: str, raw: str) -> str:
        """What Decap saves, as a change to the file on disk of only what the writer changed (minimal_save.py):
        a reviewer sees their sentence, not the whole file rewritten in Decap's YAML."""
        file = self.root / path
        if not file.is_file():
            return raw
        old = file.read_text("utf-8")
        if path.endswith(".md"):
            return minimal_story(old, raw)
        if path == f"{self.folder}/{VACANCIES_FILE}":
            # An old-format file (a list) was handed to Decap converted: the save is that text, changed.
            old = convert_old_format(old, self.framework, self.language) or old
        merged = minimal_yaml(old, raw)
        return merged if merged is not None else self._keep_comments(path, raw)

    def _keep_comments(self, path: str, text: str) -> str:
        """Decap rewrites a YAML file without its comments; the explanation at the top of advisers.yml or
        vacancies.yml is for the next person editing it by hand, so it stays."""
        file = self.root / path
        if not path.endswith(".yml") or not file.is_file():
            return text
        header = _LEADING_COMMENTS.match(file.read_text("utf-8"))
        if header is None or text.startswith(header[0]):
            return text
        return header[0].rstrip("\n") + "\n\n" + text


_ACTIONS = frozenset({
    "info", "entriesByFolder", "entriesByFiles", "getEntry", "persistEntry", "getMedia", "getMediaFile",
    "persistMedia", "deleteFile", "deleteFiles", "getDeployPreview",
})


def _walk(folder: Path, depth: int) -> list[Path]:
    if depth <= 0 or not folder.is_dir():
        return []
    found: list[Path] = []
    for entry in folder.iterdir():
        if entry.name.startswith((".", "_")):
            continue
        if entry.is_dir():
            found += _walk(entry, depth - 1)
        elif entry.is_file():
            found.append(entry)
    return found


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
