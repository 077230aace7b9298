"""A segment's text as a translation memory holds it: what XML 1.0 allows, line ends as ``\\n``.

XML 1.0 allows tab, line feed, carriage return and the characters from U+0020 on, less the
surrogates and U+FFFE, U+FFFF. A source may hold others (a backspace or a vertical tab pasted
into a sentence): written as they are, they would make the file no XML at all, and
translate-toolkit would drop them without a word. Each one is reported at its own
``file:line:column`` in the source and only that character is dropped; the rest of the segment
stays in the memory.

Markup inside a segment (``**bold**``, ``<strong>``, backticks, ``<email>`` placeholders) is
text to the memory: it is kept and the XML writer escapes it.
"""

from __future__ import annotations

import re

from bilingual.errors import SourceError
from bilingual.model import Language, Segment
from bilingual.source.pairs import english_offset, segment_markup, translation_offset
from bilingual.source.positions import position

NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""A character XML 1.0 does not allow (its production ``Char``)."""
LINE_END = re.compile(r"\r\n?")


def cleaned(text: str) -> str:
    """``text`` without the characters XML 1.0 refuses, its line ends as ``\\n``."""
    return LINE_END.sub("\n", NOT_XML.sub("", text))


def place(segment: Segment, language: Language, index: int) -> tuple[int, int]:
    """The source's 1-based line and column of character ``index`` of the segment's text in
    ``language`` (its text as the source writes it)."""
    start = (
        translation_offset(segment) if language is Language.TRANSLATION else english_offset(segment)
    )
    line, column = position(segment_markup(segment), start + index)
    if line == 1:
        return segment.line, segment.column + column - 1
    return segment.line + line - 1, column


def refused(path: str, segment: Segment, language: Language) -> list[SourceError]:
    """One error for each character of the segment's text in ``language`` that XML 1.0 refuses,
    at its place in the source ``path``."""
    text = segment.translation if language is Language.TRANSLATION else segment.english
    found = []
    for match in NOT_XML.finditer(text):
        line, column = place(segment, language, match.start())
        found.append(
            SourceError(
                path,
                line,
                column,
                f"U+{ord(match.group()):04X} in segment {segment.id}'s {language.value} text is "
                "a character XML 1.0 does not allow; dropped from the translation memory",
                "text without control characters",
            )
        )
    return found


def memory_text(
    path: str, segment: Segment, language: Language, problems: list[SourceError]
) -> str:
    """The segment's text in ``language`` as the memory holds it: as its page shows it
    (``Segment.text``), cleaned; each character dropped goes to ``problems``."""
    problems.extend(refused(path, segment, language))
    return cleaned(segment.text(language))
