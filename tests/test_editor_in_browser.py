"""The web editor as a writer uses it: /admin/ of a built site in Chromium, in the local mode of
`sdg-stories editor`, creates a story through the form; the file lands in stories/, passes
`sdg-stories check`, and the rebuilt site shows it on its goal pages. Nothing leaves 127.0.0.1.
On a hosted site the editor logs in at the git host, or says publishing is not set up yet."""

from __future__ import annotations

import functools
import re
import socket
import subprocess
import sys
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from browser import CHROMIUM, CHROMIUM_FLAGS, _QuietHandler, unavailable
from project import Project

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TITLE = "Schone lucht in de binnenstad van Zwolle"
SUMMARY = "Een adviseur hielp de gemeente de luchtkwaliteit in kaart te brengen en te verbeteren."


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def editor_project(tmp_path: Path):
    """The example content, built with the editor's local port set, and `sdg-stories editor`'s server running."""
    from sdg_stories.editor.local_server import make_server
    from sdg_stories.editor.repository import StoriesRepository
    from sdg_stories.sdg.goals import load_framework

    project = Project(tmp_path, example_content=True)
    port = _free_port()
    project.configure(editor={"local_port": port})
    build = project.build()
    assert build.ok, build.output
    server = make_server(StoriesRepository(project.root, "stories", load_framework(), "nl"), build.site, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield project, f"http://127.0.0.1:{port}/"
    server.shutdown()
    server.server_close()


# The parts of templates/story.html the preview draws, by class; both must have them in the same order.
STORY_PARTS = (
    "sdg-draft-banner", "sdg-story__header", "sdg-kicker", "sdg-adviser", "sdg-story__date", "sdg-badges",
    "sdg-story__lead", "sdg-contributions", "sdg-target-quote", "sdg-contributions__others",
    "sdg-contribution__target-text", "sdg-contribution__goal-text", "sdg-story__image", "sdg-story__body",
)
PARTS = ", ".join(f"article.sdg-story .{name}" for name in STORY_PARTS)
_FIRST_CLASS = "(elements, names) => elements.map(e => names.find(name => e.classList.contains(name)))"


def _choose(page, field: str, typed: str) -> None:
    """A select of the form (react-select): type to filter the options, Enter takes the first."""
    box = page.locator(f"input[id^='{field}-field-']")
    box.click()
    box.fill(typed)
    page.keyboard.press("Enter")


def test_a_story_made_in_the_editor_is_checked_built_and_on_its_goal_pages(editor_project) -> None:
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing")
    playwright_api = pytest.importorskip("playwright.sync_api")
    from sdg_stories.sdg.goals import load_framework

    project, base = editor_project
    target_text = load_framework().target("11.6").title["nl"]
    before = set(project.stories.glob("*.md"))
    elsewhere: list[str] = []
    errors: list[str] = []
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")

        def refuse(route) -> None:
            elsewhere.append(route.request.url)
            route.abort()

        context.route(lambda url: not url.startswith("http://127.0.0.1:"), refuse)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(base + "admin/#/collections/stories/new")
        # The local mode: Decap found `sdg-stories editor` and logs in without an account.
        page.get_by_role("button", name="Inloggen").click()
        page.locator("input[id^='title-field-']").fill(TITLE)
        page.locator("input[id^='date-field-']").fill("2026-11-02")
        _choose(page, "adviser", "Ineke Veldkamp")
        _choose(page, "goals", "11 — ")
        _choose(page, "goals", "13 — ")
        _choose(page, "targets", "11.6 — ")
        page.locator("textarea[id^='summary-field-']").fill(SUMMARY)
        page.get_by_label("Concept").uncheck()  # finished: the published site shows it
        body = page.locator("[class*='RawEditor'] textarea, [data-slate-editor] , textarea:not([id])").first
        body.fill(
            "In Zwolle was de lucht in de binnenstad vaak slecht.\n\n"
            "## De vraag\n\nDe gemeente wilde weten waar het fijnstof vandaan kwam.\n\n"
            "## De aanpak\n\nWe maten een jaar lang op twintig plekken, samen met bewoners.\n\n"
            "## Het resultaat\n\nEr kwam een milieuzone en de metingen gingen omlaag.\n\n"
            "## Bijdrage aan het doel\n\nSchone lucht maakt de stad gezonder (11.6).\n"
        )
        # The preview pane draws the story as the published page does: its styles, goal colours, order and words.
        preview = page.frame_locator("iframe").first
        assert preview.locator("h1").inner_text(timeout=10_000) == TITLE
        preview.locator(".sdg-story__body h2").first.wait_for(timeout=10_000)
        assert preview.locator(".sdg-story__lead").inner_text() == SUMMARY
        assert preview.locator(".sdg-badges .sdg-badge.sdg-goal-13").count() == 1
        assert preview.locator(".sdg-contributions h2").inner_text() == "Dit verhaal draagt bij aan"
        # Its one target quoted on top in its own words; its other goal (no target named) beneath.
        assert preview.locator(".sdg-target-quote.sdg-goal-11 blockquote").inner_text().strip("“”") == target_text
        assert preview.locator(".sdg-target-quote .sdg-chip").inner_text() == "Subdoel 11.6"
        assert preview.locator(".sdg-contributions__others .sdg-chip.sdg-goal-13").inner_text() == "Doel 13"
        assert preview.locator(".sdg-kicker").inner_text().endswith("Adviseurs over de SDG's")
        preview_order = preview.locator(PARTS).evaluate_all(_FIRST_CLASS, list(STORY_PARTS))
        assert preview_order[:10] == [
            "sdg-story__header", "sdg-kicker", "sdg-adviser", "sdg-story__date", "sdg-badges", "sdg-story__lead",
            "sdg-contributions", "sdg-target-quote", "sdg-contributions__others", "sdg-contribution__goal-text",
        ]
        page.get_by_role("button", name="Publiceer").first.click()
        page.get_by_text("Publiceer nu").click()
        # Decap marks the story published once `sdg-stories editor` has written the file (a refusal
        # would show as a message instead, and the wait fails).
        page.get_by_role("button", name="Gepubliceerd").wait_for(timeout=20_000)
        browser.close()

    assert elsewhere == []
    assert errors == []
    created = sorted(set(project.stories.glob("*.md")) - before)
    assert [path.name for path in created] == ["2026-11-02-schone-lucht-in-de-binnenstad-van-zwolle.md"]
    text = created[0].read_text("utf-8")
    assert re.search(r"^title: " + re.escape(TITLE) + "$", text, re.M)
    assert '- "11.6"' in text  # quoted: a YAML reader sees the text 11.6, never a number
    checked = subprocess.run(
        [sys.executable, "-m", "sdg_stories.cli.main", "check", str(created[0])],
        cwd=project.root, capture_output=True, text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    rebuilt = project.build("--strict")
    assert rebuilt.ok, rebuilt.output
    for goal in (11, 13):
        titles = [link.get_text(strip=True) for link in rebuilt.content(f"sdg/{goal}/").select(".sdg-card__title a")]
        assert TITLE in titles, (goal, titles)
    published = rebuilt.content("stories/schone-lucht-in-de-binnenstad-van-zwolle/")
    published_order = [
        next(name for name in STORY_PARTS if name in element["class"]) for element in published.select(PARTS)
        if not element.find_parent(class_=("sdg-related", "sdg-vacancies"))  # what follows is the site's, not the story's
    ]
    assert preview_order == published_order, (preview_order, published_order)


def test_an_adviser_edited_in_the_editor_keeps_the_file_s_comments_and_passes_the_check(editor_project) -> None:
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing")
    playwright_api = pytest.importorskip("playwright.sync_api")
    project, base = editor_project
    advisers = project.stories / "advisers.yml"
    before = advisers.read_text("utf-8")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        context = browser.new_context(locale="nl-NL")
        context.route(lambda url: not url.startswith("http://127.0.0.1:"), lambda route: route.abort())
        page = context.new_page()
        page.goto(base + "admin/#/collections/advisers/entries/advisers")
        page.get_by_role("button", name="Inloggen").click()
        role = page.locator("input[id^='role-field-']").first  # the first adviser of the file
        assert role.input_value() == "Adviseur Openbare Orde en Veiligheid"
        role.fill("Adviseur Veiligheid")
        page.get_by_role("button", name="Publiceer").first.click()
        page.get_by_text("Publiceer nu").click()
        page.get_by_role("button", name="Gepubliceerd").wait_for(timeout=20_000)
        browser.close()
    after = advisers.read_text("utf-8")
    assert "  role: Adviseur Veiligheid\n" in after
    header = before[: before.index("dirk-blokhuis:")]
    assert header.startswith("# ") and after.startswith(header)  # the explanation for hand editing stays
    checked = subprocess.run([sys.executable, "-m", "sdg_stories.cli.main", "check"], cwd=project.root, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr


HOSTED = "verhalen.test"  # a name that is not this computer's to Decap; Chromium maps it to 127.0.0.1


@pytest.mark.parametrize("settings, expected", [
    (None, "Publiceren vanaf deze site is nog niet ingesteld"),
    ({"backend": "github", "repo": "meridiaan/verhalen", "base_url": "https://auth.example.nl"}, "Inloggen met GitHub"),
])
def test_the_hosted_editor_logs_in_at_the_git_host_or_says_it_is_not_set_up(project: Project, settings, expected) -> None:
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing")
    playwright_api = pytest.importorskip("playwright.sync_api")
    project.story("2024-04-05-een-verhaal.md")
    if settings:
        project.configure(editor=settings)
    build = project.build("--strict")
    assert build.ok, build.output
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(build.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    elsewhere: list[str] = []
    try:
        with playwright_api.sync_playwright() as playwright:
            # A hosted site is served over https: a secure context, which Decap needs (crypto.randomUUID).
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[
                *CHROMIUM_FLAGS, f"--host-resolver-rules=MAP {HOSTED} 127.0.0.1",
                f"--unsafely-treat-insecure-origin-as-secure=http://{HOSTED}:{port}",
            ])
            context = browser.new_context(locale="nl-NL")

            def refuse(route) -> None:
                elsewhere.append(route.request.url)
                route.abort()

            context.route(lambda url: not url.startswith(f"http://{HOSTED}:{port}/"), refuse)
            page = context.new_page()
            page.goto(f"http://{HOSTED}:{port}/admin/")
            page.get_by_text(expected).wait_for(timeout=15_000)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    # The hosted editor does not look for `sdg-stories editor` on the visitor's computer, nor anywhere else.
    assert elsewhere == []
