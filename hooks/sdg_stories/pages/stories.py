"""Story pages: ``stories/<slug>/``, the story with its adviser, goals, targets and related stories."""

from __future__ import annotations

from sdg_stories.pages.page import GeneratedPage
from sdg_stories.model.site import Site


def generate(site: Site) -> list[GeneratedPage]:
    return [
        GeneratedPage(
            url=site.story_url(story),
            title=story.title,
            template="story.html",
            context={"story": story},
            markdown=story.body,
            source=story.source,
            description=story.summary,
            lang=story.lang,
            draft=story.draft,
            kind="story",
        )
        for story in site.stories
    ]
