"""The example site on the second stack: ProperDocs 1.6.7 and MaterialX 10.2.2, for when Material ends.

MaterialX's package is named ``material``, like Material's, so this stack lives in a virtual environment of
its own (.venv-materialx, made by .ci/run as README "Moving off Material" says). Elsewhere these tests skip.
The site is the repository's, with the one line a site owner changes (``theme.name: materialx``), built by
``properdocs build``; a visitor then searches and clicks a result, filters the overview, browses without
JavaScript, opens the editor, and axe and the Nu HTML Checker find nothing but MaterialX's own toggles.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

try:
    version("mkdocs-materialx")
except PackageNotFoundError:
    pytest.skip("MaterialX is not installed: these run in .venv-materialx (.ci/run makes it)", allow_module_level=True)

from browser import browser, new_context, served_site, wait_for_search_results  # noqa: E402,F401 (fixtures)
from html_validator import MATERIAL_FINDINGS, Known, java_missing, validate  # noqa: E402
from project import Build, Project  # noqa: E402

pytestmark = pytest.mark.materialx

EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01: every example vacancy still open
TERM = "gemeente"
STORY = "stories/veilig-winkelcentrum/"
DRAFT = "stories/energiearmoede/"  # the example content's draft: only `serve` shows it
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

# MaterialX's base.html adds a toc toggle (id="__toc") to every page, and its nav-item.html keeps Material's
# for a page in the navigation with headings: two on those pages. A plain MaterialX site has it too (below).
MATERIALX_FINDINGS = (Known("Duplicate ID “__toc”.", 'id="__toc"'),)
PLAIN_MATERIALX = """\
site_name: Plain MaterialX
site_url: https://example.org/
theme:
  name: materialx
  language: nl
plugins: []
nav:
  - Home: index.md
  - Other: other.md
"""


def _properdocs(root: Path, *args: str) -> subprocess.CompletedProcess:
    environment = dict(os.environ, **EPOCH)
    return subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning", "-m", "properdocs", *args, "-f", "mkdocs.yml"],
        cwd=root, capture_output=True, text=True, env=environment, timeout=600,
    )


@pytest.fixture(scope="module")
def mx_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = Project(tmp_path_factory.mktemp("materialx"), example_content=True)
    config = project.root / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "\n  name: material\n" in text
    config.write_text(text.replace("\n  name: material\n", "\n  name: materialx\n"), "utf-8")  # the owner's one line
    return project


@pytest.fixture(scope="module")
def site(mx_project: Project) -> Build:
    done = _properdocs(mx_project.root, "build", "--strict", "-d", "site")
    assert done.returncode == 0, done.stdout + done.stderr
    return Build(done.returncode, done.stdout + done.stderr, mx_project.root / "site")


def _press(page: Any, locator: Any) -> None:
    """A mouse click at the centre of what the visitor sees of ``locator``."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def _page(browser: Any, width: int, **options: Any) -> tuple[Any, list[str]]:
    page = new_context(browser, width, **options).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page, errors


def _trigger(page: Any) -> Any:
    """The header's search as the visitor sees it: a field when wide, an icon when narrow."""
    wide = page.viewport_size["width"] > 960
    return page.locator(f".sdg-search--{'wide' if wide else 'narrow'} pagefind-modal-trigger button")


def _open_search(page: Any) -> Any:
    """Open the header's search by mouse and type; the result links."""
    _press(page, _trigger(page))
    field = page.locator("pagefind-modal pagefind-input input")
    field.wait_for(state="visible")
    field.press_sequentially(TERM)
    wait_for_search_results(page, TERM)
    return page.locator("pagefind-modal .sdg-result a.pf-result-link")


# --- the build ---------------------------------------------------------------------------------------


