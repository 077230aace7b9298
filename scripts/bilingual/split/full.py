"""A folder of bilingual sources -> a folder of pages, one subfolder per site language.

``split_tree`` reads every ``*.md`` under the source folder, parses it, and writes
``<docs>/<code>/<path>.md`` for the translation and ``<docs>/en/<path>.md`` for English, plus a
home page per language: the index of every article (``home``), under the source's own
``index.md`` when it has one. Media files are copied once (``media``). Pages are written to a
staging folder and swapped in, so an interrupted run leaves the previous pages intact and pages
of deleted sources disappear.

Each article is written by ``write_article``, every tree's in one pool of worker processes
(``split.articles``).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from bilingual.errors import SourceError
from bilingual.locales import ENGLISH_CODE, SiteLanguage, site_language
from bilingual.model import Document, Language
from bilingual.pages.link_rewrite import Rewrite, learn_locale
from bilingual.pages.page import page_code
from bilingual.source.docset import described
from bilingual.source.files import Kind, SourceFiles
from bilingual.source.folder import is_article
from bilingual.source.includes import unused_includes
from bilingual.split import snapshot, workers
from bilingual.split.articles import TreeWriter, tree_writers, write_articles
from bilingual.split.navigation import (
    REDIRECTS,
    NavigationInput,
    write_navigation,
    write_redirects_file,
)
from bilingual.split.report import Split
from bilingual.split.staging import recover, staging_folder, swap_in
from bilingual.split.trees import (
    EnglishChoice,
    Tree,
    choose_english,
    fold_case,
    in_site_order,
    mark_behind,
    read_tree,
)
from bilingual.split.writer import (
    Writer,
    copy_media,
    copy_outside_media,
    write_new,
)

LINKS_AUDIT = ".links.json"


def translation_locale(documents: list[Document], code: str) -> str:
    """The Learn locale (``lv-lv``) of the documents in site language ``code``."""
    for document in documents:
        if document.content_locale and page_code(document, Language.TRANSLATION) == code:
            return learn_locale(document.content_locale)
    return learn_locale(code)


def navigation_input(
    split: Split,
    documents: list[Document],
    writer: Writer,
    titles: dict[str, dict[str, str]],
    tops: dict[str, str],
    translation: SiteLanguage | None = None,
) -> NavigationInput:
    """What the navigation needs from a full split (of the tree in ``translation``, by default
    the default language's)."""
    translation = translation or split.translation
    uids = {
        str(document.metadata["uid"]): document.path
        for document in documents
        if is_article(document) and document.path in titles and document.metadata.get("uid")
    }
    assert writer.links is not None
    return NavigationInput(
        translation,
        split.english,
        translation_locale(documents, translation.code),
        titles,
        tops,
        uids,
        writer.links,
    )


def site_names(trees: Sequence[Tree]) -> dict[str, str]:
    """The site's name in each language, as the docsets give it: English from ``docfx.json``
    (the first tree naming one), each translation from its breadcrumb, else that English."""
    docsets = [
        described(tree.source, tree.files.paths(Kind.CONFIG), tree.files.docset.reader)
        for tree in trees
    ]
    english = next((title for docset in docsets if (title := docset.title())), "")
    names = {ENGLISH_CODE: english} if english else {}
    for tree, docset in zip(trees, docsets, strict=True):
        own = docset.breadcrumb_title() or docset.title() or english
        if own:
            names[tree.language.code] = own
    return names


NOT_ON_SITE = {
    Kind.OTHER: (
        "neither a page, media, an include, a code file nor navigation, so not on the site",
        "a .md article, a YamlMime page, an image or video, a code file or a TOC",
    ),
    Kind.EXCLUDED: (
        "left out of the build by docfx.json (build.content: its files and exclude globs), "
        "so not on the site, as DocFX builds no page of it",
        "a file docfx.json's content globs take in, to be a page",
    ),
}
"""The files no page shows, by kind: what the line says of each, and what was expected."""


def not_on_site(tree: Tree, named: bool) -> list[SourceError]:
    """One line for each file of ``tree`` that no stage uses, and for each article or YAML page
    its ``docfx.json`` leaves out of the build (``named``: its path starts with the tree's
    folder, for a site of several trees)."""
    prefix = f"{tree.source.name}/" if named else ""
    return [
        SourceError(f"{prefix}{path}", 1, 1, what, expected)
        for kind, (what, expected) in NOT_ON_SITE.items()
        for path in tree.files.paths(kind)
    ]


def split_tree(source: Path, docs: Path, *, jobs: int | None = None) -> Split:
    """Split every bilingual source under ``source`` into pages under ``docs``: a site of one
    translation and English (``split_trees`` of one tree).

    ``jobs``: processes writing pages at once (``None``: ``workers.jobs()``; 1: this process)."""
    return split_trees([source], docs, jobs=jobs)


def split_trees(
    sources: Sequence[Path],
    docs: Path,
    *,
    default: str | None = None,
    jobs: int | None = None,
    default_if_present: bool = False,
    files: Sequence[SourceFiles] | None = None,
) -> Split:
    """Split several source trees (one per locale) into one site's pages under ``docs``: each
    tree's translation in its language's folder, English once (each article's from the tree
    with the newest English, ``trees.choose_english``), the default language (``default``,
    else the first tree's) first.

    ``jobs``: processes writing pages at once (``None``: ``workers.jobs()``; 1: this process).
    ``default_if_present``: a ``default`` no tree is in is no error (the first tree's is the
    default then: a docset of a site of several, ``split.docsets``). ``files``: each tree's
    files, when read already (``source.files``).

    The stages, in order: the trees read (``read_trees``), each article's English chosen, the
    split's report begun (``begun``); each tree's page writer (``tree_writers``), every article
    written (``write_articles``), then each tree's navigation (``write_navigations``) and media
    (``copy_all_media``), into a staging folder swapped in whole; the snapshots ``make serve``
    updates from (``save_snapshots``)."""
    problems: list[SourceError] = []
    trees = read_trees(sources, problems, default, default_if_present, files)
    renamed = fold_case(trees, problems)
    choice = choose_english(trees)
    mark_behind(trees, choice)
    split = begun(trees, choice, problems, renamed)
    docs.mkdir(parents=True, exist_ok=True)
    recover(docs)
    staging = staging_folder(docs)
    try:
        writers = tree_writers(trees, choice, split.english)
        titles, tops = write_articles(writers, split, staging, workers.jobs(jobs))
        snaps = write_navigations(writers, split, staging, titles, tops)
        copy_all_media(writers, split, staging)
        split.names = site_names(trees)
        tags = {language.code: language.lang for language in split.languages if language.tag}
        codes = [language.code for language in split.languages]
        swap_in(staging, docs, codes, split.names, tags)
        move_redirects(staging, docs)
        save_snapshots(docs, snaps)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    write_links_audit(docs / LINKS_AUDIT, split.rewrites)
    return split


def read_trees(
    sources: Sequence[Path],
    problems: list[SourceError],
    default: str | None,
    default_if_present: bool,
    files: Sequence[SourceFiles] | None,
) -> list[Tree]:
    """Every tree of ``sources`` read (``trees.read_tree``; ``files``: their files, when read
    already), in the site's order: the default language's first."""
    found: list[SourceFiles | None] = [None] * len(sources) if files is None else [*files]
    read = [read_tree(source, problems, own) for source, own in zip(sources, found, strict=True)]
    if default_if_present and default not in {tree.language.code for tree in read}:
        default = None
    return in_site_order(read, default)


def begun(
    trees: list[Tree],
    choice: EnglishChoice,
    problems: list[SourceError],
    renamed: list[SourceError],
) -> Split:
    """The split's report as reading the trees leaves it: its languages, the sources that do
    not parse, the warnings they carry, the translations behind their English, every file by
    kind and those on no page."""
    split = Split(
        translation=trees[0].language,
        english=site_language(ENGLISH_CODE),
        others=[tree.language for tree in trees[1:]],
        problems=problems,
        warnings=[
            *renamed,
            *(w for tree in trees for document in tree.documents for w in document.warnings),
        ],
        behind={trees[index].language.code: paths for index, paths in choice.behind.items()},
        ties={trees[index].language.code: paths for index, paths in choice.ties.items()},
    )
    for tree in trees:
        split.files[tree.language.code] = tree.files.counts()
        split.not_on_site += not_on_site(tree, len(trees) > 1)
    included = [d for tree in trees for d in tree.documents if not is_article(d)]
    split.includes = len(included)
    split.include_segments = sum(len(document.segments) for document in included)
    split.unused_includes = [
        path if len(trees) == 1 else f"{tree.source.name}/{path}"
        for tree in trees
        for path in unused_includes(tree.documents, tree.files.docset.root_of)
    ]
    return split


def write_navigations(
    writers: list[TreeWriter],
    split: Split,
    staging: Path,
    titles: dict[str, dict[str, str]],
    tops: dict[str, str],
) -> list[snapshot.Snapshot]:
    """Each tree's navigation (home pages, trees, landing pages; English's by the first tree)
    and the redirects of every tree in one file, into ``staging``; what ``make serve`` needs to
    bring each tree up to date (its snapshot)."""
    redirects: dict[str, dict[str, object]] = {}
    snaps: list[snapshot.Snapshot] = []
    several = len(writers) > 1
    for index, part in enumerate(writers):
        tree, writer = part.tree, part.writer
        code = tree.language.code
        own_titles = {
            path: {c: t for c, t in by_code.items() if c in (code, ENGLISH_CODE)}
            for path, by_code in titles.items()
            if code in by_code or index == 0
        }
        own_tops = {c: top for c, top in tops.items() if c in (code, ENGLISH_CODE)}
        given = navigation_input(split, tree.documents, writer, own_titles, own_tops, tree.language)
        languages = None if index == 0 else {code}
        into = redirects if several else None
        report = write_navigation(tree.files, staging, given, write_new, languages, into)
        split.add_warnings(report.problems)
        paths = list(writer.links.docset_paths) if writer.links is not None else []
        snaps.append(
            snapshot.snapshot(
                tree.source, own_titles, code, paths, given, report, part.targets, part.reads
            )
        )
        if index == 0:
            split.navigation = report
        else:
            assert split.navigation is not None
            split.navigation.unlinked.update(report.unlinked)
            split.navigation.pages += report.pages
    write_redirects_file(staging, redirects)
    return snaps


def copy_all_media(writers: list[TreeWriter], split: Split, staging: Path) -> None:
    """Each tree's media into its language's folder, and into English from the first tree (in
    the site's order) having it; the repository's media outside ``SOURCE`` that pages show into
    both."""
    english = split.english.code
    for part in writers:
        tree = part.tree
        copy_media(tree.source, [staging / tree.language.code], split.warnings, tree.files)
    for part in reversed(writers):  # English takes each media file from the first tree having it
        tree = part.tree
        copied = staging / tree.language.code
        copy_media(tree.source, [staging / english], [], tree.files, copied)
    for part in writers:
        folders = [staging / part.tree.language.code, staging / english]
        copy_outside_media(part.writer.folder, part.outside, folders)


def save_snapshots(docs: Path, snaps: list[snapshot.Snapshot]) -> None:
    """What ``make serve`` updates from: one tree's snapshot, or (several trees) each one's."""
    if len(snaps) == 1:
        snapshot.save(docs, snaps[0])
        (docs / snapshot.TREES).unlink(missing_ok=True)
    else:  # several trees: make serve redoes the articles changed (incremental_trees)
        (docs / snapshot.SNAPSHOT).unlink(missing_ok=True)
        snapshot.save_trees(docs, snaps)


def move_redirects(staging: Path, docs: Path) -> None:
    """Put the staged redirects in place of the previous ones (none staged: none kept)."""
    staged, target = staging / REDIRECTS, docs / REDIRECTS
    if staged.exists():
        os.replace(staged, target)
    elif target.exists():
        target.unlink()


def write_links_audit(path: Path, rewrites: dict[str, list[Rewrite]]) -> None:
    """Every changed link by page, with its original target and the rule that changed it."""
    audit = {
        page: [{"original": r.original, "target": r.target, "rule": r.rule} for r in changed]
        for page, changed in sorted(rewrites.items())
    }
    path.write_text(json.dumps(audit, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
