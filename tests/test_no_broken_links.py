"""No broken links: LinkChecker crawls the example site from its home page over HTTP on 127.0.0.1 and finds
no broken internal link or anchor (the target anchors on goal pages included). External links are not
followed (``checkextern=0``): the check must not depend on, or knock on, other people's servers.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from link_checker import Broken, check, serve
from project import Build

pytestmark = pytest.mark.validator

# Served beside the site, from memory: one broken page link and one broken anchor, so a run that
# checks nothing (AnchorCheck not loaded, nothing crawled) fails instead of passing.
CANARY_PATH = "/canary-for-the-link-checker.html"
CANARY = """<!doctype html><html lang="nl"><title>canary</title>
<a href="sdg/11/#target-11-99">no such target</a>
<a href="no-such-page/">no such page</a>
<a href="sdg/11/#target-11-7">a good target</a>
"""


@pytest.fixture(scope="module")
def broken(example_site: Build, tmp_path_factory: pytest.TempPathFactory) -> list[Broken]:
    with serve(example_site.site, extra={CANARY_PATH: CANARY}) as base:
        return check([base, base + CANARY_PATH.lstrip("/")], tmp_path_factory.mktemp("linkchecker"))


def _from_canary(broken: list[Broken]) -> list[Broken]:
    return [link for link in broken if link.parent.endswith(CANARY_PATH)]


def test_the_checker_finds_a_broken_anchor_and_a_broken_page(broken: list[Broken]) -> None:
    found = {link.url: link.problem for link in _from_canary(broken)}
    assert set(found) == {"sdg/11/#target-11-99", "no-such-page/"}, found
    assert "Anchor `target-11-99' (decoded: `target-11-99') not found" in found["sdg/11/#target-11-99"]
    assert "404" in found["no-such-page/"]


def test_the_example_site_has_no_broken_link_or_anchor(broken: list[Broken]) -> None:
    site = [link for link in broken if link not in _from_canary(broken)]
    assert not site, "\n".join(map(str, site))


def test_every_target_chip_points_at_an_anchor_that_exists(example_site: Build) -> None:
    """What LinkChecker checks, counted: the site does link to target anchors on goal pages."""
    chips = [
        (page, a["href"])
        for page in sorted(Path(example_site.site, "stories").glob("*/index.html"))
        for a in example_site.soup(page.relative_to(example_site.site).as_posix()).select('a[href*="#target-"]')
    ]
    assert len(chips) >= 10
    for page, href in chips:
        path, anchor = href.split("#")
        target = (page.parent / path / "index.html").resolve()
        assert f'id="{anchor}"' in target.read_text("utf-8"), (page, href)


def test_every_absolute_address_of_the_site_leads_to_a_published_file(example_site: Build) -> None:
    """Sitemap, feeds, open data, canonical and OpenGraph addresses are absolute (site_url), so the crawl
    above leaves them alone as external: each must still name a file the build published."""
    site_url = "https://verhalen.example.nl/"
    pattern = re.compile(re.escape(site_url) + r"[^\s\"'<>\\)&]*")  # & ends it: "&quot;" in HTML text
    found: dict[str, set[str]] = {}
    for path in sorted(example_site.site.rglob("*")):
        if path.suffix in (".html", ".xml", ".json") and path.is_file():
            for url in pattern.findall(path.read_text("utf-8")):
                found.setdefault(url, set()).add(path.relative_to(example_site.site).as_posix())
    assert len(found) > 50
    missing = []
    for url, sources in sorted(found.items()):
        relative = unquote(urlsplit(url).path)[1:]
        target = example_site.site / relative / "index.html" if relative.endswith("/") or not relative else example_site.site / relative
        if not target.is_file():
            missing.append(f"{url} (in {', '.join(sorted(sources)[:3])})")
    assert not missing, "\n".join(missing)
