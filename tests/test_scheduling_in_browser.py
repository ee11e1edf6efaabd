"""Scheduling and vacancies in the web editor, as writers and recruiters use it: /admin/ in Chromium, in
the local mode of `sdg-stories editor`, with the mouse and the keyboard.

A writer dates a story next week: `sdg-stories check` lists it as scheduled, a build today leaves it out,
the build of next week (SOURCE_DATE_EPOCH) publishes it. A recruiter adds a vacancy to vacancies.yml in
the form, and the next build shows it on vacancies/. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from browser import CHROMIUM, chromium_reaching_only, press, unavailable
from local_editor import editor_project  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AMSTERDAM = dt.timezone(dt.timedelta(hours=1))  # winter time; the test only needs a day a week ahead


@pytest.fixture
def editor(editor_project):
    """The example content with `sdg-stories editor`'s server (local_editor.py), and a Chromium page that can
    reach only 127.0.0.1 and fails on any script error."""
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing")
    pytest.importorskip("playwright.sync_api")
    project, base = editor_project
    local = dict(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    with chromium_reaching_only("http://127.0.0.1:", **local) as (context, elsewhere, errors):
        yield project, base, context.new_page()
    assert elsewhere == []
    assert errors == []


def _type(page, locator, text: str, replace: bool = False) -> None:
    press(page, locator)
    if replace:
        page.keyboard.press("Control+A")
    page.keyboard.type(text)


def _type_date(page, locator, day: dt.date) -> None:
    """A native date field: the first two parts typed in the order the field shows them (Debian's headless
    Chromium shows mm/dd/yyyy whatever the page's locale, a Dutch desktop dd-mm-jjjj), the year changed with
    the arrow keys. Typed digit by digit, Decap's field reads a half-typed year ("2") as 1902 and loses it,
    and it keeps no month and day typed into an empty field, which is why an empty one starts from "Nu"."""
    if not locator.input_value():  # an empty field: its "Nu" (now) button fills in today to change from
        press(page, locator.locator("xpath=following::button[normalize-space()='Nu'][1]"))
    for order in (("%m", "%d"), ("%d", "%m")):
        press(page, locator)  # in the field's blank part: its last part (the year) has the focus
        page.keyboard.press("ArrowLeft")
        page.keyboard.press("ArrowLeft")
        page.keyboard.type(day.strftime(order[0]) + day.strftime(order[1]))
        value = locator.input_value()
        if value and value[5:] == day.isoformat()[5:]:
            break
    years = day.year - int(locator.input_value()[:4])  # the focus is on the year now
    for _ in range(abs(years)):
        page.keyboard.press("ArrowUp" if years > 0 else "ArrowDown")
    assert locator.input_value() == day.isoformat()


def _choose(page, field, typed: str) -> None:
    """A select of the form (react-select): type to filter the options, click the first with the mouse."""
    _type(page, field, typed)
    option = page.locator("[class*='option']").first
    option.wait_for(timeout=10_000)
    press(page, option)


def _publish(page) -> None:
    press(page, page.get_by_role("button", name="Publiceer").first)
    press(page, page.get_by_text("Publiceer nu"))


def _wait_for(page, condition, timeout: float = 20.0) -> None:
    """Until the file on disk shows the save; a refusal stays on the page as Decap's message."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            page.screenshot(path=str(Path(os.environ.get("PYTEST_SCREENSHOTS", "/tmp")) / "editor-not-saved.png"))
            raise AssertionError("the editor did not save in time: " + page.locator("body").inner_text()[:2000])
        page.wait_for_timeout(200)


def _sdg_stories(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    from test_cli import ROOT

    environment = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"), **(env or {}))
    environment.pop("SOURCE_DATE_EPOCH", None) if not env or "SOURCE_DATE_EPOCH" not in env else None
    return subprocess.run([sys.executable, "-m", "sdg_stories.cli.main", *args], cwd=root, capture_output=True,
                          text=True, env=environment, timeout=120)


def _epoch(day: dt.date) -> str:
    return str(int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.timezone.utc).timestamp()))


TITLE = "Deelfietsen voor het hele dorp"
SUMMARY = "Een adviseur hielp het dorp met een eigen deelfietsensysteem."
BODY = (
    "In het dorp hadden veel mensen geen auto.\n\n## De vraag\n\nHoe kom je zonder auto naar de stad?\n\n"
    "## De aanpak\n\nWe zetten met bewoners twintig deelfietsen neer.\n\n## Het resultaat\n\nElke dag rijden er tachtig ritten.\n\n"
    "## Bijdrage aan het doel\n\nDuurzaam vervoer voor iedereen (11.2).\n"
)


