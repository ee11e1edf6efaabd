"""``sdg-stories editor``: the web editor in the writer's browser, saving into the stories folder."""

from __future__ import annotations

import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import click


@click.command(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help="The port on 127.0.0.1. Default: extra.sdg_stories.editor.local_port in mkdocs.yml, or 8081.")
@click.option("--site", "site_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Serve this built site instead of building one now (for example site/).")
@click.pass_obj
def editor(session, port: int | None, site_dir: Path | None) -> None:
    """Open the web editor on this computer: write, check and preview a story in the browser.

    Builds the site, then serves it on http://127.0.0.1:8081/admin/ with the editor's local mode:
    what you save goes straight into the stories folder, checked as the build checks it (a story
    the site would refuse is not saved, and the editor says why). Nothing is published until you
    commit and push the files, as with any other change. Only this computer can reach the editor.

    \b
    Also works beside `mkdocs serve`: keep this running and open http://127.0.0.1:8000/admin/.
    """
    from sdg_stories.editor.local_server import make_server, ready_message
    from sdg_stories.editor.messages import MESSAGES
    from sdg_stories.editor.repository import StoriesRepository
    from sdg_stories.model.editor_settings import EditorSettings
    from sdg_stories.sdg.goals import load_framework

    project = session.project
    language = project.settings.language
    settings, problems = EditorSettings.from_options(project.editor_options, project.config_file.name)
    if problems:
        raise click.ClickException("; ".join(str(problem) for problem in problems))
    repository = StoriesRepository(project.root, project.settings.stories_dir, load_framework(), language)
    # Stopped by a process manager (SIGTERM) as by Ctrl+C: the scratch build is removed either way.
    signal.signal(signal.SIGTERM, _stop)
    with tempfile.TemporaryDirectory(prefix="sdg-editor-") as scratch:
        if site_dir is None:
            click.echo(MESSAGES[language]["building"])
            site_dir = Path(scratch) / "site"
            built = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project.config_file), "-d", str(site_dir)],
                capture_output=True, text=True,
            )
            if built.returncode != 0:
                raise click.ClickException(f"{MESSAGES[language]['build_failed']}\n{built.stderr.strip()}")
        server = make_server(repository, site_dir, settings.local_port if port is None else port)
        click.echo(ready_message(language, server.server_address[1], project.settings.stories_dir))
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
