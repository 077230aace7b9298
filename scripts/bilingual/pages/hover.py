"""The translation page's segments carry their English original, for the reader's hover mode.

Each segment of the translation page is written as
``<span class="sxs" tabindex="0" data-en="English as plain text">translation</span>``. The
English is reduced to plain text (tags, markdown emphasis and link syntax dropped) and written
as an attribute value in which every character that HTML or markdown could act on is a numeric
character reference: the value can never close the tag, start markup, split a table cell or
run in the reader's browser. A segment is left bare where a tag cannot stand: inside fenced
code, inline code, an image's alt text, a link's target, an HTML tag, or when it spans a blank
line.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

from bilingual.model import Document, Language, Segment
from bilingual.pages.html_elements import HTML_ELEMENTS

# HTML tags are dropped; a placeholder such as <email> (no HTML element) is text to show.
TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
NO_LOC = re.compile(
    r""":::no-loc[ \t]+text=(?:"((?:\\.|[^"\\\n])*)"|'((?:\\.|[^'\\\n])*)')[ \t]*:::"""
)
DIRECTIVE = re.compile(r":::[ \t]*[A-Za-z][^\n]*?:::")
ESCAPED = re.compile(r"\\(.)")
XREF = re.compile(r"""<xref:["']?([^>\s"'?#]+)[^>\s]*>|(?<!\w)@["']([^"'\n?#]+)[^"'\n]*["']""")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(.+?)\1")
INLINE_ZONE = re.compile(
    r":::[ \t]*zone\b[^:\n]*?[ \t]inline[ \t]*:::(.*?):::[ \t]*zone-end(?:[ \t]*:::(?![ \t]*[A-Za-z]))?",
    re.IGNORECASE,
)
"""DocFX's inline zone markers (``:::zone pivot="a" inline :::`` … ``:::zone-end``): no text."""
SPACE = re.compile(r"\s+")
FENCE = re.compile(r"^[ \t]*(```|~~~)", re.MULTILINE)
OPEN_TAG = re.compile(r"<[A-Za-z/][^>]*$")
OPEN_IMAGE_ALT = re.compile(r"!\[[^\]]*$")
OPEN_LINK_TARGET = re.compile(r"\]\([^)]*$")
OPEN_DIRECTIVE = re.compile(r":::[ \t]*[A-Za-z](?:(?!:::).)*$")  # inside :::image …:::
LEADING_BLOCK = re.compile(
    r"[ \t]*(?:(?:(?:\d{1,9}[.)]|[-*+]|#{1,6})[ \t]+|>[ \t]?)+|\[![A-Za-z]+\][ \t]*)"
)
# What may stand before a segment on its line and still leave it at the start of a block:
# indentation, blockquote markers and list markers (``- 2020. gada …`` nests a list in CommonMark).
BLOCK_PREFIX = re.compile(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[ \t>]*)*")
# Characters written as numeric references in the attribute: HTML's and markdown's own.
SPECIAL = frozenset("&<>\"'`|*_[](){}\\!#~^=:$%")
SPAN_OPEN = '<span class="sxs" tabindex="0" data-en="'
SPAN_CLOSE = "</span>"
REFERENCES = {ord(char): f"&#{ord(char)};" for char in SPECIAL} | {
    code: f"&#{code};" for code in range(32)
}
"""``str.translate`` table: each special or control character -> its numeric reference."""


