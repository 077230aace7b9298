"""Offsets in a text -> 1-based line and column, the way every message of the project counts them.

``LineIndex`` finds the line starts once, for texts asked about many times (a source being
parsed, a built page); ``position`` counts directly, for a single question.
"""

from __future__ import annotations

import bisect
import re

NEWLINE = re.compile("\n")


class LineIndex:
    """Maps offsets in one text to 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self._starts = [0, *(m.end() for m in NEWLINE.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based (line, column): ``position``'s inverse."""
        return self._starts[line - 1] + column - 1


def position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based (line, column) of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
