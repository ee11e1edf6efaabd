"""Under `mkdocs serve`, a mistake in the content shows in the browser, in the site's language, and the story
comes back by itself once the file is fixed; `mkdocs build` still refuses the same content.

The serve tests rebuild as `mkdocs serve` does (serve_session.py); the browser tests run the real
`mkdocs serve`, with its live reload, and Debian's Chromium, which never reloads by the test's hand.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from browser import browser, new_context  # noqa: F401 - the fixture
from project import Project
from serve_session import ServeSession

BROKEN_DATE = "2023-02-30"
DUTCH = f"stories/2024-04-05-plein.md:3: date: {BROKEN_DATE} bestaat niet in de kalender; controleer de dag en de maand"
PANEL = f"stories/2024-04-05-plein.md:3 date {BROKEN_DATE} bestaat niet in de kalender; controleer de dag en de maand"


def _problems(html_soup) -> list[str]:
    panel = html_soup.select_one("section.sdg-problems")
    if panel is None:
        return []
    return [" ".join(item.get_text(" ", strip=True).split()) for item in panel.select("li")]


@pytest.mark.serve
def test_serve_leaves_a_broken_story_out_shows_its_problems_and_builds_every_other_story(project):
    story = project.story("2024-04-05-plein.md", title="Een veilig plein")
    project.story("2024-04-06-wijk.md", title="Een groene wijk")
    with ServeSession(project) as serve:
        assert serve.build()["ok"]
        assert serve.content("stories/plein/").h1.get_text(strip=True) == "Een veilig plein"
        assert _problems(serve.soup("stories/plein/")) == []

        story.write_text(story.read_text("utf-8").replace("2024-04-05", BROKEN_DATE), "utf-8")
        result = serve.build()
        assert result["ok"], result  # the build succeeds, so MkDocs' server answers and live reload fires
        assert any("1 verhaal heeft problemen en ontbreekt in de voorvertoning" in message and DUTCH in message
                   for message in result["warnings"]), result["warnings"]
        # The good story is built as usual, and listed; the banner names the broken one above it.
        good = serve.soup("stories/wijk/")
        assert good.select_one("article.md-content__inner h1").get_text(strip=True) == "Een groene wijk"
        assert "Een groene wijk" in serve.content("stories/").get_text()
        assert "Een veilig plein" not in serve.content("stories/").get_text()
        for url in ("stories/wijk/", "stories/", "sdg/11/", "", "verhaal-schrijven/", "404.html"):
            soup = serve.soup(url)
            assert _problems(soup) == [PANEL], url
            banner = soup.select_one("section.sdg-problems")
            assert banner["role"] == "alert" and banner["lang"] == "nl"
            assert banner.h2.get_text(strip=True) == "1 verhaal ontbreekt in de voorvertoning", url
            assert "alle andere verhalen staan er gewoon" in banner.get_text()
        # The broken story's own address: its problems as the page, with its file in the tab's title.
        own = serve.soup("stories/plein/")
        assert _problems(own) == [PANEL]
        assert len(own.select("section.sdg-problems")) == 1
        heading = own.select_one("article.md-content__inner h1")
        assert heading.get_text(strip=True) == "stories/2024-04-05-plein.md kan nog niet getoond worden"
        assert own.title.get_text().startswith("stories/2024-04-05-plein.md kan nog niet getoond worden")
        assert "Index" not in own.title.get_text()
        assert "laden dan vanzelf opnieuw" in own.get_text()

        # A story with a slug of its own keeps its address while it has a problem: the page the writer has
        # open is a page (with live reload), not MkDocs' bare 404 answer.
        named = project.story("2024-04-07-markt.md", title="Een nieuwe markt", slug="eigen-adres", goals=[18])
        assert serve.build()["ok"]
        assert (serve.site / "stories/eigen-adres/index.html").is_file()
        assert _problems(serve.soup("stories/eigen-adres/")) and not (serve.site / "stories/markt").exists()
        assert serve.content("stories/wijk/").h1.get_text(strip=True) == "Een groene wijk"
        named.unlink()

        story.write_text(story.read_text("utf-8").replace(BROKEN_DATE, "2024-04-05"), "utf-8")
        result = serve.build()
        assert result["ok"] and not [m for m in result["warnings"] if "probleem" in m or "ontbreekt" in m], result
        assert serve.content("stories/plein/").h1.get_text(strip=True) == "Een veilig plein"
        for url in ("stories/plein/", "stories/", "404.html"):
            assert _problems(serve.soup(url)) == [], url
    build = project.build()
    assert build.ok, build.output


@pytest.mark.serve
def test_a_problem_every_story_depends_on_still_shows_on_every_page_without_an_empty_index_heading(project):
    project.story("2024-04-05-plein.md", title="Een veilig plein")
    advisers = project.stories / "advisers.yml"
    advisers.write_text(advisers.read_text("utf-8") + "\n  : kapot\n", "utf-8")
    with ServeSession(project) as serve:
        assert serve.build()["ok"]
        for url in ("stories/plein/", "stories/", ""):
            soup = serve.soup(url)
            assert _problems(soup), url
            assert "Index" not in soup.title.get_text(), url
            assert [h.get_text(strip=True) for h in soup.select("h1") if h.get_text(strip=True) == "Index"] == [], url
        own = serve.soup("stories/plein/")
        assert own.title.get_text().startswith("De site kan niet gebouwd worden")
        assert len(own.select("section.sdg-problems")) == 1


@pytest.mark.serve
def test_the_problem_page_speaks_english_on_an_english_site_and_escapes_what_writers_typed(project):
    project.configure(theme__language="en")
    project.story("2024-04-05-plein.md", title="A safe square", adviser="<script>alert(1)</script>")
    with ServeSession(project) as serve:
        assert serve.build()["ok"]
        soup = serve.soup("stories/plein/")
        panel = soup.select_one("section.sdg-problems")
        assert panel.h1.get_text(strip=True) == "stories/2024-04-05-plein.md cannot be shown yet"
        assert panel["lang"] == "en"
        assert "must be lower case letters, digits and hyphens" in panel.get_text()
        assert panel.select("script") == [] and "<script>alert(1)</script>" in panel.get_text()
    assert not project.build().ok, "mkdocs build refuses the content as before"


# The real `mkdocs serve`, with live reload, in a browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Served:
    """`mkdocs serve` on a free port in the project, stopped (its own process group) at the end."""

    def __init__(self, project: Project) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.log = project.root / "serve.log"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=project.root, stdout=self.log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        )
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base, timeout=5):
                    return
            except OSError:
                time.sleep(0.25)
        self.stop()
        raise AssertionError(f"mkdocs serve did not answer:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


_HEADING = "title => [...document.querySelectorAll('article h1')].some(h => h.textContent.trim() === title)"
_PROBLEMS = "() => document.querySelectorAll('section.sdg-problems li').length > 0"


def _edit_and_wait(page, path: Path, old: str, new: str, condition: str, arg: object, timeout_s: float) -> float:
    """Save the edit, then wait until ``condition`` holds in the page the browser shows (which only MkDocs'
    live reload can change); seconds from saving to that page."""
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")
    saved = time.monotonic()
    page.wait_for_function(condition, arg=arg, timeout=timeout_s * 1000, polling=50)
    return time.monotonic() - saved


def _story_and_problem_round_trip(browser, project: Project, story: Path, url: str, title: str) -> tuple[float, float]:
    """Seconds from saving a mistake to the problem page, and from saving the fix to the story, in the browser."""
    served = Served(project)
    context = new_context(browser)
    try:
        page = context.new_page()
        page.goto(served.base + url)
        page.wait_for_function(_HEADING, arg=title, timeout=30_000)
        original = story.read_text("utf-8")
        date = next(line for line in original.splitlines() if line.startswith("date: "))
        broken = _edit_and_wait(page, story, date, f"date: {BROKEN_DATE}", _PROBLEMS, None, 30)
        assert BROKEN_DATE in page.inner_text("section.sdg-problems")
        assert not page.evaluate(_HEADING, title)
        fixed = _edit_and_wait(page, story, f"date: {BROKEN_DATE}", date, _HEADING, title, 60)
        assert page.locator("section.sdg-problems").count() == 0
        return broken, fixed
    finally:
        context.close()
        served.stop()


@pytest.mark.serve
def test_in_the_browser_a_broken_story_shows_the_problem_and_comes_back_without_a_reload(browser, project):  # noqa: F811
    story = project.story("2024-04-05-plein.md", title="Een veilig plein")
    broken, fixed = _story_and_problem_round_trip(browser, project, story, "stories/plein/", "Een veilig plein")
    assert broken < 10 and fixed < 10, (broken, fixed)


@pytest.mark.serve
@pytest.mark.slow
def test_at_200_stories_the_fixed_story_is_back_in_the_browser_soon_after_saving(browser, tmp_path):  # noqa: F811
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from corpus import generate

    project = Project(tmp_path)
    (project.stories / "advisers.yml").unlink()
    project.stories.rmdir()
    paths = generate(project.root, 200)
    story = paths[0]
    from sdg_stories.content.story_file import read_story
    from sdg_stories.sdg.goals import load_framework

    written, _ = read_story(story, story.name, f"stories/{story.name}", load_framework(), "nl")
    title, slug = written.title, written.slug
    broken, fixed = _story_and_problem_round_trip(browser, project, story, f"stories/{slug}/", title)
    builds = re.findall(r"Documentation built in ([\d.]+) seconds", (project.root / "serve.log").read_text())
    print(f"\n200 stories: problem page {broken:.2f} s after saving the mistake, story back {fixed:.2f} s after "
          f"saving the fix; serve's builds took {', '.join(builds)} s; load average {os.getloadavg()[0]:.1f}")
    # The aim is under 2 s on an idle 2-core machine; a machine shared by several builds takes longer, so
    # the bound here only says that nothing waits for a timeout or a manual reload.
    assert fixed < 20, fixed


_BANNER = "() => document.querySelectorAll('section.sdg-problems h2').length > 0"


@pytest.mark.serve
def test_in_the_browser_a_colleagues_broken_story_leaves_the_open_story_in_place_with_a_banner(browser, project):  # noqa: F811
    from axe_playwright_python.base import AXE_FILE_PATH

    project.story("2024-04-06-wijk.md", title="Een groene wijk")
    other = project.story("2024-04-05-plein.md", title="Een veilig plein")
    served = Served(project)
    context = new_context(browser)
    try:
        page = context.new_page()
        page.goto(served.base + "stories/wijk/")
        page.wait_for_function(_HEADING, arg="Een groene wijk", timeout=30_000)
        date = next(line for line in other.read_text("utf-8").splitlines() if line.startswith("date: "))
        _edit_and_wait(page, other, date, f"date: {BROKEN_DATE}", _BANNER, None, 30)  # a colleague's typo
        assert page.evaluate(_HEADING, "Een groene wijk"), "the open story stays"
        assert BROKEN_DATE in page.inner_text("section.sdg-problems")
        tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
        for url in ("stories/wijk/", "stories/plein/"):
            page.goto(served.base + url)
            page.wait_for_selector("section.sdg-problems")
            page.evaluate(AXE_FILE_PATH.read_text("utf-8"))
            result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", tags)
            assert [violation["id"] for violation in result["violations"]] == [], (url, result["violations"])
        assert "kan nog niet getoond worden" in page.inner_text("article")
    finally:
        context.close()
        served.stop()
