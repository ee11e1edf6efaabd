"""``sdg-stories``, the writer's command-line tool: questions and output over the package the build uses.

Every rule and message comes from the package (the readers, ``load_content``), so the tool and the
build always agree. The package is imported inside each command, so ``--help`` and start-up stay fast.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import click

from sdg_stories.cli.click_language import TranslatedGroup, TranslatedOption, language_of, prompt, show_error
from sdg_stories.content.messages import FALLBACK, Messages, messages

if TYPE_CHECKING:
    from sdg_stories.cli.project_config import ProjectConfig

_CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
# Help texts are message ids (locale/*/LC_MESSAGES/sdg_stories.po), shown in the project's language.
option = functools.partial(click.option, cls=TranslatedOption)


class _Session:
    """What every command needs: the project, found once and only when a command asks for it."""

    def __init__(self, project_option: Path | None) -> None:
        self._option = project_option
        self._project: ProjectConfig | None = None
        self._language: str | None = None

    @property
    def project(self) -> "ProjectConfig":
        if self._project is None:
            from sdg_stories.cli.project_config import ProjectNotFound, load_project

            try:
                self._project = load_project(self._option or Path.cwd())
            except ProjectNotFound as error:
                raise click.ClickException(_sentence(str(error))) from None
        return self._project

    @property
    def language(self) -> str:
        """The site's language when run in a project; Dutch, the default, anywhere else."""
        if self._language is None:
            try:
                self._language = self.project.settings.language
            except click.ClickException:
                self._language = FALLBACK
        return self._language

    @property
    def msg(self) -> Messages:
        return messages(self.language)


@click.group(cls=TranslatedGroup, context_settings=_CONTEXT, help="cli.help")
@option("--project", type=click.Path(exists=True, path_type=Path), metavar="DIR", help="cli.project-option")
@click.version_option(
    package_name="sdg-stories", prog_name="sdg-stories", message="%(prog)s %(version)s",
    cls=TranslatedOption, help="cli.version-option",
)
@click.pass_context
def cli(ctx: click.Context, project: Path | None) -> None:
    ctx.obj = _Session(project)


# check


@cli.command(context_settings=_CONTEXT, help="cli.check.help", short_help="cli.check.short")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", help="cli.check.format-option")
@option("--strict", is_flag=True, help="cli.check.strict-option")
@click.pass_obj
def check(session: _Session, paths: tuple[Path, ...], output_format: str, strict: bool) -> None:
    from sdg_stories.cli.check import PathOutsideStories, check_content

    project = session.project
    try:
        report = check_content(project, list(paths) or None)
    except PathOutsideStories as error:
        raise click.BadParameter(_sentence(str(error)), param_hint="PATHS") from None
    if output_format == "json":
        import json

        document = {
            "problems": [problem.as_dict() for problem in report.problems],
            "warnings": [warning.as_dict() for warning in report.warnings],
        }
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        for problem in report.problems:
            click.echo(str(problem))
        for warning in report.warnings:
            click.echo(session.msg("cli.check.warning", warning=warning))
        click.echo(_check_summary(session.msg, report, bool(paths)))
    if report.problems or (strict and report.warnings):
        sys.exit(1)


def _check_summary(msg: Messages, report, limited: bool) -> str:
    if limited:
        stories = msg.plural("cli.check.stories-of", report.total, checked=msg.number(report.checked))
    else:
        stories = msg.plural("cli.count.stories", report.total)
    found = [msg.plural("cli.count.problems", len(report.problems))] if report.problems else []
    if report.warnings:
        found.append(msg.plural("cli.count.warnings", len(report.warnings)))
    return msg("cli.check.summary", stories=stories, found=", ".join(found) if found else msg("cli.check.no-problems"))


# vacancies


@cli.command(context_settings=_CONTEXT, help="cli.vacancies.help", short_help="cli.vacancies.short")
@option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", help="cli.vacancies.format-option")
@click.pass_obj
def vacancies(session: _Session, output_format: str) -> None:
    from sdg_stories.cli.vacancy_report import report_text, vacancy_report
    from sdg_stories.content.problems import ContentError

    project = session.project
    try:
        if project.problems:
            raise ContentError(list(project.problems))
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
        return
    for text in report_text(report, session.msg):
        click.echo(click.style(text, bold=True) if text and not text.startswith(" ") else text)


# goals


