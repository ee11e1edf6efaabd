"""``sdg-stories``, the writer's command-line tool: questions and output over the package the build uses.

Every rule and message comes from the package (the readers, ``load_content``), so the tool and the
build always agree. The package is imported inside each command, so ``--help`` and start-up stay fast.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import click

if TYPE_CHECKING:
    from sdg_stories.cli.project_config import ProjectConfig

_CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class _Session:
    """What every command needs: the project, found once and only when a command asks for it."""

    def __init__(self, project_option: Path | None) -> None:
        self._option = project_option
        self._project: ProjectConfig | None = None

    @property
    def project(self) -> "ProjectConfig":
        if self._project is None:
            from sdg_stories.cli.project_config import ProjectNotFound, load_project

            try:
                self._project = load_project(self._option or Path.cwd())
            except ProjectNotFound as error:
                raise click.ClickException(_sentence(str(error))) from None
        return self._project


@click.group(context_settings=_CONTEXT)
@click.option(
    "--project", type=click.Path(exists=True, path_type=Path), metavar="DIR",
    help="The project folder (with mkdocs.yml). Default: the current folder or the nearest one above it.",
)
@click.version_option(package_name="sdg-stories", prog_name="sdg-stories")
@click.pass_context
def cli(ctx: click.Context, project: Path | None) -> None:
    """Write and check the stories of an sdg-stories site.

    \b
      sdg-stories new               write a new story, answering a few questions
      sdg-stories check             check every story, as the build does
      sdg-stories goals veilig      find the targets that mention a word
      sdg-stories new-adviser       add an adviser to stories/advisers.yml
      sdg-stories editor            write and preview stories in the browser (the web editor)

    Run it anywhere inside the project folder. `sdg-stories COMMAND --help` explains each command.
    """
    ctx.obj = _Session(project)


# check


@cli.command(context_settings=_CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: {\"problems\": [...], \"warnings\": [...]}, each with file, line, field and message.")
@click.option("--strict", is_flag=True, help="Fail on warnings too, as `mkdocs build --strict` does.")
@click.pass_obj
def check(session: _Session, paths: tuple[Path, ...], output_format: str, strict: bool) -> None:
    """Check stories, advisers and vacancies without building the site.

    Prints every problem at once, one per line, with the same file, line, field and message as
    the build, then the warnings (a story that links a closed vacancy) and a summary. Exits with
    0 when there is no problem, 1 when there is.

    PATHS limits the report to those story files or folders; the checks across files (unknown
    adviser, the same slug twice) still look at every story, and problems in advisers.yml and
    vacancies.yml are always reported.

    \b
    Examples:
      sdg-stories check
      sdg-stories check stories/2024-04-05-veilig-winkelcentrum.md
      sdg-stories check --format json > problems.json
    """
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
            click.echo(f"warning: {warning}")
        click.echo(_check_summary(report, bool(paths)))
    if report.problems or (strict and report.warnings):
        sys.exit(1)


def _check_summary(report, limited: bool) -> str:
    stories = f"{report.checked:,} of {report.total:,} stories" if limited else _count(report.total, "story", "stories")
    found = [_count(len(report.problems), "problem", "problems")] if report.problems else []
    if report.warnings:
        found.append(_count(len(report.warnings), "warning", "warnings"))
    return f"Checked {stories}: {', '.join(found) if found else 'no problems'}."


# goals


@cli.command(context_settings=_CONTEXT)
@click.argument("query", required=False, metavar="[WORD|NUMBER]")
@click.option("--lang", type=click.Choice(["nl", "en"]), help="Show the texts in this language. Default: the site's.")
@click.pass_obj
def goals(session: _Session, query: str | None, lang: str | None) -> None:
    """List the goals and targets with their texts, to find the ones a story serves.

    A word finds the goals and targets whose text contains it, ignoring case and accents, in
    Dutch or English; a number shows a goal and all its targets, or one target.

    \b
    Examples:
      sdg-stories goals veilig      targets about safety (11.7, 16.1, ...)
      sdg-stories goals 11          goal 11 and its targets
      sdg-stories goals 11.7        target 11.7
      sdg-stories goals             all 17 goals and 169 targets
    """
    from sdg_stories.sdg.goals import load_framework
    from sdg_stories.cli.goal_lookup import UnknownNumber, search_goals
    from sdg_stories.pages.labels import LABELS

    language = lang or _site_language(session)
    try:
        matches = search_goals(load_framework(), query)
    except UnknownNumber as error:
        raise click.BadParameter(_sentence(str(error)), param_hint="NUMBER") from None
    if not matches:
        click.echo(f"No goal or target mentions '{query}'. Try part of the word, or the word in English or Dutch.")
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
        click.echo(f"\n{_count(count, 'target', 'targets')} in {_count(len(matches), 'goal', 'goals')} mention '{query}'.")


def _site_language(session: _Session) -> str:
    """The site's language when run in a project; Dutch, the default, anywhere else."""
    try:
        return session.project.settings.language
    except click.ClickException:
        return "nl"


