"""One language's translation memory: its distinct segment pairs, each with where it was read.

A *pair* is a segment's English and translation as the memory holds them (``xmltext``). The
same pair read in several places (a sentence every article repeats, an include's text) is one
``Entry`` that keeps every ``Occurrence``: the article's path (relative to its ``SOURCE``), the
segment's id, the article's ``ms.locfileid`` and the pair's line and column. The same English
with another translation is another entry. A pair whose English or translation is empty says
nothing a translator can reuse: it is counted, not kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bilingual.errors import SourceError
from bilingual.model import Document, Language
from bilingual.tm.xmltext import cleaned, memory_text

LOCFILEID = "ms.locfileid"


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One place a pair was read at."""

    path: str
    """The source's path relative to its ``SOURCE`` (``/``-separated)."""
    segment_id: str
    """The pair's ``data-ttu-id`` (``b2fcb-104``)."""
    locfileid: str
    """The source's ``ms.locfileid`` (``""`` when its front matter has none: an include)."""
    line: int
    column: int


@dataclass(slots=True)
class Entry:
    """One distinct pair of a language, and every place it was read at, in reading order."""

    english: str
    translation: str
    occurrences: list[Occurrence] = field(default_factory=list)


@dataclass(slots=True)
class Memory:
    """The distinct pairs of one target language, in the order they were first read."""

    tag: str
    """The language's BCP 47 tag, as the memory's files name it (``lv-LV``)."""
    entries: dict[tuple[str, str], Entry] = field(default_factory=dict)
    """By (English, translation)."""
    files: int = 0
    """Sources read."""
    segments: int = 0
    """Segments read."""
    empty: int = 0
    """Segments left out: their English or their translation is empty."""
    problems: list[SourceError] = field(default_factory=list)
    """Characters dropped (``xmltext``)."""

    @property
    def duplicates(self) -> int:
        """Segments merged into an entry read before."""
        return self.segments - self.empty - len(self.entries)

    def add(self, document: Document) -> None:
        """Every segment of ``document`` into the memory."""
        self.files += 1
        locfileid = cleaned(str(document.metadata.get(LOCFILEID) or ""))
        path = cleaned(document.path)
        for segment in document.segments:
            self.segments += 1
            translation = memory_text(document.path, segment, Language.TRANSLATION, self.problems)
            english = memory_text(document.path, segment, Language.ENGLISH, self.problems)
            if not english.strip() or not translation.strip():
                self.empty += 1
                continue
            entry = self.entries.get((english, translation))
            if entry is None:
                entry = self.entries[english, translation] = Entry(english, translation)
            occurrence = Occurrence(
                path, cleaned(segment.id), locfileid, segment.line, segment.column
            )
            entry.occurrences.append(occurrence)

    def add_all(self, documents: list[Document]) -> Memory:
        """Every segment of ``documents`` into the memory; the memory."""
        for document in documents:
            self.add(document)
        return self


def remembered(tag: str, documents: list[Document]) -> Memory:
    """The memory of ``documents`` in the language ``tag``."""
    return Memory(tag).add_all(documents)
