"""The source folder as the writer sees it: included sources, media paths, source positions.

``SourceFolder.for_page`` gives the ``docfx.Resolver`` of one page: it resolves
``[!INCLUDE[…](path)]`` to the included source's text in the page's language (its own constructs
expanded, its relative links rebased onto the including page), checks media paths, reads code
files (``[!code-…]``, ``:::code:::``) and answers cross references from the tree's uid map
(``uids``; ``MissingXref`` for a uid no article defines). Paths are
resolved by the docset (``source.docset``): relative to the including file, ``~/`` from the docset
root, anywhere inside the repository; one that leaves the repository, an absolute path or a
symlink out is refused. What cannot be resolved is reported as a ``SourceError`` at the
construct's ``file:line:column`` (collected in ``warnings``) and the page shows a placeholder.

An include outside ``SOURCE`` (in the repository) is read from disk when first asked for; a media
file outside ``SOURCE`` is published under ``OUTSIDE/`` of each language folder, at its path in
the repository (``PageResolver.outside`` lists the ones a page uses).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from bilingual.errors import SourceError
from bilingual.model import Document, Language, Malformed, Segment
from bilingual.pages import docfx
from bilingual.pages.docfx.context import XrefLink, XrefTarget
from bilingual.pages.link_rewrite import Rewrite
from bilingual.pages.render import page_code, render_body
from bilingual.pages.uids import uids_of
from bilingual.source.docset import Docset, Refused
from bilingual.source.folder import read_document
from bilingual.source.pairs import english_offset, part_source, render_source, translation_offset
from bilingual.source.pivots import PivotGroup, load_groups, named_groups
from bilingual.source.positions import position

RELATIVE_LINK = re.compile(
    r"(\]\([ \t]*<?|(?<![\w-])src=[\"']?|(?<![\w-])href=[\"']?)(?P<path>[^)\s\"'<>#]+)"
)
INSIDE = "a relative path to a file inside the repository"
OUTSIDE = "_repository"
"""Where, in each language folder, the repository's files outside the source folder are
published (at their path relative to the repository)."""


class IncludeError(SourceError):
    """An include or media path that is missing, circular or leaves the repository."""


class MissingMedia(IncludeError):
    """An image the source refers to that is not in the source (nor the repository)."""


class MissingXref(IncludeError):
    """A cross reference to a uid no article of the docset defines (shown as text)."""

    def __init__(
        self, path: str, line: int, column: int, what: str, expected: str = "", uid: str = ""
    ) -> None:
        super().__init__(path, line, column, what, expected)
        self.uid = uid

    def __reduce__(self) -> tuple[type[MissingXref], tuple[str, int, int, str, str, str]]:  # type: ignore[override]
        return (type(self), (self.path, self.line, self.column, self.what, self.expected, self.uid))


CODE_LIMIT = 4_000_000
"""The largest code file a page includes, in bytes (a larger one is reported, not read)."""


def body_position(document: Document, language: Language, offset: int) -> tuple[int, int]:
    """The 1-based line and column in the source of ``offset`` in the page body."""
    source_offset = len(document.prefix)
    body_offset = 0
    target = len(document.prefix)
    for part in document.parts:
        size = len(part_source(part))
        if isinstance(part, Segment):
            text = part.text(language)
            raw = part.translation if language is Language.TRANSLATION else part.english
            start = source_offset + (
                translation_offset(part)
                if language is Language.TRANSLATION
                else english_offset(part)
            )
            start += len(raw) - len(text)  # a leading line break the page shows as a space
        else:
            text = part.shown if isinstance(part, Malformed) else part
            start = source_offset
        if offset < body_offset + len(text):
            inside = offset - body_offset
            target = start + (min(inside, size) if isinstance(part, Malformed) else inside)
            break
        body_offset += len(text)
        source_offset += size
        target = source_offset
    return position(render_source(document), target)


VIRTUAL_ROOT = "/" + "r/" * 32
"""A deep folder to anchor relative paths at, so that ``relative`` never reads the working
folder (``SOURCE``-relative paths may climb out of ``SOURCE`` with ``../``)."""


def relative(path: str, folder: str) -> str:
    """``path`` relative to ``folder``, both ``SOURCE``-relative (either may start with ``../``)."""
    anchored = posixpath.normpath(VIRTUAL_ROOT + path)
    start = posixpath.normpath(VIRTUAL_ROOT + (folder or "."))
    return posixpath.relpath(anchored, start)


def rebase(text: str, source_dir: str, page_dir: str) -> str:
    """Relative link targets in ``text`` (written in ``source_dir``) made relative to ``page_dir``."""
    if source_dir == page_dir:
        return text

    def move(match: re.Match[str]) -> str:
        path = match.group("path")
        if not docfx.is_local(path) or path.startswith(("/", "~/")):
            return match.group()
        return match.group(1) + relative(posixpath.join(source_dir, path), page_dir)

    return RELATIVE_LINK.sub(move, text)


@dataclass(slots=True)
class SourceFolder:
    """Every parsed source of a folder, by ``SOURCE``-relative path, and the docset around it
    (``None``: paths checked by their text alone, no file looked at)."""

    documents: dict[str, Document]
    docset: Docset | None = None
    spelled: dict[str, str] | None = None
    """Lower-cased relative path -> the file's own spelling (built on first use)."""
    pivots: dict[str, PivotGroup] | None = None
    """The docset's zone pivot groups (``zone-pivot-groups.yml``, read on first use)."""
    uids: dict[str, XrefTarget] | None = None
    """The docset's cross reference map (``pages.uids``); ``None``: built from ``documents``
    on first use."""
    code_files: dict[str, str | None] = field(default_factory=dict)
    """Code files read so far (``SOURCE``-relative path -> text, ``None`` when unreadable)."""

    @classmethod
    def at(
        cls,
        documents: dict[str, Document],
        source: Path | None,
        uids: dict[str, XrefTarget] | None = None,
    ) -> SourceFolder:
        """The folder of ``documents``, read from ``source`` (``None``: no file looked at);
        ``uids`` the cross reference map (by default that of ``documents``)."""
        if uids is None:
            uids = uids_of(documents.values())
        return cls(documents, Docset.find(source) if source is not None else None, uids=uids)

    def uid_target(self, uid: str) -> XrefTarget | None:
        """The article whose ``uid`` this is, if any."""
        if self.uids is None:
            self.uids = uids_of(self.documents.values())
        return self.uids.get(uid)

    def code_text(self, path: str) -> str | None:
        """The text of the code file at ``path`` (``SOURCE``-relative), ``None`` when there is
        no such file, it is too large or it is not text; read once."""
        if path in self.code_files:
            return self.code_files[path]
        text: str | None = None
        if self.docset is not None:
            file = self.docset.absolute(path)
            try:
                if file.is_file() and file.stat().st_size <= CODE_LIMIT:
                    data = file.read_bytes()
                    if b"\0" not in data:
                        text = data.decode("utf-8-sig", errors="replace")
            except OSError:
                text = None
        self.code_files[path] = text
        return text

    def spelling(self, path: str) -> str | None:
        """``path`` as the file spells it (where only the case differs), ``None`` if no file."""
        if self.docset is None:
            return path
        if self.docset.absolute(path).is_file():
            return path
        if path.startswith("../"):
            return self._outside_spelling(path)
        if self.spelled is None:
            root = self.docset.source
            self.spelled = {
                found.relative_to(root).as_posix().casefold(): found.relative_to(root).as_posix()
                for found in root.rglob("*")
                if found.is_file()
            }
        return self.spelled.get(path.casefold())

    def _outside_spelling(self, path: str) -> str | None:
        assert self.docset is not None
        folder = self.docset.absolute(posixpath.dirname(path))
        name = posixpath.basename(path).casefold()
        if folder.is_dir():
            for found in folder.iterdir():
                if found.name.casefold() == name and found.is_file():
                    return posixpath.join(posixpath.dirname(path), found.name)
        return None

    def document(self, path: str) -> Document | None:
        """The parsed source at ``path``: one of the tree's, or a repository file outside
        ``SOURCE`` read now (``None`` when there is none, or it does not parse)."""
        found = self.documents.get(path)
        if found is not None or self.docset is None or not path.startswith("../"):
            return found
        if not self.docset.absolute(path).is_file():
            return None
        try:
            found = read_document(self.docset.source, path)
        except SourceError:
            return None
        self.documents[path] = found
        return found

    def pivot_groups(self, names: list[str]) -> list[PivotGroup]:
        """The groups ``names`` as the docset defines them (one it does not: no pivots)."""
        if self.pivots is None:
            docset = self.docset
            self.pivots = {} if docset is None else load_groups(docset.root, docset.repository)
        return [self.pivots.get(name) or PivotGroup(name, "", "", ()) for name in names]

    def for_page(self, document: Document, language: Language) -> PageResolver:
        """The resolver of ``document``'s page in ``language``."""
        return PageResolver(self, document, language, page_code(document, language))

    def published(self, path: str) -> str:
        """Where a media file is published, relative to a language folder."""
        if not path.startswith("../") or self.docset is None:
            return path
        absolute = self.docset.absolute(path)
        return f"{OUTSIDE}/{absolute.relative_to(self.docset.repository).as_posix()}"


