"""Click's refusals of a command line, in the project's language: an unknown command or option, a missing
path, a value that is not a choice or a number, a missing or extra argument.

Click words these in English as it raises them. The parameter types are replaced by subclasses that
word their own refusals (``translate_types``, called for every command's parameters); the usage errors
are recognised by their class and their data (``usage_message``), so no English text is ever parsed,
except Click's "unexpected extra argument", which has no class of its own: it is recognised by the
arguments left over, which Click gives in the message and nowhere else.
"""

from __future__ import annotations

import difflib
import os
import stat

import click

from sdg_stories.content.messages import Messages


def _language_msg(ctx: click.Context | None) -> Messages:
    from sdg_stories.cli.click_language import _msg  # the project's language, decided by the command line

    return _msg(ctx)


class TranslatedPath(click.Path):
    def convert(self, value, param, ctx):
        msg = _language_msg(ctx)
        shown = os.fsdecode(value) if isinstance(value, (bytes, os.PathLike)) else str(value)
        if shown != "-":
            try:
                mode = os.stat(shown).st_mode
            except OSError:
                if self.exists:
                    self.fail(msg("cli.path-missing", path=shown), param, ctx)
            else:
                if not self.file_okay and stat.S_ISREG(mode):
                    self.fail(msg("cli.path-is-file", path=shown), param, ctx)
                if not self.dir_okay and stat.S_ISDIR(mode):
                    self.fail(msg("cli.path-is-folder", path=shown), param, ctx)
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:  # not readable, writable: rare, said generally
            self.fail(msg("cli.path-unusable", path=shown), param, ctx)


class TranslatedChoice(click.Choice):
    def get_invalid_choice_message(self, value, ctx):
        msg = _language_msg(ctx)
        return msg("cli.not-a-choice", value=value, choices=msg.join_or([str(choice) for choice in self.choices]))


class TranslatedIntRange(click.IntRange):
    def convert(self, value, param, ctx):
        msg = _language_msg(ctx)
        try:
            number = int(value)
        except (TypeError, ValueError):
            self.fail(msg("cli.not-a-number", value=value), param, ctx)
        try:
            return super().convert(value, param, ctx)  # the range as Click decides it (open ends, clamping)
        except click.BadParameter:
            self.fail(msg("cli.out-of-range", value=number, low=self.min, high=self.max), param, ctx)


_SUBCLASSES = ((click.IntRange, TranslatedIntRange), (click.Choice, TranslatedChoice), (click.Path, TranslatedPath))


def translate_types(params: list[click.Parameter]) -> None:
    """Each parameter's Click type becomes our subclass with the same settings."""
    for param in params:
        for original, translated in _SUBCLASSES:
            if type(param.type) is original:
                replacement = translated.__new__(translated)
                replacement.__dict__.update(param.type.__dict__)
                param.type = replacement
                break


def usage_message(error: click.UsageError, msg: Messages) -> str | None:
    """The project's words for a usage error Click raised, or None where ours say it already."""
    ctx = error.ctx
    if isinstance(error, click.exceptions.NoSuchCommand):
        return msg("cli.no-such-command", name=error.command_name) + _did_you_mean(msg, error.command_name, error.possibilities)
    if isinstance(error, click.NoSuchOption):
        known = [name for param in (ctx.command.get_params(ctx) if ctx else []) for name in param.opts if name.startswith("-")]
        return msg("cli.no-such-option", name=error.option_name) + _did_you_mean(msg, error.option_name, known)
    if isinstance(error, click.MissingParameter) and error.param is not None:
        hint = error.param.get_error_hint(ctx) if ctx else error.param.name
        return msg("cli.missing-value", name=hint)
    if isinstance(error, click.BadOptionUsage):
        return msg("cli.option-usage", name=error.option_name)
    if isinstance(error, click.BadParameter):
        return None
    leftover = ctx.args if ctx is not None else []
    if "unexpected extra argument" in error.message:
        extra = error.message.partition("(")[2].rstrip(")") or " ".join(leftover)
        return msg("cli.extra-arguments", arguments=extra)
    return None


def _did_you_mean(msg: Messages, name: str, known) -> str:
    close = difflib.get_close_matches(name, sorted(set(known or ())), n=3)
    return " " + msg("folder.did-you-mean", names=msg.join_or(close)) if close else ""
