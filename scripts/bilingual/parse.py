"""Bilingual text -> ``Document``.

In Microsoft's side-by-side markdown every translated sentence is a *pair*::

    <span data-ttu-id="ID">TRANSLATION</span><span class="sxs-lookup"><span data-stu-id="ID">ENGLISH</span></span>

The ``data-ttu-id`` span holds the translation (the locale named by ``ms.contentlocale``); the
``data-stu-id`` span inside ``sxs-lookup`` holds the English original. Both ids are equal. Text
inside a span may itself contain ``<span>…</span>`` (for instance around ``https:``), markdown
and other HTML; it is kept exactly. Everything outside the pairs belongs to both languages and is
kept exactly too, so that writing the document back reproduces the source byte for byte.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import yaml

from .errors import ParseError
from .model import Document, Part, Segment

PAIR_OPEN = re.compile(r'<span data-ttu-id="([^"<>]*)">')
SPAN_TAG = re.compile(r"<span\b[^>]*>|</span>")
LOOKUP_OPEN = '<span class="sxs-lookup">'
ENGLISH_OPEN = re.compile(r'<span data-stu-id="([^"<>]*)">')
SPAN_CLOSE = "</span>"
PAIR_MARKUP = re.compile(r'data-ttu-id=|data-stu-id=|class="sxs-lookup"')
FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(.*?)(?:^|\n)---[ \t]*(?:\r?\n|\Z)", re.DOTALL)

PAIR_SHAPE = (
    '<span data-ttu-id="ID">translation</span>'
    '<span class="sxs-lookup"><span data-stu-id="ID">English</span></span>'
)

try:  # the C loader is several times faster; PyYAML builds it where libyaml is present
    from yaml import CSafeLoader as YamlLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as YamlLoader  # type: ignore[assignment]


class _Lines:
    """Maps an offset in a text to a 1-based line and column."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        self._starts.extend(m.end() for m in re.finditer("\n", text))

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1


class _Parser:
    """State of one pass over one source text."""

    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.lines = _Lines(text)

    def error(self, offset: int, what: str, expected: str = "") -> ParseError:
        line, column = self.lines.position(offset)
        return ParseError(self.path, line, column, what, expected)

    def front_matter(self) -> tuple[str, dict[str, Any], int]:
        """The BOM and raw front matter, the parsed metadata, and where the body starts."""
        start = 1 if self.text.startswith("\ufeff") else 0
        if not self.text.startswith("---", start):
            return self.text[:start], {}, start
        match = FRONT_MATTER.match(self.text, start)
        if match is None:
            raise self.error(start, "front matter is not closed", "a line holding only '---'")
        try:
            metadata = yaml.load(match.group(1), Loader=YamlLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            offset = match.start(1)
            if mark is not None:
                line_offset = self.lines.position(offset)[0] + mark.line
                raise ParseError(
                    self.path,
                    line_offset,
                    mark.column + 1,
                    f"front matter is not valid YAML ({getattr(exc, 'problem', exc)})",
                    "'key: value' lines",
                ) from None
            raise self.error(
                offset, "front matter is not valid YAML", "'key: value' lines"
            ) from None
        if metadata is None:
            metadata = {}
        if not isinstance(metadata, dict):
            raise self.error(match.start(1), "front matter is not a mapping", "'key: value' lines")
        return self.text[: match.end()], metadata, match.end()

    def closing(self, start: int, opener: int, what: str) -> int:
        """Offset of the ``</span>`` that closes the span opened at ``opener``."""
        depth = 1
        for tag in SPAN_TAG.finditer(self.text, start):
            if tag.group().startswith("</"):
                depth -= 1
                if depth == 0:
                    return tag.start()
            else:
                depth += 1
        raise self.error(opener, f"{what} span is not closed", "a matching '</span>'")

    def check_inner(self, start: int, end: int) -> None:
        """A segment's text must not hold pair markup of its own."""
        nested = PAIR_MARKUP.search(self.text, start, end)
        if nested is not None:
            raise self.error(nested.start(), "segment pair nested inside a segment", PAIR_SHAPE)

    def check_shared(self, start: int, end: int) -> None:
        """Shared text must not hold half of a pair or a stray ``</span>``."""
        stray = PAIR_MARKUP.search(self.text, start, end)
        if stray is not None:
            raise self.error(stray.start(), "half of a segment pair outside a pair", PAIR_SHAPE)
        depth = 0
        for tag in SPAN_TAG.finditer(self.text, start, end):
            depth += -1 if tag.group().startswith("</") else 1
            if depth < 0:
                raise self.error(
                    tag.start(), "stray '</span>'", "'</span>' only after its '<span>'"
                )

    def segment(self, opened: re.Match[str], seen: dict[str, Segment]) -> tuple[Segment, int]:
        """The pair opened by ``opened`` and the offset just after it."""
        text = self.text
        segment_id = opened.group(1)
        translation_end = self.closing(opened.end(), opened.start(), "translation")
        self.check_inner(opened.end(), translation_end)
        lookup = translation_end + len(SPAN_CLOSE)
        if not text.startswith(LOOKUP_OPEN, lookup):
            raise self.error(lookup, f"segment {segment_id} has no sxs-lookup half", PAIR_SHAPE)
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
        english_end = self.closing(english_open.end(), english_open.start(), "English")
        self.check_inner(english_open.end(), english_end)
        end = english_end + len(SPAN_CLOSE)
        if not text.startswith(SPAN_CLOSE, end):
            raise self.error(
                lookup, f"sxs-lookup span of segment {segment_id} is not closed", PAIR_SHAPE
            )
        line, column = self.lines.position(opened.start())
        segment = Segment(
            id=segment_id,
            translation=text[opened.end() : translation_end],
            english=text[english_open.end() : english_end],
            line=line,
            column=column,
        )
        earlier = seen.get(segment_id)
        if earlier is not None and (earlier.translation, earlier.english) != (
            segment.translation,
            segment.english,
        ):
            raise self.error(
                opened.start(),
                f"duplicate segment id {segment_id} with different text "
                f"(first at line {earlier.line})",
                "each id once, or repeated with the same text",
            )
        seen.setdefault(segment_id, segment)
        return segment, end + len(SPAN_CLOSE)

    def document(self) -> Document:
        prefix, metadata, position = self.front_matter()
        parts: list[Part] = []
        seen: dict[str, Segment] = {}
        text = self.text
        for opened in PAIR_OPEN.finditer(text, position):
            if opened.start() < position:  # inside a pair already consumed
                continue
            self.check_shared(position, opened.start())
            if opened.start() > position:
                parts.append(text[position : opened.start()])
            segment, position = self.segment(opened, seen)
            parts.append(segment)
        self.check_shared(position, len(text))
        if position < len(text):
            parts.append(text[position:])
        return Document(path=self.path, prefix=prefix, metadata=metadata, parts=parts)


def parse(text: str, path: str = "<string>") -> Document:
    """Parse a bilingual source text into a ``Document``.

    ``path`` names the source in error messages. Raises ``ParseError`` (with line and column)
    when the pair markup or the front matter is malformed.
    """
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
