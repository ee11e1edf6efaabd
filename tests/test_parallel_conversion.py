"""`mkdocs build` converts the generated pages' Markdown and renders pages with the theme in two processes
(mkdocs_two_cores.ParallelConversions, ParallelPages); the site and what the build reports are exactly those
of a build in one process (SDG_STORIES_PARALLEL=0)."""

from __future__ import annotations

import re

import yaml

from project import Project

STORIES = 48  # above mkdocs_two_cores.MIN_PAGES, so the second process takes part


def _write_site(project: Project) -> None:
    # Newest first is the order MkDocs reads them: the second process takes the oldest ones.
    for n in range(STORIES):
        day = f"2024-{1 + n // 28:02d}-{1 + n % 28:02d}"
        body = f"## Aanpak {n}\n\nDe gemeente werkt samen aan opgave {n}.\n\n- punt een\n- punt twee\n"
        if n == 0:  # the oldest: a broken link and a link to an anchor that does not exist
            body += "\nZie [weg](bestaat-niet.md) en [de nieuwste](2024-02-20-s47.md#bestaat-niet).\n"
        if n == 1:  # a link to an anchor that exists, on a page the first process converts
            body += "\nZie [de nieuwste](2024-02-20-s47.md#aanpak-47).\n"
        if n == STORIES - 1:  # the newest links back to the oldest's anchor
            body += "\nZie [de oudste](2024-01-01-s0.md#aanpak-0).\n"
        project.story(f"{day}-s{n}.md", body, title=f"Verhaal {n}", date=day, goals=[1 + n % 17])
    project.story("2023-12-31-concept.md", "Nog niet af.\n", title="Concept", date="2023-12-31", draft=True)


def _pages(build) -> dict[str, bytes]:
    return {str(path.relative_to(build.site)): path.read_bytes() for path in sorted(build.site.rglob("*.html"))}


def _warnings(output: str) -> list[str]:
    return sorted(line for line in output.splitlines() if line.startswith("WARNING"))


def test_two_processes_build_the_same_site_and_report_the_same_warnings(project: Project) -> None:
    _write_site(project)
    epoch = {"SOURCE_DATE_EPOCH": "1780272000"}
    together = project.build(env={**epoch, "SDG_STORIES_PARALLEL": "1"}, site="parallel")
    alone = project.build(env={**epoch, "SDG_STORIES_PARALLEL": "0"}, site="sequential")
    assert together.ok and alone.ok, together.output + alone.output
    assert _pages(together) == _pages(alone)
    warnings = _warnings(together.output)
    assert warnings == _warnings(alone.output)
    # Reported once each (not by the second process as well), whichever process converted the story.
    assert len([w for w in warnings if "bestaat-niet.md" in w]) == 1, warnings
    assert len([w for w in warnings if "'#bestaat-niet'" in w]) == 1, warnings
    assert not any("aanpak-0" in w or "aanpak-47" in w for w in warnings), warnings
    oldest = together.content("stories/s0/")
    assert oldest.select_one("h2#aanpak-0") and oldest.select_one('a[href="../s47/#bestaat-niet"]')
    assert not together.exists("stories/concept/")


def test_strict_fails_on_a_warning_from_the_second_process(project: Project) -> None:
    _write_site(project)
    build = project.build("--strict", env={"SOURCE_DATE_EPOCH": "1780272000"})
    assert not build.ok
    assert re.search(r"Aborted with \d+ warnings in strict mode", build.output), build.output


_SLOW_FIRST_PROCESS = '''
import os
import time

_FIRST = os.getpid()  # the build's own process; the fork that converts from the back has another


def on_page_markdown(markdown, page, config, files):
    if os.getpid() == _FIRST:
        time.sleep(0.03)
    return markdown


def on_page_context(context, page, config, nav):
    if os.getpid() == _FIRST:
        time.sleep(0.03)
    return context
'''


def test_the_second_process_keeps_converting_while_the_first_is_busy(project: Project) -> None:
    """The fork sends each conversion through a pipe that holds only a few; unless the first process
    takes them in as they come, the fork stops after those few and the first converts all the rest."""
    body = "## Aanpak\n\n" + "De gemeente werkt met bewoners aan veilige straten in de wijk. " * 60 + "\n"
    for n in range(STORIES):
        day = f"2024-{1 + n // 28:02d}-{1 + n % 28:02d}"
        project.story(f"{day}-s{n}.md", body, title=f"Verhaal {n}", date=day)
    project.write("hooks/slow_first_process.py", _SLOW_FIRST_PROCESS)
    config = yaml.safe_load((project.root / "mkdocs.yml").read_text("utf-8"))
    config["hooks"].append("hooks/slow_first_process.py")
    (project.root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    build = project.build("-v", env={"SOURCE_DATE_EPOCH": "1780272000", "SDG_STORIES_PARALLEL": "1"})
    assert build.ok, build.output
    found = re.search(r"Markdown of (\d+) of (\d+) generated pages converted by a second process", build.output)
    assert found, build.output[-3000:]
    converted, generated = int(found[1]), int(found[2])
    assert generated > STORIES  # the stories and the listings
    # The first process takes 30 ms a page here; the fork, unhindered, takes far more than half of them.
    assert converted > generated // 2, found[0]
    # Likewise when the pages are rendered with the theme.
    found = re.search(r"(\d+) of (\d+) pages rendered by a second process", build.output)
    assert found, build.output[-3000:]
    assert int(found[1]) > int(found[2]) // 2, found[0]
