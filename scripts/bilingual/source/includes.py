"""Includes: which sources a document pulls in with ``[!INCLUDE[title](path)]``.

DocFX's include is written on a line of its own (a block include) or inside a sentence (an
inline include); ``path`` is relative to the including file. The writer expands them
(``pages.docfx``); this module only reads where they point, for the split's report of includes no
article uses and for the audit, which looks for an include's segments on its includers' pages.
"""

from __future__ import annotations

import posixpath
import re

from bilingual.model import Document, Malformed, Segment
from bilingual.source.folder import is_article

INCLUDE = re.compile(
    r"\[!INCLUDE[ \t]*\[(?P<title>[^\]]*)\][ \t]*\([ \t]*<?(?P<path>[^)\s>]+)>?[ \t]*\)[ \t]*\]",
    re.IGNORECASE,
)


def included_paths(document: Document) -> set[str]:
    """Source paths (relative to the source folder) that ``document`` includes, in either
    language: the ``path`` of every ``[!INCLUDE[…](path)]``, resolved from the document's folder."""
    folder = posixpath.dirname(document.path)
    texts = (
        text
        for part in document.parts
        if not isinstance(part, Malformed)  # shown as literal text: includes nothing
        for text in ((part.translation, part.english) if isinstance(part, Segment) else (part,))
    )
    return {
        posixpath.normpath(posixpath.join(folder, match.group("path")))
        for text in texts
        if "INCLUDE" in text.upper()
        for match in INCLUDE.finditer(text)
    }


def includers(documents: list[Document]) -> dict[str, list[str]]:
    """Each included path -> the articles that include it, in the documents' order."""
    found: dict[str, list[str]] = {}
    for document in documents:
        if is_article(document):
            for path in included_paths(document):
                found.setdefault(path, []).append(document.path)
    return found


def unused_includes(documents: list[Document]) -> list[str]:
    """The includes that no article includes (``[!INCLUDE[…](path)]``)."""
    used = includers(documents)
    return sorted(doc.path for doc in documents if not is_article(doc) and doc.path not in used)
