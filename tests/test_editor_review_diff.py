"""Nothing lost in review, in the browser: a writer opens an example story in the local editor
(`sdg-stories editor`'s backend), changes one sentence of its summary and publishes, then one adviser's
role; each file differs from before in exactly that one line, both as the editor sends it (what the hosted
editor commits to the git host) and as it lands on disk."""

from __future__ import annotations

import difflib
import json

import pytest

from browser import CHROMIUM, chromium_reaching_only, press, unavailable
from local_editor import editor_project  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser]

STORY = "2023-03-14-winkelcentrum-de-bongerd.md"
OLD = "weer een plek maakte"
NEW = "opnieuw een plek maakte"
ROLE = "Adviseur Openbare Orde en Veiligheid"  # the first adviser of the example advisers.yml


def _changed(before: str, after: str) -> list[str]:
    return [
        line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_editing_one_sentence_of_a_summary_in_the_editor_changes_one_line(editor_project) -> None:
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing")
    playwright_api = pytest.importorskip("playwright.sync_api")
    project, base = editor_project
    path = project.stories / STORY
    before = path.read_text("utf-8")
    advisers = project.stories / "advisers.yml"
    advisers_before = advisers.read_text("utf-8")
    sent: list[str] = []
    local = dict(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    with chromium_reaching_only("http://127.0.0.1:", **local) as (context, elsewhere, _):
        page = context.new_page()

        def record(request) -> None:
            if request.method == "POST" and "persistEntry" in (request.post_data or ""):
                params = json.loads(request.post_data)["params"]
                sent.extend(file["raw"] for file in params.get("dataFiles") or [params["entry"]])

        page.on("request", record)
        page.goto(f"{base}admin/#/collections/stories/entries/{STORY[:-3]}")
        press(page, page.get_by_role("button", name="Inloggen"))
        summary = page.locator("textarea[id^='summary-field-']")
        summary.wait_for(timeout=20_000)
        assert OLD in summary.input_value()
        summary.fill(summary.input_value().replace(OLD, NEW))
        press(page, page.get_by_role("button", name="Publiceer").first)
        press(page, page.get_by_text("Publiceer nu"))
        page.get_by_role("button", name="Gepubliceerd").wait_for(timeout=20_000)
        # An adviser's role in advisers.yml, a file collection: one line too, comments and all else kept.
        page = context.new_page()  # a fresh page: the writer is still logged in
        page.on("request", record)
        page.goto(f"{base}admin/#/collections/advisers/entries/advisers")
        role = page.locator("input[id^='role-field-']").first
        playwright_api.expect(role).to_have_value(ROLE, timeout=20_000)
        role.fill("Adviseur Veiligheid")
        press(page, page.get_by_role("button", name="Publiceer").first)
        press(page, page.get_by_text("Publiceer nu"))
        page.get_by_role("button", name="Gepubliceerd").wait_for(timeout=20_000)
    after = path.read_text("utf-8")
    assert elsewhere == []
    old_line = next(line for line in before.splitlines() if line.startswith("summary: "))
    assert _changed(before, after) == [f"-{old_line}", f"+{old_line.replace(OLD, NEW)}"]
    # What the editor sent is already that one line (templates/admin/sdg-save.js), as the hosted editor
    # commits it to the git host, where no local backend stands in between.
    assert len(sent) == 2 and sent[0] == after, _changed(before, sent[0])
    advisers_after = advisers.read_text("utf-8")
    assert _changed(advisers_before, advisers_after) == [f"-  role: {ROLE}", "+  role: Adviseur Veiligheid"]
    assert sent[1] == advisers_after, _changed(advisers_before, sent[1])
