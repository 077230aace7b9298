"""Microsoft forward links (``https://go.microsoft.com/fwlink/?linkid=N``): validate offline.

A well-formed fwlink is https, on host ``go.microsoft.com``, with path ``/fwlink/`` (or the
``/fwlink/p/`` variant, trailing slash optional) and exactly one ``linkid`` parameter (the name in
any case) whose value is a number. Other parameters such as ``clcid`` may follow.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

HOST = "go.microsoft.com"
PATHS = frozenset({"/fwlink", "/fwlink/", "/fwlink/p", "/fwlink/p/"})
SHAPE = "https://go.microsoft.com/fwlink/?linkid=<number>"


def is_fwlink(url: str) -> bool:
    """Whether ``url`` points at Microsoft's forward-link host."""
    try:
        return (urlsplit(url.strip()).hostname or "") == HOST
    except ValueError:
        return False


def linkids(url: str) -> list[str]:
    """The values of every ``linkid`` parameter, whatever the case of its name."""
    query = urlsplit(url.strip()).query
    return [
        value
        for name, value in parse_qsl(query, keep_blank_values=True)
        if name.lower() == "linkid"
    ]


def fwlink_problem(url: str) -> str | None:
    """What is wrong with a fwlink, or ``None`` when it is well-formed."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return "malformed fwlink: not a URL"
    if parts.scheme.lower() != "https":
        return f"malformed fwlink: scheme {parts.scheme or 'missing'!r}, not 'https'"
    if (parts.hostname or "") != HOST:
        return f"malformed fwlink: host {parts.hostname!r}, not {HOST!r}"
    if parts.path.lower() not in PATHS:
        return f"malformed fwlink: path {parts.path!r}, not '/fwlink/'"
    ids = linkids(url)
    if len(ids) != 1:
        return f"malformed fwlink: {len(ids)} linkid parameters, not exactly one"
    if not ids[0].isascii() or not ids[0].isdigit():
        return f"malformed fwlink: linkid {ids[0]!r} is not a number"
    return None


def normalise(url: str) -> str:
    """One spelling per fwlink target, so duplicates are checked once."""
    ids = linkids(url)
    return f"https://{HOST}/fwlink/?linkid={ids[0]}" if len(ids) == 1 else url.strip()
