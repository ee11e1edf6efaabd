"""Rendering generated pages and blocks with the package's Jinja templates.

The environment escapes every value automatically: titles, names and summaries come from writers and
recruiters, and nothing they type may become markup. Only HTML that the Markdown converter made from a
story body is passed in as ``Markup``.

Why it is built this way (issue 7, build speed; bench/README.md has the profile):

- Every build gets an environment of its own, whose globals are that build's ``site``, ``t``, ``lang``,
  ``date``, ``url`` and ``card``. Macros then need no render context, so ``{% import "macros.html" as m %}``
  runs the macro module once per build; imported ``with context`` it ran again on every render.
- ``url(target)`` does not know the page: it writes a placeholder that names the site-root relative
  target, and ``_render`` turns every placeholder into a link relative to the page it renders. Markup
  that holds links is therefore the same on every page, and is rendered once and reused: each story card
  (overview, goal, adviser and related listings, the home page) and fragments such as the filter form.
  The placeholder carries a random token of this process, so text a writer typed can never forge one.
- Nothing is kept from one build to the next: under `mkdocs serve` a rebuild renders every card again.
  Keeping cards and parsed stories between rebuilds saved nothing the bench could tell from noise at
  200 and 1,000 stories (bench/README.md, "What serve keeps"), and compiled templates 0.07 s a rebuild.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from functools import cache, lru_cache

import jinja2
from babel.dates import format_date
from markupsafe import Markup, escape

from sdg_stories.pages.labels import LABELS, story_count
from sdg_stories.pages.links import relative_url
from sdg_stories.content.records import Story
from sdg_stories.pages.page import GeneratedPage
from sdg_stories.model.site import Site

# Placeholder for a link: start, the site-root relative target, end. NUL never occurs in a target.
_LINK_START = f"\x00sdg-link-{secrets.token_hex(8)}:"
_LINK_END = "\x00"
_LINK = re.compile(re.escape(_LINK_START) + "([^\x00]*)" + _LINK_END)

_LOADER = jinja2.PackageLoader("sdg_stories", "templates")


@cache
def environment() -> jinja2.Environment:
    """The process' shared environment, for what has no per-build globals (feeds, link previews)."""
    return _new_environment(auto_reload=True)


def _new_environment(auto_reload: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=_LOADER,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        # A build's own environment lives for one build: it need not look at the files again on every
        # get_template (one stat() per import and render), it reads each template once anyway.
        auto_reload=auto_reload,
    )
    env.filters["story_count"] = lambda n, labels: story_count(labels, n)
    return env


def resolve_links(html: str, page_url: str) -> str:
    """Every ``url()`` placeholder in ``html`` as a link relative to ``page_url``, escaped as Jinja would."""
    if _LINK_START not in html:
        return html
    return _LINK.sub(lambda match: _escaped_relative_url(match[1], page_url), html)


@lru_cache(maxsize=1 << 16)
def _escaped_relative_url(target: str, page_url: str) -> str:
    return str(escape(relative_url(target, page_url)))


def _link(target: str) -> Markup:
    """Template global ``url``: a placeholder that ``resolve_links`` makes relative to the page."""
    return Markup(_LINK_START + target + _LINK_END)


@lru_cache(maxsize=4096)
def long_date(value: dt.date, language: str) -> str:
    """A date as the language writes it ("5 april 2024"); Babel takes ~0.3 ms a call, a site repeats dates."""
    return format_date(value, format="long", locale=language)


class Renderer:
    """Renders pages and blocks for one site; ``page_url`` makes every link relative to the page."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.labels = LABELS[site.language]
        self.env = _new_environment(auto_reload=False)
        self.env.globals.update(
            site=site,
            t=self.labels,
            lang=site.language,
            url=_link,
            date=self._format_date,
            card=self._card,
            fragment=self._fragment,
        )
        self._cards: dict[tuple[str, str, bool], Markup] = {}
        # Keyed by the identity of the context objects, which the entry holds so no other object takes their id.
        self._fragments: dict[tuple, tuple[tuple[object, ...], Markup]] = {}

    def render_page(self, page: GeneratedPage, body_html: str) -> str:
        """A generated page: its template around its converted Markdown (a story's body as HTML)."""
        context = dict(page.context, page=page, body=Markup(body_html))
        return self._render(page.template, page.url, context)

    def render_block(self, template: str, page_url: str, **context: object) -> str:
        """A block for a hand-written page, such as the goal grid on the home page."""
        return self._render(template, page_url, context)

    def _render(self, template: str, page_url: str, context: dict) -> str:
        return resolve_links(self.env.get_template(template).render(context), page_url)

    def _format_date(self, value: dt.date) -> str:
        return long_date(value, self.site.language)

    def _card(self, story: Story, heading: str = "h2", show_targets: bool = False) -> Markup:
        """Template global ``card``: macros.story_card, rendered once for every page that lists the story."""
        key = (story.slug, heading, show_targets)
        if key not in self._cards:
            self._cards[key] = self._macros.story_card(story, heading, show_targets)
        return self._cards[key]

    def _fragment(self, template: str, **context: object) -> Markup:
        """Template global ``fragment``: a template that does not depend on the page, such as the overview's
        filter form, rendered once per build for the same context objects and placed on every page that has it."""
        key = (template, *sorted((name, id(value)) for name, value in context.items()))
        if key not in self._fragments:
            rendered = Markup(self.env.get_template(template).render(context))
            self._fragments[key] = (tuple(context.values()), rendered)
        return self._fragments[key][1]

    @property
    def _macros(self) -> jinja2.environment.TemplateModule:
        return self.env.get_template("macros.html").module