def plain_text(markup: str) -> str:
    """The reader-visible text of a segment's markdown: tags, emphasis and link syntax dropped
    (a cross reference ``<xref:uid>`` or ``@"uid"`` read as its uid, ``:::no-loc:::`` as its
    text, inline zone markers and other ``:::`` directives dropped)."""
    text = markup
    if "xref:" in text or "@" in text:
        text = XREF.sub(lambda xref: unquote(next(g for g in xref.groups() if g is not None)), text)
    if ":::" in text:
        text = INLINE_ZONE.sub(r"\1", text)
        text = NO_LOC.sub(
            lambda found: ESCAPED.sub(r"\1", found.group(1) or found.group(2) or ""), text
        )
        text = DIRECTIVE.sub("", text)
    text = TAG.sub(lambda tag: "" if tag.group(1).lower() in HTML_ELEMENTS else tag.group(), text)
    text = IMAGE.sub(r"\1", text)
    text = LINK.sub(r"\1", text)
    previous = None
    while previous != text:
        previous, text = text, EMPHASIS.sub(r"\2", text)
    return SPACE.sub(" ", html.unescape(text)).strip()


def attribute_value(text: str) -> str:
    """``text`` as a double-quoted attribute value that neither HTML nor markdown acts on."""
    return text.translate(REFERENCES)


def wrapped(segment: Segment, at_line_start: bool = False) -> str:
    """The segment's translation in a span that carries its English original.

    At the start of a line, block markup that opens the segment's translation (a list marker,
    a heading's ``#``, a DocFX ``[!NOTE]``) stays outside the span, so it still makes its block.
    """
    translation = shown = segment.text(Language.TRANSLATION)
    marker = ""
    if at_line_start:
        found = LEADING_BLOCK.match(translation)
        if found is not None:
            marker, translation = translation[: found.end()], translation[found.end() :]
            if not translation.strip():
                return shown
    english = attribute_value(plain_text(segment.english))
    return f'{marker}{SPAN_OPEN}{english}">{translation}{SPAN_CLOSE}'


def can_wrap(fences: int, line: str, segment: Segment) -> bool:
    """Whether a span may stand here: ``fences`` code fences so far, ``line`` the line so far."""
    if fences % 2 or "\n\n" in segment.translation.replace("\r", ""):
        return False
    if line.count("`") % 2:
        return False
    return not (
        OPEN_TAG.search(line)
        or OPEN_IMAGE_ALT.search(line)
        or OPEN_LINK_TARGET.search(line)
        or OPEN_DIRECTIVE.search(line)
    )


def hover_body(
    document: Document,
    language: Language,
    body: str,
    spans: list[tuple[int, int, int]] | None = None,
) -> str:
    """The translation page's body with each segment carrying its English; English unchanged.

    ``spans`` (when given) gets each inserted tag as ``(offset, offset, length)``, ``offset`` in
    the body without them (``docfx.inline.source_offset`` maps an offset back)."""
    if language is not Language.TRANSLATION:
        return body
    pieces: list[str] = []
    fences = 0
    line = ""
    plain = 0
    for part in document.parts:
        text = part if isinstance(part, str) else part.text(Language.TRANSLATION)
        if not isinstance(part, Segment):  # shared text, or malformed markup shown as text
            pieces.append(text)
        else:
            at_line_start = BLOCK_PREFIX.fullmatch(line) is not None
            shown = wrapped(part, at_line_start) if can_wrap(fences, line, part) else text
            if spans is not None and shown != text:
                opening = shown.find(SPAN_OPEN)
                spans.append(
                    (plain + opening, plain + opening, len(shown) - len(text) - len(SPAN_CLOSE))
                )
                spans.append((plain + len(text), plain + len(text), len(SPAN_CLOSE)))
            pieces.append(shown)
        fences += len(FENCE.findall(text))
        line = text.rsplit("\n", 1)[-1] if "\n" in text else line + text
        plain += len(text)
    return "".join(pieces)


ESCAPED_WRAPPER = re.compile(
    r'&lt;span class="sxs" tabindex="0" data-en="[^"]*"&gt;(.*?)&lt;/span&gt;', re.S
)


def unwrap_in_code(page_html: str) -> str:
    """Rendered HTML where a wrapped segment landed in code (an indented block ``can_wrap``
    cannot see) shows the translation as the source did, not the wrapper's markup."""
    return ESCAPED_WRAPPER.sub(r"\1", page_html)
