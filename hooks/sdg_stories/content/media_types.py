"""Media types of story images, by file extension.

A fixed table rather than ``mimetypes``: that module reads the machine's mime.types, so two machines
could write different feeds from the same stories.
"""

from __future__ import annotations

import posixpath

IMAGE_TYPES = {
    ".avif": "image/avif",
    ".gif": "image/gif",
    ".jpeg": "image/jpeg",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
}

# What LinkedIn, Facebook, X, Slack and messengers show as a link preview image: no SVG, no AVIF.
PREVIEW_IMAGE_TYPES = frozenset({"image/gif", "image/jpeg", "image/png", "image/webp"})


def image_type(path: str) -> str | None:
    return IMAGE_TYPES.get(posixpath.splitext(path)[1].lower())
