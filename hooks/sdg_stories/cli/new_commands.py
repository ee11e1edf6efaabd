"""``sdg-stories new`` and ``new-adviser``: a story or an adviser written from questions or options.

Every answer is checked as the build checks it (story_form.py, adviser_form.py); a refused answer
shows the build's message and is asked again, or, given as an option, stops with that message.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from sdg_stories.cli.click_language import command, option, prompt, sentence
from sdg_stories.cli.terminal_text import shorten, text_width
from sdg_stories.content.messages import Messages

if TYPE_CHECKING:
    from sdg_stories.cli.session import Session
    from sdg_stories.cli.story_form import StoryForm


@command("new", help="cli.new.help", short_help="cli.new.short")
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
def new(session: Session, title, adviser, goal_list, target_list, summary, lang, date, slug, draft) -> None:
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
                raise click.BadParameter(sentence(str(error)), param_hint=f"'--{name}'") from None
        elif interactive:
            _ask_story_field(form, name, msg)
    if slug is None and not interactive:
        try:
            form.set("slug", form.title_slug())
        except InvalidAnswer as error:
            raise click.ClickException(msg("cli.new.title-slug", error=sentence(str(error)))) from None
    try:
        form.complete()
        form.write()
    except InvalidAnswer as error:
        raise click.ClickException(msg("cli.new.nothing-written", error=sentence(str(error)))) from None
    except FileExistsError:
        raise click.ClickException(msg("cli.new.exists", path=form.shown_path)) from None
    shown = form.shown_path
    click.echo(msg("cli.new.wrote", path=shown))
    click.echo(msg("cli.new.next-draft" if draft else "cli.new.next-not-draft", path=shown))


def _ask_story_field(form: StoryForm, name: str, msg: Messages) -> None:
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
    prompt(msg, msg(_STORY_QUESTIONS[name]), defaults.get(name), lambda text: form.set(name, text), InvalidAnswer)


_STORY_QUESTIONS = {
    "title": "cli.new.ask.title", "adviser": "cli.new.ask.adviser", "goals": "cli.new.ask.goals",
    "targets": "cli.new.ask.targets", "summary": "cli.new.ask.summary", "lang": "cli.new.ask.lang",
    "date": "cli.new.ask.date", "slug": "cli.new.ask.slug",
}


def _show_targets(form: StoryForm, msg: Messages) -> None:
    width = text_width()
    language = form.site_language
    for goal_id in form.goals_chosen():
        goal = form.framework.goal(goal_id)
        click.echo(msg("cli.new.targets-of-goal", goal=goal.id, name=goal.short[language]))
        for target in goal.targets:
            click.echo(shorten(f"  {target.id:<6}{target.title[language]}", width))


@command("new-adviser", help="cli.new-adviser.help", short_help="cli.new-adviser.short")
@option("--name", help="cli.new-adviser.name-option")
@option("--key", help="cli.new-adviser.key-option")
@option("--role", help="cli.new-adviser.role-option")
@option("--photo", help="cli.new-adviser.photo-option")
@option("--bio", help="cli.new-adviser.bio-option")
@click.pass_obj
def new_adviser(session: Session, name, key, role, photo, bio) -> None:
    from sdg_stories.cli.adviser_form import AdvisersChanged, AdviserForm, InvalidAdviser
    from sdg_stories.content.folder import ContentFolder

    project = session.project
    msg = session.msg
    folder = ContentFolder(project.stories_path, project.settings.stories_dir)
    try:
        form = AdviserForm.for_folder(folder, session.language)
    except InvalidAdviser as error:
        raise click.ClickException(sentence(str(error))) from None
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
                raise click.BadParameter(sentence(str(error)), param_hint=hint) from None
        elif interactive:
            default = form.default("key") if field == "key" else defaults.get(field)
            prompt(msg, msg(_ADVISER_QUESTIONS[field]), default, lambda text, field=field: form.set(field, text),
                   InvalidAdviser)
    try:
        form.append()
    except (InvalidAdviser, AdvisersChanged) as error:
        raise click.ClickException(sentence(str(error))) from None
    adviser = form.adviser()
    click.echo(msg("cli.new-adviser.added", name=adviser.name, file=form.shown_path, key=adviser.key))


_ADVISER_QUESTIONS = {
    "name": "cli.new-adviser.ask.name", "key": "cli.new-adviser.ask.key", "role": "cli.new-adviser.ask.role",
    "photo": "cli.new-adviser.ask.photo", "bio": "cli.new-adviser.ask.bio",
}
