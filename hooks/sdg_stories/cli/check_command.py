"""``sdg-stories check``: every problem of the stories folder at once, worded as the build words it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from sdg_stories.cli.click_language import argument, command, option, sentence
from sdg_stories.content.messages import Messages

if TYPE_CHECKING:
    from sdg_stories.cli.check import CheckReport
    from sdg_stories.cli.session import Session


@command("check", help="cli.check.help", short_help="cli.check.short")
@argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path), metavar="cli.check.paths-metavar")
@option("--format", "output_format", type=click.Choice(["text", "json", "github", "gitlab"]), default="text", help="cli.check.format-option")
@option("--strict", is_flag=True, help="cli.check.strict-option")
@click.pass_obj
def check(session: Session, paths: tuple[Path, ...], output_format: str, strict: bool) -> None:
    from sdg_stories.cli.check import PathOutsideStories, check_content

    project = session.project
    try:
        report = check_content(project, list(paths) or None)
    except PathOutsideStories as error:
        raise click.BadParameter(sentence(str(error)), param_hint="PATHS") from None
    if output_format == "json":
        import json

        document = {
            "problems": [problem.as_dict() for problem in report.problems],
            "warnings": [warning.as_dict() for warning in report.warnings],
            "notices": [notice.as_dict() for notice in report.notices],
        }
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    elif output_format == "github":
        from sdg_stories.cli.check_annotations import github_commands

        # Annotations for the review, then the summary, which the job's log shows as a plain line.
        for line in github_commands(report.problems, report.warnings, session.msg, project.root):
            click.echo(line)
        click.echo(_check_summary(session.msg, report, bool(paths)))
    elif output_format == "gitlab":
        from sdg_stories.cli.check_annotations import gitlab_json, gitlab_report

        # Only the report on stdout (the pipeline writes it to the artifact); the summary to stderr, for the log.
        click.echo(gitlab_json(gitlab_report(report.problems, report.warnings, project.root)))
        click.echo(_check_summary(session.msg, report, bool(paths)), err=True)
    else:
        for problem in report.problems:
            click.echo(str(problem))
        for warning in report.warnings:
            click.echo(session.msg("cli.check.warning", warning=warning))
        for notice in report.notices:
            click.echo(session.msg("cli.check.notice", notice=notice))
        click.echo(_check_summary(session.msg, report, bool(paths)))
    # Notices never fail: they are about time passing, not about the files (model/findings.py).
    if report.problems or (strict and report.warnings):
        sys.exit(1)


def _check_summary(msg: Messages, report: CheckReport, limited: bool) -> str:
    if limited:
        stories = msg.plural("cli.check.stories-of", report.total, checked=msg.number(report.checked))
    else:
        stories = msg.plural("cli.count.stories", report.total)
    found = [msg.plural("cli.count.problems", len(report.problems))] if report.problems else []
    if report.warnings:
        found.append(msg.plural("cli.count.warnings", len(report.warnings)))
    if report.notices:
        found.append(msg.plural("cli.count.notices", len(report.notices)))
    return msg("cli.check.summary", stories=stories, found=", ".join(found) if found else msg("cli.check.no-problems"))
