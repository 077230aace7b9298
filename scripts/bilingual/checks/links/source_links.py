"""Check the links of bilingual sources, with the file, line and column of each problem.

Every URL on Microsoft's forward-link host must be a well-formed fwlink, and a segment's
translation must point at the same targets as its English text, so both pages link alike: the
same fwlinks (wherever they appear) and the same link targets (markdown links ``[t](url)``,
autolinks ``<https://…>``, reference definitions and HTML ``href``/``src``). A translation that
broke a link (``[t] (url)``) or changed its URL is reported with its file and segment id.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from bilingual.checks.links.fwlink import SHAPE, fwlink_problem, is_fwlink, normalise
from bilingual.errors import LinkError, SourceError
from bilingual.model import Document
from bilingual.source.folder import source_files
from bilingual.source.parse import decode, parse
from bilingual.source.positions import position

FWLINK_URL = re.compile(r"""(?:https?:)?//go\.microsoft\.com[^\s)"'<>\]]*""", re.IGNORECASE)
LINK_TARGET = re.compile(
    r"""\]\(\s*(<[^<>\n]*>|(?:[^\s()<>]|\([^\s()]*\))+)"""  # [text](target), one level of (…)
    r"""|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(<[^<>\n]*>|\S+)"""  # [label]: target
    r"""|<((?:https?|ftp|mailto|ms-[a-z-]+):[^\s<>]*)>"""  # <https://…> autolink
    r"""|(?<![\w-])(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""",  # HTML attribute
    re.IGNORECASE | re.MULTILINE,
)


def fwlink_errors(text: str, path: str) -> Iterator[LinkError]:
    """Malformed fwlinks anywhere in a source text."""
    for match in FWLINK_URL.finditer(text):
        problem = fwlink_problem(match.group())
        if problem:
            line, column = position(text, match.start())
            yield LinkError(path, line, column, f"{problem}: {match.group()}", SHAPE)


def link_targets(text: str) -> Counter[str]:
    """The targets of the links in a segment's text, fwlinks normalised."""
    targets: Counter[str] = Counter()
    for match in LINK_TARGET.finditer(text):
        target = next(g for g in match.groups() if g is not None).strip().strip("<>").strip()
        targets[normalise(target) if is_fwlink(target) else target] += 1
    return targets


def _listed(targets: Counter[str]) -> str:
    return ", ".join(sorted(targets.elements())) or "none"


def segment_link_errors(document: Document) -> Iterator[LinkError]:
    """Segments whose translation and English text carry different fwlinks or link targets."""
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
            continue
        english = link_targets(segment.english)
        translation = link_targets(segment.translation)
        if english != translation:
            yield LinkError(
                document.path,
                segment.line,
                segment.column,
                f"segment {segment.id}: the translation links to "
                f"{_listed(translation - english)} where the English links to "
                f"{_listed(english - translation)}",
                "the same link targets in both languages",
            )


def check_sources(source: Path, named: bool = False) -> list[SourceError]:
    """Every fwlink problem in the sources under ``source`` (with ``named``, their paths start
    with the tree's folder name: a site of several trees)."""
    problems: list[SourceError] = []
    for path in source_files(source):
        relative = path.relative_to(source).as_posix()
        if named:
            relative = f"{source.name}/{relative}"
        try:
            text = decode(path.read_bytes(), relative)
            problems.extend(fwlink_errors(text, relative))
            problems.extend(segment_link_errors(parse(text, relative)))
        except SourceError as error:
            problems.append(error)
    return problems
