"""The English on hover is the English page's text, on every shared docset.

For the first articles of each docset of ``../shared/corpus`` (the whole trees are ``make
audit``'s), both pages are written as the split writes them. Each hover span's ``data-en`` must
read, word for word, as one of the page's segments (its own, its includes') reads on the English
page: its English as
plain CommonMark reads it, with what the writer shows otherwise on purpose (a cross reference's
title, an include's text, no-loc text) from the English page's records; and those words must be
on the English page. A hover that drops an identifier's underscores, shows ``!INCLUDE[…]`` raw or
a cross reference's uid where the English page shows its title fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bilingual.checks.audit import page_body
from bilingual.checks.losses import page_words, segment_words, words
from bilingual.model import Document, Language
from bilingual.site.sanitize import sanitize_html
from bilingual.source.folder import is_article, read_documents
from bilingual.source.includes import included_paths
from bilingual.split.writer import Writer

DOCSETS = {
    "alchemy-lv-LV": ".",
    "alchemy-de-DE-sample": ".",
    "alchemy-ja-JP-sample": ".",
    "alchemy-zh-CN-sample": ".",
    "alchemy-th-TH-sample": ".",
    "alchemy-ko-KR-sample": ".",
    "alchemy-he-IL-sample": ".",
    "alchemy-ru-RU-sample": ".",
    "customer-insights-lv-LV": "ci-docs",
    "project-operations-lv-LV": "articles",
    "mixed-reality-ja-JP": "mixed-reality-docs",
    "office-js-ja-JP": "docs",
    "quantum-api-de-DE": "api",
}
"""Each shared docset and its ``SOURCE`` (the folder its ``docfx.json`` or articles are in)."""
ARTICLES = 30
"""Articles per docset: the first in path order, and the last (tests stay quick)."""


def segments_of(document: Document, writer: Writer, seen: set[str] | None = None) -> list[str]:
    """The English of ``document``'s segments and of those of everything it includes."""
    seen = seen if seen is not None else {document.path}
    found = [segment.english for segment in document.segments]
    for path in sorted(included_paths(document)):
        included = writer.folder.documents.get(path)
        if included is not None and path not in seen:
            seen.add(path)
            found += segments_of(included, writer, seen)
    return found


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(DOCSETS))
def test_hover_is_the_english_pages_text(corpus: Path, name: str) -> None:
    source = corpus / name / DOCSETS[name]
    documents = read_documents(source, [])
    media = [p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file()]
    writer = Writer.of(source, documents, media)
    articles = sorted(d.path for d in documents if is_article(d) and d.segments)
    chosen = articles[: ARTICLES // 2] + articles[-ARTICLES // 2 :]
    wrong: list[tuple[str, str]] = []
    hovers = 0
    for path in dict.fromkeys(chosen):
        document = writer.folder.documents[path]
        pages = writer.pages(document, (Language.TRANSLATION, Language.ENGLISH))
        english = pages[Language.ENGLISH]
        on_page = page_words(sanitize_html(page_body(english.markdown)))
        readings = {segment_words(text, english.links) for text in segments_of(document, writer)}
        soup = BeautifulSoup(page_body(pages[Language.TRANSLATION].markdown), "html.parser")
        for span in soup.select("span.sxs"):
            hovers += 1
            said = words(str(span["data-en"]))
            if said in readings:
                if said not in on_page:
                    wrong.append((path, f"not on the English page: {said}"))
            else:
                wrong.append((path, f"no segment reads so: {span['data-en']}"))
    assert wrong == []
    assert hovers > ARTICLES