# new


@cli.command(context_settings=_CONTEXT)
@click.option("--title", help="The story's title.")
@click.option("--adviser", help="The adviser's key in advisers.yml (or their number in the list shown).")
@click.option("--goals", "goal_list", metavar="LIST", help="Goal numbers, like '11 16' or '11,16'.")
@click.option("--targets", "target_list", metavar="LIST", help="Target ids, like '11.7 11.a'.")
@click.option("--summary", help="One or two sentences for cards, search engines and feeds.")
@click.option("--lang", help="nl or en. Default: the site's language.")
@click.option("--date", help="YYYY-MM-DD. Default: today.")
@click.option("--slug", help="The last part of the web address. Default: made from the title.")
@click.option("--draft/--no-draft", default=True, show_default=True,
              help="Start as a draft, left out of `mkdocs build` until you remove `draft: true`.")
@click.pass_obj
def new(session: _Session, title, adviser, goal_list, target_list, summary, lang, date, slug, draft) -> None:
    """Write a new story with complete front matter and the headings of the rubric.

    Asks for every field not given as an option, offering the known advisers and checking each
    answer as the build would (an unknown target gets the targets its goal has). With the title,
    adviser, summary and goals or targets given as options, it asks nothing. The story is written
    to stories/DATE-SLUG.md; an existing file is never overwritten.

    \b
    Examples:
      sdg-stories new
      sdg-stories new --title "Veilig winkelcentrum" --adviser dirk-blokhuis \\
          --targets "11.7 16.1" --summary "Hoe een gemeente ..."
    """
    from sdg_stories.content.folder import ContentFolder
    from sdg_stories.sdg.goals import load_framework
    from sdg_stories.cli.story_form import InvalidAnswer, StoryForm

    project = session.project
    settings = project.settings
    folder = ContentFolder(project.stories_path, settings.stories_dir)
    form = StoryForm.for_folder(folder, load_framework(), settings.language, settings.build_date)
    form.draft = draft
    given = {"title": title, "adviser": adviser, "goals": goal_list, "targets": target_list,
             "summary": summary, "lang": lang, "date": date, "slug": slug}
    interactive = any(given[name] is None for name in ("title", "adviser", "summary")) or (
        goal_list is None and target_list is None
    )
    if interactive:
        click.echo(f"A new story for {folder.show('')}. Press Enter to take the answer in [brackets].")
    for name, value in given.items():
        if value is not None:
            try:
                form.set(name, value)
            except InvalidAnswer as error:
                raise click.BadParameter(_sentence(str(error)), param_hint=f"'--{name}'") from None
        elif interactive:
            _ask_story_field(form, name)
    if slug is None and not interactive:
        try:
            form.set("slug", form.title_slug())
        except InvalidAnswer as error:
            raise click.ClickException(
                f"the slug made from the title: {_sentence(str(error))} Nothing was written; give a slug with --slug."
            ) from None
    try:
        form.complete()
        form.write()
    except InvalidAnswer as error:
        raise click.ClickException(_sentence(str(error)) + " Nothing was written.") from None
    except FileExistsError:
        raise click.ClickException(f"{form.shown_path} already exists and was left as it is; choose another --slug.") from None
    shown = form.shown_path
    click.echo(f"Wrote {shown}.")
    click.echo("Write the story under the headings, then check it with `sdg-stories check " + shown + "`")
    if draft:
        click.echo("and preview it with `mkdocs serve`. It is a draft: remove `draft: true` to publish it.")
    else:
        click.echo("and preview it with `mkdocs serve`.")


def _ask_story_field(form, name: str) -> None:
    from sdg_stories.cli.story_form import InvalidAnswer

    if name == "adviser":
        choices = form.adviser_choices()
        if not choices:
            raise click.ClickException("advisers.yml has no advisers yet; add one first with `sdg-stories new-adviser`.")
        click.echo("Advisers:")
        for number, adviser in enumerate(choices, start=1):
            click.echo(f"  {number:>3}  {adviser.key:<24} {adviser.name}, {adviser.role}")
    if name == "targets" and form.goals_chosen():
        _show_targets(form)
    questions = {
        "title": ("Title", None),
        "adviser": ("Adviser (number or key)", None),
        "goals": ("Goals (numbers 1-17, like 11 16; Enter for none)", ""),
        "targets": ("Targets (like 11.7 11.a; Enter for none; `sdg-stories goals WORD` finds them)", ""),
        "summary": ("Summary (one or two sentences)", None),
        "lang": ("Language (nl or en)", form.default("lang")),
        "date": ("Date (YYYY-MM-DD)", form.default("date")),
        "slug": ("Slug, the web address stories/SLUG/", form.default("slug")),
    }
    label, default = questions[name]
    _prompt(label, default, lambda text: form.set(name, text), InvalidAnswer)


