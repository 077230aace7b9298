"""A folder of bilingual sources -> a folder of pages, one subfolder per site language.

``split_tree`` reads every ``*.md`` under the source folder, parses it, and writes
``<docs>/<code>/<path>.md`` for the translation and ``<docs>/en/<path>.md`` for English, plus a
home page per language: the index of every article (``home``), under the source's own
``index.md`` when it has one. Media files are copied once (``media``). Pages are written to a
staging folder and swapped in, so an interrupted run leaves the previous pages intact and pages
of deleted sources disappear.

Each article is written by ``write_article``; from ``PARALLEL_FROM`` articles on, and when more
than one job is allowed (``workers.jobs``), the articles of every tree go to one pool of worker
processes in chunks (``write_batches``), the trees' shared state (documents, ``Writer``s)
handed to each worker once when it starts. Their results are recorded in the articles' order,
tree by tree, so reports, manifests and pages are those of a one-process run.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from collections.abc import Generator, Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from bilingual.errors import SourceError
from bilingual.locales import ENGLISH_CODE, SiteLanguage, site_language
from bilingual.model import Document, Language
from bilingual.pages.link_rewrite import Rewrite, learn_locale
from bilingual.pages.page import page_code
from bilingual.pages.resolver import MissingMedia, MissingXref
from bilingual.pages.uids import target_of, uid_map
from bilingual.source.docset import described
from bilingual.source.files import Kind, SourceFiles
from bilingual.source.folder import is_article
from bilingual.source.includes import unused_includes
from bilingual.split import progress, snapshot, workers
from bilingual.split.navigation import (
    REDIRECTS,
    NavigationInput,
    NavigationReport,
    write_navigation,
    write_redirects_file,
)
from bilingual.split.staging import recover, staging_folder, swap_in
from bilingual.split.trees import (
    Tree,
    choose_english,
    fold_case,
    in_site_order,
    mark_behind,
    read_tree,
)
from bilingual.split.writer import (
    Side,
    Writer,
    WrittenArticle,
    copy_media,
    copy_outside_media,
    write_article,
    write_new,
)

LINKS_AUDIT = ".links.json"
PARALLEL_FROM = 200
"""Articles from which worker processes write the pages (below, starting them costs more)."""
CHUNKS_PER_WORKER = 8
"""Chunks of articles per worker: few enough to keep messages rare, enough to even out the load."""


@dataclass(slots=True)
class Split:
    """What ``split_trees`` made of its source folders."""

    translation: SiteLanguage
    """The default language's translation (the site's default, at its root)."""
    english: SiteLanguage
    """English, under ``/en/``."""
    others: list[SiteLanguage] = field(default_factory=list)
    """The other trees' translations, each under ``/<code>/``, in the order given."""
    articles: list[str] = field(default_factory=list)
    """Source paths (relative, ``/``-separated) written as pages."""
    segments: int = 0
    """Segments in the written articles."""
    problems: list[SourceError] = field(default_factory=list)
    """Sources skipped because they are malformed."""
    warnings: list[SourceError] = field(default_factory=list)
    """Malformed markup read around without loss (the source was written; strict mode fails)."""
    rewrites: dict[str, list[Rewrite]] = field(default_factory=dict)
    """Links the writer changed, by page (``<code>/<path>``), each with its original target."""
    files: dict[str, Counter[str]] = field(default_factory=dict)
    """Per translation's code, its tree's files by kind (``source.files.SourceFiles.counts``)."""
    not_on_site: list[SourceError] = field(default_factory=list)
    """Files of a kind no stage uses (``source.files.Kind.OTHER``), one line each."""
    unused_includes: list[str] = field(default_factory=list)
    """Files under ``includes/`` whose name no article mentions: on no page of the site."""
    missing_media: dict[str, int] = field(default_factory=dict)
    """Per site language, the images its pages show as alt text (missing from the source: common
    in localized repositories, which carry no media). Counted, not warned of one by one: the
    link check lists each (kind ``media``)."""
    outside: set[str] = field(default_factory=set)
    """Repository media outside ``SOURCE`` that pages show, copied into every language."""
    reads: dict[str, list[str]] = field(default_factory=dict)
    """Each article's includes and code files (``SOURCE``-relative paths), for the snapshot:
    an edited include writes again the articles that read it, and only those."""
    navigation: NavigationReport | None = None
    """The home pages, the tree, landing pages and redirects (``split.navigation``)."""
    missing_xrefs: dict[str, tuple[int, SourceError]] = field(default_factory=dict)
    """Each uid that cross references name and no article defines: how many references (on
    the pages of the language with most) and the first. Shown as text; reported once per uid
    (strict mode fails on them)."""

    behind: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per translation's code, its articles made from an older English than the site's, each
    with the count of segments whose English changed (``trees.choose_english``)."""
    names: dict[str, str] = field(default_factory=dict)
    """The site's name in each language, as the docsets give it (``site_names``)."""
    ties: dict[str, list[str]] = field(default_factory=dict)
    """Per translation's code, its articles whose English differs from the site's with the same
    date: the site's English is the earlier tree's (a reported choice)."""

    @property
    def languages(self) -> tuple[SiteLanguage, ...]:
        """Every language of the site: the default first, English last."""
        return (self.translation, *self.others, self.english)

    @property
    def translations(self) -> tuple[SiteLanguage, ...]:
        """Every translation, the default first."""
        return (self.translation, *self.others)

    def add_warnings(self, warnings: Iterable[SourceError]) -> None:
        """Add ``warnings``, each once (a construct both languages show is reported once)."""
        seen = {str(warning) for warning in self.warnings}
        for warning in warnings:
            if str(warning) not in seen:
                seen.add(str(warning))
                self.warnings.append(warning)


