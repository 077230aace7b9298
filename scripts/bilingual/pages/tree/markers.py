"""Segment markers: each segment's start and end carried through the parse as one character each.

A segment's *n*-th marker pair is ``opening(n)`` / ``closing(n)``: characters of Unicode's
supplementary private-use planes (U+F0000 on), which no markdown rule reads as markup. They are
written into a block's inline text just before inline parsing (``parser``), never into the text
the block parser reads, so no marker can change a page's block structure; the inline parser
looks through them where CommonMark looks at a neighbouring character (``parser.SegmentState``).
A source's own characters of that range are read as U+FFFD (``language``), so a marker is always
the writer's.
"""

from __future__ import annotations

import re

FIRST = 0xF0000
LAST = 0x10FFFD
CAPACITY = (LAST - FIRST + 1) // 2
"""Segments one page can mark (an include's segments count on the including page)."""
MARKER = re.compile("[\U000f0000-\U0010fffd]")
ANY = re.compile("[\U000f0000-\U0010ffff]")
"""Any character of the markers' planes (U+10FFFE and U+10FFFF included: not characters)."""


def opening(index: int) -> str:
    """The marker before segment ``index``'s text."""
    return chr(FIRST + 2 * index)


def closing(index: int) -> str:
    """The marker after segment ``index``'s text."""
    return chr(FIRST + 2 * index + 1)


def is_marker(char: str) -> bool:
    """Whether ``char`` (one character) is a marker."""
    return FIRST <= ord(char) <= LAST


def decode(char: str) -> tuple[int, bool]:
    """A marker's segment index, and whether it opens the segment."""
    offset = ord(char) - FIRST
    return offset // 2, offset % 2 == 0


def strip(text: str) -> str:
    """``text`` without markers."""
    return MARKER.sub("", text) if MARKER.search(text) else text


def found(text: str) -> list[int]:
    """The segment indices whose markers ``text`` holds, each once, in order."""
    seen: dict[int, None] = {}
    for match in MARKER.finditer(text):
        seen.setdefault(decode(match.group())[0], None)
    return list(seen)
