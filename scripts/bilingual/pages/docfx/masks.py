"""Where in a body a DocFX construct may not be read: code, and (for ``@uid``) markup.

DocFX parses its span-level constructs as inlines, so nothing inside a code span, a fenced or an
indented code block is one (``<xref:uid>`` in a code sample stays as written). The ``@uid``
shorthand is narrower still: it is read in prose only, never inside an HTML tag (the translation
page's ``data-en`` attribute holds English text), a link, an image's alt text, a ``:::``
directive or an autolink.

``code(body)`` and ``markup(body)`` are sorted, disjoint ``(start, end)`` ranges; ``inside``
asks whether an offset falls in one. Both are computed once per body (the last few are cached:
a construct asks for every match of the same body).
"""

from __future__ import annotations

import bisect
import functools
import re

from bilingual.pages.blocks import Block, parse_blocks

Ranges = tuple[tuple[int, ...], tuple[int, ...]]
"""Starts and ends of the ranges, each sorted (the ranges are disjoint)."""

BACKTICKS = re.compile(r"`+")
BLANK_LINE = re.compile(r"\n[ \t]*\n")
MARKUP = re.compile(
    r"<!--.*?-->"  # an HTML comment
    r"|<[A-Za-z/!?][^<>]*>"  # a tag, an autolink, a declaration
    r"|!?\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\([^)\n]*\)"  # a link or an image, text and target
    r"|^[ ]{0,3}\[[^\]\n]+\]:[^\n]*"  # a link reference definition
    r"|:::[^\n]*?:::",  # a directive (:::image … :::)
    re.DOTALL | re.MULTILINE,
)


def _code_blocks(nodes: list[Block], found: list[tuple[int, int]]) -> None:
    for node in nodes:
        if node.kind in ("fence", "code_block") and node.token.map is not None:
            found.append((node.token.map[0], node.token.map[1]))
        _code_blocks(node.children, found)


def _line_starts(body: str) -> list[int]:
    starts = [0]
    position = body.find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = body.find("\n", position + 1)
    starts.append(len(body))
    return starts


def _code_spans(text: str, start: int, end: int, found: list[tuple[int, int]]) -> None:
    """CommonMark's code spans in ``text[start:end]``: a run of backticks up to the next run of
    the same length, not across a blank line; a run preceded by ``\\`` opens nothing."""
    runs = [m for m in BACKTICKS.finditer(text, start, end)]
    index = 0
    while index < len(runs):
        opening = runs[index]
        if opening.start() > 0 and text[opening.start() - 1] == "\\":
            index += 1
            continue
        width = len(opening.group())
        close = next(
            (i for i in range(index + 1, len(runs)) if len(runs[i].group()) == width), None
        )
        if close is None or BLANK_LINE.search(text, opening.end(), runs[close].start()):
            index += 1
            continue
        found.append((opening.start(), runs[close].end()))
        index = close + 1


def _ranges(found: list[tuple[int, int]]) -> Ranges:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(s for s, _ in merged), tuple(e for _, e in merged)


@functools.lru_cache(maxsize=8)
def code(body: str) -> Ranges:
    """Fenced and indented code blocks (whole lines) and code spans of ``body``."""
    if "`" not in body and "~~~" not in body and "    " not in body and "\t" not in body:
        return (), ()
    starts = _line_starts(body)
    lines: list[tuple[int, int]] = []
    _code_blocks(parse_blocks(body), lines)
    blocks = [(starts[first], starts[min(last, len(starts) - 1)]) for first, last in lines]
    found = list(blocks)
    position = 0
    for block_start, block_end in [*sorted(blocks), (len(body), len(body))]:
        if position < block_start:
            _code_spans(body, position, block_start, found)
        position = max(position, block_end)
    return _ranges(found)


@functools.lru_cache(maxsize=8)
def markup(body: str) -> Ranges:
    """Code (``code``) and HTML tags, comments, links, images and directives of ``body``."""
    starts, ends = code(body)
    found = list(zip(starts, ends, strict=True))
    found.extend(match.span() for match in MARKUP.finditer(body))
    return _ranges(found)


def inside(ranges: Ranges, offset: int) -> bool:
    """Whether ``offset`` falls inside one of ``ranges``."""
    starts, ends = ranges
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and offset < ends[index]
