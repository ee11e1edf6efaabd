"""The accessibility statement, ``accessibility/``: the Dutch model statement's parts (digitoegankelijk.nl),
filled in from mkdocs.yml (model/accessibility.py), and linked in the footer of every page."""

from __future__ import annotations

from sdg_stories.model.site import Site
from sdg_stories.pages.labels import LABELS
from sdg_stories.pages.page import GeneratedPage

URL = "accessibility/"


def generate(site: Site) -> list[GeneratedPage]:
    labels = LABELS[site.language]
    return [
        GeneratedPage(
            url=URL,
            title=labels["a11y_title"],
            template="accessibility.html",
            context={"statement": site.settings.links.statement, "links": site.settings.links},
            description=labels["a11y_description"],
            hide=("navigation",),
            kind="accessibility",
        )
    ]
