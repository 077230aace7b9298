"""Headings keep their English anchors on the translation's page.

A link to a section is written once, in text both languages share (``[…](page.md#second-part)``),
with the id DocFX gives the English heading. On the translation's page that heading reads
``Otrā daļa``: its id would differ and the link would land at the top. Localized trees usually
carry an ``<a name>`` in each heading for this; where a heading has none, the translation's
page gets one with the English heading's id, before the heading's text. Headings are matched by
their order (their ``#`` markers are shared text, so both languages have the same headings).
"""

from __future__ import annotations

import re

from bilingual.pages.hover import plain_text

ATX = re.compile(r"^(?P<marker>[ \t]{0,3}#{1,6}[ \t]+)(?P<text>.*?)[ \t#]*$")
FENCE = re.compile(r"^[ \t]*(```|~~~)")
EXPLICIT = re.compile(r"""<a\b[^>]*\b(?:name|id)\s*=|\{[^}]*#""", re.IGNORECASE)
NOT_IN_ID = re.compile(r"[^\w\- ]")
TAB = re.compile(r"\]\(#tab/", re.IGNORECASE)


def heading_id(text: str) -> str:
    """A heading's id as DocFX (Markdig's GitHub-style identifiers) makes it: its plain text,
    lower case, punctuation dropped, spaces as ``-``."""
    return NOT_IN_ID.sub("", plain_text(text).lower()).replace(" ", "-")


def headings(body: str) -> list[tuple[int, re.Match[str]]]:
    """The ATX headings of a body outside fenced code: (line number, match)."""
    found = []
    fenced = False
    for number, line in enumerate(body.split("\n")):
        if FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else ATX.match(line)
        if match is not None and match.group("text"):
            found.append((number, match))
    return found


def with_english_anchors(
    translation: str, english: str, spans: list[tuple[int, int, int]] | None = None
) -> str:
    """The translation's body with each heading that lacks an anchor of its own carrying the
    English heading's id as ``<a id="…"></a>`` (where the two ids differ); ``spans`` (when
    given) gets each insertion as ``(offset, offset, length)`` in the body before them (see
    ``docfx.inline.source_offset``)."""
    theirs = headings(english)
    ours = headings(translation)
    if not ours or len(ours) != len(theirs):
        return translation
    lines = translation.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for (number, match), (_, original) in zip(ours, theirs, strict=True):
        text = match.group("text")
        wanted = heading_id(original.group("text"))
        if not wanted or EXPLICIT.search(text) or TAB.search(text) or wanted == heading_id(text):
            continue  # an anchor of its own, a tab's title (``# [Title](#tab/id)``), the same id
        anchor, at = f'<a id="{wanted}"></a>', match.end("marker")
        lines[number] = lines[number][:at] + anchor + lines[number][at:]
        if spans is not None:
            spans.append((starts[number] + at, starts[number] + at, len(anchor)))
    return "\n".join(lines)