@cli.command(context_settings=_CONTEXT, help="cli.goals.help", short_help="cli.goals.short")
@click.argument("query", required=False, metavar="[WORD|NUMBER]")
@option("--lang", type=click.Choice(["nl", "en"]), help="cli.goals.lang-option")
@click.pass_obj
def goals(session: _Session, query: str | None, lang: str | None) -> None:
    from sdg_stories.sdg.goals import load_framework
    from sdg_stories.cli.goal_lookup import UnknownNumber, search_goals
    from sdg_stories.pages.labels import LABELS

    msg = session.msg
    language = lang or session.language
    try:
        matches = search_goals(load_framework(), query, msg)
    except UnknownNumber as error:
        raise click.BadParameter(_sentence(str(error)), param_hint="NUMBER") from None
    if not matches:
        click.echo(msg("cli.goals.none", query=query))
        return
    width = _text_width()
    for match in matches:
        goal = match.goal
        header = f"{LABELS[language]['goal_n'].format(n=goal.id)}: {goal.short[language]}"
        click.echo(click.style(header, bold=True))
        if match.goal_matches:
            click.echo(_wrap(goal.title[language], " " * 8, width))
        for target in match.targets:
            click.echo(_wrap(f"{target.id:<6}{target.title[language]}", "  ", width, hang=6))
    if query and not query.strip()[0].isdigit():
        count = sum(len(match.targets) for match in matches)
        targets = msg.plural("cli.count.targets", count)
        click.echo("\n" + msg("cli.goals.found", targets=targets, goals=msg.plural("cli.count.goals", len(matches)), query=query))


# new


@cli.command(context_settings=_CONTEXT, help="cli.new.help", short_help="cli.new.short")
@option("--title", help="cli.new.title-option")
@option("--adviser", help="cli.new.adviser-option")
@option("--goals", "goal_list", metavar="LIST", help="cli.new.goals-option")
@option("--targets", "target_list", metavar="LIST", help="cli.new.targets-option")
@option("--summary", help="cli.new.summary-option")
@option("--lang", help="cli.new.lang-option")
@option("--date", help="cli.new.date-option")
@option("--slug", help="cli.new.slug-option")
@option("--draft/--no-draft", default=True, help="cli.new.draft-option")
@click.pass_obj
def new(session: _Session, title, adviser, goal_list, target_list, summary, lang, date, slug, draft) -> None:
    from sdg_stories.content.folder import ContentFolder
    from sdg_stories.sdg.goals import load_framework
    from sdg_stories.cli.story_form import InvalidAnswer, StoryForm

    project = session.project
    settings = project.settings
    msg = session.msg
    folder = ContentFolder(project.stories_path, settings.stories_dir)
    form = StoryForm.for_folder(folder, load_framework(), settings.language, settings.build_date)
    form.draft = draft
    given = {"title": title, "adviser": adviser, "goals": goal_list, "targets": target_list,
             "summary": summary, "lang": lang, "date": date, "slug": slug}
    interactive = any(given[name] is None for name in ("title", "adviser", "summary")) or (
        goal_list is None and target_list is None
    )
    if interactive:
        click.echo(msg("cli.new.intro", folder=folder.show("")))
    for name, value in given.items():
        if value is not None:
            try:
                form.set(name, value)
            except InvalidAnswer as error:
                raise click.BadParameter(_sentence(str(error)), param_hint=f"'--{name}'") from None
        elif interactive:
            _ask_story_field(form, name, msg)
    if slug is None and not interactive:
        try:
            form.set("slug", form.title_slug())
        except InvalidAnswer as error:
            raise click.ClickException(msg("cli.new.title-slug", error=_sentence(str(error)))) from None
    try:
        form.complete()
        form.write()
    except InvalidAnswer as error:
        raise click.ClickException(msg("cli.new.nothing-written", error=_sentence(str(error)))) from None
    except FileExistsError:
        raise click.ClickException(msg("cli.new.exists", path=form.shown_path)) from None
    shown = form.shown_path
    click.echo(msg("cli.new.wrote", path=shown))
    click.echo(msg("cli.new.next-draft" if draft else "cli.new.next-not-draft", path=shown))


