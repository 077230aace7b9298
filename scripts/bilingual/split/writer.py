"""The page writer: one article -> its page in each language, written under a docs folder.

``write_article`` is the one place pages are written, for the full split (into its staging
folder, ``split.full``) and for the incremental update ``make serve`` runs (into ``docs/``
itself, rewriting only pages whose text changed, ``split.incremental``). A ``Writer`` holds what a
page needs from the rest of the tree: the parsed sources (for includes), the cross reference map
(``pages.uids``, so a worker process resolves xrefs as this one does: the ``Writer`` is pickled or
inherited whole), the media files and the link rules. The source's ``index.md`` is not written as a page: its text is the top of the home
page (``home_page``), which lists every article below it.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bilingual.errors import SourceError
from bilingual.locales import SiteLanguage
from bilingual.model import Document, Language
from bilingual.pages import home
from bilingual.pages.docfx.context import XrefTarget
from bilingual.pages.link_rewrite import (
    ENGLISH_LOCALE,
    LinkContext,
    Rewrite,
    docset_paths,
    learn_locale,
)
from bilingual.pages.page import PageText, page_code, render_page
from bilingual.pages.resolver import SourceFolder
from bilingual.source.files import SourceFiles
from bilingual.source.folder import is_article
from bilingual.source.media import media_files
from bilingual.source.pairs import part_source
from bilingual.source.toc import TocEntry

Side = tuple[SiteLanguage, Language]
"""A site language and the side of the documents written in it."""

WriteFile = Callable[[Path, str], bool]
"""Writes a page's text to a path; whether it wrote (``write_new``, ``write_if_changed``)."""


