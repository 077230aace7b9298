"""Which targets are paths of the site (not URLs or anchors)."""

from __future__ import annotations

from urllib.parse import urlsplit


def is_local(path: str) -> bool:
    """Whether ``path`` is a path inside the site (not a URL, not an anchor)."""
    try:
        parts = urlsplit(path)
    except ValueError:
        return False
    return not parts.scheme and not parts.netloc and not path.startswith("#")
