"""Includes: which sources a document pulls in with ``[!INCLUDE[title](path)]``.

DocFX's include is written on a line of its own (a block include) or inside a sentence (an
inline include); ``path`` is relative to the including file, or to its docset's root (``~/``). The writer expands them
(``pages.docfx``); this module only reads where they point, for the split's report of includes no
article uses and for the audit, which looks for an include's segments on its includers' pages.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable

from bilingual.model import Document, Malformed, Segment
from bilingual.source.folder import is_article

INCLUDE = re.compile(
    r"\[!INCLUDE[+-]?[ \t]*\[(?P<title>(?:\\.|\[[^\]]*\]|[^\[\]\\])*)\][ \t]*\([ \t]*<?(?P<path>[^)\s>]+)>?"
    r"(?:[ \t]+(?:\"[^\"]*\"|'[^']*'))?[ \t]*\)[ \t]*\]",
    re.IGNORECASE,
)
RootOf = Callable[[str], str]
"""The folder ``~/`` means in a source (``SOURCE``-relative): ``Docset.root_of``."""


def _at_root(path: str) -> str:
    return "."


def included_paths(document: Document, root_of: RootOf = _at_root) -> set[str]:
    """Source paths (relative to the source folder) that ``document`` includes, in either
    language: the ``path`` of every ``[!INCLUDE[…](path)]`` (also ``[!include-…]``,
    ``[!include+…]``), resolved from the document's folder, or from its docset's root for ``~/``
    (``root_of``)."""
    folder = posixpath.dirname(document.path)
    texts = (
        text
        for part in document.parts
        if not isinstance(part, Malformed)  # shown as literal text: includes nothing
        for text in ((part.translation, part.english) if isinstance(part, Segment) else (part,))
    )
    found = set()
    for text in texts:
        if "INCLUDE" not in text.upper():
            continue
        for match in INCLUDE.finditer(text):
            if match.start() > 0 and text[match.start() - 1] == "\\":
                continue  # an escaped include is text
            path = match.group("path")
            if path.startswith("~/"):
                found.add(posixpath.normpath(posixpath.join(root_of(document.path), path[2:])))
            else:
                found.add(posixpath.normpath(posixpath.join(folder, path)))
    return found


def reached(
    document: Document,
    sources: Callable[[str], Iterable[Document]],
    root_of: RootOf = _at_root,
) -> list[str]:
    """Every path ``document`` includes, at any depth, each once, in the order found;
    ``sources``: the documents at a path (none where no source is there)."""
    found: list[str] = []
    seen = {document.path}
    waiting = [document]
    while waiting:
        for path in sorted(included_paths(waiting.pop(), root_of)):
            if path not in seen:
                seen.add(path)
                found.append(path)
                waiting.extend(sources(path))
    return found


def includers(documents: list[Document], root_of: RootOf = _at_root) -> dict[str, list[str]]:
    """Each included path -> the articles whose pages show it, in the documents' order: the
    articles that include it, and those that include an include that includes it."""
    by_path = {document.path: document for document in documents}

    def sources(path: str) -> list[Document]:
        return [by_path[path]] if path in by_path else []

    found: dict[str, list[str]] = {}
    for document in documents:
        if is_article(document):
            for path in reached(document, sources, root_of):
                found.setdefault(path, []).append(document.path)
    return found


def unused_includes(documents: list[Document], root_of: RootOf = _at_root) -> list[str]:
    """The includes that no article's page shows (``[!INCLUDE[…](path)]``, at any depth)."""
    used = includers(documents, root_of)
    return sorted(doc.path for doc in documents if not is_article(doc) and doc.path not in used)
