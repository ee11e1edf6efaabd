"""Rendering generated pages and blocks with the package's Jinja templates.

The environment escapes every value automatically: titles, names and summaries come from writers and
recruiters, and nothing they type may become markup. Only HTML that the Markdown converter made from a
story body is passed in as ``Markup``.
"""

from __future__ import annotations

import datetime as dt
from functools import cache, partial

import jinja2
from babel.dates import format_date
from markupsafe import Markup

from sdg_stories.labels import LABELS, story_count
from sdg_stories.links import relative_url
from sdg_stories.pages.page import GeneratedPage
from sdg_stories.site import Site


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("sdg_stories", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["story_count"] = lambda n, labels: story_count(labels, n)
    return env


class Renderer:
    """Renders pages and blocks for one site; ``page_url`` makes every link relative to the page."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.labels = LABELS[site.language]
        self.env = environment()

    def render_page(self, page: GeneratedPage, body_html: str) -> str:
        context = dict(page.context, page=page, body=Markup(body_html))
        return self._render(page.template, page.url, context)

    def render_block(self, template: str, page_url: str, **context: object) -> str:
        """A block for a hand-written page, such as the goal grid on the home page."""
        return self._render(template, page_url, context)

    def _render(self, template: str, page_url: str, context: dict) -> str:
        return self.env.get_template(template).render(
            context,
            site=self.site,
            t=self.labels,
            lang=self.site.language,
            url=partial(relative_url, page_url=page_url),
            date=self._format_date,
        )

    def _format_date(self, value: dt.date) -> str:
        return format_date(value, format="long", locale=self.site.language)
