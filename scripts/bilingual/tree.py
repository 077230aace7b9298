"""A folder of bilingual sources -> a folder of pages, one subfolder per site language.

``split_tree`` reads every ``*.md`` under the source folder, parses it, and writes
``<docs>/<code>/<path>.md`` for the translation and ``<docs>/en/<path>.md`` for English, plus a
home page per language when the source has no ``index.md``. Pages are written to a staging folder
and swapped in, so an interrupted run leaves the previous pages intact and pages of deleted
sources disappear.
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

from . import ui
from .errors import BilingualError, SourceError
from .links import ENGLISH_LOCALE, LinkContext, Rewrite, learn_locale
from .locales import ENGLISH_CODE, SiteLanguage, site_code, site_language
from .media import copy_media, media_files
from .model import Document, Language
from .parse import decode, parse
from .render import render_page
from .resolve import SourceFolder

MANIFEST = ".pages.json"
INCLUDES = "includes"
LINKS_AUDIT = ".links.json"


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
    for path in source_files(source):
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


def home_page(language: SiteLanguage, titles: list[tuple[str, str]]) -> str:
    """A home page listing the articles (title, page path) of one language, A to Z."""
    title = ui.text(language.code, "home_title")
    lines = [f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n", f"# {title}\n"]
    lines.append(f"{ui.text(language.code, 'home_intro')}\n")
    for article_title, path in sorted(titles, key=lambda item: item[0].casefold()):
        lines.append(f"- [{article_title}]({path})")
    return "\n".join(lines) + "\n"


def is_article(document: Document) -> bool:
    """Articles become pages; files under ``includes/`` are fragments of other articles."""
    return document.path.split("/", 1)[0] != INCLUDES


def page_links(
    links: LinkContext | None, document: Document, language: Language
) -> LinkContext | None:
    """The link context of one page: the tree's, in the page's locale."""
    if links is None:
        return None
    if language is Language.ENGLISH:
        return dataclasses.replace(links, locale=ENGLISH_LOCALE)
    return dataclasses.replace(links, locale=learn_locale(document.content_locale))


def write_pages(
    documents: list[Document],
    split: Split,
    staging: Path,
    root: Path | None = None,
    links: LinkContext | None = None,
) -> None:
    """Write every article's page in both languages, and the home pages, under ``staging``."""
    sides = ((split.translation, Language.TRANSLATION), (split.english, Language.ENGLISH))
    titles: dict[str, list[tuple[str, str]]] = {lang.code: [] for lang, _ in sides}
    folder = SourceFolder({document.path: document for document in documents}, root)
    for document in documents:
        if not is_article(document):
            continue
        try:
            pages = [
                (
                    site_lang,
                    render_page(
                        document,
                        language,
                        folder.for_page(document, language),
                        page_links(links, document, language),
                    ),
                )
                for site_lang, language in sides
            ]
        except SourceError as error:
            split.problems.append(error)
            continue
        for site_lang, page in pages:
            if page.links:
                split.rewrites[f"{site_lang.code}/{document.path}"] = list(page.links)
            target = staging / site_lang.code / document.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8", newline="")
            titles[site_lang.code].append((page.title, document.path))
        split.articles.append(document.path)
        split.segments += len(document.segments)
    for site_lang, _ in sides:
        index = staging / site_lang.code / "index.md"
        index.parent.mkdir(parents=True, exist_ok=True)
        if not index.exists():
            index.write_text(home_page(site_lang, titles[site_lang.code]), encoding="utf-8")


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


def _running(pid: int) -> bool:
    """Whether process ``pid`` is alive (signal 0 checks without sending anything)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # alive, owned by someone else
    return True


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
        if not (pid.isdigit() and _running(int(pid))):
            shutil.rmtree(staging, ignore_errors=True)


def split_tree(source: Path, docs: Path) -> Split:
    """Split every bilingual source under ``source`` into pages under ``docs``."""
    problems: list[SourceError] = []
    documents = read_documents(source, problems)
    split = Split(
        translation=site_language(translation_code(documents)),
        english=site_language(ENGLISH_CODE),
        problems=problems,
        notices=[notice for document in documents for notice in document.notices],
    )
    docs.mkdir(parents=True, exist_ok=True)
    recover(docs)
    staging = docs / f".staging-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    media = [path.relative_to(source).as_posix() for path in media_files(source, [])]
    articles = [document.path for document in documents if is_article(document)]
    links = LinkContext.of(articles, ENGLISH_LOCALE, media)
    try:
        write_pages(documents, split, staging, source, links)
        copy_media(source, [staging / lang.code for lang in split.languages], split.problems)
        swap_in(staging, docs, [lang.code for lang in split.languages])
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
