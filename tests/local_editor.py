"""`sdg-stories editor`'s server on the example content, shared by the browser tests of the web editor.

Use the fixture by importing it into a test module (pytest finds imported fixtures):

    from local_editor import editor_project

- ``editor_project -> (project, base_url)``: the example content built with the editor's local port set,
  and the editor's server (the one `sdg-stories editor` runs) serving the built site and its API there.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from project import Project


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def editor_project(tmp_path: Path) -> Iterator[tuple[Project, str]]:
    from sdg_stories.editor.local_server import make_server
    from sdg_stories.editor.repository import StoriesRepository
    from sdg_stories.sdg.goals import load_framework

    project = Project(tmp_path, example_content=True)
    port = free_port()
    project.configure(editor={"local_port": port})
    build = project.build()
    assert build.ok, build.output
    server = make_server(StoriesRepository(project.root, "stories", load_framework(), "nl"), build.site, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield project, f"http://127.0.0.1:{port}/"
    server.shutdown()
    server.server_close()
