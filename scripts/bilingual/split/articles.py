"""The articles of a full split written: each tree's page writer, its articles in batches, the
pages written (in this process or by worker processes) and what each reports recorded.

Each article is written by ``write_article``; from ``PARALLEL_FROM`` articles on, and when more
than one job is allowed (``workers.jobs``), the articles of every tree go to one pool of worker
processes in chunks (``write_batches``), the trees' shared state (documents, ``Writer``s)
handed to each worker once when it starts. Their results are recorded in the articles' order,
tree by tree (``write_articles``), so reports, manifests and pages are those of a one-process
run.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable
from contextlib import closing
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from bilingual.errors import SourceError
from bilingual.locales import SiteLanguage
from bilingual.model import Document, Language
from bilingual.pages.docfx.context import XrefTarget
from bilingual.pages.resolver import MissingMedia, MissingXref
from bilingual.pages.uids import target_of, uid_map
from bilingual.source.files import Kind
from bilingual.source.folder import is_article
from bilingual.split import progress, workers
from bilingual.split.report import Split
from bilingual.split.trees import EnglishChoice, Tree
from bilingual.split.writer import Side, Writer, WrittenArticle, write_article

PARALLEL_FROM = 200
"""Articles from which worker processes write the pages (below, starting them costs more)."""
CHUNKS_PER_WORKER = 8
"""Chunks of articles per worker: few enough to keep messages rare, enough to even out the load."""


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


@dataclass(slots=True)
class TreeWriter:
    """One tree's part of a full split: its page writer, its articles in batches, and what
    writing them told."""

    tree: Tree
    writer: Writer
    targets: list[XrefTarget]
    """Its articles with a uid (``uids.target_of``): the cross reference map's source."""
    uid_problems: list[SourceError]
    """Uids two of its articles define."""
    batches: list[Batch]
    outside: set[str] = field(default_factory=set)
    """Repository media outside ``SOURCE`` its pages show."""
    reads: dict[str, list[str]] = field(default_factory=dict)
    """Each of its articles' includes and code files."""


def tree_writers(
    trees: list[Tree], choice: EnglishChoice, english: SiteLanguage
) -> list[TreeWriter]:
    """Each tree's page writer and its articles in batches: those whose English page it writes
    (``choice``), in its translation and English, the others in its translation alone."""
    found = []
    for index, tree in enumerate(trees):
        media = tree.files.paths(Kind.MEDIA)
        targets = [target for target in map(target_of, tree.documents) if target is not None]
        uid_problems: list[SourceError] = []
        uids = uid_map(targets, uid_problems)
        writer = Writer.of(tree.source, tree.documents, media, uids=uids, files=tree.files)
        own = ((tree.language, Language.TRANSLATION),)
        articles = [d for d in tree.documents if is_article(d)]
        mine = [d for d in articles if choice.source.get(d.path, index) == index]
        rest = [d for d in articles if choice.source.get(d.path, index) != index]
        parts = ((mine, (*own, (english, Language.ENGLISH))), (rest, own))
        batches = [Batch(found, sides, writer) for found, sides in parts if found]
        found.append(TreeWriter(tree, writer, targets, uid_problems, batches))
    return found


def write_articles(
    writers: list[TreeWriter], split: Split, staging: Path, jobs: int
) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """Every article of every tree written into ``staging`` (by ``jobs`` processes), what each
    page reports recorded into ``split`` tree by tree, in the trees' order; each article's title
    per site language (``{path: {code: title}}``) and the home page's top per site language."""
    titles: dict[str, dict[str, str]] = {}
    tops: dict[str, str] = {}
    every = [batch for part in writers for batch in part.batches]
    total = sum(len(batch.articles) for batch in every)
    with closing(write_batches(every, staging, jobs)) as written:
        results = iter(progress.counted(written, "split: writing", total=total))
        for part in writers:
            split.warnings += part.uid_problems
            split.outside = set()
            split.reads = {}
            for batch in part.batches:
                made, top = record_pages(islice(results, len(batch.articles)), split)
                for path, by_code in made.items():
                    titles.setdefault(path, {}).update(by_code)
                tops.update(top)
            part.outside, part.reads = split.outside, split.reads
        assert next(results, None) is None  # every article recorded; the count's line ends
    split.outside = set().union(*(part.outside for part in writers))
    split.reads = {path: read for part in writers for path, read in part.reads.items()}
    return titles, tops


def _place(error: SourceError) -> tuple[str, int, int]:
    return (error.path, error.line, error.column)
