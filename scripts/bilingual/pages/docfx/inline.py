"""Span-level DocFX constructs, found by their patterns and replaced in one pass over a body.

Each construct is a ``Construct``: a pattern and a function making its replacement for one page
(``(body, match, resolver)`` -> text); every replacement is recorded with the page's resolver. All patterns are searched; matches are taken in order,
the earliest first (the longest at one place), and a match inside an earlier one is skipped, so
an include's own text is never searched again here (it was expanded in its own context).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bilingual.pages.docfx.context import Resolver

Replace = Callable[[str, re.Match[str], Resolver | None], str]


@dataclass(frozen=True, slots=True)
class Construct:
    """One span-level construct: its name (for the docs), its pattern, its replacement."""

    name: str
    pattern: re.Pattern[str]
    replace: Replace
    recorded: bool = True
    """Whether a replacement is recorded as a change of the source text (``Resolver.changed``);
    not for includes, whose own segments the audit looks for on the including page."""
    marker: str = ""
    """Text every match holds (case as written): a body without it is not searched."""


Span = tuple[int, int, int]
"""A replacement: the start and end of the source text replaced, and the replacement's length."""


def expand_inline(
    body: str,
    constructs: list[Construct],
    resolver: Resolver | None,
    spans: list[Span] | None = None,
) -> str:
    """``body`` with every match of ``constructs`` replaced; each replacement that changed the
    text is appended to ``spans`` (when given), in order."""
    found: list[tuple[int, int, int, Construct, re.Match[str]]] = []
    for order, construct in enumerate(constructs):
        if construct.marker and construct.marker not in body:
            continue
        found.extend(
            (m.start(), -m.end(), order, construct, m) for m in construct.pattern.finditer(body)
        )
    found.sort(key=lambda item: item[:3])
    out: list[str] = []
    position = 0
    for start, negative_end, _, construct, match in found:
        if start < position:
            continue
        out.append(body[position:start])
        replacement = construct.replace(body, match, resolver)
        if resolver is not None and construct.recorded and replacement != match.group():
            resolver.changed(match.group(), replacement, construct.name)
        out.append(replacement)
        position = -negative_end
        if spans is not None and replacement != match.group():
            spans.append((start, position, len(replacement)))
    out.append(body[position:])
    return "".join(out)


def source_offset(offset: int, spans: list[Span]) -> int:
    """Where ``offset`` of an expanded text stood in the text before expansion (a place inside
    a replacement: the replaced text's start)."""
    delta = 0
    for start, end, length in spans:
        new_start = start + delta
        if offset < new_start:
            break
        if offset < new_start + length:
            return start
        delta += length - (end - start)
    return offset - delta
