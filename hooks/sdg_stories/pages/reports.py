"""Year reports: ``verslag/`` (the years) and ``verslag/<year>/`` (one year's stories by goal), in the
site's language (``report/`` on an English site). A year without stories has no report."""

from __future__ import annotations

from urllib.parse import urlsplit

from sdg_stories.model.site import Site
from sdg_stories.model.year_report import report_years, year_report
from sdg_stories.pages.labels import LABELS
from sdg_stories.pages.page import GeneratedPage

# The address is a word visitors read and type, so it is in the site's language.
REPORT_URLS = {"nl": "verslag/", "en": "report/"}


def reports_url(site: Site) -> str:
    return REPORT_URLS[site.language]


def report_url(site: Site, year: int) -> str:
    return f"{reports_url(site)}{year}/"


def short_address(site: Site):
    """On paper a link is followed by where it leads, short: "verhalen.example.nl/stories/x/" (no scheme)."""
    parts = urlsplit(site.settings.site_url or "")
    base = f"{parts.netloc}{parts.path}".rstrip("/") + "/"

    def address(url: str) -> str:
        return base + url

    return address


def generate(site: Site) -> list[GeneratedPage]:
    labels = LABELS[site.language]
    years = report_years(site)
    if not years:
        return []
    pages = [
        GeneratedPage(
            url=reports_url(site),
            title=labels["reports"],
            template="reports.html",
            context={"years": [(year, report_url(site, year)) for year in years]},
            description=labels["reports_intro"],
            hide=("navigation", "toc"),
            kind="reports",
        )
    ]
    for year in years:
        report = year_report(site, year)
        pages.append(
            GeneratedPage(
                url=report_url(site, year),
                title=labels["report_title"].format(year=year),
                template="report.html",
                context={
                    "report": report,
                    "reports_url": reports_url(site),
                    "lead": (site.settings.report_intro or labels["report_lead"]).format(year=year),
                    "short_address": short_address(site),
                },
                description=labels["report_description"].format(year=year, count=len(report.stories)),
                hide=("navigation", "toc"),
                kind="report",
            )
        )
    return pages
