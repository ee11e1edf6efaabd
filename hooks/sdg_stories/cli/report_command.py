"""``sdg-stories report``: a year's figures as CSV and JSON for a spreadsheet, or its report page as an A4 PDF."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from sdg_stories.cli.click_language import command, option, sentence

if TYPE_CHECKING:
    from sdg_stories.cli.session import Session


@command("report", help="cli.report.help", short_help="cli.report.short")
@option("--year", type=int, required=True, metavar="YEAR", help="cli.report.year-option")
@option("--pdf", type=click.Path(dir_okay=False, writable=True, path_type=Path), metavar="FILE", help="cli.report.pdf-option")
@option("--output", type=click.Path(file_okay=False, exists=True, path_type=Path), default=Path("."), metavar="DIR",
        help="cli.report.output-option")
@click.pass_obj
def report(session: Session, year: int, pdf: Path | None, output: Path) -> None:
    from sdg_stories.cli.report_files import ReportRefused, check_year, load_site, write_figures, write_pdf
    from sdg_stories.content.problems import ContentError

    msg = session.msg
    project = session.project
    try:
        if project.problems:
            raise ContentError(list(project.problems), session.language)
        site = load_site(project)
    except ContentError as error:
        for problem in sorted(set(error.problems)):
            click.echo(str(problem), err=True)
        click.echo(msg.plural("cli.report.fix-problems", len(error.problems)), err=True)
        sys.exit(1)
    try:
        check_year(site, year, msg)
        if pdf is not None:
            click.echo(msg("cli.report.printing", year=year), err=True)
            write_pdf(project, site, year, pdf, msg)
            written = [pdf]
        else:
            written = write_figures(site, year, output, msg)
    except ReportRefused as error:
        click.echo(msg("cli.error", message=sentence(str(error))), err=True)
        sys.exit(1)
    for path in written:
        click.echo(msg("cli.report.written", file=path))
