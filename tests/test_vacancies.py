"""Vacancies: the call to action under stories, goal pages, the vacancies page, expiry, campaign links, errors.

Most checks share one build (``site``) of a folder with vacancies chosen for each case, built on a fixed
day (SOURCE_DATE_EPOCH); the same folder is rebuilt the day after, in English with other campaign
settings (``next_day``), and with --strict. Small extra builds cover a site without careers page or
vacancies, bad settings and bad vacancy data.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from project import Project, vacancies_file
from sdg_stories.model.campaign_links import merge_query, with_campaign
from sdg_stories.content.records import Vacancy
from sdg_stories.model.vacancies import is_open


def epoch(day: dt.date, hour: int = 12) -> str:
    return str(int(dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.timezone.utc).timestamp()))


BUILD_DAY = dt.date(2025, 6, 15)
CAREERS = "https://werkenbij.example.nl/"
UTM = "utm_source=sdg-stories&utm_medium=website"

VACANCIES = """\
# test vacancies, one per case
- id: sluit-vandaag
  title: Sluit Vandaag
  url: https://jobs.example.org/sluit-vandaag
  goals: [3]
  location: Zwolle
  hours: 32 uur
  closes: 2025-06-15

- id: gisteren-gesloten
  title: Gisteren Gesloten
  url: https://jobs.example.org/gisteren-gesloten
  goals: [11]
  closes: 2025-06-14

- id: met-query
  title: Met Query
  url: https://jobs.example.org/met-query?ref=intern
  goals: [11]
  targets: [11.7]
  location: Utrecht
  hours: 32-36 uur
  closes: 2025-12-31

- id: met-anker
  title: Met Anker
  url: https://jobs.example.org/met-anker#solliciteer
  goals: [11]
  location: Arnhem
  hours: 36 uur

- id: eigen-utm
  title: Eigen Utm
  url: https://jobs.example.org/eigen-utm?utm_source=linkedin&x=1#form
  goals: [11]
  closes: 2025-07-01

- id: vierde-gedeeld
  title: Vierde Gedeeld
  url: https://jobs.example.org/vierde-gedeeld
  goals: [11]
  closes: 2026-03-01

- id: alleen-subdoel
  title: Alleen Subdoel
  url: https://jobs.example.org/alleen-subdoel
  targets: [7.2]

- id: markup
  title: <script>alert("vacature")</script> & <b>Co</b>
  url: https://jobs.example.org/markup
  goals: [5]
  location: <img src=x onerror=alert(1)>
  hours: 8 uur
  summary: <i>Cursief</i> & meer
