"""Bilingual text -> ``Document``.

In Microsoft's side-by-side markdown every translated sentence is a *pair* (its markup is
defined once, in ``pairs``): the ``data-ttu-id`` span holds the translation (the locale named by
``ms.contentlocale``), the ``data-stu-id`` span inside ``sxs-lookup`` the English original, both
ids equal. Text inside a span may itself contain ``<span>…</span>`` (for instance around ``https:``), markdown
and other HTML; it is kept exactly. Everything outside the pairs belongs to both languages and is
kept exactly too, so that writing the document back reproduces the source byte for byte.

Where a pair starts and ends is read from its frame: the translation ends where its span's
``</span>`` is followed by the ``sxs-lookup`` half, the English where its span's ``</span>`` is
followed by the closing ``</span>`` of ``sxs-lookup``. Spans inside the text are counted so that a
nested ``<span>https:</span>`` does not end the pair early. Real sources also hold text whose own
spans do not balance (a stray ``</span>`` copied from the English); when counting finds no frame,
the first frame before the next pair is taken, and the text, stray tag included, kept as it is.
Shared text must hold no half of a pair and no unbalanced ``</span>``.

Most pairs hold no span of their own; one regular expression reads those, and only the rest go
through the counting. Front matter is read by ``frontmatter.load``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

import yaml

from bilingual.errors import ParseError
from bilingual.model import Document, Malformed, Part, Segment
from bilingual.source import frontmatter
from bilingual.source.pairs import (
    EMPTY_PAIR_LENGTH,
    ENGLISH_FRAME,
    ENGLISH_OPEN,
    LOOKUP_OPEN,
    PAIR_MARKUP,
    PAIR_SHAPE,
    PAIR_START,
    SIMPLE_PAIR,
    SPAN_CLOSE,
    SPAN_TAG,
    TRANSLATION_FRAME,
    TRANSLATION_OPEN,
)
from bilingual.source.positions import LineIndex

FRONT_MATTER = re.compile(r"---[ \t]*\r?\n((?:[^\n]*\n)*?)---[ \t]*(?:\r?\n|\Z)")
NOT_BLANK = re.compile(r"[^\ufeff \t\r\n]")


def _segment_factory() -> Callable[[str, str, str, int, int], Segment]:
    """Builds a ``Segment`` through its slots: the same object as ``Segment(...)``, twice as fast
    (a frozen dataclass's ``__init__`` goes through ``object.__setattr__`` for every field).
    Should ``Segment`` gain a field, this falls back to its constructor."""
    names = ("id", "translation", "english", "line", "column")
    if tuple(f.name for f in dataclasses.fields(Segment)) != names:
        return Segment
    new = Segment.__new__
    slots = vars(Segment)
    set_id, set_translation, set_english, set_line, set_column = (
        slots[name].__set__ for name in names
    )

    def segment(segment_id: str, translation: str, english: str, line: int, column: int) -> Segment:
        made = new(Segment)
        set_id(made, segment_id)
        set_translation(made, translation)
        set_english(made, english)
        set_line(made, line)
        set_column(made, column)
        return made

    return segment


_segment = _segment_factory()


class _Parser:
    """State of one pass over one source text."""

    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self._lines: LineIndex | None = None
        self.warnings: list[ParseError] = []

    @property
    def lines(self) -> LineIndex:
        """Line starts, computed only when an error needs them."""
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def error(self, offset: int, what: str, expected: str = "") -> ParseError:
        line, column = self.lines.position(offset)
        return ParseError(self.path, line, column, what, expected)

    def front_matter(self) -> tuple[str, dict[str, Any], int]:
        """The BOM and raw front matter, the parsed metadata, and where the body starts.

        Front matter that is not closed is read as body text; front matter that is not a YAML
        mapping is kept (the round trip holds) and the page goes without its metadata. Both are
        warnings."""
        start = 1 if self.text.startswith("\ufeff") else 0
        if not self.text.startswith("---", start):
            return self.text[:start], {}, start
        match = FRONT_MATTER.match(self.text, start)
        if match is None:
            self.warnings.append(
                self.error(
                    start,
                    "front matter is not closed (read as text)",
                    "a line holding only '---'",
                )
            )
            return self.text[:start], {}, start
        try:
            metadata = frontmatter.load(match.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            offset = match.start(1)
            what = f"front matter is not valid YAML ({getattr(exc, 'problem', exc)}; left out)"
            if mark is not None:
                line = self.lines.position(offset)[0] + mark.line
                warning = ParseError(self.path, line, mark.column + 1, what, "'key: value' lines")
            else:
                warning = self.error(offset, what, "'key: value' lines")
            self.warnings.append(warning)
            return self.text[: match.end()], {}, match.end()
        if metadata is None:
            metadata = {}
        if not isinstance(metadata, dict):
            self.warnings.append(
                self.error(
                    match.start(1), "front matter is not a mapping (left out)", "'key: value' lines"
                )
            )
            metadata = {}
        return self.text[: match.end()], metadata, match.end()

    def balanced(self, start: int) -> int | None:
        """Offset of the ``</span>`` that closes a span whose text starts at ``start``."""
        depth = 1
        for tag in SPAN_TAG.finditer(self.text, start):
            if tag.group().startswith("</"):
                depth -= 1
                if depth == 0:
                    return tag.start()
            else:
                depth += 1
        return None

    def closing(self, start: int, opener: int, what: str) -> int:
        """Offset of the ``</span>`` that closes the span opened at ``opener``."""
        end = self.balanced(start)
        if end is None:
            raise self.error(opener, f"{what} span is not closed", "a matching '</span>'")
        return end

    def framed(self, start: int, frame: str, limit: int, what: str) -> int | None:
        """End of a text starting at ``start``: its balanced ``</span>`` if ``frame`` follows
        there, else the first ``frame`` before ``limit`` (the text's own spans do not balance,
        which is noted)."""
        end = self.balanced(start)
        if end is not None and self.text.startswith(frame, end):
            return end
        end = self.text.find(frame, start, limit)
        if end < 0:
            return None
        self.warnings.append(
            self.error(
                start,
                f"{what} holds unbalanced span tags (read up to the pair's frame, kept as written)",
                "'<span>' and '</span>' in pairs inside a segment",
            )
        )
        return end

    def check_inner(self, start: int, end: int) -> None:
        """A segment's text must not hold pair markup of its own."""
        nested = PAIR_MARKUP.search(self.text, start, end)
        if nested is not None:
            raise self.error(nested.start(), "segment pair nested inside a segment", PAIR_SHAPE)

    def shared_problem(self, start: int, end: int) -> ParseError | None:
        """What is wrong with shared text, if anything: half of a pair, or a stray ``</span>``."""
        text = self.text
        if (
            text.find("span", start, end) < 0
            and text.find("-id=", start, end) < 0
            and text.find("sxs-lookup", start, end) < 0
        ):
            return None
        stray = PAIR_MARKUP.search(text, start, end)
        if stray is not None:
            return self.error(stray.start(), "half of a segment pair outside a pair", PAIR_SHAPE)
        depth = 0
        for tag in SPAN_TAG.finditer(text, start, end):
            depth += -1 if tag.group().startswith("</") else 1
            if depth < 0:
                return self.error(
                    tag.start(), "stray '</span>'", "'</span>' only after its '<span>'"
                )
        return None

    def paragraph(self, offset: int, low: int, high: int) -> tuple[int, int]:
        """The paragraph around ``offset`` (between blank lines), kept within ``low``..``high``."""
        text = self.text
        before = max(text.rfind("\n\n", low, offset), text.rfind("\n\r\n", low, offset))
        after = [
            at
            for at in (text.find("\n\n", offset, high), text.find("\n\r\n", offset, high))
            if at >= 0
        ]
        return (before + 1 if before >= 0 else low), (min(after) + 1 if after else high)

    def next_pair(self, start: int) -> int:
        """Offset of the next pair opener at or after ``start``, or the text's length."""
        opened = TRANSLATION_OPEN.search(self.text, start)
        return len(self.text) if opened is None else opened.start()

    def segment_ends(self, opened: re.Match[str]) -> tuple[int, re.Match[str], int]:
        """Where the translation ends, the English span's opener and where the English ends."""
        text = self.text
        segment_id = opened.group(1)
        limit = self.next_pair(opened.end())
        translation_end = self.framed(
            opened.end(), TRANSLATION_FRAME, limit, f"the translation of segment {segment_id}"
        )
        if translation_end is None:
            end = self.closing(opened.end(), opened.start(), "translation")
            self.check_inner(opened.end(), end)
            raise self.error(
                end + len(SPAN_CLOSE), f"segment {segment_id} has no sxs-lookup half", PAIR_SHAPE
            )
        self.check_inner(opened.end(), translation_end)
        lookup = translation_end + len(SPAN_CLOSE)
        english_open = ENGLISH_OPEN.match(text, lookup + len(LOOKUP_OPEN))
        if english_open is None:
            raise self.error(
                lookup + len(LOOKUP_OPEN),
                f"segment {segment_id} has no data-stu-id span in its sxs-lookup half",
                PAIR_SHAPE,
            )
        if english_open.group(1) != segment_id:
            raise self.error(
                english_open.start(),
                f'ttu/stu id mismatch: data-ttu-id="{segment_id}" '
                f'but data-stu-id="{english_open.group(1)}"',
                "both ids equal",
            )
        limit = self.next_pair(english_open.end())
        english_end = self.framed(
            english_open.end(), ENGLISH_FRAME, limit, f"the English of segment {segment_id}"
        )
        if english_end is None:
            end = self.closing(english_open.end(), english_open.start(), "English")
            self.check_inner(english_open.end(), end)
            raise self.error(
                lookup, f"sxs-lookup span of segment {segment_id} is not closed", PAIR_SHAPE
            )
        self.check_inner(english_open.end(), english_end)
        return translation_end, english_open, english_end

    def simple_parts(self, position: int) -> list[Part] | None:
        """The parts of a body whose pairs are all simple and whose shared text holds no span
        markup (nearly every real source), read with one ``re.split``; else None."""
        text = self.text
        pieces = SIMPLE_PAIR.split(text[position:] if position else text)
        shared = pieces[0::4]
        for piece in shared:
            if "span" in piece or "-id=" in piece or "sxs-lookup" in piece:
                return None
        ids, translations, englishes = pieces[1::4], pieces[2::4], pieces[3::4]
        if len(set(ids)) < len(ids):
            first: dict[str, tuple[str, str]] = {}
            for texts in zip(ids, zip(translations, englishes, strict=True), strict=True):
                if first.setdefault(*texts) != texts[1]:
                    return None  # the general pass reports it
        parts: list[Part] = []
        append = parts.append
        count, rfind = text.count, text.rfind
        line, line_start, counted = 1, 0, 0
        offset = position
        empty_pair = EMPTY_PAIR_LENGTH
        for before, segment_id, translation, english in zip(
            shared, ids, translations, englishes, strict=False
        ):
            start = offset + len(before)
            if before:
                append(before)
            newlines = count("\n", counted, start)
            if newlines:
                line += newlines
                line_start = rfind("\n", counted, start) + 1
            counted = start
            append(_segment(segment_id, translation, english, line, start - line_start + 1))
            offset = start + empty_pair + 2 * len(segment_id) + len(translation) + len(english)
        if shared[-1]:
            append(shared[-1])
        return parts

    def document(self) -> Document:
        prefix, metadata, position = self.front_matter()
        simple_parts = self.simple_parts(position)
        if simple_parts is not None:
            return Document(
                path=self.path,
                prefix=prefix,
                metadata=metadata,
                parts=simple_parts,
                warnings=[*self.warnings],
            )
        parts: list[Part] = []
        seen: dict[str, Segment] = {}
        text = self.text
        find = text.find
        while (start := find(PAIR_START, position)) >= 0:
            if start > position:
                position = self.shared(parts, position, start)
            try:
                segment, end = self.pair(start)
            except ParseError as error:
                position = self.malformed(parts, error, position, start)
                continue
            earlier = seen.setdefault(segment.id, segment)
            if earlier is not segment and (
                earlier.translation != segment.translation or earlier.english != segment.english
            ):
                self.warnings.append(
                    self.error(
                        start,
                        f"duplicate segment id {segment.id} with different text "
                        f"(first at line {earlier.line}; both kept)",
                        "each id once, or repeated with the same text",
                    )
                )
            parts.append(segment)
            position = end
        if position < len(text):
            self.shared(parts, position, len(text))
        return Document(
            path=self.path, prefix=prefix, metadata=metadata, parts=parts, warnings=[*self.warnings]
        )

    def pair(self, start: int) -> tuple[Segment, int]:
        """The segment whose pair starts at ``start``, and where the pair ends; raises
        ``ParseError`` when its markup cannot be read."""
        text = self.text
        line, column = self.lines.position(start)
        pair = SIMPLE_PAIR.match(text, start)
        if pair is not None:
            segment_id, translation, english = pair.groups()
            return Segment(segment_id, translation, english, line, column), pair.end()
        opened = TRANSLATION_OPEN.match(text, start)
        if opened is None:  # an id holding quotes or brackets
            raise self.error(start, "malformed data-ttu-id span", '<span data-ttu-id="ID">')
        translation_end, english_open, english_end = self.segment_ends(opened)
        translation = text[opened.end() : translation_end]
        english = text[english_open.end() : english_end]
        segment = Segment(opened.group(1), translation, english, line, column)
        return segment, english_end + len(SPAN_CLOSE) * 2

    def shared(self, parts: list[Part], start: int, end: int) -> int:
        """Add the shared text between ``start`` and ``end``; returns where parsing goes on
        (past ``end`` when malformed markup in it runs into what follows)."""
        while start < end:
            problem = self.shared_problem(start, end)
            if problem is None:
                parts.append(self.text[start:end])
                return end
            at = self.lines.offset(problem.line, problem.column)
            start = self.malformed(parts, problem, start, at)
        return start

    def malformed(self, parts: list[Part], error: ParseError, low: int, at: int) -> int:
        """Keep the paragraph around ``at`` (from ``low``, where parsing stood, up to the next
        pair) as ``Malformed`` text, record ``error`` as a warning; returns where to go on."""
        self.warnings.append(
            ParseError(
                error.path,
                error.line,
                error.column,
                error.what + " (shown as text)",
                error.expected,
            )
        )
        begin, end = self.paragraph(at, low, len(self.text))
        following = self.next_pair(at + 1)
        end = max(min(end, following), at + 1)
        if begin > low:
            parts.append(self.text[low:begin])
        line, column = self.lines.position(begin)
        parts.append(Malformed(self.text[begin:end], line, column))
        return end


def parse(text: str, path: str = "<string>") -> Document:
    """Parse a bilingual source text into a ``Document``.

    ``path`` names the source in error messages. Raises ``ParseError`` (with line and column)
    when the pair markup or the front matter is malformed. An empty source is a document
    without text (DocFX renders it as an empty page, an empty include as nothing), reported.
    """
    if NOT_BLANK.search(text) is None:
        empty = Document(path, "", {}, [text] if text else [])
        empty.warnings.append(
            ParseError(path, 1, 1, "source is empty", "front matter and markdown text")
        )
        return empty
    return _Parser(text, path).document()


def decode(data: bytes, path: str) -> str:
    """Decode a source file's bytes as UTF-8, or raise a ``ParseError`` at the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise ParseError(path, line, column, "invalid UTF-8", "a UTF-8 text file") from None
