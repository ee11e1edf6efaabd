"""``sdg-stories --version``: the tool's version and the stack the site is built on, the engine (MkDocs or
ProperDocs), the theme (Material or MaterialX) and Pagefind.

Read from the installed distributions' metadata, not by importing them: the tool does not import MkDocs.
Both engines can be installed at once (MaterialX itself depends on MkDocs), so each installed one is named;
there is one theme per environment, as both themes' package is called ``material`` (README, "Moving off
Material").
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from sdg_stories.content.messages import Messages

ENGINES = (("mkdocs", "MkDocs"), ("properdocs", "ProperDocs"))
THEMES = (("mkdocs-material", "Material for MkDocs"), ("mkdocs-materialx", "MaterialX"))
SEARCH = (("pagefind", "Pagefind"),)


def _installed(distributions: tuple[tuple[str, str], ...], msg: Messages) -> str:
    found = []
    for distribution, name in distributions:
        try:
            found.append(f"{name} {version(distribution)}")
        except PackageNotFoundError:
            continue
    return ", ".join(found) or msg("cli.version-missing")


def version_text(msg: Messages) -> str:
    return "\n".join([
        f"sdg-stories {version('sdg-stories')}",
        msg("cli.version-engine", names=_installed(ENGINES, msg)),
        msg("cli.version-theme", names=_installed(THEMES, msg)),
        msg("cli.version-search", names=_installed(SEARCH, msg)),
    ])
