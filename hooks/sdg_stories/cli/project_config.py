"""Finding the project a command runs in, and reading its settings from mkdocs.yml as the build does.

The command-line tool must not import MkDocs (it would cost a second of start-up and tie the package
to the generator), so mkdocs.yml is read with PyYAML. MkDocs' own tags (``!ENV``, ``!!python/name``)
must not stop it: ``!ENV`` is resolved as MkDocs resolves it, any other tag is read as plain data.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from sdg_stories.content.yaml_mistakes import explain
from sdg_stories.content.messages import FALLBACK, messages
from sdg_stories.content.problems import Problem
from sdg_stories.model.settings import Settings

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


class ProjectNotFound(Exception):
    """No mkdocs.yml where the writer runs the tool; the message says what to do instead."""


@dataclass(frozen=True)
class ProjectConfig:
    root: Path
    config_file: Path
    settings: Settings
    problems: tuple[Problem, ...]  # mistakes in mkdocs.yml itself, worded as the build words them
    editor_options: object = None  # extra.sdg_stories.editor, read by `sdg-stories editor` (model/editor_settings.py)

    @property
    def stories_path(self) -> Path:
        return self.root / self.settings.stories_dir


def find_config_file(start: Path) -> Path:
    """mkdocs.yml in ``start`` or the nearest folder above it, as git finds its repository."""
    start = start.resolve()
    if start.is_file():
        return start
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
    # No project, so no language of its own: the default's.
    raise ProjectNotFound(messages(FALLBACK)("cli.project.not-found", folder=start))


def load_project(start: Path) -> ProjectConfig:
    config_file = find_config_file(start)
    msg = messages(FALLBACK)
    try:
        text = config_file.read_text("utf-8")
        config = yaml.load(text, Loader=_TolerantLoader)
    except UnicodeDecodeError:
        raise ProjectNotFound(msg("cli.project.unreadable", file=config_file, reason=msg("story.not-utf8"))) from None
    except yaml.YAMLError as error:
        # Worded as a story's YAML mistake is (content/yaml_mistakes.py), with its line, not in PyYAML's English.
        if isinstance(error, yaml.MarkedYAMLError):
            line, reason = explain(error, text, msg)
            where = f"{config_file}:{line + 1}" if line is not None else config_file
        else:
            where, reason = config_file, msg("yaml.unreadable")
        raise ProjectNotFound(msg("cli.project.unreadable", file=where, reason=reason)) from None
    if not isinstance(config, dict):
        raise ProjectNotFound(messages(FALLBACK)("cli.project.not-a-mapping", file=config_file))
    extra = config.get("extra")
    # As the build reads it: a value that is no group of settings is reported, not left out in silence.
    options = extra.get("sdg_stories") if isinstance(extra, dict) else None
    settings, problems = Settings.from_options(
        options,
        language=_theme_language(config.get("theme")),
        site_url=config.get("site_url"),
        show_drafts=False,  # as `mkdocs build`, the build that publishes
        file=config_file.name,
    )
    editor = options.get("editor") if isinstance(options, dict) else None
    return ProjectConfig(config_file.parent, config_file, settings, tuple(problems), editor)


def _theme_language(theme: object) -> str:
    """``theme.language``, else the theme's own default (Material's is en), as MkDocs fills it in."""
    if isinstance(theme, dict):
        if theme.get("language"):
            return str(theme["language"])
        name = theme.get("name")
    else:
        name = theme if isinstance(theme, str) else "mkdocs"
    # The adapter falls back to nl when the theme has no default either.
    return (_theme_default_language(str(name)) if name else None) or "nl"


def _theme_default_language(name: str) -> str | None:
    """Read from the installed theme's mkdocs_theme.yml, without importing MkDocs."""
    from importlib.metadata import entry_points

    for entry in entry_points(group="mkdocs.themes"):
        if entry.name != name:
            continue
        spec = importlib.util.find_spec(entry.value)
        locations = spec.submodule_search_locations if spec else None
        if not locations:
            return None
        defaults_file = Path(list(locations)[0]) / "mkdocs_theme.yml"
        try:
            defaults = yaml.load(defaults_file.read_text("utf-8"), Loader=_TolerantLoader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return None
        language = defaults.get("language") if isinstance(defaults, dict) else None
        return str(language) if language else None
    return None


class _TolerantLoader(yaml.SafeLoader):
    """SafeLoader that reads tags it does not know as plain data instead of refusing the file."""


def _construct_env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """``!ENV VAR`` or ``!ENV [VAR1, VAR2, default]``, the way MkDocs (pyyaml-env-tag) reads it."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    elif isinstance(node, yaml.SequenceNode) and node.value:
        items = [loader.construct_object(item) for item in node.value]
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    else:
        return None
    for name in names:
        if isinstance(name, str) and name in os.environ:
            # MkDocs reads the variable's text as YAML: "true" is a boolean, "8" a number.
            return _env_value(os.environ[name])
    return default


def _env_value(text: str) -> object:
    if not text:
        return None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


def _construct_untagged(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_constructor("!ENV", _construct_env)
_TolerantLoader.add_constructor(None, _construct_untagged)
