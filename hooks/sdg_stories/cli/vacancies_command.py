"""``sdg-stories vacancies``: for recruiters, every vacancy with its status and the pages that show it."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from sdg_stories.cli.click_language import command, option

if TYPE_CHECKING:
    from sdg_stories.cli.session import Session


@command("vacancies", help="cli.vacancies.help", short_help="cli.vacancies.short")
@option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", help="cli.vacancies.format-option")
@option("--strict", is_flag=True, help="cli.vacancies.strict-option")
@option("--convert", is_flag=True, help="cli.vacancies.convert-option")
@click.pass_obj
def vacancies(session: Session, output_format: str, strict: bool, convert: bool) -> None:
    from sdg_stories.cli.vacancy_report import report_text, vacancy_report
    from sdg_stories.content.problems import ContentError

    project = session.project
    if convert:
        _convert(session)
    try:
        if project.problems:
            raise ContentError(list(project.problems), session.language)
        report = vacancy_report(project)
    except ContentError as error:
        for problem in sorted(set(error.problems)):
            click.echo(str(problem), err=True)
        click.echo(session.msg.plural("cli.vacancies.fix-problems", len(error.problems)), err=True)
        sys.exit(1)
    if output_format == "json":
        import json

        document = {"date": report.date.isoformat(), "vacancies": [line.as_dict() for line in report.lines]}
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        for text in report_text(report, session.msg):
            click.echo(click.style(text, bold=True) if text and not text.startswith(" ") else text)
    # The site itself goes on building when a vacancy closes (model/findings.py); this is how a scheduled
    # check tells the recruiter instead.
    closed = sum(1 for line in report.lines if line.status == "closed")
    if strict and closed:
        click.echo(session.msg.plural("cli.vacancies.closed-strict", closed), err=True)
        sys.exit(1)


def _convert(session: Session) -> None:
    """vacancies.yml from the first format (a list) to the current one (``vacancies:``), in place, before
    the report; the file's comments and layout stay as they are (content/vacancy_conversion.py)."""
    from sdg_stories.content.folder import VACANCIES_FILE
    from sdg_stories.content.vacancy_conversion import convert_old_format
    from sdg_stories.sdg.goals import load_framework

    project = session.project
    path = project.stories_path / VACANCIES_FILE
    shown = f"{project.settings.stories_dir}/{VACANCIES_FILE}"
    if not path.is_file():
        click.echo(session.msg("cli.vacancies.convert-no-file", file=shown), err=True)
        sys.exit(1)
    text = path.read_text("utf-8")
    converted = convert_old_format(text, load_framework(), session.language)
    if converted is None:
        from sdg_stories.content.vacancy_file import read_vacancy_text

        old = read_vacancy_text(text, shown, load_framework(), language=session.language).warnings
        # On stderr, like every message of --convert: stdout is the report, which --format json must keep parseable.
        click.echo(session.msg("cli.vacancies.convert-failed" if old else "cli.vacancies.convert-not-needed", file=shown), err=True)
        if old:
            sys.exit(1)
        return
    path.write_text(converted, "utf-8")
    click.echo(session.msg("cli.vacancies.converted", file=shown), err=True)
