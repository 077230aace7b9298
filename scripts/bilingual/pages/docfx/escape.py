"""Text from a source written into markdown as literal text: nothing in it becomes markup.

Both readers of the markdown must agree: CommonMark (the parity reference) and Python-Markdown
(the site). Python-Markdown takes no backslash before ``<`` or ``|`` (it would show the
backslash), so those are written as character references, which both read as the character and
neither reads as a tag or a table cell's boundary.
"""

from __future__ import annotations

import re

MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#!])")
REFERENCES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;"})
BACKTICKS = re.compile(r"`+")


def markdown_text(text: str) -> str:
    """``text`` on one line as literal markdown text: no emphasis, link, tag, character
    reference or table cell boundary."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split())).translate(REFERENCES)


def inline_code(text: str) -> str:
    """``text`` on one line as a markdown code span, fenced with more backticks than it holds."""
    text = " ".join(text.split())
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in BACKTICKS.findall(text)), default=0) + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"
