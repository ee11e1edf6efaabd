"""`mkdocs serve`: what a rebuild keeps from the last build, the stories' conversions and the pages as the
theme rendered them, and how it knows they are still right (their keys).

With hooks/mkdocs_hooks.py and mkdocs_site.py, one of the modules that know MkDocs.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import zlib
from pathlib import Path

from jinja2 import ChoiceLoader, DictLoader, Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from sdg_stories.pages.build import SiteBuild
from sdg_stories.pages import GeneratedPage
from sdg_stories.pages.render_cache import CONVERSIONS, PAGES, Conversion, LogCapture, replay, site_fingerprint

# What a conversion logs, kept with it and logged again when it is used. "mkdocs" does not propagate to
# the root logger ("MARKDOWN" does), hence both.
CONVERSION_LOG = LogCapture("mkdocs", "")


class KeptConversions:
    """`mkdocs serve`: each story's Markdown as MkDocs converted it, kept for the next rebuild.

    MkDocs converts in ``Page.render``, between on_page_markdown and on_page_content. The key is all the
    conversion reads: the Markdown, the page's source path, the Markdown extensions and their settings,
    the validation levels, and every file's source path, address and inclusion (links between pages are
    rewritten and checked against them). On a hit, ``before`` gives the page a ``render`` of its own that
    puts back what the conversion made (rebuild_cache.Conversion) instead of converting: MkDocs' own would
    set up a Markdown instance with every extension for each page, a tenth of a rebuild.
    """

    def __init__(self, config: MkDocsConfig, pages: int) -> None:
        self._settings = repr((config.markdown_extensions, config.mdx_configs, config.validation,
                               config.use_directory_urls))
        self._files_key: str | None = None
        self._making: dict[str, tuple] = {}
        CONVERSION_LOG.stop()  # a build that failed during a conversion left it collecting
        CONVERSIONS.fit(2 * pages + 100)

    def before(self, markdown: str, page: Page, files: Files) -> str:
        if self._files_key is None:
            self._files_key = _files_fingerprint(files)
        key = (markdown, page.file.src_uri, self._settings, self._files_key)
        found = CONVERSIONS.get(key)
        if found is not None:
            # An instance attribute: MkDocs calls page.render(config, files) right after this event.
            page.render = functools.partial(restore_conversion, page, found)  # type: ignore[method-assign]
        else:
            self._making[page.file.src_uri] = key
            CONVERSION_LOG.start()
        return markdown

    def after(self, html: str, page: Page) -> str:
        key = self._making.pop(page.file.src_uri, None)
        if key is not None:
            CONVERSIONS.put(key, conversion_of(page, CONVERSION_LOG.stop()))
        return html


class KeptPages:
    """`mkdocs serve`: each page as the theme rendered it, used again while nothing it is made of changed.

    A rebuild renders every page with Material's template again, the largest part of a rebuild once
    Markdown and our own templates are kept. In on_env, when every page's content is known and before
    any page is built, each page gets a key: the config (theme, features, language, extra, nav as
    written, site_url...), the theme's templates (their text, custom_dir overrides included), the nav as
    built (every entry's title and address), every file's path and address, the site (site_fingerprint),
    and the page's own address, meta, title, table of contents and content; for a generated page, the
    inputs of its content (templates, body HTML) instead of the content, which is then rendered only
    when the key is new. A page whose key the last build had is built with a template that prints the
    output kept from it (TEMPLATE), so MkDocs still writes it and the hooks still see it.

    Only with no plugins besides the hooks (what this site has): a plugin's on_post_page could change the
    output after the template, and would then change a kept page twice. The build time is the one input
    left out, since it differs on every build: the theme's templates must not print it (checked).
    """

    TEMPLATE = "sdg-stories/kept-page.html"

    def __init__(self, build: SiteBuild, pages: int) -> None:
        self._build = build
        self._site = site_fingerprint(build.site)
        self._keys: dict[str, bytes] = {}  # src_uri -> key of a page rendered this build
        self._outputs: dict[str, bytes] = {}  # src_uri -> kept output for a page not rendered this build
        PAGES.fit(2 * pages + 100)

    def decide(self, env: Environment, config: MkDocsConfig, files: Files,
               nav: Navigation) -> list[tuple[GeneratedPage, str]]:
        """Keep or render each page; returns each generated page with its HTML (kept output or new content)."""
        env.loader = ChoiceLoader([DictLoader({self.TEMPLATE: "{{ sdg_kept_page }}"}), env.loader])
        theme = _theme_fingerprint(config)
        common = repr((sorted(config.items()), theme, _nav_fingerprint(nav), _files_fingerprint(files), self._site))
        renderer = self._build.renderer
        made: list[tuple[GeneratedPage, str]] = []
        for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve):  # drafts too
            page = file.page
            if page is None or page.content is None:
                continue
            generated = self._build.pages_by_src_uri.get(file.src_uri)
            digest = hashlib.sha1(common.encode())
            # page.content is, for a generated page, still the converted body (render_content).
            made_of = (renderer.templates, generated.template) if generated else ()
            digest.update(repr((file.src_uri, file.url, file.inclusion.name, str(page.title), sorted(page.meta.items()),
                                _toc_fingerprint(page.toc), made_of)).encode())
            digest.update((page.content or "").encode())
            key = digest.digest()
            found = PAGES.get(key) if theme is not None else None
            if found is not None:
                page.meta["template"] = self.TEMPLATE
                self._outputs[file.src_uri] = found
                if generated is not None:
                    made.append((generated, zlib.decompress(found).decode("utf-8")))
                continue
            self._keys[file.src_uri] = key
            if generated is not None:
                page.content = renderer.render_page(generated, page.content or "")
                made.append((generated, page.content))
        return made

    def fill(self, context: dict, page: Page) -> bool:
        """For a kept page: its output as the kept template's only variable; False for a page to render."""
        found = self._outputs.pop(page.file.src_uri, None)
        if found is None:
            return False
        context["sdg_kept_page"] = Markup(zlib.decompress(found).decode("utf-8"))
        return True

    def store(self, output: str, page: Page) -> None:
        key = self._keys.pop(page.file.src_uri, None)
        if key is not None:
            PAGES.put(key, zlib.compress(output.encode("utf-8"), 1))


def conversion_of(page: Page, records: tuple[logging.LogRecord, ...]) -> Conversion:
    """What Page.render left on the page, and what it logged, to put back later (restore_conversion)."""
    links = page.links_to_anchors
    return Conversion(
        html=page.content or "",
        toc=page.toc,
        anchors=frozenset(page.present_anchor_ids or ()),
        links_to_anchors=None if links is None else tuple(
            (file.src_uri, tuple(sorted(anchors.items()))) for file, anchors in links.items()
        ),
        records=records,
    )


def restore_conversion(page: Page, found: Conversion, config: MkDocsConfig, files: Files) -> None:
    """Page.render for a page whose conversion is kept: what MkDocs' own leaves on the page, without converting."""
    page.content = found.html
    page.toc = found.toc  # type: ignore[assignment]
    page.present_anchor_ids = set(found.anchors)
    if found.links_to_anchors is not None:
        page.links_to_anchors = {files.get_file_from_path(src_uri): dict(links) for src_uri, links in found.links_to_anchors}
    replay(found.records)


def _files_fingerprint(files: Files) -> str:
    digest = hashlib.sha1()
    for file in sorted(files, key=lambda file: file.src_uri):
        digest.update(f"{file.src_uri}\0{file.dest_uri}\0{file.url}\0{file.inclusion.name}\n".encode())
    return digest.hexdigest()


def _theme_fingerprint(config: MkDocsConfig) -> str | None:
    """A digest of every template of the theme (custom_dir first); None when one prints the build time."""
    digest = hashlib.sha1()
    for folder in config.theme.dirs:
        for path in sorted(Path(folder).rglob("*.html")):
            text = path.read_bytes()
            if b"build_date_utc" in text:
                return None
            digest.update(str(path).encode() + b"\0" + text + b"\0")
    return digest.hexdigest()


def _nav_fingerprint(nav: Navigation) -> str:
    def entries(items: list) -> list:
        found = []
        for item in items:
            if isinstance(item, Section):
                found.append(("section", item.title, entries(item.children)))
            elif isinstance(item, Link):
                found.append(("link", item.title, item.url))
            else:
                found.append(("page", str(item.title), item.url, item.file.src_uri))
        return found

    return repr((entries(nav.items), nav.homepage.url if nav.homepage else None))


def _toc_fingerprint(toc: object) -> list:
    return [(item.title, item.id, item.level, _toc_fingerprint(item.children)) for item in toc]  # type: ignore[attr-defined]
