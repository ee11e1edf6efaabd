"""What every ``sdg-stories`` command is given: the project and its language, found once when first asked for.

Its own module so the command modules can name it without importing main.py, which imports them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from sdg_stories.cli.click_language import sentence
from sdg_stories.content.messages import FALLBACK, Messages, messages

if TYPE_CHECKING:
    from sdg_stories.cli.project_config import ProjectConfig


class Session:
    """What every command needs: the project, found once and only when a command asks for it."""

    def __init__(self, project_option: Path | None) -> None:
        self._option = project_option
        self._project: ProjectConfig | None = None
        self._language: str | None = None

    @property
    def project(self) -> ProjectConfig:
        if self._project is None:
            from sdg_stories.cli.project_config import ProjectNotFound, load_project

            try:
                self._project = load_project(self._option or Path.cwd())
            except ProjectNotFound as error:
                raise click.ClickException(sentence(str(error))) from None
        return self._project

    @property
    def language(self) -> str:
        """The site's language when run in a project; Dutch, the default, anywhere else."""
        if self._language is None:
            try:
                self._language = self.project.settings.language
            except click.ClickException:
                self._language = FALLBACK
        return self._language

    @property
    def msg(self) -> Messages:
        return messages(self.language)
