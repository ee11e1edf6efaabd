"""Relative links between pages, so the site works from any folder, host or file:// path."""

from __future__ import annotations

import posixpath


def relative_url(target: str, page_url: str) -> str:
    """``target`` and ``page_url`` are site-root relative (``sdg/11/#target-11-7``, ``stories/x/``)."""
    path, hash_mark, fragment = target.partition("#")
    base = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    relative = posixpath.relpath(path or ".", base.rstrip("/") or ".")
    if path.endswith("/") or not path:
        relative = relative.rstrip("/") + "/" if relative != "." else "./"
    if ":" in relative.split("/", 1)[0]:
        # A file named "javascript:alert(1)" beside the page would otherwise read as a URL scheme.
        relative = "./" + relative
    return relative + hash_mark + fragment