def _ask_story_field(form, name: str, msg: Messages) -> None:
    from sdg_stories.cli.story_form import InvalidAnswer

    if name == "adviser":
        choices = form.adviser_choices()
        if not choices:
            raise click.ClickException(msg("cli.new.no-advisers"))
        click.echo(msg("cli.new.advisers"))
        for number, adviser in enumerate(choices, start=1):
            click.echo(f"  {number:>3}  {adviser.key:<24} {adviser.name}, {adviser.role}")
    if name == "targets" and form.goals_chosen():
        _show_targets(form, msg)
    defaults = {"goals": "", "targets": "", "lang": form.default("lang"), "date": form.default("date"), "slug": form.default("slug")}
    prompt(msg, msg(_STORY_QUESTIONS[name]), defaults.get(name), lambda text: form.set(name, text), InvalidAnswer, _sentence)


_STORY_QUESTIONS = {
    "title": "cli.new.ask.title", "adviser": "cli.new.ask.adviser", "goals": "cli.new.ask.goals",
    "targets": "cli.new.ask.targets", "summary": "cli.new.ask.summary", "lang": "cli.new.ask.lang",
    "date": "cli.new.ask.date", "slug": "cli.new.ask.slug",
}


def _show_targets(form, msg: Messages) -> None:
    width = _text_width()
    language = form.site_language
    for goal_id in form.goals_chosen():
        goal = form.framework.goal(goal_id)
        click.echo(msg("cli.new.targets-of-goal", goal=goal.id, name=goal.short[language]))
        for target in goal.targets:
            click.echo(_shorten(f"  {target.id:<6}{target.title[language]}", width))


# new-adviser


@cli.command("new-adviser", context_settings=_CONTEXT, help="cli.new-adviser.help", short_help="cli.new-adviser.short")
@option("--name", help="cli.new-adviser.name-option")
@option("--key", help="cli.new-adviser.key-option")
@option("--role", help="cli.new-adviser.role-option")
@option("--photo", help="cli.new-adviser.photo-option")
@option("--bio", help="cli.new-adviser.bio-option")
@click.pass_obj
def new_adviser(session: _Session, name, key, role, photo, bio) -> None:
    from sdg_stories.cli.adviser_form import AdvisersChanged, AdviserForm, InvalidAdviser
    from sdg_stories.content.folder import ContentFolder

    project = session.project
    msg = session.msg
    folder = ContentFolder(project.stories_path, project.settings.stories_dir)
    try:
        form = AdviserForm.for_folder(folder, session.language)
    except InvalidAdviser as error:
        raise click.ClickException(_sentence(str(error))) from None
    given = {"name": name, "key": key, "role": role, "photo": photo, "bio": bio}
    interactive = name is None or role is None
    defaults = {"photo": "", "bio": ""}
    for field, value in given.items():
        if value is None and field == "key" and not interactive:
            value = form.default("key")
        if value is not None:
            try:
                form.set(field, value)
            except InvalidAdviser as error:
                hint = f"'--{field}'" if given[field] is not None else msg("cli.new-adviser.key-from-name")
                raise click.BadParameter(_sentence(str(error)), param_hint=hint) from None
        elif interactive:
            default = form.default("key") if field == "key" else defaults.get(field)
            prompt(msg, msg(_ADVISER_QUESTIONS[field]), default, lambda text, field=field: form.set(field, text),
                   InvalidAdviser, _sentence)
    try:
        form.append()
    except (InvalidAdviser, AdvisersChanged) as error:
        raise click.ClickException(_sentence(str(error))) from None
    adviser = form.adviser()
    click.echo(msg("cli.new-adviser.added", name=adviser.name, file=form.shown_path, key=adviser.key))


_ADVISER_QUESTIONS = {
    "name": "cli.new-adviser.ask.name", "key": "cli.new-adviser.ask.key", "role": "cli.new-adviser.ask.role",
    "photo": "cli.new-adviser.ask.photo", "bio": "cli.new-adviser.ask.bio",
}


# Shared


def _sentence(text: str) -> str:
    """The package's messages end without a full stop (the build adds its own layout); ours end with one.

    The first letter stays as it is: messages start with a path or a field as often as with a word.
    """
    text = text.strip()
    return text if not text or text.endswith((".", "?", "!")) else text + "."


def _text_width() -> int | None:
    """Wrap for people at a terminal; print one line per target for pipes and grep."""
    if not sys.stdout.isatty():
        return None
    return min(shutil.get_terminal_size().columns, 110)


def _wrap(text: str, indent: str, width: int | None, hang: int = 0) -> str:
    if width is None:
        return indent + text
    return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent + " " * hang)


def _shorten(text: str, width: int | None) -> str:
    if width is None or len(text) <= width:
        return text
    return text[: width - 1].rstrip() + "…"


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
