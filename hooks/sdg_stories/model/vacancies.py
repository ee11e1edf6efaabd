"""Which vacancies are open on the build date, and which of them fit a story or a goal.

The build date decides what the pages hold; a vacancy closing on the build date itself is still open that
day. Every page that shows a vacancy also carries its closing day, so the visitor's browser hides it on
the day after (templates/vacancy-closing.js) without waiting for the next build; feeds and open data
drop it at the next build. ``for_story`` therefore ranks every candidate, and a story page holds a few
more than it shows, for the browser to fall back on.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from sdg_stories.model.campaign_links import with_campaign
from sdg_stories.content.messages import messages
from sdg_stories.content.records import Story, Vacancy
from sdg_stories.content.problems import Problem

STORY_LIMIT = 3  # vacancies under a story: a call to action, not a job board
# Held hidden under a story for when the shown ones close before the next build (vacancy-closing.js).
STORY_RESERVE = 3
GOAL_LIMIT = 6  # vacancies on a goal page; the rest are one click away on the vacancies page
LINKED_STORIES_LIMIT = 6  # stories named beside a vacancy on the vacancies page
CLOSING_SOON_DAYS = 14  # a recruiter's warning: "closing soon" in `sdg-stories vacancies`

# utm_campaign for the listing pages; a story page uses the story's slug.
VACANCIES_CAMPAIGN = "vacancies"


def is_open(vacancy: Vacancy, on: dt.date) -> bool:
    """Open from its opening day (``opens``; without it, at once) up to and including the closing day;
    without ``closes``, open until it leaves the file."""
    return not is_scheduled(vacancy, on) and not is_closed(vacancy, on)


def is_scheduled(vacancy: Vacancy, on: dt.date) -> bool:
    """Not shown yet: the build on its ``opens`` day publishes it."""
    return vacancy.opens is not None and vacancy.opens > on


def is_closed(vacancy: Vacancy, on: dt.date) -> bool:
    return vacancy.closes is not None and vacancy.closes < on


def status(vacancy: Vacancy, on: dt.date) -> str:
    """For recruiters: "not-yet-open" (``opens`` after ``on``), "open", "closing-soon" (within
    CLOSING_SOON_DAYS), "closed" or "no-closing-date"."""
    if is_scheduled(vacancy, on):
        return "not-yet-open"
    if vacancy.closes is None:
        return "no-closing-date"
    if vacancy.closes < on:
        return "closed"
    return "closing-soon" if (vacancy.closes - on).days <= CLOSING_SOON_DAYS else "open"


def goal_campaign(goal_id: int) -> str:
    return f"sdg-{goal_id}"


class Vacancies:
    """The open vacancies of one build, indexed by id, goal and the stories that name them."""

    # For the templates, which cap the lists and name the campaign of the page they render.
    goal_limit = GOAL_LIMIT
    story_limit = STORY_LIMIT
    story_reserve = STORY_RESERVE
    linked_stories_limit = LINKED_STORIES_LIMIT
    listing_campaign = VACANCIES_CAMPAIGN
    goal_campaign = staticmethod(goal_campaign)

    def __init__(
        self,
        vacancies: tuple[Vacancy, ...],
        stories: tuple[Story, ...],
        build_date: dt.date,
        utm: dict[str, str] | None,
    ) -> None:
        self.build_date = build_date
        self._utm = utm
        self.open: tuple[Vacancy, ...] = tuple(v for v in vacancies if is_open(v, build_date))
        self._by_id = {vacancy.id: vacancy for vacancy in self.open}
        self.by_goal: dict[int, list[Vacancy]] = {}
        for vacancy in self.open:
            for goal_id in vacancy.goals:
                self.by_goal.setdefault(goal_id, []).append(vacancy)
        for listed in self.by_goal.values():
            listed.sort(key=_listing_order)
        self._linked: dict[str, list[Story]] = {}
        for story in stories:
            for vacancy_id in story.vacancies:
                if vacancy_id in self._by_id:
                    self._linked.setdefault(vacancy_id, []).append(story)

    def for_story(self, story: Story) -> list[Vacancy]:
        """The vacancies a story shows at build time: the first STORY_LIMIT candidates."""
        return self.candidates_for_story(story)[:STORY_LIMIT]

    def candidates_for_story(self, story: Story) -> list[Vacancy]:
        """The story's own open vacancies in the order it names them, then others sharing a goal, best first."""
        chosen = [self._by_id[vacancy_id] for vacancy_id in story.vacancies if vacancy_id in self._by_id]
        named = {vacancy.id for vacancy in chosen}
        candidates = {
            vacancy.id: vacancy
            for goal_id in story.goals
            for vacancy in self.by_goal.get(goal_id, ())
            if vacancy.id not in named
        }

        def fit(vacancy: Vacancy) -> tuple:
            shared_targets = len(set(vacancy.targets) & set(story.targets))
            shared_goals = len(set(vacancy.goals) & set(story.goals))
            return (-shared_targets, -shared_goals, *_listing_order(vacancy))

        chosen += sorted(candidates.values(), key=fit)
        return chosen

    def for_goal(self, goal_id: int) -> list[Vacancy]:
        """Every open vacancy serving the goal, directly or through one of its targets; soonest closing first."""
        return self.by_goal.get(goal_id, [])

    def goals(self) -> list[int]:
        """The goals that have open vacancies, in number order: the filters of the vacancies page."""
        return sorted(self.by_goal)

    def listed(self) -> list[Vacancy]:
        """Every open vacancy once, closing soonest first: the list of the vacancies page."""
        return sorted(self.open, key=_listing_order)

    def linked_stories(self, vacancy: Vacancy) -> list[Story]:
        """The stories that name this vacancy in their front matter, newest first."""
        return self._linked.get(vacancy.id, [])

    def link(self, vacancy: Vacancy, campaign: str) -> str:
        return with_campaign(vacancy.url, self._utm, campaign)

    def careers_link(self, careers_url: str, campaign: str) -> str:
        return with_campaign(careers_url, self._utm, campaign)


def closed_vacancy_notices(
    stories: tuple[Story, ...], vacancies: tuple[Vacancy, ...], build_date: dt.date, show: Callable[[str], str],
    language: str,
) -> list[Problem]:
    """A story naming a vacancy that has closed still builds (its page shows the next fitting vacancy or the
    invitation), but someone should take the id out.

    ``show`` turns a story's source into the path a writer knows (``stories/x.md``); the line is filled
    in by the caller, which knows where the file lives.
    """
    # Closed only: a vacancy that opens later is shown under the story from its opening day on.
    closed = {vacancy.id: vacancy for vacancy in vacancies if is_closed(vacancy, build_date)}
    msg = messages(language)
    return [
        Problem(
            show(story.source), None, "vacancies",
            msg(
                "vacancies.closed", value=vacancy_id, title=closed[vacancy_id].title,
                date=closed[vacancy_id].closes.isoformat(),
            ),
        )
        for story in stories
        for vacancy_id in story.vacancies
        if vacancy_id in closed
    ]


def _listing_order(vacancy: Vacancy) -> tuple:
    # Closing soonest first (a candidate has least time for those), open-ended ones last, then by title.
    return (vacancy.closes or dt.date.max, vacancy.title.lower(), vacancy.id)
