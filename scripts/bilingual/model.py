"""The vocabulary of the project: segment, document, language.

A bilingual *source* file interleaves text that belongs to both languages with *segments*:
translated sentences that carry a *translation* (the target locale, e.g. Latvian) and the
*english* original. A *page* is what the writer makes of a document for one language.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from typing import Any

from bilingual.errors import SourceError

LEADING_BREAK = re.compile(r"[ \t]*\r?\n[ \t\r\n]*")
"""Whitespace with a line break at the very start of a segment's text."""
LEADING = frozenset(" \t\r\n")


def inline_text(text: str) -> str:
    """A segment's text as a page shows it. A pair is inline markup (spans), so a line break
    at the start of its text is a space inside the span, not a new line of the page: a
    translation tool's ``<span …>`` + line break + indented text must not make the rest of the
    sentence indented code (or a heading, or a list) on the page."""
    if text[:1] not in LEADING:
        return text
    found = LEADING_BREAK.match(text)
    return text if found is None else " " + text[found.end() :]


class Language(enum.Enum):
    """Which side of a bilingual document a page shows."""

    TRANSLATION = "translation"
    """The target locale, named by the source's ``ms.contentlocale``."""
    ENGLISH = "english"
    """The English original, held in the ``sxs-lookup`` span."""


@dataclass(frozen=True, slots=True)
class Segment:
    """One translated sentence: a ``data-ttu-id`` / ``data-stu-id`` pair."""

    id: str
    """The id shared by both spans, e.g. ``b2fcb-104``."""
    translation: str
    """Text of the ``data-ttu-id`` span, exactly as in the source (markdown and HTML kept)."""
    english: str
    """Text of the ``data-stu-id`` span inside ``sxs-lookup``, exactly as in the source."""
    line: int
    """1-based line of the pair's first ``<`` in the source."""
    column: int
    """1-based column of the pair's first ``<`` in the source."""

    def text(self, language: Language) -> str:
        """The segment's text in ``language``, as its page shows it (``inline_text``)."""
        return inline_text(self.translation if language is Language.TRANSLATION else self.english)


@dataclass(frozen=True, slots=True)
class Malformed:
    """Source text the parser could not read as pairs (a span not closed, half a pair, ids that
    differ): kept as written, so the round trip holds, and shown on every page as the literal
    text it is, escaped, so that nothing of it is lost or runs as markup."""

    source: str
    """The text exactly as in the source."""
    line: int
    column: int

    @property
    def shown(self) -> str:
        """The text as a page shows it: ``&``, ``<`` and ``>`` escaped, so tags read as text."""
        return self.source.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    @property
    def translation(self) -> str:
        """What the translation page shows: the literal text (as for English)."""
        return self.shown

    @property
    def english(self) -> str:
        """What the English page shows: the literal text."""
        return self.shown

    def text(self, language: Language) -> str:
        return self.shown


Part = str | Segment | Malformed
"""A document body is a sequence of shared text, segments and malformed markup."""


@dataclass(slots=True)
class Document:
    """A parsed bilingual source file.

    ``prefix + "".join(parts)`` (segments written back as pairs) is the source, byte for byte.
    """

    path: str
    """The source's path relative to its source folder, with ``/`` separators."""
    prefix: str
    """A UTF-8 BOM and the raw front matter block (``---`` lines included), or ``""``."""
    metadata: dict[str, Any]
    """The front matter as parsed YAML (``{}`` when there is none)."""
    parts: list[Part] = field(default_factory=list)
    """Shared text and segments, in source order; shared text is kept exactly."""
    warnings: list[SourceError] = field(default_factory=list)
    """Malformed markup the parser read around without losing text (a stray ``</span>`` inside a
    segment; a pair it could not read, kept as ``Malformed``; front matter that is not YAML):
    reported, and fatal in strict mode, but the document is usable."""

    @property
    def segments(self) -> list[Segment]:
        """The segments in source order."""
        return [part for part in self.parts if isinstance(part, Segment)]

    @property
    def content_locale(self) -> str | None:
        """The translation's locale from ``ms.contentlocale`` (e.g. ``lv-LV``), if any."""
        value = self.metadata.get("ms.contentlocale")
        return str(value) if value else None
