"""Campaign parameters (utm_*) on outbound links, so a recruiter's analytics show which page sent a candidate.

The parameters are merged into the URL as the recruiter wrote it: its query string and fragment stay as
they are, byte for byte, and our parameters go after the existing ones, before the fragment.

On a conflict the recruiter wins: a ``utm_*`` key already in the URL keeps its value and is not added a
second time. A recruiter who tags a URL by hand (``utm_campaign=najaar-2025``) does it on purpose, and the
site never silently rewrites what a recruiter typed; the keys they left out are still filled in.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

PREFIX = "utm_"


def with_campaign(url: str, params: dict[str, str] | None, campaign: str) -> str:
    """``url`` with ``utm_<name>`` for each of ``params`` plus ``utm_campaign``; unchanged when params is None."""
    if params is None:
        return url
    wanted = {f"{PREFIX}{name}": value for name, value in params.items()}
    wanted[f"{PREFIX}campaign"] = campaign
    return merge_query(url, wanted)


def merge_query(url: str, params: dict[str, str]) -> str:
    """Add ``params`` to the URL's query; keys the URL already has keep their value (see module docstring)."""
    parts = urlsplit(url)
    present = {key for key, _ in parse_qsl(parts.query, keep_blank_values=True)}
    added = urlencode([(key, value) for key, value in params.items() if key not in present])
    if not added:
        return url
    # An empty "?" or a trailing "&" would otherwise leave "?&utm_source" or "&&utm_source".
    existing = parts.query.rstrip("&")
    query = f"{existing}&{added}" if existing else added
    return urlunsplit(parts._replace(query=query))