def _show_targets(form) -> None:
    width = _text_width()
    language = form.site_language
    for goal_id in form.goals_chosen():
        goal = form.framework.goal(goal_id)
        click.echo(f"Targets of goal {goal.id} ({goal.short[language]}):")
        for target in goal.targets:
            click.echo(_shorten(f"  {target.id:<6}{target.title[language]}", width))


# new-adviser


@cli.command("new-adviser", context_settings=_CONTEXT)
@click.option("--name", help="Full name, like 'Anna de Vries'.")
@click.option("--key", help="The key stories use as `adviser:`. Default: made from the name (anna-de-vries).")
@click.option("--role", help="Role as shown on the site, like 'Adviseur Ruimtelijke Ordening'.")
@click.option("--photo", help="Path inside the stories folder, like images/advisers/anna-de-vries.jpg (optional).")
@click.option("--bio", help="One or two sentences for the adviser's page (optional).")
@click.pass_obj
def new_adviser(session: _Session, name, key, role, photo, bio) -> None:
    """Add an adviser to stories/advisers.yml.

    The adviser is added at the end of the file; everything already in it, comments included,
    stays exactly as it was. The new text is checked as the build reads it before it is written,
    and an existing key is refused. Asks for what is not given as an option; with --name and
    --role given it asks nothing.

    \b
    Examples:
      sdg-stories new-adviser
      sdg-stories new-adviser --name "Anna de Vries" --role "Adviseur Ruimte" \\
          --bio "Anna adviseert gemeenten over ruimtelijke plannen."
    """
    from sdg_stories.cli.adviser_form import AdvisersChanged, AdviserForm, InvalidAdviser
    from sdg_stories.content.folder import ContentFolder

    project = session.project
    folder = ContentFolder(project.stories_path, project.settings.stories_dir)
    try:
        form = AdviserForm.for_folder(folder)
    except InvalidAdviser as error:
        raise click.ClickException(_sentence(str(error))) from None
    given = {"name": name, "key": key, "role": role, "photo": photo, "bio": bio}
    interactive = name is None or role is None
    questions = {
        "name": ("Name", None),
        "key": ("Key, used in stories as `adviser:`", None),
        "role": ("Role", None),
        "photo": ("Photo, a path inside the stories folder (Enter for none)", ""),
        "bio": ("Bio, one or two sentences (Enter for none)", ""),
    }
    for field, value in given.items():
        if value is None and field == "key" and not interactive:
            value = form.default("key")
        if value is not None:
            try:
                form.set(field, value)
            except InvalidAdviser as error:
                hint = f"'--{field}'" if given[field] is not None else "'--key' (made from --name)"
                raise click.BadParameter(_sentence(str(error)), param_hint=hint) from None
        elif interactive:
            label, default = questions[field]
            if field == "key":
                default = form.default("key")
            _prompt(label, default, lambda text, field=field: form.set(field, text), InvalidAdviser)
    try:
        form.append()
    except (InvalidAdviser, AdvisersChanged) as error:
        raise click.ClickException(_sentence(str(error))) from None
    adviser = form.adviser()
    click.echo(f"Added {adviser.name} to {form.shown_path}; stories name them with `adviser: {adviser.key}`.")


# editor (its own module: a server, not questions and answers)

from sdg_stories.cli.editor_command import editor as _editor  # noqa: E402 - click only, the package loads when it runs

cli.add_command(_editor)


# Shared


def _prompt(label: str, default: str | None, accept: Callable[[str], object], invalid: type[Exception]) -> object:
    """Ask until the answer is accepted; a refused answer shows the build's message and asks again."""

    def convert(text: str) -> object:
        try:
            return accept(text)
        except invalid as error:
            raise click.UsageError(_sentence(str(error))) from None

    return click.prompt(label, default=default, value_proc=convert, show_default=bool(default))


def _sentence(text: str) -> str:
    """The package's messages end without a full stop (the build adds its own layout); ours end with one.

    The first letter stays as it is: messages start with a path or a field as often as with a word.
    """
    text = text.strip()
    return text if not text or text.endswith((".", "?", "!")) else text + "."


def _count(number: int, one: str, many: str) -> str:
    return f"1 {one}" if number == 1 else f"{number:,} {many}"


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
    """The console script: click handles its own errors; anything else becomes a sentence, not a traceback."""
    try:
        cli.main(prog_name="sdg-stories")
    except OSError as error:
        what = f"cannot use {error.filename}: " if error.filename else ""
        click.echo(f"Error: {what}{error.strerror or error}.", err=True)
        sys.exit(1)
    except Exception as error:  # noqa: BLE001 - a writer gets a sentence; SDG_STORIES_DEBUG=1 shows the rest
        if os.environ.get("SDG_STORIES_DEBUG"):
            raise
        click.echo(
            f"Error: sdg-stories stopped unexpectedly ({type(error).__name__}: {error}). This is a bug; "
            "please report it with the command you ran (SDG_STORIES_DEBUG=1 shows the details).",
            err=True,
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
