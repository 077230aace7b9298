"""``[!INCLUDE[title](path)]``: another source's text, in the page's language.

On a line of its own (after indentation, ``>`` or a list's content indent) an include is a
*block include*: the included text takes its place, every line carrying the line's prefix, so an
include in a list item or a quote stays inside it. Anywhere else it is an *inline include*: the
included text joined into one line (inside a table row, its ``|`` escaped so the cell holds).
The path is relative to the including file, or ``~/`` for the docset root (``source.docset``).
An include that cannot be read becomes a placeholder saying so (``placeholders``), reported.
"""

from __future__ import annotations

import re

from bilingual.pages import placeholders
from bilingual.pages.docfx.context import Resolver
from bilingual.pages.docfx.inline import Construct
from bilingual.source.includes import INCLUDE

BLOCK_PREFIX = re.compile(r"[ \t>]*")
UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def line_of(body: str, match: re.Match[str]) -> tuple[str, str]:
    """What stands before the match on its line, and after it."""
    line_start = body.rfind("\n", 0, match.start()) + 1
    line_end = body.find("\n", match.end())
    after = body[match.end() : len(body) if line_end < 0 else line_end]
    return body[line_start : match.start()], after


def block_text(prefix: str, text: str) -> str:
    """``text`` in place of a construct alone on its line, ``prefix`` (indent, ``>``) repeated
    on every line after the first."""
    lines = text.split("\n")
    bare = prefix.rstrip()
    return "\n".join([lines[0], *((prefix + line) if line else bare for line in lines[1:])])


def in_table_row(before: str, after: str) -> bool:
    """Whether a construct between ``before`` and ``after`` on a line sits in a table row."""
    return "|" in before or "|" in after


def replace_include(body: str, match: re.Match[str], resolver: Resolver | None) -> str:
    if resolver is None:
        return match.group()
    before, after = line_of(body, match)
    block = BLOCK_PREFIX.fullmatch(before) is not None and not after.strip()
    path = match.group("path")
    included = resolver.include(path, match.start())
    if included is None:
        if block:
            return placeholders.block(resolver.code, "missing_include", path=path)
        return placeholders.inline(resolver.code, "missing_include", path=path)
    included = included.strip("\n")
    if block:
        return block_text(before, included)
    joined = " ".join(included.split())
    return UNESCAPED_PIPE.sub(r"\\|", joined) if in_table_row(before, after) else joined


CONSTRUCT = Construct("include", INCLUDE, replace_include, recorded=False)
