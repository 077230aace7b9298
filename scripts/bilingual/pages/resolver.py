"""The source folder as the writer sees it: included sources, media paths, code files, uids.

``SourceFolder.for_page`` gives the ``docfx.context.Resolver`` of one page: it reads
``[!INCLUDE[…](path)]`` sources, checks media paths, reads code files (``[!code-…]``,
``:::code:::``) and answers cross references from the tree's uid map (``uids``). Paths are
resolved by the docset (``source.docset``): relative to the file that holds the construct,
``~/`` from the docset root, anywhere inside the repository; one that leaves the repository, an
absolute path or a symlink out is refused. What cannot be resolved is reported as a
``SourceError`` at the construct's ``file:line:column`` (collected in ``warnings``) and the page
shows a placeholder.

An include outside ``SOURCE`` (in the repository) is read from disk when first asked for; a media
file outside ``SOURCE`` is published under ``OUTSIDE/`` of each language folder, at its path in
the repository (``PageResolver.outside`` lists the ones a page uses).

A cross reference's uid is matched as Learn resolves it: exactly, else in any letter case when
one article's uid differs from it only so (the Q# reference links
``Microsoft.Quantum.Arithmetic.LittleEndian``, its page defines
``microsoft.quantum.arithmetic.littleendian``); two articles whose uids differ only in case
leave such a reference unresolved (reported).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from bilingual.errors import SourceError
from bilingual.model import Document, Language
from bilingual.pages.docfx.context import Where, XrefTarget
from bilingual.pages.link_rewrite import relative
from bilingual.pages.uids import uids_of
from bilingual.source.docset import Docset, Refused
from bilingual.source.files import SourceFiles
from bilingual.source.folder import read_document
from bilingual.source.pivots import PivotGroup, load_groups, named_groups

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


@dataclass(slots=True)
class SourceFolder:
    """Every parsed source of a folder, by ``SOURCE``-relative path, and the docset around it
    (``None``: paths checked by their text alone, no file looked at)."""

    documents: dict[str, Document]
    docset: Docset | None = None
    spelled: dict[str, str] | None = None
    """Case-folded relative path -> the file's own spelling (built on first use, from
    ``listing`` when given)."""
    listing: dict[str, str] | None = None
    """The source tree's files (``SourceFiles.listing``), when the split read them."""
    pivots: dict[str, PivotGroup] | None = None
    """The docset's zone pivot groups (``zone-pivot-groups.yml``, read on first use)."""
    uids: dict[str, XrefTarget] | None = None
    """The docset's cross reference map (``pages.uids``); ``None``: built from ``documents``
    on first use."""
    code_files: dict[str, str | None] = field(default_factory=dict)
    """Code files read so far (``SOURCE``-relative path -> text, ``None`` when unreadable)."""
    folded: dict[str, XrefTarget | None] | None = None
    """Case-folded uid -> its one target (``None``: two uids fold alike), built on first use."""

    @classmethod
    def at(
        cls,
        documents: dict[str, Document],
        source: Path | None,
        uids: dict[str, XrefTarget] | None = None,
        files: SourceFiles | None = None,
    ) -> SourceFolder:
        """The folder of ``documents``, read from ``source`` (``None``: no file looked at);
        ``uids`` the cross reference map (by default that of ``documents``); ``files`` the
        source tree as the split read it (its docset reads each file once), else found now."""
        if uids is None:
            uids = uids_of(documents.values())
        if files is not None:
            return cls(documents, files.docset, uids=uids, listing=files.listing)
        return cls(documents, Docset.find(source) if source is not None else None, uids=uids)

    def uid_target(self, uid: str) -> XrefTarget | None:
        """The article whose ``uid`` this is: exactly, else the one whose uid differs only in
        letter case."""
        if self.uids is None:
            self.uids = uids_of(self.documents.values())
        found = self.uids.get(uid)
        if found is not None:
            return found
        if self.folded is None:
            self.folded = {}
            for key, target in self.uids.items():
                folded = key.casefold()
                self.folded[folded] = None if folded in self.folded else target
        return self.folded.get(uid.casefold())

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
                    data = self.docset.reader.data(file, keep=False)
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
        if self.spelled is None and self.listing is not None:
            self.spelled = {path.casefold(): path for path in reversed(self.listing.values())}
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
            found = read_document(self.docset.source, path, self.docset)
        except SourceError:
            return None
        self.documents[path] = found
        return found

    def pivot_groups(self, names: list[str]) -> list[PivotGroup]:
        """The groups ``names`` as the docset defines them (one it does not: no pivots)."""
        if self.pivots is None:
            docset = self.docset
            self.pivots = {} if docset is None else load_groups(docset)
        return [self.pivots.get(name) or PivotGroup(name, "", "", ()) for name in names]

    def for_page(self, document: Document, language: Language, code: str) -> PageResolver:
        """The resolver of ``document``'s page in ``language`` (site language ``code``)."""
        return PageResolver(self, document, language, code)

    def published(self, path: str) -> str:
        """Where a media file is published, relative to a language folder."""
        if not path.startswith("../") or self.docset is None:
            return path
        absolute = self.docset.absolute(path)
        return f"{OUTSIDE}/{absolute.relative_to(self.docset.repository).as_posix()}"


