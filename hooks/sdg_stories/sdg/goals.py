"""The SDG framework: 17 goals, 169 targets, their titles in English and Dutch, and the goal colours.

The data ships inside the package (``data/sdg.json``) so a build never depends on anything outside the
project; docs/sdg-data.md names its sources and licences.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

from sdg_stories.sdg.contrast import readable_text_color

LANGUAGES = ("nl", "en")

_TARGET_ID = re.compile(r"^(?P<goal>\d{1,2})\.(?P<number>\d{1,2}|[a-z])$")


@dataclass(frozen=True)
class Target:
    """One target, such as 11.7 (an outcome target) or 11.a (a means of implementation)."""

    id: str
    goal_id: int
    title: dict[str, str]

    @property
    def anchor(self) -> str:
        """The fragment id on the goal page: ``target-11-7``; dots are awkward in CSS selectors."""
        return "target-" + self.id.replace(".", "-")


@dataclass(frozen=True)
class Goal:
    """One of the 17 goals, with its official colour and a text colour that reaches WCAG AA on it."""

    id: int
    color: str
    text_color: str
    short: dict[str, str]
    title: dict[str, str]
    targets: tuple[Target, ...]


@dataclass(frozen=True)
class Wording:
    """A site owner's own texts for goals and targets, read from the stories folder (content/wording_file.py):
    ``goals[8]["short"]["nl"]``, ``targets["8.5"]["nl"]``. What it does not name keeps the shipped text."""

    goals: dict[int, dict[str, dict[str, str]]] = field(default_factory=dict)  # goal -> short/title -> language
    targets: dict[str, dict[str, str]] = field(default_factory=dict)  # target id -> language -> text

    def __bool__(self) -> bool:
        return bool(self.goals or self.targets)


class Framework:
    """The goals and targets, looked up by id; the one source of truth for what is valid."""

    def __init__(self, goals: tuple[Goal, ...]) -> None:
        self.goals = goals
        self._goals = {goal.id: goal for goal in goals}
        self._targets = {target.id: target for goal in goals for target in goal.targets}
        # Framework order (11.1 < 11.2 < 11.10 < 11.a) for sorting target ids as people expect.
        self._order = {target_id: n for n, target_id in enumerate(self._targets)}

    def goal(self, goal_id: int) -> Goal | None:
        return self._goals.get(goal_id)

    def target(self, target_id: str) -> Target | None:
        return self._targets.get(target_id)

    @property
    def targets(self) -> tuple[Target, ...]:
        return tuple(self._targets.values())

    def target_order(self, target_id: str) -> int:
        return self._order[target_id]

    def reworded(self, wording: Wording) -> Framework:
        """The same goals and targets with the owner's texts in place of the shipped ones: a new framework
        for one site, so the shipped one (cached per process) never changes."""
        if not wording:
            return self
        goals = []
        for goal in self.goals:
            own = wording.goals.get(goal.id, {})
            targets = tuple(
                replace(target, title=target.title | wording.targets[target.id]) if target.id in wording.targets
                else target
                for target in goal.targets
            )
            goals.append(replace(goal, short=goal.short | own.get("short", {}), title=goal.title | own.get("title", {}),
                                 targets=targets))
        return Framework(tuple(goals))

    @staticmethod
    def parse_target_id(text: str) -> tuple[int, str] | None:
        """Split ``11.a`` into (11, "a"); None when the text is not shaped like a target id."""
        match = _TARGET_ID.match(text.strip().lower())
        if not match:
            return None
        return int(match["goal"]), match["number"]


@cache
def load_framework() -> Framework:
    """Read the shipped data once per process: it never changes while a site builds."""
    raw = json.loads(resources.files("sdg_stories").joinpath("data/sdg.json").read_text("utf-8"))
    goals = []
    for goal in raw["goals"]:
        targets = tuple(
            Target(id=target["id"], goal_id=goal["id"], title=target["title"])
            for target in goal["targets"]
        )
        goals.append(
            Goal(
                id=goal["id"],
                color=goal["color"],
                text_color=readable_text_color(goal["color"]),
                short=goal["short"],
                title=goal["title"],
                targets=targets,
            )
        )
    return Framework(tuple(goals))
