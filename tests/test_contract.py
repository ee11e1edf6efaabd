"""The story contract's finer points: targets as written, pagination, the site language, drafts in serve."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def test_unquoted_two_digit_targets_are_read_as_written(project):
    project.raw_story(
        "2024-01-01-handel.md",
        "---\ntitle: Handel\ndate: 2024-01-01\nadviser: anna-de-vries\nsummary: S\n"
        "targets: [17.10, 17.1, 16.10]\n---\nTekst\n",
    )
    build = project.build("--strict")
    assert build.ok, build.output
    chips = [chip.get_text(" ", strip=True) for chip in build.content("stories/handel/").select(".sdg-contributions .sdg-chip")]
    # The first written quoted on top (the one the story serves most), the others in the UN's order.
    assert chips == ["Subdoel 17.10", "Subdoel 16.10", "Subdoel 17.1"]
    goals = [badge["href"] for badge in build.content("stories/handel/").select(".sdg-story__header .sdg-badge")]
    assert goals == ["../../sdg/16/", "../../sdg/17/"], "each target implies its goal"


def test_unquoted_11_10_is_not_silently_read_as_11_1(project):
    project.raw_story(
        "2024-01-01-stad.md",
        "---\ntitle: Stad\ndate: 2024-01-01\nadviser: anna-de-vries\nsummary: S\ntargets: [11.10, 11.a]\n---\nTekst\n",
    )
    build = project.build()
    assert not build.ok
    assert "stories/2024-01-01-stad.md:6: targets: 11.10 bestaat niet; doel 11 heeft de subdoelen 11.1," in build.output


def test_listings_are_paginated_at_the_configured_size(project):
    project.configure(page_size=2)
    for day in range(1, 6):
        project.story(f"2024-01-0{day}-verhaal-{day}.md", title=f"Verhaal {day}", date=f"2024-01-0{day}", goals=[3])
    build = project.build("--strict")
    assert build.ok, build.output
    for base in ("stories/", "sdg/3/", "advisers/anna-de-vries/"):
        first, second, third = (build.content(url) for url in (base, f"{base}page/2/", f"{base}page/3/"))
        assert [a.get_text() for a in first.select(".sdg-card__title a")] == ["Verhaal 5", "Verhaal 4"]
        assert [a.get_text() for a in third.select(".sdg-card__title a")] == ["Verhaal 1"]
        assert not build.exists(f"{base}page/4/")
        assert first.select_one('a[rel="next"]')["href"] == "page/2/"
        assert second.select_one('a[rel="prev"]')["href"] == "../../"
        assert second.select_one('a[aria-current="page"]').get_text(strip=True).endswith("2")
    assert not build.exists("stories/page/1/"), "page 1 lives at the plain URL"
    assert build.content("sdg/3/page/2/").select_one(".sdg-target-list") is None


def test_english_site_uses_english_texts_everywhere(project):
    project.configure(theme__language="en")
    project.story("2024-01-01-city.md", title="A safe square", targets=["11.7"], goals=None)
    build = project.build("--strict")
    assert build.ok, build.output
    soup = build.soup("sdg/11/")
    assert soup.html["lang"] == "en"
    page = build.content("sdg/11/")
    assert page.h1.get_text(strip=True) == "Goal 11: Sustainable cities and communities"
    assert "Make cities and human settlements inclusive, safe, resilient and sustainable" in page.get_text()
    assert "Stories about goal 11" in page.get_text()
    story = build.content("stories/city/")
    assert "Back to all stories" in story.get_text()
    assert "April 5, 2024" in story.get_text()


def test_story_language_is_marked_for_screen_readers(example_site):
    page = example_site.content("stories/inclusive-procurement/")
    assert page.h1["lang"] == "en"
    assert page.select_one(".sdg-story__body")["lang"] == "en"


def test_story_without_image_and_adviser_without_photo(example_site):
    page = example_site.content("stories/gezonde-schoolgebouwen/")
    assert page.select_one(".sdg-adviser__photo--initials").get_text(strip=True) == "WK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.serve
def test_mkdocs_serve_shows_drafts_with_a_banner(project):
    project.story("2024-01-01-concept.md", title="Nog niet af", draft=True)
    project.story("2024-01-02-af.md", title="Wel af")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    try:
        html = None
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/stories/concept/", timeout=2) as response:
                    html = response.read().decode()
                break
            except OSError:
                time.sleep(0.25)
        assert html is not None, "mkdocs serve did not answer"
        assert "sdg-draft-banner" in html and "wordt niet gepubliceerd" in html
    finally:
        server.terminate()
        server.wait(timeout=10)
    build = project.build("--strict")
    assert build.ok and not build.exists("stories/concept/") and build.exists("stories/af/")
