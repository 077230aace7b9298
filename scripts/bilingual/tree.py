"""A folder of bilingual sources -> a folder of pages, one subfolder per site language.

``split_tree`` reads every ``*.md`` under the source folder, parses it, and writes
``<docs>/<code>/<path>.md`` for the translation and ``<docs>/en/<path>.md`` for English, plus a
home page per language: the index of every article (``home``), under the source's own
``index.md`` when it has one. Media files are copied once (``media``). Pages are written to a
staging folder and swapped in, so an interrupted run leaves the previous pages intact and pages
of deleted sources disappear.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import home, media, progress, sources
from .errors import BilingualError, SourceError
from .locales import ENGLISH_CODE, SiteLanguage, site_code, site_language
from .model import Document, Language
from .parse import decode, parse
from .render import render_page, render_source
from .toc import TocEntry, read_toc

MANIFEST = ".pages.json"
INCLUDES = "includes"


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


def unused_includes(documents: list[Document]) -> list[str]:
    """The includes that no article names (an ``[!INCLUDE[…](…)]`` names its file)."""
    unnamed = {doc.path: doc.path.rsplit("/", 1)[-1] for doc in documents if not is_article(doc)}
    for document in documents:
        if not unnamed:
            break
        if is_article(document):
            text = render_source(document)
            unnamed = {path: name for path, name in unnamed.items() if name not in text}
    return sorted(unnamed)


def write_pages(
    documents: list[Document], split: Split, staging: Path, toc: list[TocEntry] | None = None
) -> dict[str, dict[str, str]]:
    """Write every article's page in both languages, and the home pages, under ``staging``.

    The source's ``index.md`` is the top of the home page, above the index of every article.
    Returns each article's title per site language (``{path: {code: title}}``)."""
    sides = ((split.translation, Language.TRANSLATION), (split.english, Language.ENGLISH))
    titles: dict[str, list[tuple[str, str]]] = {lang.code: [] for lang, _ in sides}
    tops: dict[str, str] = {}
    made: dict[str, dict[str, str]] = {}
    for document in progress.counted(documents, "split: writing"):
        if not is_article(document):
            continue
        for site_lang, language in sides:
            page = render_page(document, language)
            titles[site_lang.code].append((page.title, document.path))
            made.setdefault(document.path, {})[site_lang.code] = page.title
            if document.path == home.HOME:
                tops[site_lang.code] = page.markdown
                continue
            target = staging / site_lang.code / document.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8", newline="")
        split.articles.append(document.path)
        split.segments += len(document.segments)
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


def split_tree(source: Path, docs: Path) -> Split:
    """Split every bilingual source under ``source`` into pages under ``docs``."""
    problems: list[SourceError] = []
    documents = read_documents(source, problems)
    split = Split(
        translation=site_language(translation_code(documents)),
        english=site_language(ENGLISH_CODE),
        problems=problems,
    )
    toc = read_toc(source, problems)
    split.unused_includes = unused_includes(documents)
    docs.mkdir(parents=True, exist_ok=True)
    staging = docs / f".staging-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    try:
        titles = write_pages(documents, split, staging, toc)
        media.copy_media(source, staging / split.translation.code)
        swap_in(staging, docs, [lang.code for lang in split.languages])
        sources.save(docs, sources.snapshot(source, titles, split))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return split
