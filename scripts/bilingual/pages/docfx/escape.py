"""Text from a source written into markdown as literal text: nothing in it becomes markup."""

from __future__ import annotations

import re

MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|!~])")
BACKTICKS = re.compile(r"`+")


def markdown_text(text: str) -> str:
    """``text`` on one line as literal markdown text: no emphasis, link, tag, character
    reference or table cell boundary."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split())).replace("&", "&amp;")


def inline_code(text: str) -> str:
    """``text`` on one line as a markdown code span, fenced with more backticks than it holds
    (its ``|`` escaped, so it stays in its table cell)."""
    text = " ".join(text.split()).replace("|", "\\|")
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in BACKTICKS.findall(text)), default=0) + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"