def write_new(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` (its folders made): a page of a new staging folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return True


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` unless the file already holds it (an unchanged page keeps its time)."""
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except OSError:
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return True


def learn_paths(folder: SourceFolder, documents: list[Document], articles: list[str]) -> list[str]:
    """The docset's paths on Learn: ``docfx.json``'s hint, else what the documents' root-relative
    links and the redirection file's targets share before an article's path."""
    hints = folder.docset.learn_paths() if folder.docset is not None else []
    redirects = folder.docset.redirect_urls() if folder.docset is not None else []
    texts = [part_source(part) for document in documents for part in document.parts]
    return list(docset_paths([*texts, *(f"]({url})" for url in redirects)], articles, hints))


def page_links(
    links: LinkContext | None, document: Document, language: Language
) -> LinkContext | None:
    """The link context of one page: the tree's, in the page's locale."""
    if links is None:
        return None
    if language is Language.ENGLISH:
        return dataclasses.replace(links, locale=ENGLISH_LOCALE)
    return dataclasses.replace(links, locale=learn_locale(document.content_locale))


@dataclass(slots=True)
class Writer:
    """What a page needs from the rest of the tree: includes and media, and the links' rules."""

    folder: SourceFolder
    links: LinkContext | None = None

    @classmethod
    def of(
        cls,
        source: Path,
        documents: list[Document],
        media: list[str],
        articles: list[str] | None = None,
        paths: list[str] | None = None,
        uids: dict[str, XrefTarget] | None = None,
        files: SourceFiles | None = None,
    ) -> Writer:
        """The writer of the tree at ``source``: ``documents`` parsed (at least its includes),
        ``media`` its media paths, ``articles`` its article paths (by default those of
        ``documents``), ``paths`` the docset's paths on Learn (by default found from the
        documents' links, ``link_rewrite.docset_paths``), ``uids`` its cross reference map (by
        default that of ``documents``), ``files`` the tree's files as the split read them (by
        default, its docset found now)."""
        if articles is None:
            articles = [document.path for document in documents if is_article(document)]
        documents_by_path = {document.path: document for document in documents}
        folder = SourceFolder.at(documents_by_path, source, uids, files)
        if paths is None:
            paths = learn_paths(folder, documents, articles)
        root = folder.docset.root_relative if folder.docset is not None else "."
        return cls(folder, LinkContext.of(articles, ENGLISH_LOCALE, media, paths, root))

    def page(
        self, document: Document, language: Language, english: PageText | None = None
    ) -> PageText:
        """The page of ``document`` in ``language``: includes, media and links resolved; what
        it shows a placeholder for in its ``warnings``. A translation's page takes each
        segment's English from ``english`` (the English page; written here when not given), and
        its blocks' English twins, but on the home page (whose top it is: the index of the
        articles follows it there)."""
        if language is Language.TRANSLATION and english is None:
            english = self.page(document, Language.ENGLISH)
        if english is not None and document.path == home.HOME:  # the home page's top: no view
            english = dataclasses.replace(english, blocks=())
        resolver = self.folder.for_page(document, language, page_code(document, language))
        links = page_links(self.links, document, language)
        return render_page(document, language, resolver, links, english)

    def pages(
        self, document: Document, languages: tuple[Language, ...]
    ) -> dict[Language, PageText]:
        """The pages of ``document`` in ``languages``, the English one first (the translation's
        hover reads it)."""
        english = self.page(document, Language.ENGLISH)
        found = {Language.ENGLISH: english}
        if Language.TRANSLATION in languages:
            found[Language.TRANSLATION] = self.page(document, Language.TRANSLATION, english)
        return found


@dataclass(frozen=True, slots=True)
class WrittenPage:
    """One page of an article as ``write_article`` left it."""

    code: str
    """Its site language code."""
    title: str
    links: tuple[Rewrite, ...]
    """The links the writer changed."""
    top: str | None = None
    """The page's markdown when it is the top of the home page (``index.md``): not written."""
    written: bool = False
    """Whether its file was written (``write_if_changed`` leaves an unchanged page alone)."""
    warnings: tuple[SourceError, ...] = ()
    """What the page shows a placeholder for."""
    outside: tuple[str, ...] = ()
    """Repository media outside ``SOURCE`` the page shows."""
    reads: tuple[str, ...] = ()
    """The includes and code files the page read."""


@dataclass(frozen=True, slots=True)
class WrittenArticle:
    """What ``write_article`` did with one article: its pages, or the error that skipped it."""

    path: str
    segments: int
    pages: tuple[WrittenPage, ...] = ()
    problem: SourceError | None = None


def write_article(
    document: Document,
    sides: tuple[Side, ...],
    root: Path,
    writer: Writer,
    write: WriteFile = write_new,
) -> WrittenArticle:
    """Write the pages of one article under ``root`` (``<code>/<path>``), one per side, with
    ``write``; a malformed article writes nothing and comes back with its error."""
    try:
        made = writer.pages(document, tuple(language for _, language in sides))
        pages = [(site_lang, made[language]) for site_lang, language in sides]
    except SourceError as error:
        return WrittenArticle(document.path, len(document.segments), problem=error)
    written = []
    for site_lang, page in pages:
        code, extra = site_lang.code, (page.warnings, page.outside, page.reads)
        if document.path == home.HOME:
            written.append(WrittenPage(code, page.title, page.links, page.markdown, False, *extra))
            continue
        wrote = write(root / code / document.path, page.markdown)
        written.append(WrittenPage(code, page.title, page.links, None, wrote, *extra))
    return WrittenArticle(document.path, len(document.segments), tuple(written))


def home_page(
    language: SiteLanguage,
    titles: list[tuple[str, str]],
    top: str | None = None,
    toc: list[TocEntry] | None = None,
) -> str:
    """The home page of one language: the source's ``index.md`` page (``top``) or a generated
    heading, then the index of the articles (title, page path) -- see ``pages.home``."""
    entries = [home.IndexEntry(title, path) for title, path in titles]
    return home.home_markdown(language.code, top, entries, toc or [])


def copy_media(
    source: Path,
    targets: list[Path],
    problems: list[SourceError],
    files: SourceFiles | None = None,
    copied: Path | None = None,
) -> int:
    """Copy every media file of ``source`` (of ``files``, by default read now) into each folder
    of ``targets``, the source file read once (each target after the first copied from the
    one before; ``copied``: a folder they were copied into already, copied from); the count
    copied."""
    count = 0
    for path in media_files(source, problems, files):
        relative = path.relative_to(source)
        origin = path if copied is None else copied / relative
        for target in targets:
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(origin, destination)
            origin = destination
        count += 1
    return count


def copy_outside_media(folder: SourceFolder, paths: set[str], targets: list[Path]) -> None:
    """Copy the repository's media files outside ``SOURCE`` that pages show (``SOURCE``-relative
    paths) to where each language folder publishes them (``SourceFolder.published``)."""
    if folder.docset is None:
        return
    for path in sorted(paths):
        origin = folder.docset.absolute(path)
        for target in targets:
            destination = target / folder.published(path)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(origin, destination)
            origin = destination  # the repository's file read once