"""

# Seven vacancies for goal 13: the goal page shows six and links to the rest.
VACANCIES += "".join(
    f"\n- id: klimaat-{n}\n  title: Klimaat {n}\n  url: https://jobs.example.org/klimaat-{n}\n  goals: [13]\n"
    for n in range(1, 8)
)


def _write_stories(project: Project) -> None:
    project.write("stories/vacancies.yml", vacancies_file(VACANCIES))
    project.story("2025-01-01-expliciet.md", title="Expliciet", goals=[11], targets=["11.7"], vacancies=["sluit-vandaag", "markup"])
    project.story("2025-01-02-gedeeld.md", title="Gedeeld", goals=[11])
    project.story("2025-01-03-niets.md", title="Niets", goals=[14])
    project.story("2025-01-04-gesloten.md", title="Gesloten", goals=[2], vacancies=["gisteren-gesloten"])
    project.story("2025-01-05-vier-eigen.md", title="Vier eigen", goals=[2], vacancies=["klimaat-1", "klimaat-2", "klimaat-3", "klimaat-4"])


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Project:
    project = Project(tmp_path_factory.mktemp("vacancies"))
    _write_stories(project)
    return project


@pytest.fixture(scope="module")
def site(folder):
    build = folder.build(env={"SOURCE_DATE_EPOCH": epoch(BUILD_DAY)})
    assert build.ok, build.output
    return build


@pytest.fixture(scope="module")
def strict(folder, site):
    return folder.build("--strict", env={"SOURCE_DATE_EPOCH": epoch(BUILD_DAY)}, site="site-strict")


@pytest.fixture(scope="module")
def next_day(folder, site, strict):
    """The same folder the day after, in English, with our own campaign source."""
    folder.configure(theme__language="en", utm={"source": "intranet"})
    build = folder.build(env={"SOURCE_DATE_EPOCH": epoch(BUILD_DAY + dt.timedelta(days=1), hour=0)}, site="site-next")
    assert build.ok, build.output
    return build


def block(build, url: str):
    return build.content(url).select_one("section.sdg-vacancies")


def titles(section) -> list[str]:
    """The vacancies a visitor sees as built: not those held hidden for the day the shown ones close."""
    return [h.get_text(strip=True) for h in section.select("li.sdg-vacancy:not([hidden]) .sdg-vacancy__title")]


def held(section) -> list[str]:
    return [h.get_text(strip=True) for h in section.select("li.sdg-vacancy[hidden] .sdg-vacancy__title")]


def href(section, title: str) -> str:
    for heading in section.select(".sdg-vacancy__title"):
        if heading.get_text(strip=True) == title:
            # Under a story the button is the link (the title is none); elsewhere the title is.
            return heading.find_parent("li").find("a")["href"]
    raise AssertionError(f"{title} not in {titles(section)}")


# The call to action under a story


def test_a_story_shows_its_own_vacancies_first_then_the_best_fitting_shared_goal(site):
    section = block(site, "stories/expliciet/")
    assert section.h2.get_text(strip=True) == "Wil jij ook bijdragen?"
    # Its own two in the order it names them, then the one sharing its target 11.7; three in all.
    assert titles(section) == ["Sluit Vandaag", '<script>alert("vacature")</script> & <b>Co</b>', "Met Query"]


def test_shared_goal_vacancies_fill_up_to_three_closing_soonest_first(site):
    section = block(site, "stories/gedeeld/")
    # Four open vacancies share goal 11; the closed one never shows.
    assert titles(section) == ["Eigen Utm", "Met Query", "Vierde Gedeeld"]


def test_at_most_three_even_when_a_story_names_more(site):
    assert titles(block(site, "stories/vier-eigen/")) == ["Klimaat 1", "Klimaat 2", "Klimaat 3"]


def test_a_story_holds_the_next_candidates_hidden_for_when_the_shown_ones_close(site):
    section = block(site, "stories/vier-eigen/")
    # Its fourth named vacancy, then the best others sharing a goal: three in reserve.
    assert held(section) == ["Klimaat 4"]
    section = block(site, "stories/gedeeld/")
    assert held(section) == ["Met Anker"]
    assert section.select_one("ul.sdg-vacancy-list")["data-show"] == "3"
    # And the invitation, hidden while a vacancy fits.
    assert section.select_one(".sdg-vacancies__invitation")["hidden"] is not None


def test_every_shown_vacancy_carries_its_closing_day(site):
    for url in ("stories/gedeeld/", "sdg/11/", "vacancies/"):
        items = site.content(url).select("li.sdg-vacancy")
        closing = {li.select_one(".sdg-vacancy__title").get_text(strip=True): li.get("data-closes") for li in items}
        assert closing["Met Query"] == "2025-12-31", url
        assert closing["Met Anker"] is None, url  # no closing day: never closed by the browser
        assert site.content(url).select_one('script[src$="assets/javascripts/vacancy-closing.js"]'), url
    assert (site.site / "assets/javascripts/vacancy-closing.js").is_file()


def test_each_vacancy_shows_location_hours_and_closing_date(site):
    item = block(site, "stories/gedeeld/").select(".sdg-vacancy")[1]
    facts = {dt_.get_text(strip=True): dd.get_text(strip=True) for dt_, dd in zip(item.select("dt"), item.select("dd"))}
    assert facts == {"Standplaats": "Utrecht", "Uren": "32-36 uur", "Sluitingsdatum": "31 december 2025"}
    assert item.select_one("time")["datetime"] == "2025-12-31"


def test_a_vacancy_without_closing_date_says_it_stays_open(site):
    item = next(li for li in site.content("sdg/11/").select(".sdg-vacancy") if "Met Anker" in li.get_text())
    assert "doorlopend open" in item.get_text()
    assert item.select_one("time") is None


def test_a_story_without_fitting_vacancies_links_the_careers_page(site):
    section = block(site, "stories/niets/")
    assert section.select(".sdg-vacancy") == []
    assert "Zelf werken aan opdrachten zoals deze?" in section.get_text()
    assert "geen open vacature" not in section.get_text()
    link = section.select_one("a[href^='https://werkenbij']")
    assert link["href"] == f"{CAREERS}?{UTM}&utm_campaign=niets"


def test_vacancy_links_carry_the_story_slug_as_campaign(site):
    section = block(site, "stories/expliciet/")
    assert href(section, "Sluit Vandaag") == f"https://jobs.example.org/sluit-vandaag?{UTM}&utm_campaign=expliciet"
    assert section.select_one("a[href='../../vacancies/']") is not None


# Goal pages


def test_a_goal_page_lists_the_open_vacancies_serving_the_goal(site):
    section = block(site, "sdg/11/")
    assert section.h2.get_text(strip=True) == "Vacatures bij doel 11"
    assert titles(section) == ["Eigen Utm", "Met Query", "Vierde Gedeeld", "Met Anker"]
    assert href(section, "Met Query") == f"https://jobs.example.org/met-query?ref=intern&{UTM}&utm_campaign=sdg-11"


def test_a_vacancy_with_only_a_target_serves_that_targets_goal(site):
    assert titles(block(site, "sdg/7/")) == ["Alleen Subdoel"]


def test_a_goal_without_open_vacancies_shows_no_vacancy_section(site):
    assert block(site, "sdg/14/") is None
    assert block(site, "sdg/2/") is None  # its only vacancy has closed


def test_a_goal_page_shows_six_vacancies_and_links_to_the_rest(site):
    section = block(site, "sdg/13/")
    assert titles(section) == [f"Klimaat {n}" for n in range(1, 7)]
    more = section.select_one("a[href='../../vacancies/?goal=13']")
    assert more.get_text(strip=True) == "Alle 7 vacatures bij doel 13 →"


# The vacancies page


def test_the_vacancies_page_lists_every_open_vacancy_once_with_its_goals(site):
    page = site.content("vacancies/")
    assert page.h1.get_text(strip=True) == "Vacatures"
    items = page.select("li.sdg-vacancy")
    ids = [li["id"] for li in items]
    assert ids == [f"vacancy-{li['data-vacancy']}" for li in items]
    assert len(ids) == len(set(ids)) == 14  # every open vacancy of VACANCIES, the closed one left out
    assert "vacancy-gisteren-gesloten" not in ids
    # Closing soonest first, open-ended ones last.
    assert titles(page)[:3] == ["Sluit Vandaag", "Eigen Utm", "Met Query"]
    badges = {li["id"]: [a["href"] for a in li.select(".sdg-vacancy__goals a.sdg-badge")] for li in items}
    assert badges["vacancy-met-query"] == ["../sdg/11/"]
    assert badges["vacancy-alleen-subdoel"] == ["../sdg/7/"]  # the goal of its target
    # The goal filter: a GET form of the goals that have vacancies, hidden until the script shows it.
    form = page.select_one("form.sdg-vacancy-filters")
    assert form.has_attr("hidden")
    assert [box["value"] for box in form.select("input[name=goal]")] == ["3", "5", "7", "11", "13"]
    assert href(page, "Met Anker") == f"https://jobs.example.org/met-anker?{UTM}&utm_campaign=vacancies#solliciteer"


def test_the_vacancies_page_names_the_stories_that_link_each_vacancy(site):
    page = site.content("vacancies/")
    item = next(li for li in page.select(".sdg-vacancy") if "Sluit Vandaag" in li.get_text())
    assert [(a.get_text(strip=True), a["href"]) for a in item.select(".sdg-vacancy__stories a")] == [
        ("Expliciet", "../stories/expliciet/")
    ]
    # A vacancy that only shares a goal with stories names none.
    item = next(li for li in page.select(".sdg-vacancy") if "Vierde Gedeeld" in li.get_text())
    assert item.select_one(".sdg-vacancy__stories") is None


def test_the_vacancies_page_is_in_the_navigation(site):
    nav = site.soup("vacancies/").select("nav.md-nav--primary a")
    assert any(a.get_text(strip=True) == "Vacatures" for a in nav)


# Expiry and the build date


def test_a_vacancy_closing_on_the_build_date_is_still_shown(site):
    assert "Sluit Vandaag" in titles(block(site, "sdg/3/"))


def test_a_closed_vacancy_is_shown_nowhere(site):
    # Every page a visitor can reach; not the editor (admin/, noindex), whose story form lists every vacancy
    # in the file so that a story still naming a closed one keeps its value when saved.
    pages = [path.read_text("utf-8") for path in site.site.rglob("*.html") if "admin" not in path.parts]
    assert len(pages) > 30
    assert not any("Gisteren Gesloten" in html or "gisteren-gesloten" in html for html in pages)


def test_the_day_after_the_closing_date_the_vacancy_is_gone(next_day):
    """Same folder, SOURCE_DATE_EPOCH one day later (at midnight UTC): the build date moves with it."""
    assert block(next_day, "sdg/3/") is None
    assert "Sluit Vandaag" not in next_day.html("vacancies/")
    assert "Sluit Vandaag" not in next_day.html("stories/expliciet/")
    # The story that names it now gets the warning too.
    assert "stories/2025-01-01-expliciet.md:8: vacancies: 'sluit-vandaag' (Sluit Vandaag) closed on 2025-06-15" in next_day.output  # next_day's site is English


# A story that links a closed vacancy


def test_a_story_linking_a_closed_vacancy_builds_with_a_notice(folder, site):
    source = folder.stories / "2025-01-04-gesloten.md"
    line = next(n for n, text in enumerate(source.read_text("utf-8").splitlines(), 1) if text.startswith("vacancies:"))
    notices = [text for text in site.output.splitlines() if text.startswith("INFO")]
    expected = (
        f"stories/2025-01-04-gesloten.md:{line}: vacancies: 'gisteren-gesloten' (Gisteren Gesloten) is gesloten op "
        "2025-06-14 en wordt niet meer getoond; haal de vacature weg uit vacancies van het verhaal"
    )
    assert [n for n in notices if "vacancies:" in n] == [n for n in notices if expected in n], site.output
    assert len([n for n in notices if expected in n]) == 1, site.output
    assert not [text for text in site.output.splitlines() if "WARNING" in text and "vacancies:" in text]
    # The story is still published; no open vacancy shares its goal 2, so it links the careers page.
    section = block(site, "stories/gesloten/")
    assert titles(section) == []
    assert section.select_one("a")["href"] == f"{CAREERS}?{UTM}&utm_campaign=gesloten"


def test_strict_passes_when_time_closes_a_vacancy(strict):
    # Time passing is no fault of the site: the daily --strict build goes on (model/findings.py).
    assert strict.ok, strict.output
    assert "gisteren-gesloten" in strict.output
    assert "Traceback" not in strict.output


# Campaign settings and language


def test_campaign_source_is_configurable_and_medium_keeps_its_default(next_day):
    section = block(next_day, "sdg/11/")
    assert href(section, "Eigen Utm") == (
        "https://jobs.example.org/eigen-utm?utm_source=linkedin&x=1&utm_medium=website&utm_campaign=sdg-11#form"
    )
    assert href(section, "Met Anker") == (
        "https://jobs.example.org/met-anker?utm_source=intranet&utm_medium=website&utm_campaign=sdg-11#solliciteer"
    )


def test_labels_follow_the_site_language(next_day):
    section = block(next_day, "stories/gedeeld/")
    assert section.h2.get_text(strip=True) == "Want to contribute too?"
    item = section.select(".sdg-vacancy")[0]
    assert [d.get_text(strip=True) for d in item.select("dt")] == ["Closing date"]
    assert item.select_one("time").get_text(strip=True) == "July 1, 2025"
    assert block(next_day, "sdg/11/").h2.get_text(strip=True) == "Vacancies for goal 11"


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """No careers page configured and campaign parameters switched off."""
    project = Project(tmp_path_factory.mktemp("plain"))
    project.write("stories/vacancies.yml", vacancies_file(VACANCIES))
    project.story("2025-01-03-niets.md", title="Niets", goals=[14])
    project.configure(careers_url=None, utm=False)
    build = project.build("--strict", env={"SOURCE_DATE_EPOCH": epoch(BUILD_DAY)})
    assert build.ok, build.output
    return build


def test_without_careers_page_the_fallback_links_the_vacancies_page(plain):
    section = block(plain, "stories/niets/")
    assert "Zelf werken aan opdrachten zoals deze?" in section.get_text()
    assert [a["href"] for a in section.select("a")] == ["../../vacancies/"]


def test_campaign_parameters_can_be_switched_off(plain):
    page = plain.content("vacancies/")
    assert href(page, "Met Query") == "https://jobs.example.org/met-query?ref=intern"
    assert href(page, "Met Anker") == "https://jobs.example.org/met-anker#solliciteer"
    assert "utm_campaign" not in plain.html("vacancies/")
    assert "werkenbij.example.nl" not in plain.html("vacancies/")


def test_without_vacancies_or_careers_page_the_story_says_so(project):
    project.story("2025-01-03-niets.md", title="Niets", goals=[14])
    project.configure(careers_url=None)
    build = project.build("--strict")
    assert build.ok, build.output
    section = block(build, "stories/niets/")
    assert section.select("a") == []
    assert "Er zijn op dit moment geen open vacatures" in section.get_text()
    assert "Er zijn op dit moment geen open vacatures" in build.content("vacancies/").get_text()


# Escaping


def test_vacancy_fields_are_escaped(site):
    for url in ("stories/expliciet/", "sdg/5/", "vacancies/"):
        html = site.html(url)
        assert '<script>alert("vacature")' not in html
        assert "<img src=x" not in html
        assert "<i>Cursief" not in html
        assert "&lt;script&gt;alert(" in html
        soup = site.content(url)
        assert not [s for s in soup.find_all("script") if "vacature" in s.get_text()]
        assert soup.find("img", src="x") is None
    item = next(li for li in site.content("vacancies/").select(".sdg-vacancy") if "alert" in li.get_text())
    assert "<img src=x onerror=alert(1)>" in item.get_text()
    assert "<i>Cursief</i> & meer" in item.get_text()


# Bad settings and bad vacancy data


def test_bad_campaign_and_careers_settings_fail_the_build(project):
    project.configure(utm={"source": "x", "campaign": "y"}, careers_url="javascript:alert(1)")
    build = project.build()
    assert not build.ok
    assert "Traceback" not in build.output
    assert "mkdocs.yml: extra.sdg_stories.utm: moet false zijn, of source en/of medium geven" in build.output
    assert "mkdocs.yml: extra.sdg_stories.careers_url: 'javascript:alert(1)' moet een volledig webadres zijn" in build.output


BAD_VACANCIES = """\
- title: Zonder id
  url: https://jobs.example.org/a
  goals: [1]
