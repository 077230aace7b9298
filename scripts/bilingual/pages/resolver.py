"""The source folder as the writer sees it: included sources, media paths, source positions.

``SourceFolder.for_page`` gives the ``docfx.Resolver`` of one page: it resolves
``[!INCLUDE[…](path)]`` to the included source's text in the page's language (its own includes
expanded, its relative links rebased onto the including page) and refuses include and media
paths that leave the source folder — ``../`` past the root, absolute paths, URLs with a drive or
host, symlinks pointing out — with a ``SourceError`` at the construct's ``file:line:column``.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from bilingual.errors import SourceError
from bilingual.model import Document, Language, Segment
from bilingual.pages import docfx
from bilingual.pages.render import render_body
from bilingual.source.pairs import english_offset, render_source, segment_markup, translation_offset
from bilingual.source.positions import position

RELATIVE_LINK = re.compile(r"(\]\([ \t]*<?|\bsrc=[\"']?|\bhref=[\"']?)(?P<path>[^)\s\"'<>#]+)")
INSIDE = "a relative path to a file inside the source folder"


class IncludeError(SourceError):
    """An include or media path that is missing, circular or leaves the source folder."""


def body_position(document: Document, language: Language, offset: int) -> tuple[int, int]:
    """The 1-based line and column in the source of ``offset`` in the page body."""
    source_offset = len(document.prefix)
    body_offset = 0
    target = len(document.prefix)
    for part in document.parts:
        if isinstance(part, Segment):
            text = part.text(language)
            start = source_offset + (
                translation_offset(part)
                if language is Language.TRANSLATION
                else english_offset(part)
            )
            size = len(segment_markup(part))
        else:
            text, start, size = part, source_offset, len(part)
        if offset < body_offset + len(text):
            target = start + offset - body_offset
            break
        body_offset += len(text)
        source_offset += size
        target = source_offset
    return position(render_source(document), target)


def rebase(text: str, source_dir: str, page_dir: str) -> str:
    """Relative link targets in ``text`` (written in ``source_dir``) made relative to ``page_dir``."""
    if source_dir == page_dir:
        return text

    def move(match: re.Match[str]) -> str:
        path = match.group("path")
        if not docfx.is_local(path) or path.startswith("/"):
            return match.group()
        moved = posixpath.relpath(
            posixpath.normpath(posixpath.join(source_dir, path)), page_dir or "."
        )
        return match.group(1) + moved

    return RELATIVE_LINK.sub(move, text)


@dataclass(slots=True)
class SourceFolder:
    """Every parsed source of a folder, by relative path; ``root`` on disk for symlink checks."""

    documents: dict[str, Document]
    root: Path | None = None
    spelled: dict[str, str] | None = None
    """Lower-cased relative path -> the file's own spelling (built on first use)."""

    def spelling(self, path: str) -> str:
        """``path`` as the file under ``root`` spells it, where only the case differs."""
        if self.root is None or (self.root / path).exists():
            return path
        if self.spelled is None:
            self.spelled = {
                found.relative_to(self.root).as_posix().casefold(): found.relative_to(
                    self.root
                ).as_posix()
                for found in self.root.rglob("*")
                if found.is_file()
            }
        return self.spelled.get(path.casefold(), path)

    def for_page(self, document: Document, language: Language) -> PageResolver:
        """The resolver of ``document``'s page in ``language``."""
        return PageResolver(self, document, language, (document.path,))

    def inside(self, document: Document, language: Language, target: str, offset: int) -> str:
        """``target`` (relative to ``document``) as a path in the folder, or an ``IncludeError``."""
        parts = target.replace("\\", "/")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(document.path), parts))
        leaves = (
            parts.startswith("/")
            or re.match(r"[A-Za-z]:", parts) is not None
            or not docfx.is_local(parts)
            or resolved == ".."
            or resolved.startswith("../")
        )
        if not leaves and self.root is not None:
            root = self.root.resolve()
            leaves = not (self.root / resolved).resolve().is_relative_to(root)
        if leaves:
            line, column = body_position(document, language, offset)
            raise IncludeError(
                document.path, line, column, f"path '{target}' leaves the source folder", INSIDE
            )
        return resolved


@dataclass(slots=True)
class PageResolver:
    """``docfx.Resolver`` for one page: includes and media relative to ``document``."""

    folder: SourceFolder
    document: Document
    language: Language
    chain: tuple[str, ...] = field(default_factory=tuple)

    def include(self, target: str, offset: int) -> str:
        path = self.folder.inside(self.document, self.language, target, offset)
        included = self.folder.documents.get(path)
        if included is None or path in self.chain:
            line, column = body_position(self.document, self.language, offset)
            what = (
                f"included source '{target}' does not exist"
                if included is None
                else f"include cycle: {' -> '.join([*self.chain, path])}"
            )
            raise IncludeError(self.document.path, line, column, what, INSIDE)
        nested = PageResolver(self.folder, included, self.language, (*self.chain, path))
        text = docfx.expand(render_body(included, self.language), nested)
        return rebase(text, posixpath.dirname(path), posixpath.dirname(self.document.path))

    def media(self, target: str, offset: int) -> str:
        if target.startswith("/"):
            return target  # a path on the published site, not a file of the source folder
        path = self.folder.inside(self.document, self.language, target, offset)
        spelled = self.folder.spelling(path.split("?", 1)[0])
        if spelled == path.split("?", 1)[0]:
            return target
        return posixpath.relpath(spelled, posixpath.dirname(self.document.path) or ".")
