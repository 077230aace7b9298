"""Images inlined as ``data:`` URLs -> image files the page links to.

Some sources carry small icons as ``<img src='data:image/png;base64,…'>``. ``data:`` URLs never
reach the built HTML (the sanitiser drops them), so, to lose nothing, a raster image (PNG, GIF,
JPEG, WebP) whose bytes really are of its declared type is written out as a file named by its
content and the ``src`` points at it. Anything else (SVG, which can carry script; bytes that are
not the declared type) is left for the sanitiser to remove.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re

DATA_IMAGE = re.compile(
    r"""\bsrc\s*=\s*(["'])\s*data:image/(png|gif|jpeg|webp);base64,([A-Za-z0-9+/=\s]+)\1""",
    re.IGNORECASE,
)
"""A ``src`` attribute holding a base64 raster image."""

SIGNATURES = {
    "png": (b"\x89PNG\r\n\x1a\n",),
    "gif": (b"GIF87a", b"GIF89a"),
    "jpeg": (b"\xff\xd8\xff",),
    "webp": (b"RIFF",),
}
"""How each type's bytes begin."""


def is_image(kind: str, data: bytes) -> bool:
    """Whether ``data`` begins the way an image of ``kind`` does."""
    if kind == "webp" and data[8:12] != b"WEBP":
        return False
    return data.startswith(SIGNATURES[kind])


def image_name(kind: str, data: bytes) -> str:
    """A file name that depends only on the image's bytes (builds stay byte-identical)."""
    extension = "jpg" if kind == "jpeg" else kind
    return f"{hashlib.sha256(data).hexdigest()[:20]}.{extension}"


def extract_inline_images(html: str, folder_url: str) -> tuple[str, dict[str, bytes]]:
    """``html`` with inlined raster images pointing into ``folder_url``, and those images by name.

    ``folder_url`` is the URL of the folder the images are written to, relative to the page and
    ending in ``/``.
    """
    images: dict[str, bytes] = {}

    def extract(match: re.Match[str]) -> str:
        kind = match.group(2).lower()
        try:
            data = base64.b64decode("".join(match.group(3).split()), validate=True)
        except (binascii.Error, ValueError):
            return match.group(0)
        if not is_image(kind, data):
            return match.group(0)
        name = image_name(kind, data)
        images[name] = data
        return f'src="{folder_url}{name}"'

    return DATA_IMAGE.sub(extract, html), images
