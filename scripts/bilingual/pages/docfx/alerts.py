"""Blockquote constructs: DocFX alerts and the video embed.

- ``> [!NOTE]``, ``[!TIP]``, ``[!IMPORTANT]``, ``[!WARNING]``, ``[!CAUTION]`` (and ``[!TIPS]``)
  -> a Material admonition titled in the page's language;
- ``> [!VIDEO https://…]`` -> a responsive embedded player, only for http(s) URLs (the
  sanitiser then keeps it only for allowlisted player hosts).

Each is a ``Quote`` rule: given a blockquote's first paragraph (its lines) and its other blocks,
the lines to write instead, or ``None`` when the blockquote is not this construct.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from bilingual import ui_text
from bilingual.pages import blocks

ALERT_TYPES = {
    "NOTE": "note",
    "TIP": "tip",
    "TIPS": "tip",
    "IMPORTANT": "info",
    "WARNING": "warning",
    "CAUTION": "danger",
}
ALERT_MARKER = re.compile(r"\[!(" + "|".join(ALERT_TYPES) + r")\][ \t]*", re.IGNORECASE)
VIDEO_MARKER = re.compile(r"\[!VIDEO[ \t]+([^\]\s]+)[ \t]*\][ \t]*$", re.IGNORECASE)
VIDEO_CLASS = "docfx-video"


def alert_title(code: str, kind: str) -> str:
    """The title of a ``kind`` alert (``NOTE`` …) in the site language ``code``."""
    return ui_text.alert_title(code, "TIP" if kind.upper() == "TIPS" else kind.upper())


def video(url: str, title: str) -> str | None:
    """The embedded player for ``url``; ``None`` unless it is an http(s) URL."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    source = html.escape(url, quote=True)
    return (
        f'<span class="{VIDEO_CLASS}"><iframe src="{source}" title="{html.escape(title)}" '
        'allowfullscreen loading="lazy" referrerpolicy="strict-origin-when-cross-origin" '
        'sandbox="allow-scripts allow-same-origin allow-presentation"></iframe></span>'
    )


def video_quote(code: str, first: list[str], rest: list[list[str]]) -> list[str] | None:
    """``> [!VIDEO url]`` -> the player, then the blockquote's other blocks."""
    found = VIDEO_MARKER.match("\n".join(first))
    if found is None:
        return None
    player = video(found.group(1), ui_text.alert_title(code, "VIDEO"))
    if player is None:
        return None
    return blocks.join_blocks([[player], *rest])


def alert_quote(code: str, first: list[str], rest: list[list[str]]) -> list[str] | None:
    """``> [!NOTE] …`` -> a Material admonition titled in the page's language."""
    text = "\n".join(first)
    alert = ALERT_MARKER.match(text)
    if alert is None:
        return None
    kind = alert.group(1)
    body = text[alert.end() :].strip("\n")
    title = alert_title(code, kind).replace('"', "'")
    content = blocks.join_blocks(([body.split("\n")] if body else []) + rest)
    head = f'!!! {ALERT_TYPES[kind.upper()]} "{title}"'
    return [head, "", *blocks.indent(content)] if content else [head]
