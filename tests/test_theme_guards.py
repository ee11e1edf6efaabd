"""Guards on what the site depends on: the Material partials our overrides copy, and Pagefind's version.

docs/overrides/partials/ holds copies of Material's partials with our parts marked "sdg-stories begin" ...
"sdg-stories end" (the header's search, the tab of a generated page, the toc title, the footer, the words Material's Dutch
leaves English, the logo's alt text). When
Material changes one of them, our copy silently keeps the old one: these tests fail instead, naming what
differs outside the marked parts.

The same copies serve MaterialX (the `materialx` extra, in a virtual environment of its own, as both ship a
package named ``material``): the guards compare them with whichever theme is installed, and .ci/run runs
them in both environments.
"""

from __future__ import annotations

import difflib
import re
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import material
import pytest

from sdg_stories.search import pagefind_process
from sdg_stories.search.pagefind_index import SearchIndex, SearchIndexError

ROOT = Path(__file__).resolve().parents[1]


def _installed_theme() -> tuple[str, str]:
    """The distribution whose ``material`` package is installed, and the name our copies give it."""
    try:
        version("mkdocs-materialx")
    except PackageNotFoundError:
        return "mkdocs-material", "Material"
    return "mkdocs-materialx", "MaterialX"


THEME, THEME_NAME = _installed_theme()
OVERRIDES = ROOT / "docs" / "overrides" / "partials"
MATERIAL_PARTIALS = Path(material.__file__).parent / "templates" / "partials"
OURS = OVERRIDES / "header.html"
MATERIAL = MATERIAL_PARTIALS / "header.html"
_GENERATED_NOTE = "  This file was automatically generated - do not edit"
_MARKED = re.compile(r"^[ \t]*\{#- sdg-stories begin.*?\{#- sdg-stories end -#\}\n", re.S | re.M)
# What our marked parts stand in for in Material's header: its lunr search button and dialog, and the
# note that the file is generated (ours says where it comes from instead). MaterialX's differs only there.
REPLACED_BY_THEME = {
    "mkdocs-material": [
        _GENERATED_NOTE,
        '    {% if "material/search" in config.plugins %}',
        '      {% set search = config.plugins["material/search"] | attr("config") %}',
        "      {% if search.enabled %}",
        '        <label class="md-header__button md-icon" for="__search">',
        '          {% set icon = config.theme.icon.search or "material/magnify" %}',
        '          {% include ".icons/" ~ icon ~ ".svg" %}',
        "        </label>",
        '        {% include "partials/search.html" %}',
        "      {% endif %}",
        "    {% endif %}",
    ],
    "mkdocs-materialx": [
        _GENERATED_NOTE,
        '    {% if "materialx/search" in config.plugins %}',
        '      {% set search = config.plugins["materialx/search"] | attr("config") %}',
        "      {% if search %}",
        '        <label class="md-header__button md-icon" for="__search">',
        '          {% set icon = config.theme.icon.search or "octicons/search-24" %}',
        '          {% include ".icons/" ~ icon ~ ".svg" %}',
        "        </label>",
        '        {% include "partials/search.html" %}',
        "      {% endif %}",
        "    {% endif %}",
    ],
}
REPLACED = REPLACED_BY_THEME[THEME]


def _unmarked(text: str) -> list[str]:
    """Our header without the marked parts, and without its own note on where it comes from."""
    text = re.sub(r"\A\{#-\n.*?-#\}\n", "{#-\n-#}\n", text, flags=re.S)
    return _MARKED.sub("", text).splitlines()


def _differences(ours: str, theirs: str) -> tuple[list[str], list[str]]:
    """Lines only in our header outside the marked parts, and lines of Material's that ours lacks."""
    matcher = difflib.SequenceMatcher(a=_unmarked(ours), b=theirs.splitlines(), autojunk=False)
    added, removed = [], []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            added += matcher.a[a1:a2]
            removed += matcher.b[b1:b2]
    return added, removed


# What the marked parts of each copied partial stand in for in Material's.
REPLACED_IN = {
    "header.html": REPLACED,
    "tabs-item.html": [_GENERATED_NOTE, "  {% if ref.active %}"],
    "toc.html": [
        _GENERATED_NOTE,
        {"mkdocs-material": '    <ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>',
         "mkdocs-materialx": '    <ul class="md-nav__list" data-md-component="toc">'}[THEME],
    ],
    "language.html": [_GENERATED_NOTE, "{% macro t(key) %}{{ lang.t(key) or fallback.t(key) or key }}{% endmacro %}"],
    "logo.html": [_GENERATED_NOTE, '  <img src="{{ config.theme.logo | url }}" alt="logo">'],
    "copyright.html": [
        _GENERATED_NOTE,
        "    Made with",
        {"mkdocs-material": '    <a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener">',
         "mkdocs-materialx": '    <a href="https://jaywhj.github.io/mkdocs-materialx/" target="_blank" rel="noopener">'}[THEME],
        {"mkdocs-material": "      Material for MkDocs", "mkdocs-materialx": "      MaterialX"}[THEME],
        "    </a>",
    ],
}


def test_every_copied_partial_is_guarded() -> None:
    assert sorted(path.name for path in OVERRIDES.glob("*.html")) == sorted(REPLACED_IN)


@pytest.mark.parametrize("name", sorted(REPLACED_IN))
def test_our_copy_is_materials_outside_the_marked_parts(name: str) -> None:
    ours, theirs = OVERRIDES / name, MATERIAL_PARTIALS / name
    added, removed = _differences(ours.read_text("utf-8"), theirs.read_text("utf-8"))
    assert added == [], f"lines in {name} outside the marked parts that Material's {name} lacks"
    assert removed == REPLACED_IN[name], (
        f"{THEME_NAME} {version(THEME)}'s {name} differs from the one our override copies: re-copy "
        f"{theirs} and put the sdg-stories parts back"
    )


def test_the_guard_sees_a_change_in_materials_header() -> None:
    theirs = MATERIAL.read_text("utf-8")
    changed = theirs.replace('<nav class="md-header__inner md-grid"', '<nav class="md-header__inner md-grid md-new"')
    assert changed != theirs
    assert _differences(OURS.read_text("utf-8"), changed)[1] != REPLACED
    # And a line of ours added outside the marked parts.
    ours = OURS.read_text("utf-8").replace("</header>", "<div>extra</div>\n</header>")
    assert _differences(ours, theirs)[0] == ["<div>extra</div>"]


@pytest.mark.parametrize("name", sorted(REPLACED_IN))
def test_material_is_pinned_to_the_version_the_copies_come_from(name: str) -> None:
    copied = re.search(rf"{THEME_NAME} (\d+\.\d+\.\d+)'s partials/{re.escape(name)}", (OVERRIDES / name).read_text("utf-8"))
    assert copied and copied[1] == version(THEME)
    assert f'"{THEME}=={copied[1]}"' in (ROOT / "pyproject.toml").read_text("utf-8")


def test_a_pagefind_of_another_version_is_refused_with_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pagefind_process, "binary_version", lambda executable: "1.4.0")
    with pytest.raises(SearchIndexError, match=r"Pagefind 1\.4\.0 .* needs Pagefind 1\.5\.2.*pip install"):
        SearchIndex()
