"""A document's body in one language, and where each of its segments stands in it.

The text is what the page says before markdown is read: shared text as written, each segment's
text in the language (``Segment.text``), malformed markup as its literal text. Line ends are
CommonMark's (``\\r\\n`` and ``\\r`` read as ``\\n``), NUL and the markers' characters read as
U+FFFD, so the text is exactly what markdown-it-py parses and every offset is one of its own.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from bilingual.model import Document, Language, Malformed, Segment
from bilingual.pages.tree import markers
from bilingual.source.pairs import english_offset, part_source, render_source, translation_offset
from bilingual.source.positions import position

LINE_END = re.compile(r"\r\n?")


@dataclass(frozen=True, slots=True)
class Place:
    """A segment's place in a language's text."""

    index: int
    """Its marker number on the page (``markers.opening(index)``)."""
    segment: Segment
    start: int
    end: int
    origin: str
    """The path of the source the segment is from (the page's, or an include's)."""


@dataclass(slots=True)
class LanguageText:
    """A body in one language, with its segments' places in order."""

    text: str
    places: list[Place] = field(default_factory=list)
    malformed: list[tuple[int, int, Malformed]] = field(default_factory=list)
    """Malformed markup's places (shown as its literal text)."""
    document: Document | None = None
    language: Language = Language.ENGLISH
    starts: tuple[int, ...] = ()
    """Where each part of the document starts in the text before its line ends were read."""
    moved: _Moved | None = None
    replaced: tuple[int, ...] = ()
    """Where a supplementary private-use character stood (the markers' range): shown as U+FFFD,
    and reported (``tree.reading``)."""

    def position(self, offset: int) -> tuple[int, int]:
        """The source's 1-based line and column of ``offset`` in the text."""
        document = self.document
        if document is None or self.moved is None:
            return position(self.text, offset)
        raw = self.moved.back(offset)
        index = max(bisect.bisect_right(self.starts, raw) - 1, 0)
        source = len(document.prefix)
        for part in document.parts[:index]:
            source += len(part_source(part))
        inside = raw - self.starts[index] if self.starts else 0
        part = document.parts[index] if document.parts else ""
        if isinstance(part, Segment):
            language = self.language
            own = part.translation if language is Language.TRANSLATION else part.english
            shown = part.text(language)
            start = (
                translation_offset(part)
                if language is Language.TRANSLATION
                else english_offset(part)
            )
            source += start + len(own) - len(shown) + inside
        elif isinstance(part, Malformed):
            source += min(inside, len(part.source))
        else:
            source += inside
        return position(render_source(document), source)

    @classmethod
    def of(
        cls, document: Document, language: Language, first: int = 0, origin: str | None = None
    ) -> LanguageText:
        """``document``'s body in ``language``; its segments numbered from ``first``."""
        pieces: list[str] = []
        spans: list[tuple[int, int, Segment | Malformed]] = []
        offset = 0
        for part in document.parts:
            if isinstance(part, str):
                text = part
            else:
                text = part.text(language)
                spans.append((offset, offset + len(text), part))
            pieces.append(text)
            offset += len(text)
        starts = tuple(_running(pieces))
        joined = "".join(pieces)
        body, moved = _normalised(joined)
        where = origin if origin is not None else document.path
        places: list[Place] = []
        malformed: list[tuple[int, int, Malformed]] = []
        for start, end, part in spans:
            if isinstance(part, Segment):
                places.append(Place(first + len(places), part, moved(start), moved(end), where))
            else:
                malformed.append((moved(start), moved(end), part))
        replaced = (
            tuple(moved(found.start()) for found in markers.ANY.finditer(joined))
            if markers.ANY.search(joined)
            else ()
        )
        return cls(body, places, malformed, document, language, starts, moved, replaced)


def body_text(document: Document, language: Language) -> str:
    """``document``'s body in ``language``, as the page's markdown reads it."""
    return LanguageText.of(document, language).text


def _running(pieces: list[str]) -> list[int]:
    found = []
    offset = 0
    for piece in pieces:
        found.append(offset)
        offset += len(piece)
    return found


def _normalised(text: str) -> tuple[str, _Moved]:
    """``text`` as CommonMark reads it, and the map of an offset into it."""
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    if markers.ANY.search(text):
        text = markers.ANY.sub("\ufffd", text)
    if "\r" not in text:
        return text, _Moved(())
    removed: list[int] = []  # offsets (in the text before) of each character taken out
    for match in LINE_END.finditer(text):
        if match.end() - match.start() == 2:
            removed.append(match.start())
    return LINE_END.sub("\n", text), _Moved(tuple(removed))


@dataclass(frozen=True, slots=True)
class _Moved:
    """An offset of the text before line ends were made ``\\n`` -> the offset after."""

    removed: tuple[int, ...]

    def __call__(self, offset: int) -> int:
        return offset - bisect.bisect_left(self.removed, offset)

    def back(self, offset: int) -> int:
        """An offset after -> the offset before (the inverse of calling it)."""
        after = [removed - count for count, removed in enumerate(self.removed)]
        return offset + bisect.bisect_right(after, offset)
