"""Rebuilds the way `mkdocs serve` does them, in one child process, on request.

`mkdocs serve` (mkdocs/commands/serve.py) loads the config with a temporary site_dir, calls
on_startup(command="serve") once, points site_url at the dev server and builds; after every change it
loads the config again and builds again in the same process, so hook modules and whatever they keep at
module level live on. The child does exactly that, without the HTTP server and the file watcher: the
test edits files and asks for the next build, and reads the pages from ``site``.

The child prints one JSON line per build: ``ok`` and ``warnings`` (the messages MkDocs' logger got).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup

from project import Project, visible_soup


class ServeSession:
    """``build()`` is serve's first build or a rebuild; ``html(url)`` / ``soup(url)`` read what it wrote."""

    def __init__(self, project: Project, env: dict[str, str] | None = None) -> None:
        self.site = Path(tempfile.mkdtemp(prefix="serve-site-"))
        environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
        # The project's own hooks/ first, as `mkdocs serve` in that folder would import them.
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(project.root / "hooks"), environment.get("PYTHONPATH")]))
        self._child = subprocess.Popen(
            [sys.executable, __file__, str(project.root / "mkdocs.yml"), str(self.site)],
            cwd=project.root, env=environment, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        self.last: dict = {}

    def build(self) -> dict:
        assert self._child.stdin is not None and self._child.stdout is not None
        self._child.stdin.write("build\n")
        self._child.stdin.flush()
        line = self._child.stdout.readline()
        if not line:
            raise RuntimeError(f"the serve child ended (exit {self._child.wait()})")
        self.last = json.loads(line)
        return self.last

    def html(self, url: str) -> str:
        return (self.site / url / "index.html").read_text("utf-8") if url.endswith("/") or not url else (self.site / url).read_text("utf-8")

    def soup(self, url: str) -> BeautifulSoup:
        return visible_soup(self.html(url))

    def content(self, url: str) -> BeautifulSoup:
        return self.soup(url).select_one("article.md-content__inner")

    def close(self) -> None:
        if self._child.poll() is None:
            assert self._child.stdin is not None
            self._child.stdin.close()
            self._child.wait(timeout=60)

    def __enter__(self) -> ServeSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _child(config_file: str, site_dir: str) -> None:
    import logging
    from urllib.parse import urlsplit

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException
    from mkdocs.livereload import _serve_url

    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                messages.append(record.getMessage())

    logging.getLogger("mkdocs").addHandler(Collect())

    def get_config():
        return load_config(config_file=config_file, site_dir=site_dir)

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    host, port = config.dev_addr
    serve_url = _serve_url(host, port, urlsplit(config.site_url or "/").path)
    first = True
    for line in sys.stdin:
        if line.strip() != "build":
            continue
        if not first:
            config = get_config()
        first = False
        config.site_url = serve_url
        messages.clear()
        try:
            build(config, serve_url=serve_url, dirty=False)
            ok = True
        except (MkDocsException, SystemExit) as error:  # serve logs a failed rebuild and goes on
            messages.append(f"build failed: {error}")
            ok = False
        print(json.dumps({"ok": ok, "warnings": list(messages)}), flush=True)
    config.plugins.on_shutdown()


if __name__ == "__main__":
    _child(sys.argv[1], sys.argv[2])
