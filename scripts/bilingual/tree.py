"""A folder of bilingual sources -> a folder of pages, one subfolder per site language.

``split_tree`` reads every ``*.md`` under the source folder, parses it, and writes
``<docs>/<code>/<path>.md`` for the translation and ``<docs>/en/<path>.md`` for English, plus a
home page per language: the index of every article (``home``), under the source's own
``index.md`` when it has one. Media files are copied once (``media``). Pages are written to a
staging folder and swapped in, so an interrupted run leaves the previous pages intact and pages
of deleted sources disappear.

Each article is written by ``write_article``; from ``PARALLEL_FROM`` articles on, and when more
than one job is allowed (``workers.jobs``), articles go to worker processes in chunks, the
tree's shared state (documents, ``Writer``) handed to each worker once when it starts. Their
results are merged in the articles' order, so reports, manifests and pages are those of a
one-process run.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import home, progress, sources, workers
from .docfx import included_paths
from .errors import BilingualError, SourceError
from .links import ENGLISH_LOCALE, LinkContext, Rewrite, learn_locale
from .locales import ENGLISH_CODE, SiteLanguage, site_code, site_language
from .media import copy_media, media_files
from .model import Document, Language
from .parse import decode, parse
from .render import Page, render_page
from .resolve import SourceFolder
from .toc import TocEntry, read_toc

MANIFEST = ".pages.json"
INCLUDES = "includes"
LINKS_AUDIT = ".links.json"
PARALLEL_FROM = 200
"""Articles from which worker processes write the pages (below, starting them costs more)."""
CHUNKS_PER_WORKER = 8
"""Chunks of articles per worker: few enough to keep messages rare, enough to even out the load."""


@dataclass(slots=True)
class Split:
    """What ``split_tree`` made of a source folder."""

    translation: SiteLanguage
    """The translation's site language (the site's default, at its root)."""
    english: SiteLanguage
    """English, under ``/en/``."""
    articles: list[str] = field(default_factory=list)
    """Source paths (relative, ``/``-separated) written as pages."""
    segments: int = 0
    """Segments in the written articles."""
    problems: list[SourceError] = field(default_factory=list)
    """Sources skipped because they are malformed."""
    notices: list[SourceError] = field(default_factory=list)
    """Malformed markup read around without loss (the source was written; strict mode fails)."""
    rewrites: dict[str, list[Rewrite]] = field(default_factory=dict)
    """Links the writer changed, by page (``<code>/<path>``), each with its original target."""
    unused_includes: list[str] = field(default_factory=list)
    """Files under ``includes/`` whose name no article mentions: on no page of the site."""

    @property
    def languages(self) -> tuple[SiteLanguage, SiteLanguage]:
        return (self.translation, self.english)


class NoLocaleError(BilingualError):
    """No source names its translation's locale."""


def source_files(source: Path) -> Iterator[Path]:
    """The markdown sources under ``source``, in a stable order (hidden folders skipped)."""
    for path in sorted(source.rglob("*.md")):
        relative = path.relative_to(source)
        if not any(part.startswith(".") for part in relative.parts):
            yield path


def read_documents(source: Path, problems: list[SourceError]) -> list[Document]:
    """Parse every source; malformed ones are added to ``problems`` and left out."""
    documents = []
    for path in progress.counted(list(source_files(source)), "split: reading"):
        relative = path.relative_to(source).as_posix()
        try:
            documents.append(parse(decode(path.read_bytes(), relative), relative))
        except SourceError as error:
            problems.append(error)
    return documents


def translation_code(documents: list[Document]) -> str:
    """The most common ``ms.contentlocale`` of the documents, as a site code."""
    counts = Counter(site_code(doc.content_locale) for doc in documents if doc.content_locale)
    if not counts:
        raise NoLocaleError(
            "no source names its locale; expected 'ms.contentlocale: ll-CC' in the front matter"
        )
    return counts.most_common(1)[0][0]


