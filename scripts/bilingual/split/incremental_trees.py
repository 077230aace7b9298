"""Incremental split of one docset's several trees (one per locale): only the articles a change
touches, written again in every tree that has them.

``split_trees`` saves one snapshot per tree (``snapshot.save_trees``: its stamps, its pages'
titles, its cross reference map, what each article read). ``update_trees`` compares each tree
with its snapshot. An edited article, or one whose pages read an edited include or code file,
is parsed again in every tree that has it; which tree gives its English page, and which
translations are behind that English, is chosen again for it alone (``trees.choose_english``
and ``trees.mark_behind`` on those documents: the choice of one article reads that article's
versions and nothing else); then each of its pages, in every language, goes through the one
page writer (``writer.write_article``) and is written where its text changed. So a translator's
save writes one page, an English edit the English page and the notices of the translations it
leaves behind. Whatever else changed falls back to the full split of every tree (``docsets.split_docsets``: a site of several docsets is
always split whole, as it has no snapshot of its trees): an article added or removed, a title or ``uid`` (the navigation and other pages show them), a new locale, a
file no page read (``docfx.json``, media, a TOC, a redirection file), a tree given or left out.
"""

from __future__ import annotations

from pathlib import Path

from bilingual.errors import SourceError
from bilingual.locales import ENGLISH_CODE, site_language
from bilingual.model import Document, Language
from bilingual.source.files import Kind, read_files
from bilingual.source.folder import known_code, read_document
from bilingual.split import snapshot
from bilingual.split.docsets import split_docsets
from bilingual.split.incremental import Update, readers, writer_for, xrefs_changed
from bilingual.split.trees import Tree, choose_english, mark_behind
from bilingual.split.writer import write_article, write_if_changed


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
            else:
                return full()
    update = Update()
    if not touched:
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
    for index, (snap, files, tree) in enumerate(zip(snaps, found, trees, strict=True)):
        if not tree.documents:
            continue
        articles = set(files.paths(Kind.ARTICLE))
        writer = writer_for(tree.source, articles, update.problems, snap, files)
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
            before = snap.titles.get(path, {})
            if any(before.get(page.code, page.title) != page.title for page in article.pages):
                return full()  # a title: the navigation and the pages listing it
            for warning in [*document.warnings, *(w for p in article.pages for w in p.warnings)]:
                if str(warning) not in map(str, update.warnings):
                    update.warnings.append(warning)
            update.written += [f"{page.code}/{path}" for page in article.pages if page.written]
            reads = sorted({read for page in article.pages for read in page.reads})
            if reads:
                snap.reads[path] = reads
            else:
                snap.reads.pop(path, None)
    for snap, now in zip(snaps, stamps, strict=True):
        snap.stamps = now
    snapshot.save_trees(docs, snaps)
    return update
