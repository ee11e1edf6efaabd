"""Relative links between pages, so the site works from any folder, host or file:// path."""

from __future__ import annotations

from functools import lru_cache


# A listing page links the same few targets again and again (goals, advisers, the overview): cached,
# this costs nothing; computed with posixpath.relpath it was a tenth of a 1,000-story build.
@lru_cache(maxsize=1 << 16)
def relative_url(target: str, page_url: str) -> str:
    """``target`` and ``page_url`` are site-root relative (``sdg/11/#target-11-7``, ``stories/x/``)."""
    path, hash_mark, fragment = target.partition("#")
    base = page_url.split("/")[:-1]  # the page's folder: "stories/x/" -> ["stories", "x"]
    parts = path.split("/")  # "sdg/11/" -> ["sdg", "11", ""]
    common = 0
    while common < len(base) and common < len(parts) - 1 and base[common] == parts[common]:
        common += 1
    relative = "../" * (len(base) - common) + "/".join(parts[common:]) or "./"
    if ":" in relative.split("/", 1)[0]:
        # A file named "javascript:alert(1)" beside the page would otherwise read as a URL scheme.
        relative = "./" + relative
    return relative + hash_mark + fragment
