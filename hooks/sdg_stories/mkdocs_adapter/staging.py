"""The build is written into a staging folder beside site/, and replaces site/ only when it succeeded.

Content, advisers, vacancies and settings are validated before anything is written, but a build can
still fail later: a hand-written page where a generated one goes, an unknown block marker, a warning
under --strict (counted by the generator only at the very end), the search index. By then the site
generator has emptied site/ and written part of the new one. Staging keeps the previous site/ as it
was until the new one is complete: a failed build costs nothing that was published.
"""

from __future__ import annotations

import atexit
import shutil
from pathlib import Path


class StagedSite:
    """``staging`` is where the build writes; ``publish`` moves it into ``site_dir``."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        # Beside site/, so publishing is a rename on the same file system, not a copy.
        self.staging = site_dir.parent / f".{site_dir.name}.building"
        _remove(self.staging)  # left behind by a build that was killed
        self.staging.mkdir(parents=True)
        # A failed build never reaches publish(); the staging folder goes when the process ends.
        atexit.register(self.discard)

    def publish(self) -> None:
        """Replace what site_dir holds by the new build. Entries starting with a dot (a .git of a
        gh-pages checkout) are kept unless the build wrote one of the same name, as a plain build does."""
        self.site_dir.mkdir(parents=True, exist_ok=True)
        for entry in self.site_dir.iterdir():
            if not entry.name.startswith("."):
                _remove(entry)
        for entry in sorted(self.staging.iterdir()):
            target = self.site_dir / entry.name
            _remove(target)
            shutil.move(str(entry), str(target))
        self.staging.rmdir()
        atexit.unregister(self.discard)

    def discard(self) -> None:
        _remove(self.staging)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()
