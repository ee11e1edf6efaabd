"""`sdg-stories editor`: the web editor on the writer's own computer, saving into their checkout.

One small HTTP server on 127.0.0.1 (never reachable from another computer) answers Decap CMS's local
backend at /api/v1 (repository.py) and serves a built site, so /admin/ opens without Node.js, without a
git host and without an account. The editor also works from `mkdocs serve` (http://127.0.0.1:8000/admin/)
while this server runs: it answers pages of 127.0.0.1 and localhost on any port.
"""

from __future__ import annotations

import errno
import json
import re
import socket
import sys
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from sdg_stories.content.messages import Messages, messages
from sdg_stories.editor.repository import Refused, StoriesRepository

API_PATH = "/api/v1"
HOST = "127.0.0.1"
MAX_REQUEST = 50 * 1024 * 1024  # decap-server's limit: an image upload arrives base64-encoded in one request
_LOCAL_ORIGIN = re.compile(r"^https?://(localhost|127\.0\.0\.1)(:\d+)?$")


class EditorHandler(SimpleHTTPRequestHandler):
    """GET: the built site (if any); POST /api/v1: Decap's JSON actions."""

    repository: StoriesRepository
    quiet = True
    # Decap reads its configuration as YAML only when it is served as YAML (it warns otherwise).
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".yml": "text/yaml", ".wasm": "application/wasm"}

    def do_OPTIONS(self) -> None:  # noqa: N802 - the name http.server calls
        self.send_response(HTTPStatus.NO_CONTENT)
        self._cors()
        self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self) -> None:  # noqa: N802
        msg = messages(self.repository.language)
        if self.path.split("?")[0].rstrip("/") != API_PATH:
            self._json(HTTPStatus.NOT_FOUND, {"error": msg("editor.not-found", path=API_PATH)})
            return
        # Only pages of this computer may save: a page elsewhere could send a form-like POST (no CORS
        # preflight for text/plain) or reach us under its own host name (DNS rebinding). So: JSON only
        # (which makes any cross-origin request ask first), and origin and host must be local.
        origin = self.headers.get("Origin")
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        if (origin is not None and not _LOCAL_ORIGIN.match(origin)) or host not in ("127.0.0.1", "localhost"):
            self._json(HTTPStatus.FORBIDDEN, {"error": msg("editor.only-this-computer")})
            return
        if (self.headers.get("Content-Type") or "").split(";")[0].strip() != "application/json":
            self._json(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, {"error": msg("editor.send-json")})
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST:
            self._json(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": msg("editor.too-large", megabytes=MAX_REQUEST // 2**20)})
            return
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
            answer = self.repository.handle(str(body.get("action")), body.get("params") or {})
        except Refused as refused:
            if refused.terminal is None:
                message = msg("editor.not-saved", reason=refused)
            else:
                # The page shows the form's words, one problem a line (Decap says "not saved" itself);
                # the terminal keeps the file, the line and the field, as the build reports them.
                sys.stderr.write(msg("editor.not-saved", reason=refused.terminal) + "\n")
                message = f"\n{refused}"
            self._json(HTTPStatus.UNPROCESSABLE_ENTITY, {"error": message})
            return
        except FileNotFoundError as error:
            self._json(HTTPStatus.NOT_FOUND, {"error": msg("editor.no-such-file", file=error.filename)})
            return
        except (ValueError, TypeError, KeyError, AttributeError, OSError) as error:
            self._json(HTTPStatus.BAD_REQUEST, {"error": str(error)})
            return
        self._json(HTTPStatus.OK, answer)

    def end_headers(self) -> None:
        # The built site is the writer's own; no caching, so a rebuilt page or config shows on reload.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        if not self.quiet:
            super().log_message(format, *args)

    def _json(self, status: HTTPStatus, data: object) -> None:
        payload = json.dumps(data, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self._cors()
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _cors(self) -> None:
        # Pages of this computer only (mkdocs serve on another port): a web page elsewhere cannot save here.
        origin = self.headers.get("Origin") or ""
        if _LOCAL_ORIGIN.match(origin):
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")


def make_server(repository: StoriesRepository, site_dir: Path | None, port: int) -> ThreadingHTTPServer:
    """A server bound to 127.0.0.1:``port`` (0: any free port); call serve_forever() to run it."""
    handler = type("BoundEditorHandler", (EditorHandler,), {"repository": repository})
    directory = str(site_dir) if site_dir is not None else str(Path(repository.root / ".no-site"))
    return ThreadingHTTPServer((HOST, port), partial(handler, directory=directory))


def ready_message(msg: Messages, port: int, folder: str) -> str:
    return msg("cli.editor.serving", url=f"http://{HOST}:{port}/admin/", folder=folder)


def port_problem(msg: Messages, port: int, error: OSError) -> str:
    """Why ``port`` cannot be used, in the site's language, with the next port that can."""
    key = "cli.editor.port-refused" if error.errno in (errno.EACCES, errno.EPERM) else "cli.editor.port-busy"
    return msg(key, port=port, free=free_port(max(port + 1, 1024)))


def free_port(start: int) -> int:
    """The first port from ``start`` that 127.0.0.1 can listen on now (0 if none is: let the system choose)."""
    for candidate in range(start, min(start + 100, 65536)):
        with socket.socket() as probe:
            try:
                probe.bind((HOST, candidate))
            except OSError:
                continue
            return candidate
    return 0
