"""A throw-away copy of the project, with its own stories, built by the real `mkdocs` in a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]

ADVISERS = """\
# test advisers
anna-de-vries:
  name: Anna de Vries
  role: Adviseur Ruimte
bram-jansen:
  name: Bram Jansen
  role: Adviseur Energie
"""


def vacancies_file(items: str) -> str:
    """A list of vacancies (each item starting with "- id:") as stories/vacancies.yml holds it: under
    ``vacancies:``, every line two spaces in."""
    return "vacancies:\n" + "".join("  " + line if line.strip() else line for line in items.splitlines(keepends=True))


def visible_soup(html: str) -> BeautifulSoup:
    """A page as a visitor's browser shows it: a <template>'s content is inert (the filters' result card,
    the search dialog until its script puts it in the page), and CSS selector engines differ on whether
    they look inside one (soupsieve 2 does, 4 does not), so it is left out."""
    soup = BeautifulSoup(html, "html.parser")
    for template in soup.find_all("template"):
        template.decompose()
    return soup


@dataclass
class Build:
    returncode: int
    output: str  # stdout and stderr together, as a writer sees them in a terminal
    site: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def html(self, url: str) -> str:
        path = self.site / url / "index.html" if url.endswith("/") or not url else self.site / url
        return path.read_text("utf-8")

    def soup(self, url: str) -> BeautifulSoup:
        return visible_soup(self.html(url))

    def content(self, url: str) -> BeautifulSoup:
        """The page's main article, without Material's header, nav and footer."""
        return self.soup(url).select_one("article.md-content__inner")

    def exists(self, url: str) -> bool:
        return (self.site / url / "index.html").is_file() if url.endswith("/") else (self.site / url).is_file()


class Project:
    """mkdocs.yml, docs/ and hooks/ copied from the repository; stories/ as each test writes it."""

    def __init__(self, root: Path, example_content: bool = False) -> None:
        self.root = root
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        shutil.copytree(ROOT / "docs", root / "docs", ignore=ignore)
        shutil.copytree(ROOT / "hooks", root / "hooks", ignore=ignore)
        if example_content:
            shutil.copytree(ROOT / "stories", root / "stories", ignore=ignore)
        else:
            (root / "stories").mkdir()
            (root / "stories" / "advisers.yml").write_text(ADVISERS, "utf-8")

    @property
    def stories(self) -> Path:
        return self.root / "stories"

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), "utf-8")
        return path

    def story(self, name: str, body: str = "Een verhaal over de gemeente.\n", **fields: object) -> Path:
        """Write ``stories/<name>`` with valid defaults for every required field, overridden by ``fields``."""
        front = {
            "title": "Een verhaal",
            "date": "2024-04-05",
            "adviser": "anna-de-vries",
            "goals": [11],
            "summary": "Een korte samenvatting.",
        }
        front.update(fields)
        front = {key: value for key, value in front.items() if value is not None}
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, default_flow_style=None) + "---\n\n" + body
        return self.write(f"stories/{name}", text)

    def raw_story(self, name: str, text: str) -> Path:
        return self.write(f"stories/{name}", text)

    def configure(self, **options: object) -> None:
        """Change ``extra.sdg_stories`` options, or top-level keys given as ``theme__language``."""
        path = self.root / "mkdocs.yml"
        config = yaml.safe_load(path.read_text("utf-8"))
        for key, value in options.items():
            if "__" in key:
                section, name = key.split("__", 1)
                config.setdefault(section, {})[name] = value
            else:
                config["extra"]["sdg_stories"][key] = value
        path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")

    def build(self, *args: str, env: dict[str, str] | None = None, site: str = "site") -> Build:
        environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
        result = subprocess.run(
            # Deprecations are errors: the site must build without one on every Python we support.
            [sys.executable, "-W", "error::DeprecationWarning", "-m", "mkdocs", "build", "-d", site, *args],
            cwd=self.root, capture_output=True, text=True, env=environment, timeout=600,
        )
        return Build(result.returncode, result.stdout + result.stderr, self.root / site)
