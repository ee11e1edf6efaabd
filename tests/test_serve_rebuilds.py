"""`mkdocs serve` rebuilds show every change at once, and never serve a stale page.

Each test drives one serve process (serve_session.py: on_startup(command="serve"), then builds from a
freshly loaded config in the same process, as mkdocs/commands/serve.py does), edits files between
builds the way a writer does, and checks the rebuilt pages. Every test ends by comparing the whole
rebuilt site, byte for byte, with the first build of a new serve process over the same files: a page
left stale by anything a serve process holds shows up there even where no assertion looks.
"""

from __future__ import annotations

import pytest

import json
from pathlib import Path

from pagefind_bundle import canonical
from project import Project, vacancies_file
from serve_session import ServeSession

pytestmark = pytest.mark.serve

EPOCH = {"SOURCE_DATE_EPOCH": "1780272000"}  # 2026-06-01: the vacancy, closing in 2027, is open

VACANCIES = """\
- id: adviseur-water
  title: Adviseur Water
  url: https://werkenbij.example.nl/water
  goals: [6]
  closes: 2027-01-31
"""


def _write_site(project: Project) -> None:
    project.write("stories/vacancies.yml", vacancies_file(VACANCIES))
    project.story(
        "2024-04-05-helpdesk.md", title="Een gedeelde helpdesk", goals=[11], vacancies=["adviseur-water"],
        body="## Aanpak\n\nDe gemeenten werken samen.\n\nZie ook [de wijk](2024-03-01-wijk.md#resultaat).\n",
    )
    project.story(
        "2024-03-01-wijk.md", title="Een wijk van het gas af", goals=[7, 11], adviser="bram-jansen",
        body="## Resultaat\n\nDe wijk is van het gas af.\n",
    )
    project.story("2024-02-01-water.md", title="Water in de stad", goals=[6, 11], body="Regenwater.\n")
    project.story("2024-01-01-concept.md", title="Nog een concept", goals=[11], draft=True, body="Nog niet af.\n")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new), "utf-8")


