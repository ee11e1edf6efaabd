"""No injection: hostile values either make the build refuse them with a writer's message, or are
published as text. No generated page carries a script, an event handler or a script URL from data.

Two builds: ``nasty_site`` (conftest.py; hostile values that are valid content, built with --strict) and
``refused`` (values the validation must refuse, each with file, line and message, before any output).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from material import templates as material_templates

from nasty_content import all_payloads
from project import Build, Project

_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "cite", "background", "srcset", "ping"}
_SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
# Script elements browsers do not run: the search dialog's result template (templates/search.html),
# which Pagefind's component UI fills in the browser.
_TEMPLATE_TYPES = ("text/pagefind-template",)
# The base URL Material writes into its inline script differs per page: "..", "../..", "/".
_MATERIAL_SCOPE = re.compile(r'new URL\("[./]*",location\)')


def _material_inline_scripts() -> set[str]:
    """The inline scripts Material's own templates write, read from the installed theme."""
    folder = Path(material_templates.__file__).parent / "partials" / "javascripts"
    scripts = set()
    for template in folder.glob("*.html"):
        for body in re.findall(r"<script>(.*?)</script>", template.read_text(), re.S):
            scripts.add(_MATERIAL_SCOPE.sub('new URL("",location)', re.sub(r"\{\{.*?\}\}", "", body)))
    return scripts


