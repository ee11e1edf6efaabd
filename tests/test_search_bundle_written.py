"""The search bundle is complete when the build ends: Pagefind 1.5.2 answers "written" before it has
written everything, and a file it has not written yet stays empty once its process is closed."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from sdg_stories.search.pagefind_index import SearchIndexError, _wait_until_written


def test_waits_for_a_file_still_being_written(tmp_path: Path) -> None:
    (tmp_path / "pagefind.js").write_text("ok")
    entry = tmp_path / "pagefind-entry.json"
    entry.write_text("")
    writer = threading.Timer(0.3, lambda: entry.write_text('{"version": "1.5.2"}'))
    writer.start()
    started = time.monotonic()
    _wait_until_written(tmp_path, timeout=10)
    writer.join()
    assert time.monotonic() - started >= 0.3
    assert entry.read_text() == '{"version": "1.5.2"}'


def test_a_file_that_stays_empty_fails_the_build(tmp_path: Path) -> None:
    (tmp_path / "pagefind-entry.json").write_text("")
    with pytest.raises(SearchIndexError, match="pagefind-entry.json"):
        _wait_until_written(tmp_path, timeout=0.3)