@dataclass(slots=True)
class PageResolver:
    """``docfx.Resolver`` for one page: includes and media relative to ``document``."""

    folder: SourceFolder
    document: Document
    language: Language
    code: str
    chain: tuple[str, ...] = ()
    warnings: list[SourceError] = field(default_factory=list)
    """What this page reported (its placeholders), nested includes' reports included."""
    outside: set[str] = field(default_factory=set)
    """Repository media outside ``SOURCE`` the page uses (``SOURCE``-relative paths)."""
    page_path: str = ""
    """The page's own source path (an include's links are rebased onto it)."""
    rewrites: list[Rewrite] = field(default_factory=list)
    """Constructs written otherwise than the source wrote them (``changed``)."""

    def __post_init__(self) -> None:
        if not self.page_path:
            self.page_path = self.document.path
        if not self.chain:
            self.chain = (self.document.path,)

    def changed(self, original: str, target: str, rule: str) -> None:
        self.rewrites.append(Rewrite(original, target, rule))

    def position(self, offset: int) -> tuple[int, int]:
        """The source's line and column of ``offset`` in the page body (``Shifted`` maps the
        translation page's hover spans away before an offset reaches here)."""
        return body_position(self.document, self.language, offset)

    def report(
        self,
        offset: int,
        what: str,
        expected: str = INSIDE,
        kind: type[IncludeError] = IncludeError,
    ) -> None:
        line, column = self.position(offset)
        self.warnings.append(kind(self.document.path, line, column, what, expected))

    def pivot_groups(self) -> list[PivotGroup]:
        page = self.folder.documents.get(self.page_path, self.document)
        return self.folder.pivot_groups(named_groups(page.metadata))

    def resolve(self, target: str, offset: int) -> str | None:
        """``target`` as a ``SOURCE``-relative path, or ``None`` (reported) when refused."""
        if self.folder.docset is None:
            written = target.replace("\\", "/")
            joined = posixpath.normpath(
                posixpath.join(posixpath.dirname(self.document.path), written)
            )
            if written.startswith(("/", "~/")) or joined == ".." or joined.startswith("../"):
                self.report(offset, f"path '{target}' leaves the source folder")
                return None
            return joined
        try:
            return self.folder.docset.resolve(target, self.document.path)
        except Refused as refused:
            self.report(offset, str(refused))
            return None

    def include(self, target: str, offset: int) -> str | None:
        path = self.resolve(target, offset)
        if path is None:
            return None
        if path in self.chain:
            self.report(offset, f"include cycle: {' -> '.join([*self.chain, path])}")
            return None
        included = self.folder.document(path)
        if included is None:
            self.report(offset, f"included source '{target}' does not exist")
            return None
        nested = PageResolver(
            self.folder,
            included,
            self.language,
            self.code,
            (*self.chain, path),
            self.warnings,
            self.outside,
            self.page_path,
            self.rewrites,
        )
        recorded = len(self.rewrites)
        text = docfx.expand(render_body(included, self.language), nested)
        source_dir, page_dir = posixpath.dirname(path), posixpath.dirname(self.document.path)
        for index in range(recorded, len(self.rewrites)):  # the audit searches them as rebased
            change = self.rewrites[index]
            moved = rebase(change.target, source_dir, page_dir)
            if moved != change.target:
                self.rewrites[index] = Rewrite(change.original, moved, change.rule)
        return rebase(text, source_dir, page_dir)

    def code_file(self, target: str, offset: int) -> str | None:
        bare = target.partition("?")[0].partition("#")[0]
        path = self.resolve(bare, offset)
        if path is None:
            return None
        text = self.folder.code_text(path)
        if text is None:
            self.report(
                offset,
                f"code file '{bare}' is not in the repository (a placeholder is shown)",
                "a text file of the repository, relative to the article or ~/",
            )
        return text

    def xref(self, uid: str, offset: int, *, report: bool = True) -> XrefLink | None:
        found = self.folder.uid_target(uid)
        if found is None:
            if report:
                line, column = self.position(offset)
                self.warnings.append(
                    MissingXref(
                        self.document.path,
                        line,
                        column,
                        f"xref '{uid}' names no article of the docset (shown as text)",
                        "the uid: of an article's front matter",
                        uid,
                    )
                )
            return None
        title = (
            found.translation_title
            if self.language is Language.TRANSLATION
            else found.english_title
        )
        href = relative(found.path, posixpath.dirname(self.document.path))
        return XrefLink(href, title, found)

    def media(self, target: str, offset: int) -> str | None:
        if target.startswith("/"):
            return target  # a path on the published site, not a file of the source folder
        bare, _, query = target.partition("?")
        path = self.resolve(bare, offset)
        if path is None:
            return None
        spelled = self.folder.spelling(path)
        if spelled is None:
            self.report(
                offset,
                f"image '{target}' is not in the source (shown as its alt text)",
                "the image file beside the article, or in the repository",
                MissingMedia,
            )
            return None
        published = self.folder.published(spelled)
        if published != spelled:
            self.outside.add(spelled)
        if published == path and not target.startswith("~/"):
            return target
        moved = relative(published, posixpath.dirname(self.document.path))
        return moved + (f"?{query}" if query else "")
