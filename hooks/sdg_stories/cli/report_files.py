"""What ``sdg-stories report`` writes: a year's figures as CSV and JSON for a spreadsheet, or the year's report
page printed to an A4 PDF by Debian's Chromium.

The figures come from model/year_report.py on the Site the build makes, so the files and the published
page agree. The PDF is the built page itself (pages/reports.py, report.css's print rules): the site is
built with the real `mkdocs build` in a child process (the tool does not import MkDocs) into a temporary
folder, never into site/, and Chromium prints that page from disk, reaching no network.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from sdg_stories.cli.project_config import ProjectConfig
from sdg_stories.content.folder import ContentFolder, load_content
from sdg_stories.content.messages import Messages
from sdg_stories.model.site import Site
from sdg_stories.model.year_report import report_figures, report_years, year_report
from sdg_stories.pages.reports import report_url, reports_url
from sdg_stories.sdg.goals import load_framework

# Where Debian, Ubuntu and others put Chromium; PATH is asked first.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-pdf-header-footer",
)


class ReportRefused(Exception):
    """A sentence for the writer: no stories that year, no Chromium, a build that failed."""


def load_site(project: ProjectConfig) -> Site:
    """Raises ContentError with every problem, as the build would."""
    framework = load_framework()
    content = load_content(ContentFolder(project.stories_path, project.settings.stories_dir), framework,
                           project.settings.language)
    return Site(content, framework.reworded(content.wording), project.settings)


def check_year(site: Site, year: int, msg: Messages) -> None:
    years = report_years(site)
    if year not in years:
        shown = ", ".join(str(y) for y in sorted(years)) or msg("cli.report.no-years")
        raise ReportRefused(msg("cli.report.no-stories", year=year, years=shown))


def file_stem(site: Site, year: int) -> str:
    """"verslag-2025" on a Dutch site, "report-2025" on an English one: the word of the page's address."""
    return f"{reports_url(site).strip('/')}-{year}"


def figures_json(site: Site, year: int) -> str:
    return json.dumps(report_figures(site, year_report(site, year)), ensure_ascii=False, indent=2) + "\n"


def figures_csv(site: Site, year: int, msg: Messages) -> str:
    """One row a goal. Semicolons on a Dutch site: Dutch spreadsheets read a comma as the decimal sign."""
    figures = report_figures(site, year_report(site, year))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if site.language == "nl" else ",", lineterminator="\n")
    writer.writerow(msg("cli.report.csv-columns").split("|"))
    for goal in figures["by_goal"]:
        targets = [target["target"] for target in goal["targets"]]
        writer.writerow([goal["goal"], goal["name"], goal["stories"], len(targets), " ".join(targets)])
    return out.getvalue()


def write_figures(site: Site, year: int, folder: Path, msg: Messages) -> list[Path]:
    stem = file_stem(site, year)
    written = []
    for path, text, encoding in (
        # With a byte order mark: without one, Excel reads UTF-8 as Windows-1252 ("BeÃ¯nvloeden").
        (folder / f"{stem}.csv", figures_csv(site, year, msg), "utf-8-sig"),
        (folder / f"{stem}.json", figures_json(site, year), "utf-8"),
    ):
        path.write_text(text, encoding)
        written.append(path)
    return written


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def write_pdf(project: ProjectConfig, site: Site, year: int, pdf: Path, msg: Messages) -> None:
    chromium = find_chromium()
    if chromium is None:
        raise ReportRefused(msg("cli.report.no-chromium", page=report_url(site, year)))
    with tempfile.TemporaryDirectory(prefix="sdg-report-") as folder:
        built = Path(folder) / "site"
        build = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project.config_file), "-d", str(built)],
            cwd=project.root, capture_output=True, text=True, timeout=1800,
        )
        page = built / report_url(site, year) / "index.html"
        if build.returncode != 0 or not page.is_file():
            raise ReportRefused(msg("cli.report.build-failed", output=(build.stdout + build.stderr).strip()))
        printed = subprocess.run(
            [chromium, *_CHROMIUM_FLAGS, f"--user-data-dir={Path(folder) / 'profile'}",
             f"--print-to-pdf={pdf.resolve()}", page.as_uri()],
            capture_output=True, text=True, timeout=300,
        )
        if printed.returncode != 0 or not pdf.is_file():
            raise ReportRefused(msg("cli.report.pdf-failed", chromium=chromium, output=printed.stderr.strip()[-500:]))