def test_a_story_dated_next_week_waits_for_the_build_of_its_day(editor) -> None:
    from sdg_stories.model.settings import build_date

    project, base, page = editor
    today = build_date()  # today in Amsterdam, as the build reads it without SOURCE_DATE_EPOCH
    next_week = today + dt.timedelta(days=7)
    before = set(project.stories.glob("*.md"))
    page.goto(base + "admin/#/collections/stories/new")
    press(page, page.get_by_role("button", name="Inloggen"))
    _type(page, page.locator("input[id^='title-field-']"), TITLE)
    _type_date(page, page.locator("input[id^='date-field-']"), next_week)
    _choose(page, page.locator("input[id^='adviser-field-']"), "Ineke Veldkamp")
    _choose(page, page.locator("input[id^='goals-field-']"), "11 — ")
    _type(page, page.locator("textarea[id^='summary-field-']"), SUMMARY)
    draft = page.locator("button[id^='draft-field-']")
    assert draft.get_attribute("aria-checked") == "true"
    press(page, draft)  # finished: not a draft, so only its date holds it back
    assert draft.get_attribute("aria-checked") == "false"
    body = page.locator("[class*='RawEditor'] textarea, [data-slate-editor], textarea:not([id])").first
    # Decap's rich-text field may not have taken the whole pre-filled text into Control+A yet; a writer sees
    # the headings twice and does it again.
    for _ in range(3):
        _type(page, body, BODY, replace=True)
        if body.inner_text().count("Het resultaat") == 1:
            break
    assert body.inner_text().count("Het resultaat") == 1, body.inner_text()
    # The preview says what serve says: the story waits for its day.
    banner = page.frame_locator("iframe").first.locator(".sdg-scheduled-banner")
    assert banner.inner_text(timeout=10_000).startswith(f"Gepland voor {next_week.day} ")
    _publish(page)
    name = f"{next_week.isoformat()}-deelfietsen-voor-het-hele-dorp.md"
    _wait_for(page, lambda: (project.stories / name).is_file())

    assert sorted(path.name for path in set(project.stories.glob("*.md")) - before) == [name]
    text = (project.stories / name).read_text("utf-8")
    assert f"date: {next_week.isoformat()}\n" in text and "draft: false\n" in text
    check = _sdg_stories(project.root, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    scheduled = [line for line in check.stdout.splitlines() if line.startswith("ter informatie: ")]
    assert len(scheduled) == 1 and scheduled[0].startswith(f"ter informatie: stories/{name}:")
    assert ": date: gepland: verschijnt op " in scheduled[0]

    now = project.build("--strict", site="site-today")
    assert now.ok, now.output
    assert not now.exists("stories/deelfietsen-voor-het-hele-dorp/")
    assert TITLE not in now.html("feed.xml") and TITLE not in now.html("stories.json")
    assert TITLE not in now.content("stories/").get_text() and TITLE not in now.content("sdg/11/").get_text()
    published = project.build("--strict", env={"SOURCE_DATE_EPOCH": _epoch(next_week)}, site="site-next-week")
    assert published.ok, published.output
    assert published.content("stories/deelfietsen-voor-het-hele-dorp/").h1.get_text(strip=True) == TITLE
    assert TITLE in published.html("feed.xml") and TITLE in published.content("stories/").get_text()


def test_a_vacancy_added_in_the_editor_is_on_the_vacancies_page_after_a_build(editor) -> None:
    project, base, page = editor
    vacancies = project.stories / "vacancies.yml"
    before = vacancies.read_text("utf-8")
    page.goto(base + "admin/#/collections/vacancies/entries/vacancies")
    press(page, page.get_by_role("button", name="Inloggen"))
    add = page.get_by_role("button", name="Voeg vacature toe")
    add.wait_for(timeout=15_000)
    count = page.locator("input[id^='id-field-']").count()
    press(page, add)
    page.locator("input[id^='id-field-']").nth(count).wait_for(timeout=10_000)
    # The new vacancy is the last group of the list.
    _type(page, page.locator("input[id^='id-field-']").nth(count), "adviseur-mobiliteit")
    _type(page, page.locator("input[id^='title-field-']").nth(count), "Adviseur Mobiliteit")
    _type(page, page.locator("input[id^='url-field-']").nth(count), "https://werkenbij.example.nl/vacatures/mobiliteit")
    _choose(page, page.locator("input[id^='goals-field-']").nth(count), "11 — ")
    _choose(page, page.locator("input[id^='targets-field-']").nth(count), "11.2 — ")
    _type(page, page.locator("input[id^='location-field-']").nth(count), "Deventer")
    _type_date(page, page.locator("input[id^='closes-field-']").nth(count), dt.date(2027, 3, 31))
    _publish(page)
    _wait_for(page, lambda: vacancies.read_text("utf-8") != before)

    after = vacancies.read_text("utf-8")
    assert after.startswith(before[: before.index("vacancies:")])  # the explanation for hand editing stays
    assert "adviseur-mobiliteit" in after and '"11.2"' in after and "2027-03-31" in after
    check = _sdg_stories(project.root, "check", "--strict", env={"SOURCE_DATE_EPOCH": _epoch(dt.date(2027, 1, 1))})
    assert check.returncode == 0, check.stdout + check.stderr
    build = project.build("--strict", env={"SOURCE_DATE_EPOCH": _epoch(dt.date(2027, 1, 1))}, site="site-vacancy")
    assert build.ok, build.output
    titles = [title.get_text(strip=True) for title in build.content("vacancies/").select(".sdg-vacancy__title")]
    assert "Adviseur Mobiliteit" in titles and "Adviseur Openbare Orde en Veiligheid" in titles, titles
    card = next(item for item in build.content("vacancies/").select(".sdg-vacancy") if "Adviseur Mobiliteit" in item.get_text())
    assert "Deventer" in card.get_text() and "31 maart 2027" in card.get_text()
