"""The site as published at its address: its name, and the absolute URLs that travel beyond it.

Feeds, open data and link previews are read elsewhere (a feed reader, a municipality's SDG report, a
LinkedIn post), where a relative link means nothing. They all need ``site_url``; without it a build
leaves them out with one warning rather than failing, so a local `mkdocs build` of a draft site still
works, while `mkdocs build --strict` (CI, publishing) stops and someone sets the address.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from sdg_stories.content.messages import messages
from sdg_stories.content.problems import Problem
from sdg_stories.model.settings import Settings


@dataclass(frozen=True)
class Publication:
    name: str
    url: str  # the site's root, ending in "/": https://verhalen.example.nl/
    description: str | None = None

    def absolute(self, path: str) -> str:
        """``path`` is site-root relative, as the Site's URL helpers make them (``stories/x/``, ``sdg/11/#t``)."""
        # Image file names may hold spaces or accents; page URLs are slugs and pass unchanged.
        return self.url + quote(path, safe="/#%:@!$&'()*+,;=~")


def publication_for(settings: Settings, name: str, description: str | None) -> Publication | None:
    """None when the site has no address, which the caller reports with ``missing_site_url``."""
    if not settings.site_url:
        return None
    url = settings.site_url if settings.site_url.endswith("/") else settings.site_url + "/"
    return Publication(name=name, url=url, description=description or None)


def missing_site_url(config_file: str, language: str) -> Problem:
    return Problem(config_file, None, "site_url", messages(language)("publication.no-site-url"))
