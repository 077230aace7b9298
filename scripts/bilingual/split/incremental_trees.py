"""Incremental split of one docset's several trees (one per locale): only the articles a change
touches, written again in every tree that has them, and the navigation when a title or a TOC
changed.

``split_trees`` saves one snapshot per tree (``snapshot.save_trees``: its stamps, its pages'
titles, its cross reference map, what each article read, the navigation's files). ``update_trees``
compares each tree with its snapshot. An edited article, or one whose pages read an edited
include or code file, is parsed again in every tree that has it; which tree gives its English
page, and which translations are behind that English, is chosen again for it alone
(``trees.choose_english`` and ``trees.mark_behind`` on those documents: the choice of one
article reads that article's versions and nothing else); then each of its pages, in every
language, goes through the one page writer (``writer.write_article``) and is written where its
text changed. So a translator's save writes one page; an English edit the English page and the
notices of the translations it leaves behind. A changed title, ``index.md``, a TOC or another
``.yml`` file rewrites every tree's navigation as ``split_trees`` writes it
(``update_navigation_trees``). Whatever else changed falls back to the full split of every tree
(``docsets.split_docsets``: a site of several docsets is always split whole, as it has no
snapshot of its trees): an article added or removed, a ``uid`` (the cross references of other
pages), a new locale, a file no page read (``docfx.json``, media, a redirection file), a tree
given or left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bilingual.errors import SourceError
from bilingual.locales import ENGLISH_CODE, site_language
from bilingual.model import Language
from bilingual.pages import home
from bilingual.source.files import Kind, SourceFiles, read_files
from bilingual.source.folder import is_include, is_toc_name, read_document
from bilingual.source.media import is_media
from bilingual.split import snapshot
from bilingual.split.docsets import split_docsets
from bilingual.split.incremental import (
    YAML,
    Update,
    parse_articles,
    readers,
    record_written,
    writer_for,
    xrefs_changed,
)
from bilingual.split.navigation import (
    REDIRECTS,
    NavigationInput,
    remove_stale,
    write_navigation,
    write_redirects_file,
)
from bilingual.split.trees import Tree, choose_english, mark_behind
from bilingual.split.writer import Writer, write_article, write_if_changed


def update_trees(sources: list[Path], docs: Path, default: str | None = None) -> Update:
    """Bring the pages in ``docs`` up to date with the trees ``sources``, redoing only the
    articles that changed (see the module's docstring), else splitting every tree again."""

    def full() -> Update:
        return Update(full=split_docsets(sources, docs, default=default, jobs=1))

    snaps = snapshot.load_trees(docs)
    given = sorted(str(source.resolve()) for source in sources)
    if snaps is None or sorted(snap.source for snap in snaps) != given:
        return full()
    found = [read_files(Path(snap.source)) for snap in snaps]
    articles = [set(files.paths(Kind.ARTICLE)) for files in found]
    stamps = [snapshot.stamps(Path(snap.source)) for snap in snaps]
    writers: dict[int, Writer] = {}

    def writer(index: int) -> Writer:
        """Tree ``index``'s page writer, made once (its includes parsed) when first asked for."""
        if index not in writers:
            snap, files = snaps[index], found[index]
            source = Path(snap.source)
            writers[index] = writer_for(source, articles[index], update.problems, snap, files)
        return writers[index]

    changes: list[TreeChange] = []
    for snap, files, now in zip(snaps, found, stamps, strict=True):
        change = classify(snap, files, now)
        if change is None:
            return full()
        changes.append(change)
    touched = set().union(*(change.touched for change in changes))
    media = set().union(*(change.media for change in changes))
    navigation = any(change.navigation for change in changes)
    update = Update()
    if touched or navigation or media:
        kept: list[Tree] = []
        for snap, files, own, change in zip(snaps, found, articles, changes, strict=True):
            tree = read_touched(snap, files, own, touched, update)
            if tree is None or xrefs_changed(snap, tree.documents, change.gone):
                return full()  # a new locale; a uid (other pages' cross references)
            kept.append(tree)
        navigation |= write_touched(snaps, articles, kept, touched, docs, update, writer)
        copy_changed_media(snaps, media, docs, update)
        if navigation:
            update_navigation_trees(
                snaps, found, [writer(index) for index in range(len(snaps))], docs, update
            )
    for snap, now in zip(snaps, stamps, strict=True):
        snap.stamps = now
    snapshot.save_trees(docs, snaps)
    return update


@dataclass(slots=True)
class TreeChange:
    """What changed in one tree since its snapshot, by what it asks of the update."""

    touched: set[str] = field(default_factory=set)
    """Articles to write again: edited, added, removed, or reading an edited include."""
    gone: set[str] = field(default_factory=set)
    """Articles of the tree removed."""
    media: set[str] = field(default_factory=set)
    """Media files edited, added or removed."""
    navigation: bool = False
    """Whether the navigation is written again (an article added or removed, a TOC)."""


def classify(
    snap: snapshot.Snapshot, files: SourceFiles, now: dict[str, list[int]]
) -> TreeChange | None:
    """What changed in a tree, or ``None`` for a change only the full split places (a file no
    page reads, a file the navigation read outside the tree)."""
    change = TreeChange()
    if any(snapshot.file_stamp(Path(p)) != stamp for p, stamp in snap.inputs.items()):
        return None
    edited = {path for path, stamp in now.items() if snap.stamps.get(path) != stamp}
    gone = set(snap.stamps) - set(now)
    read = {path for reads in snap.reads.values() for path in reads}
    for path in sorted(edited | gone):
        file = files.files.get(path)
        kind = file.kind if file is not None else None
        was_article = snap.translation in snap.titles.get(path, {})
        if kind is Kind.ARTICLE or (path in gone and was_article):
            change.touched.add(path)
            if path in gone or path not in snap.stamps:
                change.navigation = True  # the lists of articles
            if path in gone:
                change.gone.add(path)
        elif kind is Kind.INCLUDE or path in read or (path in gone and is_include(path)):
            change.touched |= readers(snap, {path})
        elif kind is Kind.MEDIA or (kind is None and is_media(Path(path))):
            change.media.add(path)
        elif path.lower().endswith(YAML) or is_toc_name(path):
            change.navigation = True  # a TOC, a landing page, the breadcrumb
        elif path in gone and not was_article and path not in read:
            continue  # a file nothing used
        else:
            return None
    return change


def read_touched(
    snap: snapshot.Snapshot,
    files: SourceFiles,
    articles: set[str],
    touched: set[str],
    update: Update,
) -> Tree | None:
    """The tree's touched articles, parsed (a malformed one to ``update.problems``, its pages
    kept); ``None`` when one's locale is no longer the tree's (the full split places it)."""
    documents = parse_articles(files, sorted(touched & articles), snap.translation, update.problems)
    if documents is None:
        return None
    return Tree(Path(snap.source), documents, site_language(snap.translation))


def write_touched(
    snaps: list[snapshot.Snapshot],
    articles: list[set[str]],
    trees: list[Tree],
    touched: set[str],
    docs: Path,
    update: Update,
    writer: Callable[[int], Writer],
) -> bool:
    """Write the touched articles' pages in every tree having them, each article's English
    from the tree chosen for it again; remove the pages of those gone. Whether a title, or
    the articles a language has, changed (the navigation is written again then)."""
    choice = choose_english(trees)
    mark_behind(trees, choice)
    english = site_language(ENGLISH_CODE)
    titles: dict[str, dict[str, str]] = {}
    failed = {error.path for error in update.problems}
    for index, (snap, tree) in enumerate(zip(snaps, trees, strict=True)):
        for document in tree.documents:
            path = document.path
            sides = [(tree.language, Language.TRANSLATION)]
            if choice.source.get(path) == index:
                sides.append((english, Language.ENGLISH))
            writer(index).folder.documents[path] = document
            article = write_article(document, tuple(sides), docs, writer(index), write_if_changed)
            if article.problem is not None:
                update.problems.append(article.problem)
                failed.add(path)
                continue
            titles.setdefault(path, {}).update({page.code: page.title for page in article.pages})
            record_written(update, snap, document, article)
    changed = False
    for path in sorted(touched - failed):
        having = [path in own for own in articles]
        for index, snap in enumerate(snaps):
            own = {
                code: title
                for code, title in titles.get(path, {}).items()
                if code in (snap.translation, ENGLISH_CODE)
            }
            if not having[index]:
                gone = docs / snap.translation / path
                if gone.is_file():
                    gone.unlink()
                    update.removed.append(f"{snap.translation}/{path}")
                snap.reads.pop(path, None)
                snap.xref_targets.pop(path, None)
            if (having[index] or (index == 0 and any(having))) and own:
                changed |= snap.titles.get(path) != own
                snap.titles[path] = own
            elif path in snap.titles and not (index == 0 and any(having)):
                del snap.titles[path]
                changed = True
        english_page = docs / ENGLISH_CODE / path
        if not any(having) and english_page.is_file():
            english_page.unlink()
            update.removed.append(f"{ENGLISH_CODE}/{path}")
    return changed


def copy_changed_media(
    snaps: list[snapshot.Snapshot], media: set[str], docs: Path, update: Update
) -> None:
    """Each edited, added or removed media file as the full split copies media: into its
    tree's language folder, and into English from the first tree (in the site's order) having
    it; gone from a folder where no tree gives it any more."""
    for path in sorted(media):
        sources = [Path(snap.source) / path for snap in snaps]
        firsts = [source for source in sources if source.is_file()]
        pairs: list[tuple[str, Path | None]] = [
            (snap.translation, source) for snap, source in zip(snaps, sources, strict=True)
        ]
        pairs.append((ENGLISH_CODE, firsts[0] if firsts else None))
        read: dict[Path, bytes] = {}  # each tree's file read once
        for code, source in pairs:
            target = docs / code / path
            if source is not None and source.is_file():
                if source not in read:
                    read[source] = source.read_bytes()
                data = read[source]
                if not target.is_file() or target.read_bytes() != data:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
                    update.written.append(f"{code}/{path}")
            elif target.is_file():
                target.unlink()
                update.removed.append(f"{code}/{path}")


def update_navigation_trees(
    snaps: list[snapshot.Snapshot],
    found: list[SourceFiles],
    writers: list[Writer],
    docs: Path,
    update: Update,
) -> None:
    """Rewrite every tree's navigation (home pages, trees, landing pages, the redirects of
    every tree in one file) from the snapshots' titles, as ``split_trees`` writes it: the
    home page's top from each tree's ``index.md``, English from the newest; English's own
    navigation by the first tree. Files the navigation no longer owns are removed."""
    english = site_language(ENGLISH_CODE)
    homes: list[Tree] = []
    for snap, files in zip(snaps, found, strict=True):
        documents = []
        if home.HOME in files.paths(Kind.ARTICLE):
            try:
                documents.append(read_document(Path(snap.source), home.HOME, files.docset))
            except SourceError as error:
                update.problems.append(error)
        homes.append(Tree(Path(snap.source), documents, site_language(snap.translation)))
    choice = choose_english(homes)
    mark_behind(homes, choice)
    tops: dict[str, str] = {}
    for index, (tree, writer) in enumerate(zip(homes, writers, strict=True)):
        for document in tree.documents:
            sides = [(tree.language, Language.TRANSLATION)]
            if choice.source.get(home.HOME) == index:
                sides.append((english, Language.ENGLISH))
            article = write_article(document, tuple(sides), docs, writer, write_if_changed)
            if article.problem is not None:
                update.problems.append(article.problem)
            tops.update({page.code: page.top for page in article.pages if page.top is not None})
    redirects: dict[str, dict[str, object]] = {}
    for index, (snap, files, writer) in enumerate(zip(snaps, found, writers, strict=True)):
        code = snap.translation
        assert writer.links is not None
        given = NavigationInput(
            site_language(code),
            english,
            snap.locale,
            snap.titles,
            {c: top for c, top in tops.items() if c in (code, ENGLISH_CODE)},
            snap.uids,
            writer.links,
        )
        languages = None if index == 0 else {code}
        report = write_navigation(files, docs, given, write_if_changed, languages, redirects)
        update.written += report.written
        update.problems += report.problems
        update.removed += remove_stale(docs, snap.navigation, report.pages)
        snap.inputs = {str(path): snapshot.file_stamp(path) for path in report.inputs}
        snap.navigation = list(report.pages)
    if redirects:
        write_redirects_file(docs, redirects)
    else:
        (docs / REDIRECTS).unlink(missing_ok=True)
