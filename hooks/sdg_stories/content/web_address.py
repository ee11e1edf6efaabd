"""The one test of a web address a writer or site owner gives: a vacancy's url, careers_url, the editor's
base_url and api_root.

An address is published as a link (or called by the editor), so it must be http or https with a host,
and hold nothing that would end an HTML attribute or a Markdown link (spaces, quotes, angle brackets,
control characters). ``urlsplit`` raises ValueError on some text (``https://[oops/api``, a port that is not
a number): that is a refusal here, never an exception for the caller.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_NOT_IN_ADDRESS = re.compile(r"[\s<>\"'\\\x00-\x1f\x7f]")


def is_web_address(value: object) -> bool:
    if not isinstance(value, str) or not value or _NOT_IN_ADDRESS.search(value):
        return False
    try:
        parts = urlsplit(value)
        parts.port  # raises ValueError for a port that is not a number or out of range
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
