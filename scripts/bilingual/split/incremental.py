"""Incremental split: redo only the sources that changed since the last split.

``update_tree`` compares the source folder with the snapshot the last split saved
(``snapshot.Snapshot``): a changed or new article is parsed and its pages written by the same
page writer as the full split (``writer.write_article``), only where their text changed, so an
unchanged page keeps its modification time; a deleted one loses its pages; changed media files
are copied again; the navigation (home pages, the tree, landing pages, redirects:
``navigation.write_navigation``, ``index.md`` through the same writer) is rewritten only when a
title or ``uid``, the list of articles, ``index.md``, a ``.yml`` file (a TOC, a landing page) or a
file it read outside the source (the redirection file) changed. Cross references resolve from the
snapshot's map, as the full split resolved them; a change to that map (an article's uid or title,
an article with a uid added or removed) changes other pages too, and falls back to the full split.
An edited include or code file writes again the articles whose pages read it, as the snapshot
recorded them (``Snapshot.reads``: each article's includes and code files, found or not, so an
include that appears mends the pages that missed it). Whatever else an incremental update cannot
place safely falls back to the full split: no snapshot, another source folder, a changed file
that is no article, include, medium or ``.yml`` file and that no page read (``docfx.json``, a
redirection file), a new translation locale. The full split runs with its
staging and swap, in this one process (``jobs=1``: the server runs threads, and a change is small).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bilingual.errors import SourceError
from bilingual.locales import ENGLISH_CODE, site_language
from bilingual.model import Document, Language
from bilingual.pages import home
from bilingual.pages.uids import target_of, uid_map
from bilingual.source.files import Kind, SourceFiles, read_files
from bilingual.source.folder import (
    is_toc_name,
    known_code,
    read_document,
    read_documents,
)
from bilingual.source.media import is_media
from bilingual.split import snapshot
from bilingual.split.full import split_tree
from bilingual.split.navigation import NavigationInput, remove_stale, write_navigation
from bilingual.split.report import Split
from bilingual.split.writer import (
    Side,
    Writer,
    WrittenArticle,
    write_article,
    write_if_changed,
)


@dataclass(slots=True)
class Update:
    """What ``update_tree`` did."""

    full: Split | None = None
    """The full split, when the update fell back to one."""
    written: list[str] = field(default_factory=list)
    """Pages (relative to ``docs``) whose text was written."""
    removed: list[str] = field(default_factory=list)
    """Pages and media removed because their source is gone."""
    problems: list[SourceError] = field(default_factory=list)
    """Changed sources that are malformed (their previous pages are kept), and what the
    navigation could not use."""
    warnings: list[SourceError] = field(default_factory=list)
    """What the pages written show a placeholder for or read around (as the full split
    reports them: malformed markup, front matter that is not YAML), each once."""


def needs_full_split(changed: set[str], snap: snapshot.Snapshot | None, source: Path) -> bool:
    """Whether a change cannot be placed page by page: another source folder, or a changed file
    that is no article, include, medium or ``.yml`` and that no article read (``docfx.json``,
    a redirection file)."""
    if snap is None or snap.source != str(source.resolve()):
        return True
    read = {path for reads in snap.reads.values() for path in reads}
    return any(
        path not in read
        and not (path.endswith(".md") or is_media(Path(path)) or path.lower().endswith(YAML))
        for path in changed
    )


def readers(snap: snapshot.Snapshot, changed: set[str]) -> set[str]:
    """The articles whose pages read one of the ``changed`` includes or code files (the
    snapshot's record of what each article read)."""
    return {article for article, reads in snap.reads.items() if changed.intersection(reads)}


YAML = (".yml", ".yaml")


def xrefs_changed(snap: snapshot.Snapshot, parsed: list[Document], gone: set[str]) -> bool:
    """Whether the cross reference map differs from the last split's: an article's uid, title or
    ``fullName`` changed, or an article with a uid came or went (the pages that name it change)."""
    for document in parsed:
        target = target_of(document)
        record = snapshot.target_record(target) if target is not None else None
        if record != snap.xref_targets.get(document.path):
            return True
    return any(path in snap.xref_targets for path in gone)


def writer_for(
    source: Path,
    articles: set[str],
    problems: list[SourceError],
    snap: snapshot.Snapshot,
    found: SourceFiles | None = None,
) -> Writer:
    """The page writer of the tree: its includes parsed (they are few), its articles and media,
    the docset's paths on Learn and the cross reference map as the full split found them."""
    found = read_files(source) if found is None else found
    paths = [source / p for p in found.paths(Kind.INCLUDE)]
    includes = read_documents(source, problems, paths, found.docset)
    media = found.paths(Kind.MEDIA)
    uids = uid_map(snap.targets())
    return Writer.of(source, includes, media, sorted(articles), snap.docset_paths, uids, found)


def sides_of(snap: snapshot.Snapshot) -> tuple[Side, ...]:
    """The site languages of the snapshot's split, each with its side of the documents."""
    return (
        (site_language(snap.translation), Language.TRANSLATION),
        (site_language(ENGLISH_CODE), Language.ENGLISH),
    )


def update_tree(source: Path, docs: Path) -> Update:
    """Bring the pages in ``docs`` up to date with ``source``, redoing only what changed: the
    changed articles parsed (``parse_changed``) and written (``write_parsed``), changed media
    copied and the pages of removed sources taken away (``place_media``, ``remove_gone``), the
    navigation written again when any of those changes what it shows."""
    snap = snapshot.load(docs)
    now = snapshot.stamps(source)
    before = snap.stamps if snap is not None else {}
    changed = {path for path, stamp in now.items() if before.get(path) != stamp}
    gone = set(before) - set(now)
    if snap is None or needs_full_split(changed | gone, snap, source):
        return Update(full=split_tree(source, docs, jobs=1))
    update = Update()
    inputs = any(snapshot.file_stamp(Path(p)) != stamp for p, stamp in snap.inputs.items())
    if not changed and not gone and not inputs:
        return update
    found = read_files(source)  # the folder, read once: what each file is
    parsed = parse_changed(found, snap, changed, gone, update)
    if parsed is None or xrefs_changed(snap, parsed, gone):
        return Update(full=split_tree(source, docs, jobs=1))  # a new locale; a uid
    writer = writer_for(source, set(found.paths(Kind.ARTICLE)), update.problems, snap, found)
    navigation = inputs
    navigation |= write_parsed(parsed, writer, snap, docs, update)
    navigation |= place_media(found, changed, snap, docs, update)
    navigation |= remove_gone(gone, snap, docs, update)
    if navigation:
        update_navigation(found, docs, snap, writer, update)
    snap.stamps = now
    snapshot.save(docs, snap)
    return update


def parse_changed(
    found: SourceFiles, snap: snapshot.Snapshot, changed: set[str], gone: set[str], update: Update
) -> list[Document] | None:
    """The articles to write again, parsed: those changed, and those that read a changed or
    removed include or code file (a malformed one to ``update.problems``, its pages kept);
    ``None`` when one's locale is no longer the tree's (the full split places it)."""
    paths = [
        path
        for path in sorted(changed | (readers(snap, changed | gone) - gone))
        if (file := found.files.get(path)) is not None and file.kind is Kind.ARTICLE
    ]
    return parse_articles(found, paths, snap.translation, update.problems)


def parse_articles(
    found: SourceFiles, paths: list[str], translation: str, problems: list[SourceError]
) -> list[Document] | None:
    """The articles at ``paths`` parsed (a malformed one to ``problems``); ``None`` when one's
    locale is not the tree's translation ``translation`` (a site code) any more."""
    parsed: list[Document] = []
    for path in paths:
        try:
            document = read_document(found.source, path, found.docset)
        except SourceError as error:
            problems.append(error)
            continue
        locale = document.content_locale
        if locale and known_code(locale) != translation:
            return None
        parsed.append(document)
    return parsed


def write_parsed(
    parsed: list[Document], writer: Writer, snap: snapshot.Snapshot, docs: Path, update: Update
) -> bool:
    """Each parsed article's pages written where their text changed, the snapshot told their
    titles and uids; whether a title or uid changed (the navigation shows them)."""
    sides = sides_of(snap)
    changed = False
    for document in parsed:
        path = document.path
        writer.folder.documents[path] = document
        article = write_article(document, sides, docs, writer, write_if_changed)
        if article.problem is not None:
            update.problems.append(article.problem)
            continue
        record_written(update, snap, document, article)
        titles = {page.code: page.title for page in article.pages}
        changed |= snap.titles.get(path) != titles or path == home.HOME
        snap.titles[path] = titles
        uid = document.metadata.get("uid")
        uids = {u: p for u, p in snap.uids.items() if p != path} | ({str(uid): path} if uid else {})
        changed |= uids != snap.uids
        snap.uids = uids
    return changed


def place_media(
    found: SourceFiles, changed: set[str], snap: snapshot.Snapshot, docs: Path, update: Update
) -> bool:
    """Each changed media file copied into every language's folder (read once); whether a
    changed file is one the navigation reads (a TOC, a YAML page)."""
    navigation = False
    for path in sorted(changed):
        if is_media(Path(path)):
            data = found.docset.reader.data(found.docset.absolute(path), keep=False)
            for language, _ in sides_of(snap):
                target = docs / language.code / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                update.written.append(f"{language.code}/{path}")
        navigation |= path.lower().endswith(YAML) or is_toc_name(path)
    return navigation


def remove_gone(gone: set[str], snap: snapshot.Snapshot, docs: Path, update: Update) -> bool:
    """The pages and media of removed sources taken away, the snapshot forgetting them; whether
    the navigation changes (an article's title gone, a TOC or YAML page removed)."""
    navigation = False
    for path in sorted(gone):
        kept = (path.endswith(".md") and not is_toc_name(path)) or is_media(Path(path))
        for stale in [f"{language.code}/{path}" for language, _ in sides_of(snap)] if kept else []:
            if (docs / stale).exists():
                (docs / stale).unlink()
                update.removed.append(stale)
        navigation |= snap.titles.pop(path, None) is not None
        navigation |= path.lower().endswith(YAML) or is_toc_name(path)
        snap.uids = {u: p for u, p in snap.uids.items() if p != path}
        snap.reads.pop(path, None)
    return navigation


def record_written(
    update: Update, snap: snapshot.Snapshot, document: Document, article: WrittenArticle
) -> None:
    """What an article written again tells the update (its pages written, its warnings, each
    once) and the snapshot (the includes and code files its pages read)."""
    for warning in [*document.warnings, *(w for page in article.pages for w in page.warnings)]:
        if str(warning) not in map(str, update.warnings):
            update.warnings.append(warning)
    update.written += [f"{page.code}/{article.path}" for page in article.pages if page.written]
    reads = sorted({read for page in article.pages for read in page.reads})
    if reads:
        snap.reads[article.path] = reads
    else:
        snap.reads.pop(article.path, None)


def update_navigation(
    files: SourceFiles, docs: Path, snap: snapshot.Snapshot, writer: Writer, update: Update
) -> None:
    """Rewrite the navigation (home pages, trees, landing pages, redirects) from the snapshot's
    titles as the full split writes it, ``index.md`` through the page writer; files it no longer
    owns are removed."""
    sides = sides_of(snap)
    tops: dict[str, str] = {}
    if home.HOME in snap.titles and home.HOME in files.files:
        top = home_document(files, writer, update.problems)
        if top is not None:
            article = write_article(top, sides, docs, writer, write_if_changed)
            if article.problem is not None:
                update.problems.append(article.problem)
            tops = {page.code: page.top for page in article.pages if page.top is not None}
    assert writer.links is not None
    given = NavigationInput(
        sides[0][0], sides[1][0], snap.locale, snap.titles, tops, snap.uids, writer.links
    )
    report = write_navigation(files, docs, given, write_if_changed)
    update.written += report.written
    update.problems += report.problems
    update.removed += remove_stale(docs, snap.navigation, report.pages)
    snap.inputs = {str(path): snapshot.file_stamp(path) for path in report.inputs}
    snap.navigation = list(report.pages)


def home_document(
    files: SourceFiles, writer: Writer, problems: list[SourceError]
) -> Document | None:
    """The source's ``index.md``, parsed (the writer's copy when this update read it)."""
    known = writer.folder.documents.get(home.HOME)
    if known is not None:
        return known
    try:
        return read_document(files.source, home.HOME, files.docset)
    except SourceError as error:
        problems.append(error)
        return None
