"""Block parity: does each built page have the block structure CommonMark gives its source?

For every article and language, the *reference* is markdown-it-py's CommonMark (plus tables)
rendering of the page's source text in that language — the body with its segments in that
language, its includes in, and DocFX's constructs reduced to CommonMark by rules of their own
(``reference``, independent of the page writer). The *built* side is the ``<article>`` of the
page MkDocs wrote.
Both are reduced to a block skeleton (``skeleton``); a page is equal when the skeletons are.
Material writes the page title as an ``h1`` when the markdown has none; that ``h1`` is left out
when the reference has no ``h1``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt

from bilingual.checks.reference import reference_text
from bilingual.checks.skeleton import Node, skeleton
from bilingual.errors import SourceError
from bilingual.locales import ENGLISH_CODE
from bilingual.model import Document, Language
from bilingual.pages import home
from bilingual.pages.resolver import SourceFolder
from bilingual.pages.tree.parser import markdig_tables
from bilingual.site.sanitize import sanitize_html
from bilingual.source.folder import is_article
from bilingual.split.trees import choose_english, fold_case, in_site_order, read_tree

THRESHOLD = 99.5
CONTEXT = 50


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A page whose built skeleton differs from its reference."""

    article: str
    code: str
    reference: str
    built: str

    def __str__(self) -> str:
        at = next(
            (i for i, (a, b) in enumerate(zip(self.reference, self.built, strict=False)) if a != b),
            min(len(self.reference), len(self.built)),
        )
        start = max(0, at - CONTEXT)
        return (
            f"{self.article} [{self.code}]: at {at}: "
            f"reference …{self.reference[start : at + CONTEXT]}… "
            f"built …{self.built[start : at + CONTEXT]}…"
        )


@dataclass(slots=True)
class Report:
    """Pages compared and equal, per site language, and the mismatches."""

    pages: dict[str, int] = field(default_factory=dict)
    equal: dict[str, int] = field(default_factory=dict)
    mismatches: list[Mismatch] = field(default_factory=list)
    problems: list[SourceError] = field(default_factory=list)

    def percent(self, code: str) -> float:
        pages = self.pages.get(code, 0)
        return round(100.0 * self.equal.get(code, 0) / pages, 2) if pages else 100.0

    def passed(self) -> bool:
        return all(self.percent(code) >= THRESHOLD for code in self.pages)

    def summary(self) -> str:
        """The one JSON line: percentage of equal pages per language, and the counts."""
        return json.dumps(
            {
                "parity": {code: self.percent(code) for code in self.pages},
                "pages": self.pages,
                "equal": self.equal,
                "threshold": THRESHOLD,
            },
            ensure_ascii=False,
        )


@functools.cache
def commonmark() -> MarkdownIt:
    """The reference parser: CommonMark plus pipe tables as Markdig reads them (the sources'
    dialect; the table grammar is the page writer's, ``markdig_tables``); built once."""
    md = MarkdownIt("commonmark").enable("table")
    markdig_tables(md)
    return md


def reference_markdown(document: Document, language: Language, folder: SourceFolder) -> str:
    """The page's source text in ``language``, DocFX's constructs reduced (``reference``)."""
    return reference_text(document, language, folder)


def reference_skeleton(markdown: str) -> Node:
    """The skeleton of markdown-it-py's CommonMark rendering of ``markdown``, its raw HTML as a
    browser builds it (the site's sanitizer parses it as HTML5 does, as it parses a page:
    ``<li>a<li>b`` is two items)."""
    return skeleton(sanitize_html(commonmark().render(markdown)), reference=True)


def built_skeleton(html: str, reference: Node) -> Node:
    """The skeleton of a built page's article; Material's own title ``h1`` dropped if unmeant."""
    start = html.find('<article class="md-content__inner')
    end = html.rfind("</article>")
    if 0 <= start < end:  # pages carry the whole navigation: parse only their article
        html = html[start : end + len("</article>")]
    built = skeleton(html, article_only=True)
    if (
        built.children
        and built.children[0].name == "h1"
        and not any(child.name == "h1" for child in reference.children)
    ):
        built.children = built.children[1:]
    return built


def page_file(site: Path, code: str, default: str, article: str) -> Path:
    """Where MkDocs wrote the page of ``article`` (a source path) in site language ``code``."""
    root = site if code == default else site / code
    stem = article.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return root / stem.removesuffix("index") / "index.html"
    return root / stem / "index.html"


def compare(sources: Path | Sequence[Path], site: Path, default: str | None = None) -> Report:
    """Compare every article of the source trees with its pages in the built ``site``: each
    tree's translation pages, and the English pages of the articles whose English the site takes
    from that tree (``split.trees.choose_english``)."""
    report = Report()
    trees = [
        read_tree(source, report.problems)
        for source in ([sources] if isinstance(sources, Path) else sources)
    ]
    trees = in_site_order(trees, default)
    fold_case(trees, report.problems)
    choice = choose_english(trees)
    first = trees[0].language.code
    for index, tree in enumerate(trees):
        documents = tree.documents
        folder = SourceFolder.at({document.path: document for document in documents}, tree.source)
        for document in documents:
            if not is_article(document):
                continue
            sides = [(tree.language.code, Language.TRANSLATION)]
            if choice.source.get(document.path) == index:
                sides.append((ENGLISH_CODE, Language.ENGLISH))
            for code, language in sides:
                _compare_page(report, site, first, document, code, language, folder)
    return report


def _compare_page(
    report: Report,
    site: Path,
    default: str,
    document: Document,
    code: str,
    language: Language,
    folder: SourceFolder,
) -> None:
    try:
        reference = reference_skeleton(reference_markdown(document, language, folder))
    except SourceError as error:
        report.problems.append(error)
        return
    built_file = page_file(site, code, default, document.path)
    html = built_file.read_text(encoding="utf-8") if built_file.is_file() else ""
    built = built_skeleton(html, reference)
    if document.path == home.HOME:  # the home page is the source's index.md, then the
        built.children = built.children[: len(reference.children)]  # generated index
    report.pages[code] = report.pages.get(code, 0) + 1
    if str(built) == str(reference):
        report.equal[code] = report.equal.get(code, 0) + 1
    else:
        report.equal.setdefault(code, 0)
        report.mismatches.append(
            Mismatch(document.path, code, str(reference), str(built) if html else "")
        )
