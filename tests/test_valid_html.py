"""Every page the site publishes passes the Nu HTML Checker; only Material's own known findings are ignored.

One checker run (the JVM takes seconds to start) over the example site, the site built from hostile
content (nasty_content.py), two canary pages that prove the run can fail, and a plain Material site
(no hooks, no overrides) that proves each ignored finding is Material's own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from html_validator import FIXED_BY_OUR_OVERRIDES, MATERIAL_FINDINGS, Finding, java_missing, known_as, validate
from project import Build

pytestmark = pytest.mark.validator

PLAIN_MATERIAL = """\
site_name: Plain Material
site_url: https://example.org/
theme:
  name: material
  language: nl
plugins: [search]
markdown_extensions:
  - toc:
      permalink: true
nav:
  - Home: index.md
not_in_nav: |
  other.md
"""


@pytest.fixture(scope="module", autouse=True)
def java() -> None:
    """Without java these tests skip with the reason, except under CI=true, where .ci/run installs it."""
    reason = java_missing()
    if reason and os.environ.get("CI") == "true":
        pytest.fail(f"CI=true and {reason}")
    if reason:
        pytest.skip(reason)

# A mistake of our own, and our own checkbox with the very message that Material's toggles get.
CANARY_ERROR = "<!doctype html><html lang=nl><title>x</title><ul><div>x</div></ul>"
CANARY_LOOKALIKE = '<!doctype html><html lang=nl><title>x</title><input class="sdg-toggle" type="checkbox" autocomplete="off">'


@pytest.fixture(scope="module")
def findings(java: None, example_site: Build, nasty_site: Build, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Finding]]:
    canaries = tmp_path_factory.mktemp("canaries")
    (canaries / "error.html").write_text(CANARY_ERROR)
    (canaries / "lookalike.html").write_text(CANARY_LOOKALIKE)
    (canaries / "error.css").write_text(".sdg-goal-1 { colr: #e5243b; }\n")
    sites = {"example": example_site.site, "nasty": nasty_site.site, "canary": canaries,
             "plain": _plain_material_site(tmp_path_factory.mktemp("plain-material"))}
    files = {name: sorted(site.rglob("*.html")) for name, site in sites.items()}
    files["canary"].append(canaries / "error.css")
    assert len(files["example"]) > 30 and len(files["nasty"]) > 30
    # The stylesheet the build generates (goal colours). Not the hand-written ones: this v.Nu (20.6.30)
    # predates aspect-ratio, margin-inline and the like, and would report them as unknown.
    for name in ("example", "nasty"):
        files[name].append(sites[name] / "assets" / "stylesheets" / "sdg-goals.css")
    by_file = {str(path): name for name, paths in files.items() for path in paths}
    grouped: dict[str, list[Finding]] = {name: [] for name in sites}
    for finding in validate([path for paths in files.values() for path in paths]):
        grouped[by_file.get(finding.file, "canary")].append(finding)
    return grouped


def _plain_material_site(root: Path) -> Path:
    """Material as it comes: a page in the nav, one outside it with headings, its search box."""
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(PLAIN_MATERIAL)
    (root / "docs" / "index.md").write_text("# Home\n\nHallo.\n\n## Een\n\nTekst.\n")
    (root / "docs" / "other.md").write_text("# Other\n\n## Een\n\nTekst.\n\n## Twee\n\nMeer.\n")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"], cwd=root,
                            capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def _unexpected(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if known_as(finding) is None]


def test_the_checker_reports_our_errors_even_when_worded_like_materials(findings) -> None:
    unexpected = [finding.message for finding in _unexpected(findings["canary"])]
    assert any("“div” not allowed as child of element “ul”" in message for message in unexpected), unexpected
    assert any(message.startswith("Attribute “autocomplete” is only allowed") for message in unexpected), unexpected
    assert any("“colr”" in message for message in unexpected), unexpected  # stylesheets are checked too


def test_every_ignored_finding_is_one_plain_material_has(findings) -> None:
    """If Material fixes one, its entry goes; and nothing of ours hides behind an entry."""
    seen = {known_as(finding) for finding in findings["plain"]}
    assert [known for known in MATERIAL_FINDINGS if known not in seen] == []
    # What plain Material has beyond those is exactly what our overrides fix (and so is not ignored).
    fixed = {known for known in FIXED_BY_OUR_OVERRIDES
             for finding in _unexpected(findings["plain"]) if finding.message == known.message and known.markup in finding.extract}
    assert fixed == set(FIXED_BY_OUR_OVERRIDES)
    assert [finding for finding in _unexpected(findings["plain"])
            if not any(finding.message == known.message and known.markup in finding.extract for known in FIXED_BY_OUR_OVERRIDES)] == []


def test_every_page_of_the_example_site_is_valid_html(findings) -> None:
    unexpected = _unexpected(findings["example"])
    assert not unexpected, "\n".join(map(str, unexpected))


def test_pages_built_from_hostile_content_are_valid_html(findings) -> None:
    unexpected = _unexpected(findings["nasty"])
    assert not unexpected, "\n".join(map(str, unexpected))
