"""``sdg-stories editor``: the web editor in the writer's browser, saving into the stories folder."""

from __future__ import annotations

import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import click

from sdg_stories.cli.click_language import command, option

if TYPE_CHECKING:
    from sdg_stories.cli.session import Session


@command("editor", help="cli.editor.help", short_help="cli.editor.short")
@option("--port", type=click.IntRange(0, 65535), default=None, help="cli.editor.port-option")
@option("--site", "site_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
        help="cli.editor.site-option")
@click.pass_obj
def editor(session: Session, port: int | None, site_dir: Path | None) -> None:
    from sdg_stories.editor.local_server import make_server, port_problem, ready_message
    from sdg_stories.editor.repository import StoriesRepository
    from sdg_stories.model.editor_settings import EditorSettings
    from sdg_stories.sdg.goals import load_framework

    project = session.project
    msg = session.msg
    settings, problems = EditorSettings.from_options(project.editor_options, project.config_file.name, session.language)
    if problems:
        raise click.ClickException("; ".join(str(problem) for problem in problems))
    repository = StoriesRepository(project.root, project.settings.stories_dir, load_framework(), session.language)
    # Stopped by a process manager (SIGTERM) as by Ctrl+C: the scratch build is removed either way.
    signal.signal(signal.SIGTERM, _stop)
    wanted = settings.local_port if port is None else port
    with tempfile.TemporaryDirectory(prefix="sdg-editor-") as scratch:
        built_here = site_dir is None
        site_dir = Path(scratch) / "site" if site_dir is None else site_dir
        # The port first: a busy one is said at once, not after a build of the whole site.
        try:
            server = make_server(repository, site_dir, wanted)
        except OSError as error:
            raise click.ClickException(port_problem(msg, wanted, error)) from None
        if built_here:
            click.echo(msg("cli.editor.building"))
            built = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project.config_file), "-d", str(site_dir)],
                capture_output=True, text=True,
            )
            if built.returncode != 0:
                server.server_close()
                raise click.ClickException(f"{msg('cli.editor.build-failed')}\n{built.stderr.strip()}")
        click.echo(ready_message(msg, server.server_address[1], project.settings.stories_dir))
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
