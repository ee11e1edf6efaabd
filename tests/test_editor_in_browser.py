"""The web editor as a writer uses it: /admin/ of a built site in Chromium, in the local mode of
`sdg-stories editor`, creates a story through the form; the file lands in stories/, passes
`sdg-stories check`, and the rebuilt site shows it on its goal pages. Nothing leaves 127.0.0.1.
On a hosted site the editor logs in at the git host, or says publishing is not set up yet."""

from __future__ import annotations

import functools
import re
import subprocess
import sys
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from browser import CHROMIUM, CHROMIUM_FLAGS, _QuietHandler, chromium_reaching_only, unavailable
from local_editor import editor_project, free_port  # noqa: F401 (fixture)
from project import Project

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TITLE = "Schone lucht in de binnenstad van Zwolle"
SUMMARY = "Een adviseur hielp de gemeente de luchtkwaliteit in kaart te brengen en te verbeteren."


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
    pytest.importorskip("playwright.sync_api")
    from sdg_stories.sdg.goals import load_framework

    project, base = editor_project
    target_text = load_framework().target("11.6").title["nl"]
    before = set(project.stories.glob("*.md"))
    local = dict(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    with chromium_reaching_only("http://127.0.0.1:", **local) as (context, elsewhere, errors):
        page = context.new_page()
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
        # The whole story at once, as Markdown: the field's switch from rich text to Markdown first.
        _click(page, page.locator("[aria-label='markdown field'] [class*='ToolbarToggle'] button"))
        body = page.locator("[aria-label='markdown field'] [data-slate-editor]")
        body.get_by_text("## De aanpak").wait_for()
        assert body.inner_text().startswith("## De vraag\n")  # the rubric's headings, no comments
        assert "<!--" not in body.inner_text()
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
    pytest.importorskip("playwright.sync_api")
    project, base = editor_project
    advisers = project.stories / "advisers.yml"
    before = advisers.read_text("utf-8")
    with chromium_reaching_only("http://127.0.0.1:", locale="nl-NL") as (context, _, _):
        page = context.new_page()
        page.goto(base + "admin/#/collections/advisers/entries/advisers")
        page.get_by_role("button", name="Inloggen").click()
        role = page.locator("input[id^='role-field-']").first  # the first adviser of the file
        assert role.input_value() == "Adviseur Openbare Orde en Veiligheid"
        role.fill("Adviseur Veiligheid")
        page.get_by_role("button", name="Publiceer").first.click()
        page.get_by_text("Publiceer nu").click()
        page.get_by_role("button", name="Gepubliceerd").wait_for(timeout=20_000)
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


# `sdg-stories editor --port N` as a writer starts it, with the configured port and 8081 taken by others


class _Recorder(ThreadingHTTPServer):
    """Another program on a port the page must not use: it answers like decap-server and notes each request."""

    def __init__(self, port: int) -> None:
        self.requests: list[str] = []
        recorder = self

        class Handler(_QuietHandler):
            def _note(self) -> None:
                recorder.requests.append(f"{self.command} {self.path}")
                payload = b'{"repo": "someone-else", "publish_modes": ["simple"], "type": "local_fs"}'
                self.send_response(200)
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Allow-Headers", "Content-Type")
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_OPTIONS = _note

        super().__init__(("127.0.0.1", port), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


def _recorders() -> list[_Recorder]:
    """One on a free port (the configured one), and one on 8081, decap-server's, when it is free here."""
    recorders = [_Recorder(0)]
    try:
        recorders.append(_Recorder(8081))
    except OSError:
        pass  # someone else's program has it: the page must not use it either, and the route check below sees it
    return recorders


def _click(page, locator) -> None:
    """A real mouse click at the element's centre, as a writer clicks."""
    locator.wait_for(timeout=20_000)
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def _write_under(page, heading, text: str) -> None:
    """Click just after the heading's text, start a paragraph under it and write, as a writer does."""
    heading.scroll_into_view_if_needed()
    box = heading.bounding_box()
    page.mouse.click(box["x"] + box["width"] - 4, box["y"] + box["height"] / 2)
    page.wait_for_timeout(300)  # a writer's pause: the editor takes the caret where the click put it
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type(text)


def _choose_by_mouse(page, field: str, typed: str) -> None:
    box = page.locator(f"input[id^='{field}-field-']")
    _click(page, box)
    page.keyboard.type(typed)
    page.keyboard.press("Enter")


def test_sdg_stories_editor_on_its_own_port_refuses_in_the_forms_words_and_saves(tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing")
    pytest.importorskip("playwright.sync_api")
    project = Project(tmp_path, example_content=True)
    recorders = _recorders()
    project.configure(editor={"local_port": recorders[0].server_address[1]})
    port = free_port()
    command = subprocess.Popen(
        [sys.executable, "-m", "sdg_stories.cli.main", "editor", "--port", str(port)],
        cwd=project.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    elsewhere: list[str] = []
    errors: list[str] = []
    try:
        ready = [command.stdout.readline() for _ in range(2)]
        assert f"http://127.0.0.1:{port}/admin/" in ready[1], ready
        # Every other port, 8081 and the configured one included, fails: the page may use only its own.
        own_port = f"http://127.0.0.1:{port}/"
        local = dict(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        with chromium_reaching_only(own_port, **local) as (context, elsewhere, errors):
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{port}/admin/#/collections/stories/new")
            _click(page, page.get_by_role("button", name="Inloggen"))
            page.locator("input[id^='title-field-']").fill(TITLE)
            page.locator("input[id^='date-field-']").fill("2026-11-02")
            _choose_by_mouse(page, "adviser", "Ineke Veldkamp")
            page.locator("textarea[id^='summary-field-']").fill(SUMMARY)
            _click(page, page.get_by_label("Concept"))  # off: the story is finished
            # The rubric's headings are there as headings, its questions the field's grey help, not text in it.
            body = page.locator("[data-slate-editor]")
            headings = body.locator("h2")
            assert headings.all_inner_texts() == ["De vraag", "De aanpak", "Het resultaat", "Bijdrage aan het doel"]
            assert "Wat was er aan de hand" not in body.inner_text()
            assert page.get_by_text("De vraag:", exact=True).count() == 1  # in the help under the label
            for heading, text in (
                ("De vraag", "De gemeente wilde weten waar het fijnstof vandaan kwam."),
                ("De aanpak", "We maten een jaar lang op twintig plekken, samen met bewoners."),
                ("Het resultaat", "Er kwam een milieuzone en de metingen gingen omlaag."),
            ):
                _write_under(page, body.locator("h2").filter(has_text=heading), text)
            # No goal, and an empty section: refused, in the form's words, one line a problem.
            _click(page, page.get_by_role("button", name="Publiceer").first)
            _click(page, page.get_by_text("Publiceer nu"))
            toast = page.locator(".Toastify__toast").filter(has_text="Kan item niet opslaan")
            toast.wait_for(timeout=20_000)
            lines = toast.inner_text().splitlines()
            assert lines == [
                "Kan item niet opslaan:",
                "Kies minstens één doel of subdoel bij Doelen of Subdoelen.",
                "Verhaal: onder het kopje 'Bijdrage aan het doel' staat nog geen tekst. Schrijf het, haal het kopje "
                "weg, of zet Concept aan zolang het verhaal niet af is.",
            ], lines
            # 16.1 chosen, then typed again: Enter adds nothing (it added 16.10, which merely contains it).
            _choose_by_mouse(page, "targets", "16.1")
            _choose_by_mouse(page, "targets", "16.1")
            page.keyboard.press("Escape")
            _choose_by_mouse(page, "goals", "11 — ")
            _write_under(page, body.locator("h2").filter(has_text="Bijdrage aan het doel"), "Schone lucht maakt de stad gezonder (16.1).")
            _click(page, page.get_by_role("button", name="Publiceer").first)
            _click(page, page.get_by_text("Publiceer nu"))
            page.get_by_role("button", name="Gepubliceerd").wait_for(timeout=20_000)
            # The site link leads to this computer's site, not the published one.
            assert page.locator(f"a[href='http://127.0.0.1:{port}/']").count() >= 1
    finally:
        command.terminate()
        _, terminal = command.communicate(timeout=20)
        for recorder in recorders:
            recorder.stop()
    assert elsewhere == [] and errors == []
    assert [recorder.requests for recorder in recorders] == [[] for _ in recorders]
    # The terminal keeps the build's account: the file, the line, the field.
    assert "Niet opgeslagen: de site zou het om 2 redenen weigeren:" in terminal
    assert "stories/2026-11-02-schone-lucht-in-de-binnenstad-van-zwolle.md:" in terminal and ": goals: " in terminal
    saved = project.stories / "2026-11-02-schone-lucht-in-de-binnenstad-van-zwolle.md"
    text = saved.read_text("utf-8")
    assert 'targets:\n  - "16.1"\n' in text and "16.10" not in text
    built = project.build("--strict")
    assert built.ok, built.output
    titles = [link.get_text(strip=True) for link in built.content("sdg/16/").select(".sdg-card__title a")]
    assert TITLE in titles, titles


def test_admin_of_a_built_site_without_the_editor_says_how_to_start_it(tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing")
    pytest.importorskip("playwright.sync_api")
    from sdg_stories.editor.local_server import make_server
    from sdg_stories.editor.repository import StoriesRepository
    from sdg_stories.sdg.goals import load_framework

    project = Project(tmp_path)
    project.story("2024-04-05-een-verhaal.md")
    editor_port = free_port()
    project.configure(editor={"local_port": editor_port})
    build = project.build("--strict")
    assert build.ok, build.output
    # The built site served as a local copy is (or as mkdocs serve does): no editor behind it.
    site = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(build.site)))
    threading.Thread(target=site.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{site.server_address[1]}/"
    elsewhere: list[str] = []
    editor = None
    try:
        allowed = (base, f"http://127.0.0.1:{editor_port}/")
        with chromium_reaching_only(allowed, locale="nl-NL") as (context, elsewhere, _):
            page = context.new_page()
            page.goto(base + "admin/")
            page.get_by_role("heading", name="De editor draait nog niet").wait_for(timeout=15_000)
            assert page.locator("pre code").inner_text() == "sdg-stories editor"
            text = page.locator("main").inner_text()
            assert "Open een terminal in de map van de site" in text
            assert f"http://127.0.0.1:{editor_port}/admin/" in text
            assert "Error" not in page.content() and "backend" not in text  # not Decap's English configuration error
            # Started now (beside the served site, as beside mkdocs serve), the editor opens by itself.
            editor = make_server(StoriesRepository(project.root, "stories", load_framework(), "nl"), None, editor_port)
            threading.Thread(target=editor.serve_forever, daemon=True).start()
            page.get_by_role("button", name="Inloggen").wait_for(timeout=15_000)
            assert page.get_by_text("De editor draait nog niet").count() == 0
    finally:
        site.shutdown()
        site.server_close()
        if editor is not None:
            editor.shutdown()
            editor.server_close()
    assert elsewhere == []


def test_admin_on_this_computer_without_the_editor_offers_the_git_host_when_publishing_is_set_up(project: Project) -> None:
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing")
    pytest.importorskip("playwright.sync_api")
    project.story("2024-04-05-een-verhaal.md")
    project.configure(editor={"backend": "github", "repo": "meridiaan/verhalen", "base_url": "https://auth.example.nl"})
    build = project.build("--strict")
    assert build.ok, build.output
    site = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(build.site)))
    threading.Thread(target=site.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{site.server_address[1]}/"
    errors: list[str] = []
    try:
        with chromium_reaching_only(base, locale="nl-NL") as (context, _, errors):
            page = context.new_page()
            page.goto(base + "admin/")
            page.get_by_role("heading", name="De editor draait nog niet").wait_for(timeout=15_000)
            _click(page, page.get_by_role("button", name="Of log in bij de git-host van de site en publiceer van daaruit"))
            page.get_by_text("Inloggen met GitHub").wait_for(timeout=15_000)
    finally:
        site.shutdown()
        site.server_close()
    assert errors == []