@dataclass(frozen=True, slots=True)
class Batch:
    """Articles of one tree written with its ``Writer``, in ``sides`` (its translation, and
    English where the site's English is that tree's)."""

    articles: list[Document]
    sides: tuple[Side, ...]
    writer: Writer


def _write_nth(index: int) -> WrittenArticle:
    """In a worker process: ``write_article`` of the ``index``-th article of its pool's share."""
    tasks, staging = workers.shared()
    document, sides, writer = tasks[index]
    return write_article(document, sides, staging, writer)


def write_batches(
    batches: list[Batch], staging: Path, jobs: int = 1
) -> Generator[WrittenArticle, None, None]:
    """``write_article`` of every batch's articles, batch after batch, in their order: in this
    process, or, from ``PARALLEL_FROM`` articles on, by ``jobs`` worker processes: one pool for
    every batch, so no worker waits for another batch to start and small batches are shared too."""
    total = sum(len(batch.articles) for batch in batches)
    if jobs <= 1 or total < PARALLEL_FROM:
        for batch in batches:
            for document in batch.articles:
                yield write_article(document, batch.sides, staging, batch.writer)
        return
    tasks = [
        (document, batch.sides, batch.writer) for batch in batches for document in batch.articles
    ]
    chunk = -(-total // (jobs * CHUNKS_PER_WORKER))
    with workers.pool(jobs, (tasks, staging)) as executor:
        yield from executor.map(_write_nth, range(total), chunksize=chunk)


def record_pages(
    results: Iterable[WrittenArticle], split: Split
) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """What the written articles ``results`` report, into ``split``: problems, warnings,
    missing media and xrefs, link rewrites, segments. The source's ``index.md`` is no article:
    its page is the top of the home page (``split.navigation``). Returns each article's title
    per site language (``{path: {code: title}}``) and the home page's top per site language."""
    tops: dict[str, str] = {}
    made: dict[str, dict[str, str]] = {}
    xrefs: dict[str, dict[str, list[SourceError]]] = {}
    made_before = set(split.articles)
    for article in results:
        if article.problem is not None:
            split.problems.append(article.problem)
            continue
        for page in article.pages:
            missing = [warning for warning in page.warnings if isinstance(warning, MissingMedia)]
            unknown = [warning for warning in page.warnings if isinstance(warning, MissingXref)]
            for warning in unknown:
                xrefs.setdefault(warning.uid, {}).setdefault(page.code, []).append(warning)
            split.add_warnings(
                warning
                for warning in page.warnings
                if warning not in missing and warning not in unknown
            )
            split.outside.update(page.outside)
            if missing:
                split.missing_media[page.code] = split.missing_media.get(page.code, 0) + len(
                    missing
                )
            if page.links:
                split.rewrites[f"{page.code}/{article.path}"] = list(page.links)
            made.setdefault(article.path, {})[page.code] = page.title
            if page.top is not None:
                tops[page.code] = page.top
        split.segments += article.segments
        reads = sorted({path for page in article.pages for path in page.reads})
        if reads:
            split.reads[article.path] = reads
        if article.path not in made_before:
            split.articles.append(article.path)
            made_before.add(article.path)
    for uid, by_language in xrefs.items():
        uses = max(len(found) for found in by_language.values())
        first = min((found[0] for found in by_language.values()), key=_place)
        if uid in split.missing_xrefs:
            uses = max(uses, split.missing_xrefs[uid][0])
            first = min(first, split.missing_xrefs[uid][1], key=_place)
        split.missing_xrefs[uid] = (uses, first)
    return made, tops


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


def _place(error: SourceError) -> tuple[str, int, int]:
    return (error.path, error.line, error.column)


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
    files, when read already (``source.files``)."""
    problems: list[SourceError] = []
    found: list[SourceFiles | None] = [None] * len(sources) if files is None else [*files]
    read = [read_tree(source, problems, own) for source, own in zip(sources, found, strict=True)]
    if default_if_present and default not in {tree.language.code for tree in read}:
        default = None
    trees = in_site_order(read, default)
    renamed = fold_case(trees, problems)
    choice = choose_english(trees)
    mark_behind(trees, choice)
    english = site_language(ENGLISH_CODE)
    split = Split(
        translation=trees[0].language,
        english=english,
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
    split.unused_includes = [
        path if len(trees) == 1 else f"{tree.source.name}/{path}"
        for tree in trees
        for path in unused_includes(tree.documents, tree.files.docset.root_of)
    ]
    docs.mkdir(parents=True, exist_ok=True)
    recover(docs)
    staging = staging_folder(docs)
    jobs = workers.jobs(jobs)
    try:
        titles: dict[str, dict[str, str]] = {}
        tops: dict[str, str] = {}
        outside: list[tuple[Writer, set[str]]] = []
        writers = []
        batches: list[list[Batch]] = []  # each tree's
        uid_problems: list[list[SourceError]] = []
        for index, tree in enumerate(trees):
            media = tree.files.paths(Kind.MEDIA)
            targets = [target for target in map(target_of, tree.documents) if target is not None]
            uid_problems.append([])
            uids = uid_map(targets, uid_problems[-1])
            writer = Writer.of(tree.source, tree.documents, media, uids=uids, files=tree.files)
            writers.append((writer, targets))
            own = ((tree.language, Language.TRANSLATION),)
            articles = [d for d in tree.documents if is_article(d)]
            mine = [d for d in articles if choice.source.get(d.path, index) == index]
            rest = [d for d in articles if choice.source.get(d.path, index) != index]
            parts = ((mine, (*own, (english, Language.ENGLISH))), (rest, own))
            batches.append([Batch(found, sides, writer) for found, sides in parts if found])
        every = [batch for own_batches in batches for batch in own_batches]
        total = sum(len(batch.articles) for batch in every)
        with closing(write_batches(every, staging, jobs)) as written:
            results = iter(progress.counted(written, "split: writing", total=total))
            reads: list[dict[str, list[str]]] = []  # each tree's
            for index in range(len(trees)):
                split.warnings += uid_problems[index]
                split.outside = set()
                split.reads = {}
                for batch in batches[index]:
                    made, top = record_pages(islice(results, len(batch.articles)), split)
                    for path, by_code in made.items():
                        titles.setdefault(path, {}).update(by_code)
                    tops.update(top)
                outside.append((writers[index][0], split.outside))
                reads.append(split.reads)
            assert next(results, None) is None  # every article recorded; the count's line ends
        split.outside = set().union(*(used for _, used in outside))
        split.reads = {path: read for found in reads for path, read in found.items()}
        redirects: dict[str, dict[str, object]] = {}
        tree_snaps: list[snapshot.Snapshot] = []  # a site of several trees: one per tree
        for index, tree in enumerate(trees):
            writer = writers[index][0]
            code = tree.language.code
            own_titles = {
                path: {c: t for c, t in by_code.items() if c in (code, ENGLISH_CODE)}
                for path, by_code in titles.items()
                if code in by_code or index == 0
            }
            own_tops = {c: top for c, top in tops.items() if c in (code, ENGLISH_CODE)}
            given = navigation_input(
                split, tree.documents, writer, own_titles, own_tops, tree.language
            )
            languages = None if index == 0 else {code}
            into = redirects if len(trees) > 1 else None
            report = write_navigation(tree.files, staging, given, write_new, languages, into)
            split.add_warnings(report.problems)
            writer_paths = list(writer.links.docset_paths) if writer.links is not None else []
            tree_snaps.append(
                snapshot.snapshot(
                    tree.source,
                    own_titles,
                    code,
                    writer_paths,
                    given,
                    report,
                    writers[index][1],
                    reads[index],
                )
            )
            if index == 0:
                split.navigation = report
                first_given = given
            else:
                assert split.navigation is not None
                split.navigation.unlinked.update(report.unlinked)
                split.navigation.pages += report.pages
        write_redirects_file(staging, redirects)
        for tree in trees:
            copy_media(tree.source, [staging / tree.language.code], split.warnings, tree.files)
        for tree in reversed(trees):  # English takes each media file from the first tree having it
            copied = staging / tree.language.code
            copy_media(tree.source, [staging / english.code], [], tree.files, copied)
        for (writer, used), tree in zip(outside, trees, strict=True):
            folders = [staging / tree.language.code, staging / english.code]
            copy_outside_media(writer.folder, used, folders)
        tags = {language.code: language.lang for language in split.languages if language.tag}
        codes = [language.code for language in split.languages]
        split.names = site_names(trees)
        swap_in(staging, docs, codes, split.names, tags)
        move_redirects(staging, docs)
        if len(trees) == 1:
            writer, xref_targets = writers[0]
            paths = list(writer.links.docset_paths) if writer.links is not None else []
            code = split.translation.code
            snapshot.save(
                docs,
                snapshot.snapshot(
                    trees[0].source,
                    titles,
                    code,
                    paths,
                    first_given,
                    split.navigation,
                    xref_targets,
                    split.reads,
                ),
            )
            (docs / snapshot.TREES).unlink(missing_ok=True)
        else:  # several trees: make serve redoes the articles changed (incremental_trees)
            (docs / snapshot.SNAPSHOT).unlink(missing_ok=True)
            snapshot.save_trees(docs, tree_snaps)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    write_links_audit(docs / LINKS_AUDIT, split.rewrites)
    return split


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
