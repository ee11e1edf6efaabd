"""Finding goals and targets by number or by a word in their texts: ``sdg-stories goals veilig``.

A writer knows roughly what the assignment was about ("veilig", "water"), not that it is target 11.7.
Words match regardless of case and accents ("energie" finds "énergie"), in Dutch and English texts
alike, so a Dutch writer may search in English; the texts are shown in the site's language.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sdg_stories.content.messages import Messages
from sdg_stories.sdg.goals import Framework, Goal, Target


@dataclass(frozen=True)
class GoalMatch:
    goal: Goal
    goal_matches: bool  # the query names or mentions the goal itself
    targets: tuple[Target, ...]  # the targets to show under it


class UnknownNumber(ValueError):
    """A number that is shaped like a goal or target but does not exist; says what does."""


def search_goals(framework: Framework, query: str | None, msg: Messages) -> list[GoalMatch]:
    """Everything for no query; a goal with its targets for ``11``; one target for ``11.7``; else words."""
    query = (query or "").strip()
    if not query:
        return [GoalMatch(goal, True, goal.targets) for goal in framework.goals]
    if query.isdigit():
        goal = framework.goal(int(query))
        if goal is None:
            raise UnknownNumber(msg("cli.goals.no-goal", goal=query))
        return [GoalMatch(goal, True, goal.targets)]
    parsed = framework.parse_target_id(query)
    if parsed is not None:
        return [_match_target(framework, query.lower(), parsed[0], msg)]
    return _match_words(framework, query)


def _match_target(framework: Framework, target_id: str, goal_id: int, msg: Messages) -> GoalMatch:
    goal = framework.goal(goal_id)
    if goal is None:
        raise UnknownNumber(msg("cli.goals.no-goal", goal=goal_id))
    target = framework.target(target_id)
    if target is None:
        valid = ", ".join(target.id for target in goal.targets)
        raise UnknownNumber(msg("field.unknown-target", value=target_id, goal=goal.id, targets=valid))
    return GoalMatch(goal, False, (target,))


def _match_words(framework: Framework, query: str) -> list[GoalMatch]:
    needle = fold(query)
    found = []
    for goal in framework.goals:
        goal_matches = any(needle in fold(text) for text in (*goal.short.values(), *goal.title.values()))
        targets = tuple(t for t in goal.targets if any(needle in fold(text) for text in t.title.values()))
        if goal_matches or targets:
            found.append(GoalMatch(goal, goal_matches, targets))
    return found


def fold(text: str) -> str:
    """Lower case without accents: "Veilig" and "veilig", "coöperatie" and "cooperatie" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
