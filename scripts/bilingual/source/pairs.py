"""The pair markup, defined once: how a segment is written in a bilingual source.

Every translated sentence of a side-by-side source is a *pair*::

    <span data-ttu-id="ID">TRANSLATION</span><span class="sxs-lookup"><span data-stu-id="ID">ENGLISH</span></span>

The ``data-ttu-id`` span holds the translation (the locale named by ``ms.contentlocale``); the
``data-stu-id`` span inside ``sxs-lookup`` holds the English original; both ids are equal. The
parser reads pairs with these constants, ``pair_markup`` writes one back, ``render_source`` writes
a whole document back (the round trip), and ``english_offset`` says where a pair's English text
starts, for positions in the source.
"""

from __future__ import annotations

import re

from bilingual.model import Document, Malformed, Part, Segment

PAIR_START = '<span data-ttu-id="'
"""What every pair starts with."""
LOOKUP_OPEN = '<span class="sxs-lookup">'
SPAN_CLOSE = "</span>"
TRANSLATION_FRAME = SPAN_CLOSE + LOOKUP_OPEN
"""What follows a translation: its span's end, then the ``sxs-lookup`` half."""
ENGLISH_FRAME = SPAN_CLOSE + SPAN_CLOSE
"""What follows the English: its span's end, then the end of ``sxs-lookup``."""
TRANSLATION_OPEN = re.compile(r'<span data-ttu-id="([^"<>]*)">')
ENGLISH_OPEN = re.compile(r'<span data-stu-id="([^"<>]*)">')
SPAN_TAG = re.compile(r"<span\b[^>]*>|</span>")
PAIR_MARKUP = re.compile(r'data-ttu-id=|data-stu-id=|class="sxs-lookup"')
"""Any half of a pair: must not stand in shared text, nor inside a segment."""
_NO_SPAN = r"[^<]*(?:<(?!/?span\b)[^<]*)*"
"""Text holding no span tag: up to the first ``<span`` or ``</span>``."""
SIMPLE_PAIR = re.compile(
    rf'<span data-ttu-id="([^"<>]*)">({_NO_SPAN})</span><span class="sxs-lookup">'
    rf'<span data-stu-id="\1">({_NO_SPAN})</span></span>'
)
"""A pair whose texts hold no span tag of their own: most pairs, read in one match."""


def pair_markup(segment_id: str, translation: str, english: str) -> str:
    """A pair as the sources write it."""
    return (
        f'<span data-ttu-id="{segment_id}">{translation}</span>'
        f'<span class="sxs-lookup"><span data-stu-id="{segment_id}">{english}</span></span>'
    )


PAIR_SHAPE = pair_markup("ID", "translation", "English")
"""The expected shape, as error messages show it."""
EMPTY_PAIR_LENGTH = len(pair_markup("", "", ""))
"""Characters of a pair besides its two ids and two texts."""


def segment_markup(segment: Segment) -> str:
    """A segment written back as its pair."""
    return pair_markup(segment.id, segment.translation, segment.english)


def translation_offset(segment: Segment) -> int:
    """Where the translation starts, counted from the pair's first ``<``."""
    return len(PAIR_START) + len(segment.id) + 2


def english_offset(segment: Segment) -> int:
    """Where the English text starts, counted from the pair's first ``<``."""
    return (
        translation_offset(segment)
        + len(segment.translation)
        + len(SPAN_CLOSE)
        + len(LOOKUP_OPEN)
        + len(f'<span data-stu-id="{segment.id}">')
    )


def part_source(part: Part) -> str:
    """A part of a document as the source wrote it."""
    if isinstance(part, str):
        return part
    if isinstance(part, Malformed):
        return part.source
    return segment_markup(part)


def render_source(document: Document) -> str:
    """The bilingual source the document was parsed from, byte for byte."""
    return document.prefix + "".join(map(part_source, document.parts))
