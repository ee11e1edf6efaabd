"""``sdg-stories``, the writer's command-line tool: questions and output over the package the build uses.

Every rule and message comes from the package (the readers, ``load_content``), so the tool and the
build always agree. Each command lives in its own module (check_command, new_commands, goals_command,
vacancies_command, editor_command, report_command), given the Session (session.py); the package is imported inside
each command, so ``--help`` and start-up stay fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from sdg_stories.cli.check_command import check
from sdg_stories.cli.click_language import CONTEXT, TranslatedGroup, language_of, option, show_error
from sdg_stories.cli.editor_command import editor
from sdg_stories.cli.goals_command import goals
from sdg_stories.cli.new_commands import new, new_adviser
from sdg_stories.cli.report_command import report
from sdg_stories.cli.session import Session
from sdg_stories.cli.stack import version_text
from sdg_stories.cli.vacancies_command import vacancies
from sdg_stories.content.messages import messages


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """The tool's version and the stack it builds on (stack.py), in the project's language."""
    if value and not ctx.resilient_parsing:
        click.echo(version_text(messages(language_of(ctx))))
        ctx.exit()


@click.group(cls=TranslatedGroup, context_settings=CONTEXT, help="cli.help")
@option("--project", type=click.Path(exists=True, path_type=Path), metavar="DIR", help="cli.project-option")
@option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_version, help="cli.version-option")
@click.pass_context
def cli(ctx: click.Context, project: Path | None) -> None:
    ctx.obj = Session(project)


for _command in (check, goals, new, new_adviser, vacancies, editor, report):
    cli.add_command(_command)


def main() -> None:
    """The console script: every error becomes a sentence in the project's language, not a traceback."""
    try:
        code = cli.main(prog_name="sdg-stories", standalone_mode=False)
    except click.ClickException as error:
        show_error(error)
        sys.exit(error.exit_code)
    except click.Abort:
        click.echo(messages(language_of(None))("cli.aborted"), err=True)
        sys.exit(1)
    except OSError as error:
        msg = messages(language_of(None))
        what = msg("cli.cannot-use", file=error.filename) + " " if error.filename else ""
        click.echo(msg("cli.error", message=f"{what}{error.strerror or error}."), err=True)
        sys.exit(1)
    except Exception as error:  # noqa: BLE001 - a writer gets a sentence; SDG_STORIES_DEBUG=1 shows the rest
        if os.environ.get("SDG_STORIES_DEBUG"):
            raise
        click.echo(messages(language_of(None))("cli.bug", error=f"{type(error).__name__}: {error}"), err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