def home_page(
    language: SiteLanguage,
    titles: list[tuple[str, str]],
    top: str | None = None,
    toc: list[TocEntry] | None = None,
) -> str:
    """The home page of one language: the source's ``index.md`` page (``top``) or a generated
    heading, then the index of the articles (title, page path) -- see ``home``."""
    entries = [home.IndexEntry(title, path) for title, path in titles]
    return home.home_markdown(language.code, top, entries, toc or [])


def is_article(document: Document) -> bool:
    """Articles become pages; files under an ``includes/`` folder are fragments of others."""
    return INCLUDES not in document.path.split("/")[:-1]


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
    def of(cls, source: Path, documents: list[Document], media: list[str]) -> Writer:
        articles = [document.path for document in documents if is_article(document)]
        return cls(
            SourceFolder({document.path: document for document in documents}, source),
            LinkContext.of(articles, ENGLISH_LOCALE, media),
        )

    def page(self, document: Document, language: Language) -> Page:
        """The page of ``document`` in ``language``: includes, media and links resolved."""
        resolver = self.folder.for_page(document, language)
        return render_page(document, language, resolver, page_links(self.links, document, language))


def unused_includes(documents: list[Document]) -> list[str]:
    """The includes that no article includes (``[!INCLUDE[…](path)]``)."""
    included: set[str] = set()
    for document in documents:
        if is_article(document):
            included |= included_paths(document)
    return sorted(doc.path for doc in documents if not is_article(doc) and doc.path not in included)


Side = tuple[SiteLanguage, Language]
"""A site language and the side of the documents written in it."""


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


@dataclass(frozen=True, slots=True)
class WrittenArticle:
    """What ``write_article`` did with one article: its pages, or the error that skipped it."""

    path: str
    segments: int
    pages: tuple[WrittenPage, ...] = ()
    problem: SourceError | None = None


def write_article(
    document: Document, sides: tuple[Side, ...], staging: Path, writer: Writer
) -> WrittenArticle:
    """Write the pages of one article under ``staging`` (``<code>/<path>``), one per side; a
    malformed article writes nothing and comes back with its error."""
    try:
        pages = [(site_lang, writer.page(document, language)) for site_lang, language in sides]
    except SourceError as error:
        return WrittenArticle(document.path, len(document.segments), problem=error)
    written = []
    for site_lang, page in pages:
        if document.path == home.HOME:
            written.append(WrittenPage(site_lang.code, page.title, page.links, page.markdown))
            continue
        target = staging / site_lang.code / document.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8", newline="")
        written.append(WrittenPage(site_lang.code, page.title, page.links))
    return WrittenArticle(document.path, len(document.segments), tuple(written))


def _write_nth(index: int) -> WrittenArticle:
    """In a worker process: ``write_article`` of the ``index``-th article of its pool's share."""
    articles, sides, staging, writer = workers.shared()
    return write_article(articles[index], sides, staging, writer)


