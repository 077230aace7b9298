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

from pathlib import Path

from bilingual.errors import SourceError
from bilingual.locales import ENGLISH_CODE, site_language
from bilingual.model import Document, Language
from bilingual.pages import home
from bilingual.source.files import Kind, SourceFiles, read_files
from bilingual.source.folder import is_toc_name, known_code, read_document
from bilingual.split import snapshot
from bilingual.split.docsets import split_docsets
from bilingual.split.incremental import YAML, Update, readers, writer_for, xrefs_changed
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
    stamps = [snapshot.stamps(Path(snap.source)) for snap in snaps]
    touched: set[str] = set()
    navigation = False
    for snap, files, now in zip(snaps, found, stamps, strict=True):
        changed = {path for path, stamp in now.items() if snap.stamps.get(path) != stamp}
        if set(snap.stamps) - set(now):
            return full()  # a file removed: an article, or what pages read
        for path in changed:
            file = files.files.get(path)
            if path not in snap.stamps:
                return full()  # a file added: an article, or one a page may now read
            if file is not None and file.kind is Kind.ARTICLE:
                touched.add(path)
            elif (file is not None and file.kind is Kind.INCLUDE) or any(
                path in reads for reads in snap.reads.values()
            ):
                touched |= readers(snap, {path})  # an include or code file: its readers
            elif path.lower().endswith(YAML) or is_toc_name(path):
                navigation = True  # a TOC, a landing page, the breadcrumb
            else:
                return full()
        if any(snapshot.file_stamp(Path(p)) != stamp for p, stamp in snap.inputs.items()):
            return full()  # a file the navigation read outside the trees
    update = Update()
    if not touched and not navigation:
        for snap, now in zip(snaps, stamps, strict=True):
            snap.stamps = now
        snapshot.save_trees(docs, snaps)
        return update
    trees: list[Tree] = []
    for snap, files in zip(snaps, found, strict=True):
        documents: list[Document] = []
        for path in sorted(touched & set(files.paths(Kind.ARTICLE))):
            try:
                document = read_document(Path(snap.source), path)
            except SourceError as error:
                update.problems.append(error)
                continue
            locale = document.content_locale
            if locale and known_code(locale) != snap.translation:
                return full()
            documents.append(document)
        if xrefs_changed(snap, documents, set()):
            return full()
        trees.append(Tree(Path(snap.source), documents, site_language(snap.translation)))
    choice = choose_english(trees)
    mark_behind(trees, choice)
    english = site_language(ENGLISH_CODE)
    writers = [
        writer_for(tree.source, set(files.paths(Kind.ARTICLE)), update.problems, snap, files)
        for snap, files, tree in zip(snaps, found, trees, strict=True)
    ]
    navigation |= home.HOME in touched
    for index, (snap, tree, writer) in enumerate(zip(snaps, trees, writers, strict=True)):
        for document in tree.documents:
            path = document.path
            sides = [(tree.language, Language.TRANSLATION)]
            if choice.source.get(path) == index:
                sides.append((english, Language.ENGLISH))
            writer.folder.documents[path] = document
            article = write_article(document, tuple(sides), docs, writer, write_if_changed)
            if article.problem is not None:
                update.problems.append(article.problem)
                continue
            for page in article.pages:  # each tree's snapshot keeps its languages' titles
                for other in snaps:
                    known = other.titles.get(path)
                    if known is not None and page.code in (other.translation, ENGLISH_CODE):
                        navigation |= known.get(page.code) != page.title
                        known[page.code] = page.title
            for warning in [*document.warnings, *(w for p in article.pages for w in p.warnings)]:
                if str(warning) not in map(str, update.warnings):
                    update.warnings.append(warning)
            update.written += [f"{page.code}/{path}" for page in article.pages if page.written]
            reads = sorted({read for page in article.pages for read in page.reads})
            if reads:
                snap.reads[path] = reads
            else:
                snap.reads.pop(path, None)
    if navigation:
        update_navigation_trees(snaps, found, writers, docs, update)
    for snap, now in zip(snaps, stamps, strict=True):
        snap.stamps = now
    snapshot.save_trees(docs, snaps)
    return update


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
                documents.append(read_document(Path(snap.source), home.HOME))
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
        report = write_navigation(
            Path(snap.source), docs, given, write_if_changed, languages, redirects, files
        )
        update.written += report.written
        update.problems += report.problems
        update.removed += remove_stale(docs, snap.navigation, report.pages)
        snap.inputs = {str(path): snapshot.file_stamp(path) for path in report.inputs}
        snap.navigation = list(report.pages)
    if redirects:
        write_redirects_file(docs, redirects)
    else:
        (docs / REDIRECTS).unlink(missing_ok=True)
