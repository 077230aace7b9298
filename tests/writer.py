"""Pages written by the real page writer, for tests: sources in, each language's page out.

``write`` puts the sources in a folder (a temporary one, or ``root``), reads them as the split
reads them and writes one article's pages as the split writes them (the English page first: the
translation's hover reads it): ``Pages`` holds each page's HTML (front matter left out), what the
writer reports, and the pages themselves.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bilingual.checks.audit import page_body
from bilingual.model import Language
from bilingual.pages.link_rewrite import LinkContext
from bilingual.pages.page import PageText
from bilingual.pages.resolver import SourceFolder
from bilingual.source.folder import read_documents
from bilingual.split.writer import Writer

SPAN = re.compile(r'<span class="sxs" tabindex="0" data-en="[^"]*">|</span>')


@dataclass(frozen=True, slots=True)
class Pages:
    """One article's pages."""

    translation: PageText
    english: PageText

    @property
    def lv(self) -> str:
        """The translation page's HTML."""
        return page_body(self.translation.markdown)

    @property
    def en(self) -> str:
        """The English page's HTML."""
        return page_body(self.english.markdown)

    @property
    def warnings(self) -> list[str]:
        """What both pages report, each once, in order."""
        found = [str(w) for w in (*self.translation.warnings, *self.english.warnings)]
        return list(dict.fromkeys(found))


def write(
    text: str,
    files: dict[str, str] | None = None,
    path: str = "a.md",
    root: Path | None = None,
    links: bool = False,
) -> Pages:
    """The pages of the source ``text`` at ``path``, ``files`` beside it (path -> text; bytes
    files as text too), in ``root`` (else a temporary folder); ``links``: the tree's link rules
    applied (internal links made the built pages' addresses)."""
    if root is None:
        with tempfile.TemporaryDirectory() as folder:
            return write(text, files, path, Path(folder), links)
    for name, content in {**(files or {}), path: text}.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    documents = read_documents(root, [])
    media = [p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()]
    writer = Writer.of(root, documents, media)
    if not links:
        writer.links = None
    else:
        assert isinstance(writer.links, LinkContext)
    document = writer.folder.documents[path]
    pages = writer.pages(document, (Language.TRANSLATION, Language.ENGLISH))
    return Pages(pages[Language.TRANSLATION], pages[Language.ENGLISH])


def folder_of(root: Path) -> SourceFolder:
    """The source folder ``root`` as the writer reads it."""
    documents = read_documents(root, [])
    return SourceFolder.at({document.path: document for document in documents}, root)


def unwrapped(page_html: str) -> str:
    """A translation page's HTML without its hover spans (their text kept)."""
    return SPAN.sub("", page_html)
