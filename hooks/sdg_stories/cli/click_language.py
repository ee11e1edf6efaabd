"""Click in the project's language: help texts, headings, prompts and errors of ``sdg-stories``.

The help texts are message ids (``cli.check.help``), translated when they are shown, not when the
module is imported: the language is the project's (``theme.language`` of the mkdocs.yml the command
runs in, or names with ``--project``), known only once click has the command line. Click's own few
words (``Usage:``, ``Options``, ``Error:``) are printed by the methods overridden here, with ours in
their place; Click's message for a value its own types refuse (a ``--format`` that is not a choice)
stays as Click words it.
"""

from __future__ import annotations

import functools
import inspect
from typing import Callable

import click

from sdg_stories.cli.click_errors import translate_types, usage_message
from sdg_stories.content.messages import FALLBACK, Messages, messages


CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def language_of(ctx: click.Context | None) -> str:
    """The project's language for this command line; the default where there is no project (yet)."""
    if ctx is None:
        return _cwd_language()
    session = ctx.find_root().obj
    language = getattr(session, "language", None)
    return language if isinstance(language, str) else _cwd_language()


def _cwd_language() -> str:
    from pathlib import Path

    from sdg_stories.cli.project_config import ProjectNotFound, load_project

    try:
        return load_project(Path.cwd()).settings.language
    except (ProjectNotFound, OSError):
        return FALLBACK


def _msg(ctx: click.Context | None) -> Messages:
    return messages(language_of(ctx))


class TranslatedOption(click.Option):
    """An option whose ``help`` is a message id."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        message_id = self.help
        self.help = _msg(ctx)(message_id) if message_id else None
        try:
            return super().get_help_record(ctx)
        finally:
            self.help = message_id


class TranslatedArgument(click.Argument):
    """An argument whose ``metavar`` (``[PATHS]...``) is a message id, shown in usage lines and errors."""

    def make_metavar(self, ctx: click.Context) -> str:
        metavar, msg = super().make_metavar(ctx), _msg(ctx)
        return msg(metavar) if metavar in msg.ids else metavar


class TranslatedCommand(click.Command):
    """A command whose ``help`` and ``short_help`` are message ids, with headings in the project's language."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        translate_types(self.params)  # their refusals in the project's language (click_errors.py)

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.help:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(inspect.cleandoc(_msg(ctx)(self.help)))

    def get_short_help_str(self, limit: int = 45) -> str:
        return _msg(click.get_current_context(silent=True))(self.short_help) if self.short_help else ""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Click's placeholders ([OPTIONS], COMMAND [ARGS]...) in the project's words.
        words = {self.options_metavar: _msg(ctx)("cli.options-metavar"),
                 getattr(self, "subcommand_metavar", None): _msg(ctx)("cli.command-metavar")}
        pieces = [words.get(piece, piece) for piece in self.collect_usage_pieces(ctx)]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_msg(ctx)("cli.usage") + " ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = [
            record for param in self.get_params(ctx)
            if not isinstance(param, click.Argument) and (record := param.get_help_record(ctx)) is not None
        ]
        if records:
            with formatter.section(_msg(ctx)("cli.options")):
                formatter.write_dl(records)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = _msg(ctx)("cli.help-option")
        return option


class TranslatedGroup(TranslatedCommand, click.Group):
    """The ``sdg-stories`` group: its commands are translated commands, listed under a translated heading."""

    command_class = TranslatedCommand

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, command.get_short_help_str()) for name in self.list_commands(ctx)
                if (command := self.get_command(ctx, name)) is not None and not command.hidden]
        if rows:
            with formatter.section(_msg(ctx)("cli.commands")):
                formatter.write_dl(rows)


# What the commands are declared with: their help texts are message ids, shown in the project's language.
option = functools.partial(click.option, cls=TranslatedOption)
argument = functools.partial(click.argument, cls=TranslatedArgument)
command = functools.partial(click.command, cls=TranslatedCommand, context_settings=CONTEXT)


def sentence(text: str) -> str:
    """The package's messages end without a full stop (the build adds its own layout); ours end with one.

    The first letter stays as it is: messages start with a path or a field as often as with a word.
    """
    text = text.strip()
    return text if not text or text.endswith((".", "?", "!")) else text + "."


def show_error(error: click.ClickException) -> None:
    """What ``ClickException.show`` prints, in the project's language."""
    ctx = getattr(error, "ctx", None)
    msg = _msg(ctx)
    if isinstance(error, click.UsageError) and ctx is not None:
        hint = msg("cli.try-help", command=ctx.command_path) + "\n"
        click.echo(f"{ctx.get_usage()}\n{hint}", err=True)
    click.echo(msg("cli.error", message=error_message(error, msg)), err=True)


def error_message(error: click.ClickException, msg: Messages) -> str:
    if isinstance(error, click.BadParameter):
        hint = error.param_hint
        if hint is None and error.param is not None and error.ctx is not None:
            hint = error.param.get_error_hint(error.ctx)
        if isinstance(hint, (list, tuple)):
            hint = " / ".join(f"'{name}'" for name in hint)
        if hint:
            return msg("cli.invalid-value", option=hint, message=error.message)
    if isinstance(error, click.UsageError) and (translated := usage_message(error, msg)) is not None:
        return translated
    if isinstance(error, click.UsageError) and not isinstance(error, click.BadParameter):
        return error.message
    return error.format_message()


def prompt(msg: Messages, label: str, default: str | None, accept: Callable[[str], object],
           invalid: type[Exception]) -> object:
    """Ask until the answer is accepted; a refused answer shows the build's message and asks again."""
    while True:
        text = click.prompt(label, default=default, show_default=bool(default))
        try:
            return accept(text)
        except invalid as error:
            click.echo(msg("cli.error", message=sentence(str(error))))