- id: zonder-titel
  url: https://jobs.example.org/b
  goals: [1]
- id: zonder-url
  title: Zonder url
  goals: [1]
- id: dubbel
  title: Eerste
  url: https://jobs.example.org/c
  goals: [1]
- id: dubbel
  title: Tweede
  url: https://jobs.example.org/d
  goals: [1]
- id: script-link
  title: Script
  url: javascript:alert(1)
  goals: [1]
- id: relatief
  title: Relatief
  url: /vacatures/relatief
  goals: [1]
- id: zonder-schema
  title: Zonder schema
  url: werkenbij.example.nl/vacatures/x
  goals: [1]
- id: onbekend-doel
  title: Onbekend doel
  url: https://jobs.example.org/e
  goals: [18]
- id: onbekend-subdoel
  title: Onbekend subdoel
  url: https://jobs.example.org/f
  targets: [11.12]
- id: rare-datum
  title: Rare datum
  url: https://jobs.example.org/g
  goals: [1]
  closes: 2025-02-30
- id: geen-doel
  title: Geen doel
  url: https://jobs.example.org/h
"""

BAD_EXPECTED = [
    ("vacancies.yml:1: id:", "is verplicht en ontbreekt"),
    ("vacancies.yml:4: title:", "is verplicht en ontbreekt"),
    ("vacancies.yml:7: url:", "is verplicht en ontbreekt"),
    ("vacancies.yml:14: id:", "'dubbel' komt twee keer voor (ook op regel 10); elke vacature heeft een eigen id nodig"),
    ("vacancies.yml:20: url:", "'javascript:alert(1)' moet een volledig webadres zijn dat begint met https://"),
    ("vacancies.yml:24: url:", "'/vacatures/relatief' moet een volledig webadres zijn dat begint met https://"),
    ("vacancies.yml:28: url:", "'werkenbij.example.nl/vacatures/x' moet een volledig webadres zijn dat begint met https://"),
    ("vacancies.yml:33: goals:", "'18' is geen doel; de doelen zijn de nummers 1 tot en met 17"),
    ("vacancies.yml:37: targets:", "11.12 bestaat niet; doel 11 heeft de subdoelen 11.1, 11.2, 11.3, 11.4, 11.5, 11.6, 11.7, 11.a, 11.b, 11.c"),
    ("vacancies.yml:42: closes:", "2025-02-30 bestaat niet in de kalender"),
    ("vacancies.yml:43: goals:", "een vacature heeft minstens één doel of subdoel nodig"),
    ("2025-01-01-onbekend.md:7: vacancies:", "'dubel' is geen bekende vacature in stories/vacancies.yml (bekend: dubbel"),
    ("2025-01-01-onbekend.md:7: vacancies:", "Bedoelde je dubbel?"),
]


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("bad-vacancies"))
    project.write("stories/vacancies.yml", BAD_VACANCIES)
    project.story("2025-01-01-onbekend.md", goals=[1], vacancies=["dubel"])
    return project.build()


def test_bad_vacancy_data_fails_the_build_without_a_traceback(bad):
    assert not bad.ok
    assert "Traceback" not in bad.output
    assert "problemen in de inhoud; er is niets gebouwd" in bad.output


@pytest.mark.parametrize("where, message", BAD_EXPECTED, ids=[w + m[:20] for w, m in BAD_EXPECTED])
def test_each_bad_vacancy_is_reported_with_file_line_and_field(bad, where, message):
    lines = [line.strip() for line in bad.output.splitlines()]
    assert any(line.startswith(f"stories/{where}") and message in line for line in lines), bad.output


# The merge itself


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://x.nl/job", "https://x.nl/job?utm_source=s&utm_medium=m&utm_campaign=c"),
        ("https://x.nl/job?ref=intern", "https://x.nl/job?ref=intern&utm_source=s&utm_medium=m&utm_campaign=c"),
        ("https://x.nl/job#apply", "https://x.nl/job?utm_source=s&utm_medium=m&utm_campaign=c#apply"),
        ("https://x.nl/job?a=1&b=#apply", "https://x.nl/job?a=1&b=&utm_source=s&utm_medium=m&utm_campaign=c#apply"),
        ("https://x.nl/job?", "https://x.nl/job?utm_source=s&utm_medium=m&utm_campaign=c"),
        ("https://x.nl/job?a=1&", "https://x.nl/job?a=1&utm_source=s&utm_medium=m&utm_campaign=c"),
        # The recruiter's own parameters win and are not repeated; the missing ones are added.
        ("https://x.nl/job?utm_source=linkedin", "https://x.nl/job?utm_source=linkedin&utm_medium=m&utm_campaign=c"),
        ("https://x.nl/job?utm_source=a&utm_medium=b&utm_campaign=z#f", "https://x.nl/job?utm_source=a&utm_medium=b&utm_campaign=z#f"),
        # Existing encoding is kept byte for byte; ours is encoded.
        ("https://x.nl/zoek?q=a%20b&r=%C3%A9", "https://x.nl/zoek?q=a%20b&r=%C3%A9&utm_source=s&utm_medium=m&utm_campaign=c"),
        ("https://x.nl", "https://x.nl?utm_source=s&utm_medium=m&utm_campaign=c"),
        ("https://x.nl/vacatures/x?ref=intern#solliciteer", "https://x.nl/vacatures/x?ref=intern&utm_source=s&utm_medium=m&utm_campaign=c#solliciteer"),
    ],
)
def test_with_campaign_merges_into_query_and_keeps_the_fragment(url, expected):
    assert with_campaign(url, {"source": "s", "medium": "m"}, "c") == expected


def test_with_campaign_encodes_values_and_can_be_off():
    assert merge_query("https://x.nl/", {"utm_campaign": "a b&c"}) == "https://x.nl/?utm_campaign=a+b%26c"
    assert with_campaign("https://x.nl/job?a=1#f", None, "c") == "https://x.nl/job?a=1#f"
    merged = with_campaign("https://x.nl/job?utm_source=a", {"source": "s", "medium": "m"}, "c")
    assert [key for key, _ in parse_qsl(urlsplit(merged).query)].count("utm_source") == 1


@pytest.mark.parametrize(
    "closes, is_shown", [(None, True), (BUILD_DAY + dt.timedelta(days=1), True), (BUILD_DAY, True), (BUILD_DAY - dt.timedelta(days=1), False)]
)
def test_open_up_to_and_including_the_closing_day(closes, is_shown):
    vacancy = Vacancy(id="v", title="V", url="https://x.nl/", goals=(1,), targets=(), closes=closes)
    assert is_open(vacancy, BUILD_DAY) is is_shown


# The repository's own example content


def test_example_site_hides_the_closed_traineeship(example_site):
    assert "traineeship-duurzame-ontwikkeling" not in example_site.html("vacancies/")
    assert "Traineeship" not in example_site.html("sdg/17/")
    section = block(example_site, "stories/jongeren-aan-het-werk/")
    assert titles(section)[0] == "Adviseur Arbeidsmarkt en Inclusie"
    assert href(section, "Adviseur Arbeidsmarkt en Inclusie") == (
        "https://werkenbij.example.nl/vacatures/adviseur-arbeidsmarkt-inclusie"
        f"?{UTM}&utm_campaign=jongeren-aan-het-werk#solliciteer"
    )
    assert re.search(r"Vacatures bij doel 16", example_site.html("sdg/16/"))


# `sdg-stories vacancies`: the recruiters' report


def sdg_stories(cwd, *args: str, day: dt.date = BUILD_DAY):
    import os
    import subprocess
    import sys

    from project import ROOT

    environment = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"), SOURCE_DATE_EPOCH=epoch(day))
    return subprocess.run([sys.executable, "-m", "sdg_stories.cli.main", *args], cwd=cwd,
                          capture_output=True, text=True, env=environment, timeout=120)


@pytest.fixture(scope="module")
def report(folder, site):
    import json

    result = sdg_stories(folder.root, "vacancies", "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_report_lists_every_vacancy_of_the_file_with_its_status(report):
    ids = re.findall(r"^- id: (\S+)", VACANCIES, re.M)
    assert [line["id"] for line in report["vacancies"]] == ids
    assert report["date"] == BUILD_DAY.isoformat()
    status = {line["id"]: line["status"] for line in report["vacancies"]}
    assert status["sluit-vandaag"] == "closing-soon"  # closes on the build day
    assert status["eigen-utm"] == "open"  # 16 days to go
    assert status["vierde-gedeeld"] == "open"
    assert status["gisteren-gesloten"] == "closed"
    assert status["met-anker"] == "no-closing-date"


def test_the_report_names_the_pages_that_show_each_vacancy_as_built(report, site):
    """Every page the report names shows the vacancy (not held hidden), and every page that shows it is named."""
    shown: dict[str, set[str]] = {}
    for path in site.site.rglob("index.html"):
        url = path.parent.relative_to(site.site).as_posix() + "/"
        content = site.content(url) if url != "./" else None
        for li in content.select("li.sdg-vacancy:not([hidden])") if content else ():
            shown.setdefault(li["data-vacancy"], set()).add(url)
    for line in report["vacancies"]:
        urls = [page["url"] for page in line["pages"]]
        assert len(urls) == len(set(urls)), line
        assert set(urls) == shown.get(line["id"], set()), line["id"]
    sluit = next(line for line in report["vacancies"] if line["id"] == "sluit-vandaag")
    # The story naming it first, then the goal page, then the vacancies page.
    assert sluit["pages"] == [
        {"url": "stories/expliciet/", "why": "named"}, {"url": "sdg/3/", "why": "goal"},
        {"url": "vacancies/", "why": "listing"},
    ]
    closed = next(line for line in report["vacancies"] if line["id"] == "gisteren-gesloten")
    assert closed["pages"] == [] and closed["named_by"] == ["stories/2025-01-04-gesloten.md"]


# The report in the project's language: every word of the text from the catalogue, the JSON's keys and
# status names the same in both.
REPORT_TEXT = {
    "nl": [
        "sluit-vandaag: Sluit Vandaag\n  status: sluit binnenkort, op 2025-06-15\n  doelen: 3\n"
        "  getoond op stories/expliciet/ (het verhaal noemt de vacature)\n  getoond op sdg/3/ (deelt een doel)\n"
        "  getoond op vacancies/ (de vacaturepagina)\n",
        "gisteren-gesloten: Gisteren Gesloten\n  status: gesloten, sloot op 2025-06-14\n  doelen: 11\n  nergens getoond\n"
        "  nog genoemd in stories/2025-01-04-gesloten.md: haal de vacature weg uit vacancies van het verhaal\n",
        "met-query: Met Query\n  status: open, sluit op 2025-12-31\n",
        "met-anker: Met Anker\n  status: open, geen sluitingsdatum\n",
        "\n\n15 vacatures op 2025-06-15: 3 open, 1 sluit binnenkort, 1 gesloten, 10 zonder sluitingsdatum.\n",
    ],
    "en": [
        "sluit-vandaag: Sluit Vandaag\n  status: closing soon, closes 2025-06-15\n  goals: 3\n"
        "  shown on stories/expliciet/ (the story names it)\n  shown on sdg/3/ (shares a goal)\n"
        "  shown on vacancies/ (the vacancies page)\n",
        "gisteren-gesloten: Gisteren Gesloten\n  status: closed, closed on 2025-06-14\n  goals: 11\n  shown nowhere\n"
        "  still named by stories/2025-01-04-gesloten.md: take it out of the story's vacancies\n",
        "met-query: Met Query\n  status: open, closes 2025-12-31\n",
        "met-anker: Met Anker\n  status: open, no closing date\n",
        "\n\n15 vacancies on 2025-06-15: 3 open, 1 closing soon, 1 closed, 10 without closing date.\n",
    ],
}


@pytest.fixture(scope="module", params=["nl", "en"])
def in_language(request, tmp_path_factory) -> tuple[str, Project]:
    """The report's folder in one language; the report reads the files, it needs no build."""
    project = Project(tmp_path_factory.mktemp(f"report-{request.param}"))
    _write_stories(project)
    project.configure(theme__language=request.param)
    return request.param, project


