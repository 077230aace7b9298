"""Check the fwlinks of bilingual sources, with the file, line and column of each problem.

Every URL on Microsoft's forward-link host must be a well-formed fwlink, and a segment's
translation must carry the same fwlinks as its English text, so both pages link alike.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from .errors import LinkError, SourceError
from .fwlink import SHAPE, fwlink_problem, normalise
from .model import Document
from .parse import decode, parse
from .tree import source_files

FWLINK_URL = re.compile(r"""(?:https?:)?//go\.microsoft\.com[^\s)"'<>\]]*""", re.IGNORECASE)


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def fwlink_errors(text: str, path: str) -> Iterator[LinkError]:
    """Malformed fwlinks anywhere in a source text."""
    for match in FWLINK_URL.finditer(text):
        problem = fwlink_problem(match.group())
        if problem:
            line, column = _position(text, match.start())
            yield LinkError(path, line, column, f"{problem}: {match.group()}", SHAPE)


def segment_link_errors(document: Document) -> Iterator[LinkError]:
    """Segments whose translation and English text carry different fwlinks."""
    for segment in document.segments:
        english = Counter(normalise(m.group()) for m in FWLINK_URL.finditer(segment.english))
        translation = Counter(
            normalise(m.group()) for m in FWLINK_URL.finditer(segment.translation)
        )
        if english != translation:
            yield LinkError(
                document.path,
                segment.line,
                segment.column,
                f"segment {segment.id}: the translation's fwlinks {sorted(translation)} "
                f"differ from the English {sorted(english)}",
                "the same fwlinks in both languages",
            )


def check_sources(source: Path) -> list[SourceError]:
    """Every fwlink problem in the sources under ``source``."""
    problems: list[SourceError] = []
    for path in source_files(source):
        relative = path.relative_to(source).as_posix()
        try:
            text = decode(path.read_bytes(), relative)
            problems.extend(fwlink_errors(text, relative))
            problems.extend(segment_link_errors(parse(text, relative)))
        except SourceError as error:
            problems.append(error)
    return problems