@dataclass(slots=True)
class PageResolver:
    """``docfx.context.Resolver`` for one page."""

    folder: SourceFolder
    document: Document
    language: Language
    code: str
    warnings: list[SourceError] = field(default_factory=list)
    """What this page reported (its placeholders), its includes' reports included."""
    outside: set[str] = field(default_factory=set)
    """Repository media outside ``SOURCE`` the page uses (``SOURCE``-relative paths)."""
    reads: set[str] = field(default_factory=set)
    """The includes and code files the page read (``SOURCE``-relative paths), found or not:
    the page is written again when one of them changes."""

    def report(
        self, where: Where, what: str, expected: str, kind: type[SourceError] = IncludeError
    ) -> None:
        self.warnings.append(kind(where[0], where[1], where[2], what, expected))

    def pivot_groups(self) -> list[PivotGroup]:
        return self.folder.pivot_groups(named_groups(self.document.metadata))

    def root_of(self, origin: str) -> str | None:
        """The folder ``~/`` means in the source ``origin`` (``SOURCE``-relative: the nearest
        ``docfx.json``'s), or ``None`` without a docset."""
        return None if self.folder.docset is None else self.folder.docset.root_of(origin)

    def resolve(self, target: str, origin: str, where: Where) -> str | None:
        """``target`` (written in ``origin``) as a ``SOURCE``-relative path, or ``None``
        (reported) when refused."""
        if self.folder.docset is None:
            written = target.replace("\\", "/")
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(origin), written))
            if written.startswith(("/", "~/")) or joined == ".." or joined.startswith("../"):
                self.report(where, f"path '{target}' leaves the source folder", INSIDE)
                return None
            return joined
        try:
            return self.folder.docset.resolve(target, origin)
        except Refused as refused:
            self.report(where, str(refused), INSIDE)
            return None

    def included(self, target: str, origin: str, where: Where) -> tuple[str, Document] | None:
        path = self.resolve(target, origin, where)
        if path is None:
            return None
        self.reads.add(path)
        included = self.folder.document(path)
        if included is None:
            self.report(where, f"included source '{target}' does not exist", INSIDE)
            return None
        return path, included

    def code_file(self, target: str, origin: str, where: Where) -> str | None:
        bare = target.partition("?")[0].partition("#")[0]
        path = self.resolve(bare, origin, where)
        if path is None:
            return None
        self.reads.add(path)
        text = self.folder.code_text(path)
        if text is None:
            self.report(
                where,
                f"code file '{bare}' is not in the repository (a placeholder is shown)",
                "a text file of the repository, relative to the article or ~/",
            )
        return text

    def xref(self, uid: str, where: Where, *, report: bool = True) -> XrefTarget | None:
        found = self.folder.uid_target(uid)
        if found is None and report:
            self.warnings.append(
                MissingXref(
                    where[0],
                    where[1],
                    where[2],
                    f"xref '{uid}' names no article of the docset (shown as text)",
                    "the uid: of an article's front matter",
                    uid,
                )
            )
        return found

    def media(self, target: str, origin: str, where: Where) -> str | None:
        if target.startswith("/"):
            return target  # a path on the published site, not a file of the source folder
        bare, _, query = target.partition("?")
        path = self.resolve(bare, origin, where)
        if path is None:
            return None
        spelled = self.folder.spelling(path)
        if spelled is None:
            self.report(
                where,
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
        moved = relative(published, posixpath.dirname(origin))
        return moved + (f"?{query}" if query else "")