def test_properdocs_and_materialx_build_every_output(site: Build) -> None:
    html = site.html(STORY)
    generator = re.search(r'<meta name="generator" content="([^"]*)">', html)[1]
    assert "ProperDocs 1.6.7" in generator and f"mkdocs-materialx-{version('mkdocs-materialx')}" in generator
    assert (site.site / "pagefind" / "pagefind-component-ui.js").is_file()
    # The social card of the story, and the link previews that point at it.
    card = site.soup(STORY).select_one('meta[property="og:image"]')["content"]
    assert card.endswith(f"{STORY}social-card.png")
    assert (site.site / STORY / "social-card.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # The editor, the feeds, the open data, the annual report.
    for path in ("admin/index.html", "admin/config.yml", "feed.xml", "stories.json", "vacancies.json", "verslag/2025/index.html"):
        assert (site.site / path).is_file(), path
    assert not site.exists(DRAFT)  # a draft is not published


def test_the_theme_speaks_the_sites_language_and_credits_materialx(site: Build) -> None:
    soup = site.soup(STORY)
    assert soup.html["lang"] == "nl"
    assert soup.select_one(".sdg-made-with").get_text(" ", strip=True) == "Gemaakt met MaterialX"
    assert soup.select_one(".md-top").get_text(" ", strip=True) == "Terug naar boven"
    assert soup.select_one(".md-tabs__item--active").get_text(strip=True) == "Verhalen"  # a story's tab


# The contrast of an element's text with what lies beneath it: its own and its ancestors' backgrounds laid
# over white (axe leaves out text on see-through backgrounds, as MaterialX's glass header is).
CONTRAST = """element => {
    const rgba = value => {
        const numbers = value.match(/[\\d.]+/g).map(Number);
        const scale = value.startsWith('color(') ? 255 : 1;
        return [numbers[0] * scale, numbers[1] * scale, numbers[2] * scale, numbers.length > 3 ? numbers[3] : 1];
    };
    const layers = [];
    for (let node = element; node; node = node.parentElement) layers.unshift(rgba(getComputedStyle(node).backgroundColor));
    let beneath = [255, 255, 255];
    for (const [r, g, b, a] of layers) beneath = [r * a + beneath[0] * (1 - a), g * a + beneath[1] * (1 - a), b * a + beneath[2] * (1 - a)];
    const channel = v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    const [light, dark] = [luminance(rgba(getComputedStyle(element).color)), luminance(beneath)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
}"""


@pytest.fixture(scope="module")
def glass_site(mx_project: Project, tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The same site with MaterialX's own header, white glass (theme.topbar_style left out)."""
    root = tmp_path_factory.mktemp("glass")
    project = Project(root, example_content=True)
    (root / "mkdocs.yml").write_text((mx_project.root / "mkdocs.yml").read_text("utf-8").replace(
        "topbar_style: primary", "topbar_style: glass"), "utf-8")
    done = _properdocs(root, "build", "--strict", "-d", "site")
    assert done.returncode == 0, done.stdout + done.stderr
    return Build(done.returncode, done.stdout + done.stderr, project.root / "site")


@pytest.mark.parametrize("header", ["primary", "glass"])
@pytest.mark.parametrize("width", [390, 1280])
def test_the_search_in_the_header_is_readable_on_either_header(browser: Any, served_site: Any, site: Build,
                                                                glass_site: Build, header: str, width: int) -> None:  # noqa: F811
    page, _ = _page(browser, width)
    try:
        page.goto(served_site(site if header == "primary" else glass_site) + STORY)
        assert page.evaluate("document.body.dataset.mxTopbar") == header
        trigger = _trigger(page)
        assert trigger.is_visible()
        assert trigger.evaluate(CONTRAST) >= 3  # the icon (and at 1280 px the word) against the header
        if width > 960:
            assert trigger.evaluate(CONTRAST) >= 4.5
    finally:
        page.context.close()


# What MaterialX's Dutch leaves in English (its language files), besides what Material and the rest do.
MATERIALX_ENGLISH = ["Authors", "Download", "Collapse", "Expand remaining", "Toggle line selection", "Switch to Lunr"]


@pytest.mark.parametrize("url", ["", "stories/", STORY, "sdg/11/", "advisers/dirk-blokhuis/", "404.html"])
@pytest.mark.parametrize("width", [390, 1280])
def test_no_english_theme_words_on_the_dutch_site(browser: Any, served_site: Any, site: Build, url: str,
                                                  width: int) -> None:  # noqa: F811
    from test_visitors import ENGLISH, _visible_words

    page, errors = _page(browser, width)
    try:
        page.goto(served_site(site) + url)
        page.mouse.wheel(0, 2500)  # and back a little: MaterialX's "back to top" bar shows
        page.wait_for_timeout(300)
        page.mouse.wheel(0, -400)
        if not url:  # the search dialog too, with a search typed
            _open_search(page)
        words = _visible_words(page)
        assert [english for english in (*ENGLISH, *MATERIALX_ENGLISH) if english in words] == []
        assert errors == []
    finally:
        page.context.close()


# --- a visitor -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [390, 1280])
def test_a_search_result_clicked_by_mouse_opens_its_own_page(browser: Any, served_site: Any, site: Build,
                                                           width: int) -> None:  # noqa: F811
    page, errors = _page(browser, width)
    try:
        page.goto(served_site(site) + STORY)
        links = _open_search(page)
        assert links.count() >= 3
        link = links.nth(1)
        expected = urlsplit(urljoin(page.url, link.get_attribute("href"))).path
        with page.expect_navigation():
            _press(page, link)
        assert urlsplit(page.url).path == expected
        assert errors == []
    finally:
        page.context.close()


def test_a_goal_clicked_in_the_overview_filters_the_stories(browser: Any, served_site: Any, site: Build) -> None:  # noqa: F811
    page, errors = _page(browser, 1280)
    try:
        page.goto(served_site(site) + "stories/")
        page.wait_for_selector("form.sdg-filters:not([hidden])")
        count = page.locator(".sdg-filters__count")
        page.wait_for_function("() => document.querySelector('form.sdg-filters').dataset.shown === location.search")
        before = count.text_content()
        _press(page, page.locator('label.sdg-goal-toggle:has(input[value="16"])'))
        page.wait_for_url("**/stories/?goal=16")
        page.wait_for_function("() => document.querySelector('form.sdg-filters').dataset.shown === location.search")
        assert count.text_content() != before and count.text_content().endswith("van de 9 verhalen")
        cards = page.locator(".sdg-filter-results .sdg-card")
        assert 0 < cards.count() < 9
        assert errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("header", ["primary", "glass"])
def test_without_javascript_the_header_says_how_to_browse(browser: Any, served_site: Any, site: Build,
                                                          glass_site: Build, header: str) -> None:  # noqa: F811
    page, _ = _page(browser, 1280, java_script_enabled=False)
    try:
        page.goto(served_site(site if header == "primary" else glass_site) + STORY)
        fallback = page.locator("header .sdg-search-fallback")
        assert fallback.is_visible()
        assert fallback.inner_text().startswith("Zoeken werkt alleen met JavaScript")
        assert fallback.evaluate(CONTRAST) >= 4.5
    finally:
        page.context.close()


def test_the_editor_opens_at_admin(browser: Any, served_site: Any, site: Build) -> None:  # noqa: F811
    page, errors = _page(browser, 1280, locale="nl-NL")
    try:
        page.goto(served_site(site) + "admin/")
        # Served on this computer without `sdg-stories editor` running: the page says how to start it, in
        # Dutch (the theme has no part in it, so it is the same on both stacks).
        page.get_by_text("sdg-stories editor", exact=True).wait_for(timeout=15_000)
        assert errors == []
    finally:
        page.context.close()


# "story-scrolled": scrolled down and back a little, when MaterialX shows its "back to top" bar (with, on
# narrow screens, buttons for the menu and the contents).
AXE_PAGES = {"home": "", "overview": "stories/", "story": STORY, "story-scrolled": STORY, "goal": "sdg/11/",
             "search": STORY}


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", AXE_PAGES)
def test_no_axe_violations(browser: Any, served_site: Any, site: Build, name: str, width: int) -> None:  # noqa: F811
    from axe_playwright_python.base import AXE_FILE_PATH

    page, _ = _page(browser, width)
    try:
        page.goto(served_site(site) + AXE_PAGES[name])
        if name == "search":
            _open_search(page)
        if name == "story-scrolled":
            page.mouse.wheel(0, 2500)
            page.wait_for_timeout(500)
            page.mouse.wheel(0, -400)
            page.locator(".md-top").wait_for(state="visible")
        page.evaluate(AXE_FILE_PATH.read_text("utf-8"))
        violations = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS
        )["violations"]
        assert violations == [], [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations]
    finally:
        page.context.close()


# --- drafts under serve --------------------------------------------------------------------------------


def test_properdocs_serve_shows_the_draft(mx_project: Project) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "properdocs", "serve", "-f", "mkdocs.yml", "-a", f"127.0.0.1:{port}", "--no-livereload"],
        cwd=mx_project.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, **EPOCH),
    )
    try:
        deadline, html = time.monotonic() + 180, ""
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/{DRAFT}", timeout=5) as answer:
                    html = answer.read().decode("utf-8")
                break
            except OSError:
                time.sleep(1)
        assert "sdg-draft-banner" in html
    finally:
        server.terminate()
        server.wait(timeout=30)


