"""The published site as data: which stories show, how they group, and where every page lives."""

from __future__ import annotations

from sdg_stories.sdg.goals import Framework, Goal, Target
from sdg_stories.content.records import Adviser, Content, Story
from sdg_stories.model.settings import Settings
from sdg_stories.model.vacancies import Vacancies

RELATED_LIMIT = 3
# Related stories come from a story's neighbours in each of its goals' lists (by date), so finding them
# costs the same for every story whether the site has 50 stories or 50,000.
_NEIGHBOURS = 6
# The generated page about the rubric (pages/rubric.py), in the site's language, when the owner names none.
RUBRIC_URLS = {"nl": "over-de-rubriek/", "en": "about-the-series/"}


class Site:
    """Everything the page generators need, computed once per build."""

    def __init__(self, content: Content, framework: Framework, settings: Settings) -> None:
        self.content = content
        self.framework = framework
        self.settings = settings
        # `mkdocs serve` previews drafts and scheduled stories (a date after the build date) with a banner;
        # a build leaves both out of every page, feed, index and sitemap until the build of their day.
        self.stories: tuple[Story, ...] = tuple(
            story for story in content.stories if settings.show_drafts or self.is_published(story)
        )
        self.by_goal: dict[int, list[Story]] = {goal.id: [] for goal in framework.goals}
        self.by_adviser: dict[str, list[Story]] = {key: [] for key in content.advisers}
        for story in self.stories:
            for goal_id in story.goals:
                self.by_goal[goal_id].append(story)
            self.by_adviser[story.adviser].append(story)
        self.vacancies = Vacancies(content.vacancies, self.stories, settings.build_date, settings.utm)
        self._positions = {
            (goal_id, story.slug): n for goal_id, stories in self.by_goal.items() for n, story in enumerate(stories)
        }

    def is_scheduled(self, story: Story) -> bool:
        """Dated after the build date: published by the first build on or after its date."""
        return story.date > self.settings.build_date

    def is_published(self, story: Story) -> bool:
        """What a build publishes: neither a draft nor scheduled. Feeds and open data follow this under
        `mkdocs serve` too, where the pages show the others with a banner."""
        return not story.draft and not self.is_scheduled(story)

    @property
    def language(self) -> str:
        return self.settings.language

    def adviser(self, story: Story) -> Adviser:
        return self.content.advisers[story.adviser]

    def goals_of(self, story: Story) -> list[Goal]:
        return [self.framework.goal(goal_id) for goal_id in story.goals]

    def targets_of(self, story: Story) -> list[Target]:
        return [self.framework.target(target_id) for target_id in story.targets]

    def related(self, story: Story) -> list[Story]:
        """Stories sharing the most goals and targets, nearest in date first."""
        candidates: dict[str, Story] = {}
        for goal_id in story.goals:
            stories = self.by_goal[goal_id]
            position = self._positions[(goal_id, story.slug)]
            for other in stories[max(0, position - _NEIGHBOURS) : position + _NEIGHBOURS + 1]:
                if other.slug != story.slug:
                    candidates[other.slug] = other

        def score(other: Story) -> tuple[int, int, str]:
            shared = 2 * len(set(other.targets) & set(story.targets)) + len(set(other.goals) & set(story.goals))
            return (-shared, abs((other.date - story.date).days), other.slug)

        return sorted(candidates.values(), key=score)[:RELATED_LIMIT]

    # URLs, relative to the site root, always in directory style so links work on any static host.

    @staticmethod
    def story_url(story: Story) -> str:
        return f"stories/{story.slug}/"

    @staticmethod
    def goal_url(goal_id: int) -> str:
        return f"sdg/{goal_id}/"

    def target_url(self, target: Target | str) -> str:
        if isinstance(target, str):
            target = self.framework.target(target)
        return f"sdg/{target.goal_id}/#{target.anchor}"

    @staticmethod
    def adviser_url(key: str) -> str:
        return f"advisers/{key}/"

    @staticmethod
    def asset_url(path: str) -> str:
        return f"stories/{path}"

    @staticmethod
    def goal_feed_url(goal_id: int) -> str:
        return f"sdg/{goal_id}/feed.xml"

    @property
    def rubric_url(self) -> str:
        """The page about the rubric: the site owner's (extra.sdg_stories.rubric_page), else the generated one."""
        if self.settings.rubric_page is not None:
            return self.settings.rubric_page
        return RUBRIC_URLS.get(self.language, RUBRIC_URLS["nl"])

    FEED_URL = "feed.xml"
    OVERVIEW_URL = "stories/"
    VACANCIES_URL = "vacancies/"
    GOALS_URL = "sdg/"
    ADVISERS_URL = "advisers/"
