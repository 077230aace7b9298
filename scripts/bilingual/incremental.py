"""Incremental split: redo only the sources that changed since the last split.

``update_tree`` compares the source folder with the snapshot the last split saved
(``sources.Snapshot``): a changed or new article is parsed and its two pages rewritten (only
when their text changed, so an unchanged page keeps its modification time); a deleted one loses
its pages; changed media files are copied again; the home pages are rewritten only when a title,
the list of articles, ``index.md`` or ``TOC.yml`` changed. Whatever an incremental update cannot
place safely (no snapshot, another source folder, a changed file under ``includes/``, a new
translation locale) falls back to the full split, with its staging and swap, in this one process
(``jobs=1``: the server runs threads, and a change is small).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from . import home, media, sources
from .errors import SourceError
from .locales import ENGLISH_CODE, site_code, site_language
from .model import Language
from .parse import decode, parse
from .render import render_page
from .toc import TOC_NAMES, read_toc
from .tree import INCLUDES, Split, Writer, home_page, source_files, split_tree


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
    """Changed sources that are malformed (their previous pages are kept)."""


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` unless the file already holds it; whether it was written."""
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except OSError:
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return True


def needs_full_split(changed: set[str], snap: sources.Snapshot | None, source: Path) -> bool:
    if snap is None or snap.source != str(source.resolve()):
        return True
    return any(INCLUDES in path.split("/")[:-1] and path.endswith(".md") for path in changed)


def writer_for(source: Path, articles: set[str], problems: list[SourceError]) -> Writer:
    """The page writer of the tree: its includes parsed (they are few), its articles and media."""
    includes = []
    for path in source_files(source):
        relative = path.relative_to(source).as_posix()
        if INCLUDES in relative.split("/")[:-1]:
            try:
                includes.append(parse(decode(path.read_bytes(), relative), relative))
            except SourceError as error:
                problems.append(error)
    media_paths = [path.relative_to(source).as_posix() for path in media.media_files(source, [])]
    writer = Writer.of(source, includes, media_paths)
    if writer.links is not None:
        writer.links = dataclasses.replace(writer.links, articles=frozenset(articles))
    return writer


def update_tree(source: Path, docs: Path) -> Update:
    """Bring the pages in ``docs`` up to date with ``source``, redoing only what changed."""
    snap = sources.load(docs)
    now = sources.stamps(source)
    before = snap.stamps if snap is not None else {}
    changed = {path for path, stamp in now.items() if before.get(path) != stamp}
    gone = set(before) - set(now)
    if needs_full_split(changed | gone, snap, source) or snap is None:
        return Update(full=split_tree(source, docs, jobs=1))
    update = Update()
    codes = {Language.TRANSLATION: snap.translation, Language.ENGLISH: ENGLISH_CODE}
    titles_changed = False
    articles = {p for p in now if p.endswith(".md") and INCLUDES not in p.split("/")[:-1]}
    writer = writer_for(source, articles, update.problems) if changed else None
    for path in sorted(changed):
        if path.endswith(".md"):
            try:
                document = parse(decode((source / path).read_bytes(), path), path)
            except SourceError as error:
                update.problems.append(error)
                continue
            locale = document.content_locale
            if locale and site_code(locale) != snap.translation:
                return Update(full=split_tree(source, docs, jobs=1))
            titles = {}
            assert writer is not None
            writer.folder.documents[path] = document
            try:
                made = {code: writer.page(document, language) for language, code in codes.items()}
            except SourceError as error:
                update.problems.append(error)
                continue
            for code, page in made.items():
                titles[code] = page.title
                if path != home.HOME and write_if_changed(docs / code / path, page.markdown):
                    update.written.append(f"{code}/{path}")
            titles_changed |= snap.titles.get(path) != titles or path == home.HOME
            snap.titles[path] = titles
        elif media.is_media(Path(path)):
            for code in codes.values():
                target = docs / code / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes((source / path).read_bytes())
                update.written.append(f"{code}/{path}")
        titles_changed |= path in TOC_NAMES
    for path in sorted(gone):
        pages = [f"{code}/{path}" for code in codes.values()] if path.endswith(".md") else []
        pages += [f"{code}/{path}" for code in codes.values()] if media.is_media(Path(path)) else []
        for stale in pages:
            if (docs / stale).exists():
                (docs / stale).unlink()
                update.removed.append(stale)
        titles_changed |= snap.titles.pop(path, None) is not None
    if titles_changed:
        update.written += write_home_pages(source, docs, snap, update.problems)
    if changed or gone:
        snap.stamps = now
        sources.save(docs, snap)
    return update


def write_home_pages(
    source: Path, docs: Path, snap: sources.Snapshot, problems: list[SourceError]
) -> list[str]:
    """Rewrite both home pages from the snapshot's titles; the pages written."""
    toc = read_toc(source, problems)
    top: dict[str, str] = {}
    if home.HOME in snap.titles and (source / home.HOME).is_file():
        try:
            document = parse(decode((source / home.HOME).read_bytes(), home.HOME), home.HOME)
            top[snap.translation] = render_page(document, Language.TRANSLATION).markdown
            top[ENGLISH_CODE] = render_page(document, Language.ENGLISH).markdown
        except SourceError as error:
            problems.append(error)
    written = []
    for code in (snap.translation, ENGLISH_CODE):
        titles = [(t[code], path) for path, t in snap.titles.items() if code in t]
        text = home_page(site_language(code), titles, top.get(code), toc)
        if write_if_changed(docs / code / home.HOME, text):
            written.append(f"{code}/{home.HOME}")
    return written
