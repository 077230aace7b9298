"""The blockquote hook of ``blocks.normalize``: every blockquote construct, tried in order.

A DocFX construct written as a blockquote (an alert, a video, a ``[!div]``) is a ``Quote``
rule: ``(site language code, the first paragraph's lines, the other blocks' lines)`` -> the
lines to write instead, or ``None``. A blockquote no rule takes stays a blockquote.
"""

from __future__ import annotations

from collections.abc import Callable

from bilingual.pages import blocks
from bilingual.pages.docfx.alerts import alert_quote, video_quote
from bilingual.pages.docfx.divs import div_quote

Quote = Callable[[str, list[str], list[list[str]]], list[str] | None]

QUOTES: list[Quote] = [video_quote, alert_quote, div_quote]
"""The blockquote constructs, in the order they are tried."""


def quote_hook(code: str) -> blocks.Alert:
    """The hook for ``blocks.normalize`` on a page in the site language ``code``."""

    def convert(first: list[str], rest: list[list[str]]) -> list[str] | None:
        for rule in QUOTES:
            lines = rule(code, first, rest)
            if lines is not None:
                return lines
        return None

    return convert
