"""Checking the stories folder as the build checks it, without building: ``sdg-stories check``.

The problems come from the build's own code path (``load_content``), so the tool and the build can
never disagree about what is wrong or how it is worded. Only the reporting is narrowed to the files a
writer names; the cross-checks (unknown adviser, same slug twice) always see the whole folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sdg_stories.content.folder import ContentFolder, load_content
from sdg_stories.content.messages import messages
from sdg_stories.sdg.goals import load_framework
from sdg_stories.content.problems import ContentError, Problem
from sdg_stories.model.editor_settings import EditorSettings
from sdg_stories.cli.project_config import ProjectConfig


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[Problem, ...]  # sorted as the build sorts them
    warnings: tuple[Problem, ...]  # fail the build with --strict (a setting of mkdocs.yml)
    notices: tuple[Problem, ...]  # information, never a failure: model/findings.py
    checked: int  # story files reported on
    total: int  # story files in the folder


class PathOutsideStories(ValueError):
    """A path given to check that is not in the stories folder."""


def check_content(project: ProjectConfig, only: list[Path] | None = None) -> CheckReport:
    """``only`` (files or folders) limits which stories are reported; the other files always are."""
    settings = project.settings
    folder = ContentFolder(project.stories_path, settings.stories_dir)
    selected = _resolve_selection(project, only) if only else None
    problems = list(project.problems)
    # The editor's settings too: the build refuses them (mkdocs_adapter/editor_files.py), so check does.
    problems += EditorSettings.from_options(project.editor_options, project.config_file.name, settings.language)[1]
    warnings, notices = _config_warnings(project), []
    try:
        content = load_content(folder, load_framework(), settings.language)
    except ContentError as error:
        problems += error.problems
    else:
        content_warnings, notices = _findings(content, settings, folder)
        warnings += content_warnings
    sources = folder.walk()[0] if folder.path.is_dir() else []
    shown_sources = {folder.show(source) for source in sources}
    if selected is not None:
        keep = lambda problem: problem.file not in shown_sources or _is_selected(project.root / problem.file, selected)  # noqa: E731
        problems = [problem for problem in problems if keep(problem)]
        warnings = [warning for warning in warnings if keep(warning)]
        notices = [notice for notice in notices if keep(notice)]
        checked = sum(1 for source in sources if _is_selected(folder.path / source, selected))
    else:
        checked = len(sources)
    return CheckReport(
        problems=tuple(sorted(set(problems))),
        warnings=tuple(sorted(set(warnings))),
        notices=tuple(sorted(set(notices))),
        checked=checked,
        total=len(sources),
    )


def _findings(content, settings, folder: ContentFolder) -> tuple[list[Problem], list[Problem]]:
    """The build's warnings and notices, from the functions the build calls, on the site it publishes."""
    from sdg_stories.model.findings import content_notices, content_warnings
    from sdg_stories.model.site import Site

    site = Site(content, load_framework().reworded(content.wording), settings)
    return content_warnings(site, folder), content_notices(site, folder)


def _config_warnings(project: ProjectConfig) -> list[Problem]:
    """The build's warnings about mkdocs.yml itself (mkdocs_adapter/build.py logs the same ones)."""
    from sdg_stories.model.publication import missing_site_url, publication_for

    if publication_for(project.settings, "", None) is None:
        return [missing_site_url(project.config_file.name, project.settings.language)]
    return []


def _resolve_selection(project: ProjectConfig, paths: list[Path]) -> list[Path]:
    stories = project.stories_path.resolve()
    resolved = []
    for path in paths:
        absolute = path.resolve()
        if absolute != stories and stories not in absolute.parents:
            raise PathOutsideStories(messages(project.settings.language)(
                "cli.check.outside", path=path, folder=project.settings.stories_dir, root=project.root
            ))
        resolved.append(absolute)
    return resolved


def _is_selected(path: Path, selected: list[Path]) -> bool:
    absolute = path.resolve()
    return any(absolute == chosen or chosen in absolute.parents for chosen in selected)
