"""``/admin/``, the web editor, added to every build as ``File.generated`` files (outputs/editor_site.py)."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from sdg_stories.content.problems import ContentError
from sdg_stories.model.editor_settings import EditorSettings
from sdg_stories.model.site import Site
from sdg_stories.outputs.editor_site import editor_files

# Material's own stylesheets, named by their content hash; the preview needs them to look like the site.
_THEME_CSS = re.compile(r"^assets/stylesheets/(main|palette)\.[0-9a-f]+\.min\.css$")


def generate_editor_files(config: MkDocsConfig, files: Files, site: Site) -> list[File]:
    options = ((config.extra or {}).get("sdg_stories") or {}).get("editor")
    settings, problems = EditorSettings.from_options(options, Path(config.config_file_path).name, site.language)
    if problems:
        raise PluginError(ContentError(problems, site.language).report())
    theme_css = sorted(file.src_uri for file in files if _THEME_CSS.match(file.src_uri))
    stylesheets = theme_css + [str(css) for css in config.extra_css]
    return [
        File.generated(config, file.path, content=file.content)
        if file.content is not None
        else File.generated(config, file.path, abs_src_path=str(file.source))
        for file in editor_files(site, settings, stylesheets)
    ]