def write_articles(
    articles: list[Document],
    sides: tuple[Side, ...],
    staging: Path,
    writer: Writer,
    jobs: int = 1,
) -> Iterator[WrittenArticle]:
    """``write_article`` of every article, in their order: in this process, or, from
    ``PARALLEL_FROM`` articles on, by ``jobs`` worker processes."""
    if jobs <= 1 or len(articles) < PARALLEL_FROM:
        for document in articles:
            yield write_article(document, sides, staging, writer)
        return
    chunk = -(-len(articles) // (jobs * CHUNKS_PER_WORKER))
    with workers.pool(jobs, (articles, sides, staging, writer)) as executor:
        yield from executor.map(_write_nth, range(len(articles)), chunksize=chunk)


def write_pages(
    documents: list[Document],
    split: Split,
    staging: Path,
    writer: Writer | None = None,
    toc: list[TocEntry] | None = None,
    jobs: int = 1,
) -> dict[str, dict[str, str]]:
    """Write every article's page in both languages, and the home pages, under ``staging``.

    The source's ``index.md`` is the top of the home page, above the index of every article.
    ``jobs`` > 1 lets that many worker processes write the articles' pages (see
    ``write_articles``). Returns each article's title per site language (``{path: {code: title}}``)."""
    sides = ((split.translation, Language.TRANSLATION), (split.english, Language.ENGLISH))
    titles: dict[str, list[tuple[str, str]]] = {lang.code: [] for lang, _ in sides}
    tops: dict[str, str] = {}
    made: dict[str, dict[str, str]] = {}
    if writer is None:
        writer = Writer(SourceFolder({document.path: document for document in documents}))
    articles = [document for document in documents if is_article(document)]
    results = write_articles(articles, sides, staging, writer, jobs)
    for article in progress.counted(results, "split: writing", total=len(articles)):
        if article.problem is not None:
            split.problems.append(article.problem)
            continue
        for page in article.pages:
            if page.links:
                split.rewrites[f"{page.code}/{article.path}"] = list(page.links)
            titles[page.code].append((page.title, article.path))
            made.setdefault(article.path, {})[page.code] = page.title
            if page.top is not None:
                tops[page.code] = page.top
        split.articles.append(article.path)
        split.segments += article.segments
    for site_lang, _ in sides:
        index = staging / site_lang.code / home.HOME
        index.parent.mkdir(parents=True, exist_ok=True)
        text = home_page(site_lang, titles[site_lang.code], tops.get(site_lang.code), toc)
        index.write_text(text, encoding="utf-8", newline="")
    return made


def swap_in(staging: Path, docs: Path, codes: list[str]) -> None:
    """Replace the language folders of ``docs`` by those in ``staging``; drop stale ones."""
    manifest = docs / MANIFEST
    previous: list[str] = []
    if manifest.exists():
        previous = json.loads(manifest.read_text(encoding="utf-8")).get("languages", [])
    for code in [*codes, *(c for c in previous if c not in codes)]:
        target = docs / code
        old = docs / f".old-{code}"
        if old.exists():
            shutil.rmtree(old)
        if target.exists():
            os.replace(target, old)
        if code in codes:
            os.replace(staging / code, target)
        if old.exists():
            shutil.rmtree(old)
    manifest.write_text(json.dumps({"languages": codes}) + "\n", encoding="utf-8")


def recover(docs: Path) -> None:
    """Undo what an interrupted run left in ``docs``: a language folder caught between the two
    renames of ``swap_in`` is put back, and staging folders of dead runs are removed."""
    for old in docs.glob(".old-*"):
        target = docs / old.name.removeprefix(".old-")
        if target.exists():
            shutil.rmtree(old)
        else:
            os.replace(old, target)
    for staging in docs.glob(".staging-*"):
        pid = staging.name.removeprefix(".staging-")
        if not (pid.isdigit() and workers.alive(int(pid))):
            shutil.rmtree(staging, ignore_errors=True)


def split_tree(source: Path, docs: Path, *, jobs: int | None = None) -> Split:
    """Split every bilingual source under ``source`` into pages under ``docs``.

    ``jobs``: processes writing pages at once (``None``: ``workers.jobs()``; 1: this process)."""
    problems: list[SourceError] = []
    documents = read_documents(source, problems)
    split = Split(
        translation=site_language(translation_code(documents)),
        english=site_language(ENGLISH_CODE),
        problems=problems,
        notices=[notice for document in documents for notice in document.notices],
    )
    toc = read_toc(source, problems)
    split.unused_includes = unused_includes(documents)
    docs.mkdir(parents=True, exist_ok=True)
    recover(docs)
    staging = docs / f".staging-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    media = [path.relative_to(source).as_posix() for path in media_files(source, [])]
    writer = Writer.of(source, documents, media)
    try:
        titles = write_pages(documents, split, staging, writer, toc, workers.jobs(jobs))
        copy_media(source, [staging / lang.code for lang in split.languages], split.problems)
        swap_in(staging, docs, [lang.code for lang in split.languages])
        sources.save(docs, sources.snapshot(source, titles, split))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    write_links_audit(docs / LINKS_AUDIT, split.rewrites)
    return split


def write_links_audit(path: Path, rewrites: dict[str, list[Rewrite]]) -> None:
    """Every changed link by page, with its original target and the rule that changed it."""
    audit = {
        page: [{"original": r.original, "target": r.target, "rule": r.rule} for r in changed]
        for page, changed in sorted(rewrites.items())
    }
    path.write_text(json.dumps(audit, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
