"""LinkChecker over a built site served on 127.0.0.1: internal links and anchors, external links left alone.

Served over HTTP, not file://: LinkChecker drops to user ``nobody`` when run as root, and nobody may not
read a site under /tmp/pytest-of-root. Two more consequences of that drop are handled here:

- LinkChecker finds its plugins (AnchorCheck among them) by listing its own package folder *after*
  dropping privileges; where Python lives under /root (pyenv), nobody cannot list it and every plugin
  silently goes missing, anchors unchecked. ``_run`` lists them first, as root, then starts the command.
- LinkChecker waits 0.1-0.6 s between requests to one host unless the server answers with a
  ``LinkChecker`` header (its documented way to lift the limit for one's own server); ours does.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

CONFIG = """\
[checking]
threads=10
maxrequestspersecond=1000
timeout=30
[filtering]
checkextern=0
[AnchorCheck]
[output]
"""


@dataclass(frozen=True)
class Broken:
    url: str
    parent: str
    line: str
    problem: str

    def __str__(self) -> str:
        return f"{self.parent} line {self.line}: {self.url}: {self.problem}"


class _Handler(http.server.SimpleHTTPRequestHandler):
    extra: dict[str, bytes] = {}

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "own server: no rate limit")
        super().end_headers()

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        page = self.extra.get(self.path)
        if page is None:
            return super().do_GET()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        self.wfile.write(page)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path, extra: dict[str, str] | None = None) -> Iterator[str]:
    """Serve ``site`` (plus ``extra`` pages by path, kept in memory) on a free port; yields the base URL."""
    handler = type("Handler", (_Handler,), {"extra": {path: text.encode() for path, text in (extra or {}).items()}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


_RUN = """\
import sys
import linkcheck.plugins as plugins
from linkcheck.command.linkchecker import linkchecker
modules = list(plugins.get_plugin_modules([]))
plugins.get_plugin_modules = lambda folders: iter(modules)
sys.exit(linkchecker())
"""


def check(start_urls: list[str], workdir: Path) -> list[Broken]:
    """Every broken link or anchor LinkChecker finds from ``start_urls`` (its warnings count as broken)."""
    config = workdir / "linkcheckerrc"
    config.write_text(CONFIG)
    result = subprocess.run(
        [sys.executable, "-c", _RUN, "--config", str(config), "--no-status", "--output", "xml", *start_urls],
        capture_output=True, text=True, timeout=900,
    )
    if result.returncode not in (0, 1) or "<linkchecker" not in result.stdout:
        raise AssertionError(f"LinkChecker failed to run ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    root = ET.fromstring(result.stdout[result.stdout.index("<linkchecker"):result.stdout.rindex("</linkchecker>") + 14])
    broken = []
    for data in root.iter("urldata"):
        valid = data.find("valid")
        warnings = [warning.text or "" for warning in data.iter("warning")]
        if valid is not None and valid.text == "1" and not warnings:
            continue
        parent = data.find("parent")
        broken.append(Broken(
            url=data.findtext("url", ""),
            parent=parent.text if parent is not None else "",
            line=parent.get("line", "") if parent is not None else "",
            problem="; ".join(filter(None, [valid.get("result") if valid is not None and valid.text != "1" else "", *warnings])),
        ))
    return broken
