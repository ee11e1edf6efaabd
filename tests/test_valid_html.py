"""Every page the site publishes passes the Nu HTML Checker; only Material's own known findings are ignored.

One checker run (the JVM takes seconds to start) over the example site, the site built from hostile
content (nasty_content.py) and two canary pages that prove the run can fail.
"""

from __future__ import annotations

import os

import pytest

from html_validator import Finding, java_missing, validate
from project import Build


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
    sites = {"example": example_site.site, "nasty": nasty_site.site, "canary": canaries}
    files = {name: sorted(site.rglob("*.html")) for name, site in sites.items()}
    assert len(files["example"]) > 30 and len(files["nasty"]) > 30
    by_file = {str(path): name for name, paths in files.items() for path in paths}
    grouped: dict[str, list[Finding]] = {name: [] for name in sites}
    for finding in validate([path for paths in files.values() for path in paths]):
        grouped[by_file.get(finding.file, "canary")].append(finding)
    return grouped


def test_the_checker_reports_our_errors_even_when_worded_like_materials(findings) -> None:
    messages = [finding.message for finding in findings["canary"]]
    assert any("“div” not allowed as child of element “ul”" in message for message in messages), messages
    assert any(message.startswith("Attribute “autocomplete” is only allowed") for message in messages), messages


def test_every_page_of_the_example_site_is_valid_html(findings) -> None:
    assert not findings["example"], "\n".join(map(str, findings["example"]))


def test_pages_built_from_hostile_content_are_valid_html(findings) -> None:
    assert not findings["nasty"], "\n".join(map(str, findings["nasty"]))
