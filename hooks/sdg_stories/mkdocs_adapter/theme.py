"""The theme in the site's language and the site's sections: what Material and Python-Markdown would
otherwise say in English.

Material translates its own interface (though its Dutch names the page's regions "Header", "Tabs" and
"Footer": partials/language.html takes ours first), but three things on every page come from elsewhere: the heading
links' "Permanent link" (Python-Markdown's toc extension), the footer and the 404 page (Material's
templates, overridden in docs/overrides/ with the words of pages/labels.py, given to the theme here),
and Pagefind's search dialog (whose Dutch says "Reset" and "u").
"""

from __future__ import annotations

import json

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

from sdg_stories.model.settings import Settings
from sdg_stories.model.site import Site
from sdg_stories.pages import accessibility
from sdg_stories.pages.labels import LABELS


def localise_config(config: MkDocsConfig) -> None:
    """The heading links' tooltip in the site's language, unless mkdocs.yml sets one itself."""
    labels = LABELS.get(config.theme["language"] or "nl", LABELS["nl"])
    toc = config.mdx_configs.get("toc")
    if toc is not None and toc.get("permalink") and "permalink_title" not in toc:
        toc["permalink_title"] = labels["permalink"]


def theme_words(env: Environment, language: str) -> None:
    """``sdg_t`` for the overrides (footer, 404, header): the words of pages/labels.py; ``sdg_theme_words``,
    which partials/language.html puts before Material's translations; and
    ``sdg_search_words``, Pagefind's dialog words as JSON (header.html escapes it into an attribute)."""
    labels = LABELS.get(language, LABELS["nl"])
    env.globals["sdg_t"] = labels
    # Material's own words that its Dutch leaves English, and the skip link: partials/language.html.
    env.globals["sdg_theme_words"] = {
        "header": labels["theme_header"],
        "tabs": labels["theme_tabs"],
        "footer": labels["theme_footer"],
        "action.skip": labels["skip_link"],
    }
    env.globals["sdg_search_words"] = json.dumps(
        {"clear_search": labels["search_clear"], "input_hint": labels["search_input_hint"]}, ensure_ascii=False
    )


def footer_links(settings: Settings, feeds: bool) -> list[dict[str, str | bool]]:
    """``sdg_footer`` for partials/copyright.html: what every Dutch public-facing site links in its footer
    (contact and privacy when mkdocs.yml gives them, the accessibility statement always), and the feed when
    the site publishes one (only with a site_url). ``internal``: a site-root relative page of this site."""
    labels = LABELS.get(settings.language, LABELS["nl"])
    links = settings.links
    items: list[dict[str, str | bool]] = []
    if links.contact_url:
        items.append({"label": labels["footer_contact"], "href": links.contact_url, "internal": False})
    if links.privacy_url:
        items.append({"label": labels["footer_privacy"], "href": links.privacy_url, "internal": False})
    items.append({"label": labels["footer_accessibility"], "href": accessibility.URL, "internal": True})
    if feeds:
        items.append({"label": labels["footer_subscribe"], "href": Site.FEED_URL, "internal": True})
    return items
