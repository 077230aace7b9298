"""Blockquote sections: DocFX's ``QuoteSectionNoteParser``, read into the tree.

In DocFX a blockquote is a run of sections: a line ``> [!NOTE]`` (or another alert type),
``> [!div …]`` or ``> [!VIDEO url]``, alone on its line, ends the section before it and starts
its own, whose content is the quoted lines after it (lazy continuation lines included) up to the
next such line. A blockquote that does not open with one is a plain blockquote up to it. A video
is its line alone. ``[!NOTE] text`` (text after the marker), ``[!TIP`` (no ``]``) or an unknown
``[!WORD]`` is no marker: it stays in the quote's text.

The rule (``sections``, before markdown-it's ``blockquote``) finds the next marker line of the
quote and lets markdown-it's own blockquote rule read each section up to it: its tokens, a
section's marker line read as blank, then become the section's (``docfx_<kind>_open`` /
``_close``, ``meta["marker"]``). Which markers there are is the units': ``alerts``, ``divs`` and
``videos`` each register theirs (``register``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.blockquote import blockquote

from bilingual.errors import SourceError
from bilingual.pages.docfx.syntax import read_until
from bilingual.pages.tree.parser import Markdown


class UnknownMarker(SourceError):
    """A ``[!WORD]`` no construct reads: shown as the text it is."""


@dataclass(frozen=True, slots=True)
class Marker:
    """A section's marker: its kind (the token name), and what it says."""

    kind: str
    """``alert``, ``div`` or ``video``."""
    info: str
    """The marker as written, inside ``[…]`` (escapes resolved)."""
    value: str
    """What the kind reads: an alert's type, a div's attributes, a video's URL."""
    title: str = ""


Reader = Callable[[str], Marker | None]
"""A marker's text inside its brackets (``!NOTE``) -> the marker, or ``None``."""


def readers(md: Markdown) -> list[Reader]:
    found: list[Reader] = md.__dict__.setdefault("docfx_quote_readers", [])
    return found


def register(md: Markdown, reader: Reader) -> None:
    """Add a kind of section marker; the first installs the rule."""
    table = readers(md)
    if not table:
        md.block.ruler.before(
            "blockquote",
            "docfx_sections",
            sections,
            {"alt": ["paragraph", "reference", "blockquote", "list"]},
        )
    table.append(reader)


def marker_of(md: Markdown, text: str) -> Marker | None:
    """The section marker a quoted line's text (after ``>``) is, or ``None``."""
    if not text.startswith("["):
        return None
    bracketed = read_until(text, 1, "]")
    if bracketed is None:
        return None
    info, position = bracketed
    if text[position + 1 :].strip():
        return None
    for reader in readers(md):
        found = reader(info)
        if found is not None:
            return found
    return None


def _quoted(state: StateBlock, line: int) -> str | None:
    """A line's text after its ``>`` (and one space), or ``None`` when it is not quoted."""
    if state.sCount[line] - state.blkIndent >= 4:
        return None
    begin = state.bMarks[line] + state.tShift[line]
    end = state.eMarks[line]
    if begin >= end or state.src[begin] != ">":
        return None
    text = state.src[begin + 1 : end]
    return text[1:] if text[:1] in (" ", "\t") else text


def _boundary(state: StateBlock, start: int, end: int) -> int | None:
    """The next marker line of the quote from ``start``, before a blank line; ``None``."""
    md: Markdown = state.md  # type: ignore[assignment]
    for line in range(start, end):
        begin = state.bMarks[line] + state.tShift[line]
        if begin >= state.eMarks[line]:
            return None
        text = _quoted(state, line)
        if text is not None and marker_of(md, text) is not None:
            return line
    return None


def sections(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Block rule: a blockquote's sections."""
    text = _quoted(state, start)
    if text is None:
        return False
    md: Markdown = state.md  # type: ignore[assignment]
    marker = marker_of(md, text)
    boundary = _boundary(state, start + 1, end)
    if marker is None and boundary is None:
        return False  # a plain blockquote: markdown-it's own rule
    if silent:
        return True
    if marker is not None and marker.kind == "video":
        token = state.push("docfx_video_block", "", 0)
        token.map = [start, start + 1]
        token.meta = {"url": marker.value, "title": marker.title, "marker": marker}
        state.line = start + 1
        return True
    first = len(state.tokens)
    limit = boundary if boundary is not None else end
    saved = state.eMarks[start]
    if marker is not None:  # the marker line reads as a blank quoted line
        state.eMarks[start] = state.bMarks[start] + state.tShift[start] + 1
    try:
        blockquote(state, start, limit, False)
    finally:
        state.eMarks[start] = saved
    if marker is None:
        return True
    opening, closing = state.tokens[first], state.tokens[-1]
    opening.type = f"docfx_{marker.kind}_open"
    closing.type = f"docfx_{marker.kind}_close"
    opening.tag = closing.tag = "div"
    opening.meta = {"marker": marker}
    return True