def test_the_report_reads_as_text_in_the_projects_language_and_exits_0(in_language):
    language, project = in_language
    result = sdg_stories(project.root, "vacancies")
    assert result.returncode == 0, result.stderr
    for text in REPORT_TEXT[language]:
        assert text in result.stdout, result.stdout
    other = REPORT_TEXT["en" if language == "nl" else "nl"]
    assert not any(text in result.stdout for text in other), result.stdout


def test_the_json_report_keeps_its_english_keys_and_status_names_in_every_language(in_language):
    import json

    language, project = in_language
    result = sdg_stories(project.root, "vacancies", "--format", "json")
    assert result.returncode == 0, result.stderr
    lines = json.loads(result.stdout)["vacancies"]
    assert {line["id"]: line["status"] for line in lines}["sluit-vandaag"] == "closing-soon"
    assert {line["status"] for line in lines} == {"open", "closing-soon", "closed", "no-closing-date"}
    assert {page["why"] for line in lines for page in line["pages"]} == {"named", "goal", "listing"}


@pytest.mark.parametrize("language, words", [
    ("nl", ["Voor recruiters: elke vacature", "Voorbeelden:", "Opties:", "elk met id, title, status"]),
    ("en", ["For recruiters: every vacancy", "Examples:", "Options:", "each with id, title, status"]),
])
def test_the_report_explains_itself_in_the_projects_language(project, language, words):
    project.configure(theme__language=language)
    result = sdg_stories(project.root, "vacancies", "--help")
    assert result.returncode == 0, result.stderr
    for word in words:
        assert word in result.stdout, result.stdout


def test_the_report_on_a_broken_file_gives_the_builds_messages(bad):
    result = sdg_stories(bad.site.parent, "vacancies", "--format", "json")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout == ""
    build_lines = {line.strip() for line in bad.output.splitlines() if line.strip().startswith("stories/")}
    assert build_lines and build_lines == {line.strip() for line in result.stderr.splitlines()[:-1]}
    # The build's site is Dutch, and so is the line after its messages.
    assert result.stderr.splitlines()[-1] == f"{len(build_lines)} problemen; verbeter ze om de vacatures te zien."
