"""``sdg-stories goals``: the goals and targets with their texts, to find the ones a story serves."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from sdg_stories.cli.click_language import argument, command, option, sentence
from sdg_stories.cli.terminal_text import text_width, wrap

if TYPE_CHECKING:
    from sdg_stories.cli.session import Session


@command("goals", help="cli.goals.help", short_help="cli.goals.short")
@argument("query", required=False, metavar="cli.goals.query-metavar")
@option("--lang", type=click.Choice(["nl", "en"]), help="cli.goals.lang-option")
@click.pass_obj
def goals(session: Session, query: str | None, lang: str | None) -> None:
    from sdg_stories.cli.goal_lookup import UnknownNumber, search_goals
    from sdg_stories.pages.labels import LABELS

    msg = session.msg
    language = lang or session.language
    try:
        matches = search_goals(_framework(session), query, msg)
    except UnknownNumber as error:
        raise click.BadParameter(sentence(str(error)), param_hint=msg("cli.goals.number")) from None
    if not matches:
        click.echo(msg("cli.goals.none", query=query))
        return
    width = text_width()
    for match in matches:
        goal = match.goal
        header = f"{LABELS[language]['goal_n'].format(n=goal.id)}: {goal.short[language]}"
        click.echo(click.style(header, bold=True))
        if match.goal_matches:
            click.echo(wrap(goal.title[language], " " * 8, width))
        for target in match.targets:
            click.echo(wrap(f"{target.id:<6}{target.title[language]}", "  ", width, hang=6))
    if query and not query.strip()[0].isdigit():
        count = sum(len(match.targets) for match in matches)
        targets = msg.plural("cli.count.targets", count)
        click.echo("\n" + msg("cli.goals.found", targets=targets, goals=msg.plural("cli.count.goals", len(matches)), query=query))


def _framework(session: Session):
    """In a project, the goals and targets as its site words them (stories/sdg-teksten.yml); anywhere
    else, as shipped."""
    from sdg_stories.content.wording_file import owners_framework
    from sdg_stories.sdg.goals import load_framework

    try:
        project = session.project
    except click.ClickException:
        return load_framework()
    return owners_framework(project.stories_path, project.settings.language)