def _pages(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*.html"))}


def _assert_same_as_a_fresh_build(session: ServeSession, project: Project) -> None:
    with ServeSession(project, env=EPOCH) as fresh:
        first = fresh.build()
        assert first["ok"], first
        expected = _pages(fresh.site)
        expected_index = canonical(fresh.site / "pagefind")
    rebuilt = _pages(session.site)
    assert rebuilt.keys() == expected.keys()
    stale = [page for page in expected if rebuilt[page] != expected[page]]
    assert stale == [], f"pages that differ from a fresh build: {stale}"
    # The search index too: a rebuild feeds Pagefind from kept pages, a fresh build from rendered ones.
    index = canonical(session.site / "pagefind")
    assert expected_index and index.keys() == expected_index.keys()
    assert [name for name in expected_index if index[name] != expected_index[name]] == []


def test_an_edited_story_shows_at_once(project: Project) -> None:
    _write_site(project)
    with ServeSession(project, env=EPOCH) as session:
        first = session.build()
        assert first["ok"], first

        # A sentence added to one story's body.
        _edit(project.stories / "2024-03-01-wijk.md", "van het gas af.\n", "van het gas af.\n\nNu met een warmtenet.\n")
        again = session.build()
        assert again["ok"], again
        assert "Nu met een warmtenet." in session.content("stories/wijk/").get_text()
        assert session.content("stories/concept/").select_one(".sdg-draft-banner")  # serve shows drafts
        entry = json.loads((session.site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
        # Four stories (the draft too, as serve shows it), the 17 goals, the 2 advisers and the one open vacancy.
        assert [language["page_count"] for language in entry["languages"].values()] == [4 + 17 + 2 + 1]

        # Nothing changed.
        assert session.build()["ok"]

        # A new title shows on the story, in every listing and in the related stories of the others.
        _edit(project.stories / "2024-02-01-water.md", "title: Water in de stad", "title: Regen in de stad")
        retitled = session.build()
        assert retitled["ok"], retitled
        for url in ("stories/water/", "stories/", "sdg/6/", "sdg/11/", "advisers/anna-de-vries/", "stories/helpdesk/"):
            text = session.content(url).get_text()
            assert "Regen in de stad" in text and "Water in de stad" not in text, url
        assert "Regen in de stad" in session.soup("stories/water/").title.get_text()

        # A new story appears everywhere; a deleted one disappears everywhere.
        project.story("2024-05-01-nieuw.md", title="Een nieuw verhaal", goals=[11], body="Nieuw.\n")
        (project.stories / "2024-02-01-water.md").unlink()
        moved = session.build()
        assert moved["ok"], moved
        assert "Een nieuw verhaal" in session.content("stories/").get_text()
        assert "Regen in de stad" not in session.content("sdg/11/").get_text()
        assert not (session.site / "stories" / "water").exists()
        _assert_same_as_a_fresh_build(session, project)


def test_a_changed_adviser_vacancy_template_or_language_shows_on_every_page(project: Project) -> None:
    _write_site(project)
    with ServeSession(project, env=EPOCH) as session:
        assert session.build()["ok"]
        assert "Adviseur Ruimte" in session.content("stories/helpdesk/").get_text()

        _edit(project.stories / "advisers.yml", "role: Adviseur Ruimte", "role: Senior adviseur Ruimte")
        assert session.build()["ok"]
        for url in ("stories/helpdesk/", "stories/", "advisers/anna-de-vries/", "sdg/11/"):
            assert "Senior adviseur Ruimte" in session.content(url).get_text(), url

        _edit(project.stories / "vacancies.yml", "title: Adviseur Water", "title: Adviseur Water en Bodem")
        assert session.build()["ok"]
        for url in ("stories/helpdesk/", "vacancies/", "sdg/6/"):
            assert "Adviseur Water en Bodem" in session.content(url).get_text(), url

        # hooks/ is watched: an edited template shows at once (the card of every listing).
        _edit(project.root / "hooks/sdg_stories/templates/macros.html", '<article class="sdg-card">',
              '<article class="sdg-card sdg-card--edited">')
        assert session.build()["ok"]
        for url in ("stories/", "sdg/11/", "stories/helpdesk/", ""):
            assert session.soup(url).select(".sdg-card--edited"), url

        # The theme's side, one at a time: a theme override, a nav title in mkdocs.yml, a hand-written page.
        _edit(project.root / "docs/overrides/main.html", "{{ super() }}", '{{ super() }}<meta name="sdg-test" content="edited">')
        overridden = session.build()
        assert overridden["ok"], overridden
        _edit(project.root / "mkdocs.yml", "- Vacatures: vacancies/index.md", "- Open vacatures: vacancies/index.md")
        renamed = session.build()
        assert renamed["ok"], renamed
        for url in ("stories/wijk/", "sdg/11/", "", "open-data/"):
            soup = session.soup(url)
            assert soup.select_one('meta[name="sdg-test"]'), url
            assert "Open vacatures" in soup.select_one("nav.md-tabs").get_text(), url
        _edit(project.root / "docs/index.md", "## De 17 doelen", "## Alle 17 doelen")
        home = session.build()
        assert home["ok"], home
        assert "Alle 17 doelen" in session.content("").get_text()

        dutch = session.content("stories/wijk/").get_text()
        assert "Gepubliceerd op" in dutch and "5 april 2024" in dutch
        project.configure(theme__language="en")
        english = session.build()
        assert english["ok"], english
        text = session.content("stories/wijk/").get_text()
        assert "Published" in text and "April 5, 2024" in text and "Gepubliceerd" not in text
        assert session.soup("stories/").html["lang"] == "en"
        _assert_same_as_a_fresh_build(session, project)


def test_a_rebuild_checks_links_and_anchors_and_reports_them_again(project: Project) -> None:
    _write_site(project)
    with ServeSession(project, env=EPOCH) as session:
        first = session.build()
        assert first["ok"] and first["warnings"] == [], first
        helpdesk = session.content("stories/helpdesk/")
        assert helpdesk.select_one('a[href="../wijk/#resultaat"]'), helpdesk
        unchanged = session.build()
        assert unchanged["ok"] and unchanged["warnings"] == [], unchanged

        # The anchor the helpdesk story links to is renamed; the helpdesk story itself is unchanged.
        _edit(project.stories / "2024-03-01-wijk.md", "## Resultaat", "## Uitkomst")
        renamed = session.build()
        assert any("anchor '#resultaat'" in message for message in renamed["warnings"]), renamed
        # Reported again by the next rebuild, as serve shows it after every change.
        same = session.build()
        assert same["warnings"] == renamed["warnings"]

        # The linked story goes: the helpdesk story's link now leads nowhere, which its conversion reports.
        (project.stories / "2024-03-01-wijk.md").unlink()
        gone = session.build()
        assert any("2024-03-01-wijk.md" in message for message in gone["warnings"]), gone
        assert not session.content("stories/helpdesk/").select_one('a[href="../wijk/#resultaat"]')
        again = session.build()
        assert again["warnings"] == gone["warnings"]
        _assert_same_as_a_fresh_build(session, project)