MATERIAL_INLINE = _material_inline_scripts()


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text of every <script>, as a browser would split them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str], int]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._script: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attributes, self.getpos()[0]))
        if tag == "script":
            self._script = attributes
            self.scripts.append((attributes, ""))

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self.scripts[-1] = (self._script, self.scripts[-1][1] + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None


def unsafe_markup(html: str, page: str, site: Path) -> list[str]:
    """Scripts not on the allowlist, event handlers and script URLs in one page."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    found = []
    if html.lower().count("<script") != len(parser.scripts):
        found.append(f"{page}: '<script' appears {html.lower().count('<script')} times, as an element {len(parser.scripts)} times")
    for attributes, text in parser.scripts:
        problem = _unknown_script(attributes, text, page, site)
        if problem:
            found.append(f"{page}: {problem}")
    for tag, attributes, line in parser.tags:
        for name, value in attributes.items():
            if name.startswith("on"):
                found.append(f"{page}:{line}: <{tag} {name}=...>")
            squeezed = _INVISIBLE.sub("", value).lower()
            scheme = _SCHEME.match(squeezed)
            if name in _URL_ATTRIBUTES and scheme and not squeezed.startswith(_SAFE_SCHEMES):
                found.append(f"{page}:{line}: <{tag} {name}={value[:60]!r}>")
    return found


def _unknown_script(attributes: dict[str, str], text: str, page: str, site: Path) -> str | None:
    """None for the scripts the theme and the project write: everything else is an injection."""
    if "src" in attributes:
        # Files the theme, docs/assets or the search bundle ship; never a story asset, never another host.
        src = attributes["src"].split("?")[0]
        # 404.html links from the root of site_url ("/assets/..."): it is served at any depth.
        target = site / src.lstrip("/") if src.startswith("/") else (site / page).parent / src
        relative = target.resolve().relative_to(site.resolve()).as_posix() if target.resolve().is_relative_to(site.resolve()) else None
        # admin/: the web editor (vendored Decap CMS and sdg-editor.js), files of the package, never content.
        if relative and relative.startswith(("assets/javascripts/", "pagefind/", "admin/")) and target.is_file() and not text.strip():
            return None
        return f"script src={attributes['src']!r}"
    kind = attributes.get("type", "")
    if kind in _TEMPLATE_TYPES:
        return None  # not run by browsers; that it holds no data is test_result_templates_hold_no_data
    if kind in ("application/json", "application/ld+json"):
        try:
            json.loads(text)
        except ValueError:
            return f"<script type={kind}> that is not JSON: {text[:80]!r}"
        return None
    if _MATERIAL_SCOPE.sub('new URL("",location)', text) in MATERIAL_INLINE:
        return None
    return f"inline script {text[:80]!r}"


def _pages(site: Path) -> list[tuple[str, str]]:
    return [(path.relative_to(site).as_posix(), path.read_text("utf-8")) for path in sorted(site.rglob("*.html"))]


# The allowlist itself

def test_the_example_site_writes_only_allowed_scripts(example_site: Build) -> None:
    pages = _pages(example_site.site)
    assert not [problem for page, html in pages for problem in unsafe_markup(html, page, example_site.site)]


def test_the_checks_catch_what_they_look_for(tmp_path: Path) -> None:
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts" / "ok.js").write_text("")
    cases = {
        "<script>alert(1)</script>": "inline script",
        "<script src=https://evil.example/x.js></script>": "script src",
        "<script src=stories/x.js></script>": "script src",
        '<script type="application/ld+json">{"a": 1}</script><script>alert(1)</script>': "inline script",
        '<script type="application/ld+json">}</script>': "that is not JSON",
        "<img src=x onerror=alert(1)>": "<img onerror",
        '<a href="  JaVa\tScRiPt:alert(1)">x</a>': "<a href=",
        '<iframe src="data:text/html,x"></iframe>': "<iframe src=",
        "<p>&lt;script&gt;</p><SCRIPT >alert(1)</SCRIPT>": "inline script",
        "<!-- <script>alert(1)</script> -->": "'<script' appears",  # in a comment: still a leak
    }
    for html, expected in cases.items():
        found = unsafe_markup(html, "x.html", tmp_path)
        assert any(expected in problem for problem in found), (html, found)
    assert unsafe_markup('<script src="assets/javascripts/ok.js"></script><a href="mailto:a@b.nl">m</a>', "x.html", tmp_path) == []


def test_result_templates_hold_no_data(example_site: Build, nasty_site: Build) -> None:
    """The one non-JavaScript script type allowed is the same text on every page of a site: no page's data."""
    for site in (example_site.site, nasty_site.site):
        texts = set()
        for page, html in _pages(site):
            parser = _Elements()
            parser.feed(html)
            texts |= {text for attributes, text in parser.scripts if attributes.get("type") in _TEMPLATE_TYPES}
        assert len(texts) == 1, texts  # the search dialog's, on every page of a site with stories


# Hostile values that are valid content: published as text

def test_no_page_carries_a_script_handler_or_script_url_from_data(nasty_site: Build) -> None:
    pages = _pages(nasty_site.site)
    assert len(pages) > 40
    problems = [problem for page, html in pages for problem in unsafe_markup(html, page, nasty_site.site)]
    assert not problems, "\n".join(problems[:30])


def test_no_payload_appears_unescaped_in_any_page(nasty_site: Build) -> None:
    pages = _pages(nasty_site.site)
    raw = [payload for payload in all_payloads() if "<" in payload and len(payload) > 3]
    assert len(raw) > 10
    leaks = [(page, payload) for page, html in pages for payload in raw if payload in html]
    assert not leaks, leaks[:10]


def test_titles_names_and_vacancies_are_shown_as_the_text_typed(nasty_site: Build) -> None:
    payloads = all_payloads()
    for index, payload in enumerate(payloads):
        title = " ".join(payload[:200].split())
        assert nasty_site.content(f"stories/verhaal-{index}/").select_one("h1").get_text() == title, index
        head = nasty_site.soup(f"stories/verhaal-{index}/").select_one("title").get_text()
        assert head.startswith(title), (head, title)
    adviser = nasty_site.content("advisers/adviseur-1/")
    assert " ".join(payloads[1][:120].split()) in adviser.get_text()
    vacancies = nasty_site.content("vacancies/")
    for payload in payloads[:10]:
        assert " ".join(payload[:200].split()) in vacancies.get_text()


def test_json_ld_carries_the_title_as_data(nasty_site: Build) -> None:
    scripts = nasty_site.soup("stories/verhaal-4/").select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    assert json.loads(scripts[0].string)["headline"] == " ".join(all_payloads()[4].split())  # '</script><script>...'


def test_feeds_and_open_data_parse_and_carry_the_titles_as_text(nasty_site: Build) -> None:
    titles = {" ".join(payload[:200].split()) for payload in all_payloads()}
    feeds = sorted(nasty_site.site.rglob("*.xml"))
    assert any(path.name == "feed.xml" for path in feeds)
    for path in feeds:
        ET.parse(path)  # well-formed, whatever the titles held
    atom = ET.parse(nasty_site.site / "feed.xml").getroot()
    feed_titles = {entry.findtext("{http://www.w3.org/2005/Atom}title") for entry in atom.iter("{http://www.w3.org/2005/Atom}entry")}
    assert feed_titles <= titles and len(feed_titles) >= min(len(titles), 20)
    for path in sorted(nasty_site.site.rglob("*.json")):
        json.loads(path.read_text("utf-8"))
    stories = json.loads((nasty_site.site / "stories.json").read_text("utf-8"))
    assert {story["title"] for story in stories["stories"]} == titles


# Hostile values the validation refuses: the writer is told where, and nothing is built

REFUSED_BODIES = {
    "2024-01-01-script.md": ("Inleiding.\n\n<script>alert(1)</script>\n", 11, "bevat <script>"),
    "2024-01-02-link.md": ("Zie [hier](javascript:alert(document.cookie)).\n", 9, "een link begint met 'javascript:'"),
    "2024-01-03-handler.md": ("Tekst.\n\n<img src=x onerror=alert(1)>\n", 11, "het attribuut onerror="),
    "2024-01-04-attr-list.md": ("## Kop {: onclick=\"alert(1)\" }\n", 9, "het attribuut onclick="),
    "2024-01-05-iframe.md": ("<iframe src=\"https://evil.example\"></iframe>\n", 9, "bevat <iframe>"),
}


@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Project]:
    project = Project(tmp_path_factory.mktemp("refused"))
    for name, (body, _, _) in REFUSED_BODIES.items():
        project.story(name, body=body, title="Verhaal")
    project.story("2024-02-01-controle.md", title="Titel met \x1b[31m een escape")
    project.story("2024-02-02-beeld.md", image="javascript:alert(1)", image_alt="x")
    project.write("stories/vacancies.yml", "- id: slecht\n  title: Slecht\n  url: javascript:alert(1)\n  goals: [11]\n"
                  "- id: ook-slecht\n  title: Ook slecht\n  url: 'https://a.example/\"><script>alert(1)</script>'\n  goals: [11]\n")
    project.write("stories/advisers.yml", "anna-de-vries:\n  name: Anna\n  role: Adviseur\n  photo: javascript:alert(1)\n")
    project.write("site/previous.html", "the site as it was")
    return project.build(), project


def test_refused_content_names_file_line_and_reason(refused: tuple[Build, Project]) -> None:
    build, _ = refused
    assert not build.ok and "Traceback" not in build.output
    for name, (_, line, message) in REFUSED_BODIES.items():
        assert re.search(rf"stories/{re.escape(name)}:{line}: .*{re.escape(message)}", build.output), (name, build.output)
    assert re.search(r"stories/2024-02-01-controle\.md:\d+: title: bevat een stuurteken", build.output)
    assert re.search(r"stories/2024-02-02-beeld\.md:\d+: image: 'javascript:alert\(1\)' moet een pad", build.output)
    assert re.search(r"stories/vacancies\.yml:3: url: 'javascript:alert\(1\)' moet een volledig webadres zijn", build.output)
    assert re.search(r"stories/vacancies\.yml:7: url: .* moet een volledig webadres zijn", build.output)
    assert "stories/advisers.yml" in build.output and "photo" in build.output


def test_refused_content_leaves_the_previous_site(refused: tuple[Build, Project]) -> None:
    build, _ = refused
    assert [path.name for path in build.site.iterdir()] == ["previous.html"]
    assert (build.site / "previous.html").read_text() == "the site as it was"