# --- the Nu HTML Checker -------------------------------------------------------------------------------


def _excused(finding: Any) -> Known | None:
    for known in (*MATERIAL_FINDINGS, *MATERIALX_FINDINGS):
        if finding.message == known.message and known.markup in finding.extract:
            return known
    return None


@pytest.mark.validator
def test_every_page_is_valid_html_but_for_materialx_s_own_toggles(site: Build, tmp_path: Path) -> None:
    reason = java_missing()
    if reason and os.environ.get("CI") == "true":
        pytest.fail(f"CI=true and {reason}")
    if reason:
        pytest.skip(reason)
    plain = tmp_path / "plain"
    (plain / "docs").mkdir(parents=True)
    (plain / "mkdocs.yml").write_text(PLAIN_MATERIALX, "utf-8")
    (plain / "docs" / "index.md").write_text("# Home\n\nHallo.\n\n## Een\n\nTekst.\n", "utf-8")
    (plain / "docs" / "other.md").write_text("# Other\n\n## Een\n\nTekst.\n", "utf-8")
    done = _properdocs(plain, "build", "--strict", "-d", "site")
    assert done.returncode == 0, done.stdout + done.stderr
    ours = sorted(site.site.rglob("*.html"))
    theirs = sorted((plain / "site").rglob("*.html"))
    findings = validate([*ours, *theirs])
    mine = [f for f in findings if not f.file.startswith(str(plain))]
    plain_seen = {_excused(f) for f in findings if f.file.startswith(str(plain))}
    assert len(ours) > 40
    assert [str(f) for f in mine if _excused(f) is None] == []
    # Each excused finding of MaterialX's is one a plain MaterialX site has.
    assert set(MATERIALX_FINDINGS) <= plain_seen and MATERIAL_FINDINGS[0] in plain_seen
