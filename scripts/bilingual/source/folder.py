"""The source folder: which files are sources, which are articles, and the tree's locale.

A *source folder* (``SOURCE``) holds bilingual markdown files at any depth. Files under an
``includes/`` folder (at any depth: docsets keep them per section) are *includes*, fragments
that other sources pull in; every other markdown file is an *article*, which becomes a page in
each language. Hidden files and folders (``.git``, ``.github``) are no sources, nor is a
markdown table of contents (``TOC.md``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from bilingual.errors import BilingualError, SourceError
from bilingual.locales import NotATag, site_code
from bilingual.model import Document
from bilingual.source.docset import Docset
from bilingual.source.files import INCLUDES as INCLUDES  # named here too, as before
from bilingual.source.files import TOC_NAMES as TOC_NAMES
from bilingual.source.files import Kind, read_files
from bilingual.source.files import is_toc_name as is_toc_name
from bilingual.source.parse import decode, parse


class NoLocaleError(BilingualError):
    """No source names its translation's locale."""


def is_include(path: str) -> bool:
    """Whether the source at ``path`` (relative, ``/``-separated) lies under an ``includes/``
    folder: a fragment of other sources, not an article."""
    return INCLUDES in path.split("/")[:-1]


def is_article(document: Document) -> bool:
    """Articles become pages; files under an ``includes/`` folder are fragments of others, and
    a ``TOC.md`` is a table of contents."""
    return not is_include(document.path) and not is_toc_name(document.path)


def is_hidden(relative: Path) -> bool:
    """Whether a path relative to the source folder lies in (or is) a hidden file or folder."""
    return any(part.startswith(".") for part in relative.parts)


def source_files(source: Path) -> Iterator[Path]:
    """The markdown sources under ``source`` (its articles and includes, ``source.files``: no
    ``TOC.md``, a table of contents), in a stable order (hidden folders skipped)."""
    for path in read_files(source).paths(Kind.ARTICLE, Kind.INCLUDE):
        yield source / path


def read_document(
    source: Path, relative: str, docset: Docset | None = None, *, keep: bool = False
) -> Document:
    """The source at ``relative`` under ``source``, parsed; raises ``SourceError``. ``docset``:
    read through its reader (once a split; its bytes kept for a second reader when ``keep``)."""
    if docset is None:
        data = (source / relative).read_bytes()
    else:
        data = docset.reader.data(docset.absolute(relative), keep=keep)
    return parse(decode(data, relative), relative)


def read_documents(
    source: Path,
    problems: list[SourceError],
    files: Iterable[Path] | None = None,
    docset: Docset | None = None,
) -> list[Document]:
    """Parse every source (or those of ``files``); malformed ones go to ``problems``."""
    documents = []
    for path in source_files(source) if files is None else files:
        relative = path.relative_to(source).as_posix()
        try:
            documents.append(read_document(source, relative, docset))
        except SourceError as error:
            problems.append(error)
    return documents


def known_code(locale: str) -> str:
    """The site code of ``locale``; ``""`` for one that is not a BCP 47 tag."""
    try:
        return site_code(locale)
    except NotATag:
        return ""


def translation_code(documents: list[Document]) -> str:
    """The most common ``ms.contentlocale`` of the documents, as a site code."""
    counts = Counter(
        code for doc in documents if doc.content_locale and (code := known_code(doc.content_locale))
    )
    if not counts:
        raise NoLocaleError(
            "no source names its locale; expected 'ms.contentlocale: ll-CC' in the front matter"
        )
    return counts.most_common(1)[0][0]
