"""The last line of a refused build in the site's language, not MkDocs' "Aborted with a BuildError!".

MkDocs logs a plugin's error and then ends with its own English line: ``Aborted with a BuildError!`` for
an error, ``Aborted with N warnings in strict mode!`` for warnings under --strict. Both are MkDocs'
public ``Abort`` exception, which it lets through as it is. So our events do the same, in the site's
language: an error of ours is logged as MkDocs logs it and the build ends with our ``Abort``; under
--strict, on_post_build ends the build with our line where MkDocs would end it with its own (the very
next thing it does). `mkdocs serve` treats our Abort as it treats MkDocs' own: it logs it and goes on
watching.
"""

from __future__ import annotations

import functools
import logging
from typing import Callable, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError
from mkdocs.utils import CountHandler

from sdg_stories.content.messages import messages

log = logging.getLogger("mkdocs.plugins.sdg_stories")
Event = TypeVar("Event", bound=Callable)


def site_language(config: MkDocsConfig) -> str:
    return (config.theme["language"] if config.theme else None) or "nl"


def aborting_in_site_language(event: Event) -> Event:
    """Wraps a hook event: an error it raises ends the build with the site's words."""

    @functools.wraps(event)
    def wrapped(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except BuildError as error:
            config = next((value for value in (*args, *kwargs.values()) if isinstance(value, MkDocsConfig)), None)
            if config is None:
                raise
            log.error(str(error))  # what MkDocs would log before its own abort line
            raise Abort(messages(site_language(config))("build.aborted")) from None

    return wrapped  # type: ignore[return-value]


def abort_if_strict_failed(config: MkDocsConfig) -> None:
    """Under --strict, with warnings counted: end the build now, in the site's words."""
    if not config.strict:
        return
    counts = [
        count for handler in logging.getLogger("mkdocs").handlers if isinstance(handler, CountHandler)
        for _, count in handler.get_counts()
    ]
    if total := sum(counts):
        raise Abort(messages(site_language(config)).plural("build.aborted-strict", total))

