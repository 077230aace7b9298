"""Golden pairs: a bilingual source -> the expected page of each language (reviewed by hand).

Each folder of ``tests/fixtures/split`` holds ``source.md`` (or uses the project's seed) or a
``source/`` folder (one article, its includes and media), ``lv.html`` and ``en.html``: each
page as MkDocs is given it, its front matter over its HTML. A failure prints a unified diff;
``pytest --update-golden`` rewrites them.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from bilingual.checks.audit import page_body
from bilingual.model import Language, inline_text
from bilingual.pages.page import render_page
from bilingual.pages.titles import heading_title
from bilingual.source.folder import is_article, read_documents
from bilingual.source.parse import parse
from bilingual.split.writer import Writer
from bilingual_text import article, pair
from conftest import FIXTURES, SEED_ARTICLE, SEED_SOURCE
from golden import check
from writer import write

CASES = sorted(path for path in (FIXTURES / "split").iterdir() if path.is_dir())


def source_of(case: Path) -> Path:
    own = case / "source.md"
    return own if own.exists() else SEED_SOURCE / f"{SEED_ARTICLE}.md"


def pages_of(case: Path) -> dict[str, str]:
    """The case's article's pages (``lv``, ``en``); a ``source/`` folder gives includes and media."""
    folder = case / "source"
    if not folder.is_dir():
        with tempfile.TemporaryDirectory() as scratch:
            root = Path(scratch)
            (root / "source.md").write_bytes(source_of(case).read_bytes())
            return pages_in(root)
    return pages_in(folder)


def pages_in(folder: Path) -> dict[str, str]:
    documents = read_documents(folder, [])
    media = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
    writer = Writer.of(folder, documents, media)
    (document,) = [document for document in documents if is_article(document)]
    pages = writer.pages(document, (Language.TRANSLATION, Language.ENGLISH))
    return {"lv": pages[Language.TRANSLATION].markdown, "en": pages[Language.ENGLISH].markdown}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
@pytest.mark.parametrize("name", ["lv", "en"])
def test_golden_page(case: Path, name: str, update_golden: bool) -> None:
    check(case / f"{name}.html", pages_of(case)[name], update_golden)


def test_titles_per_language() -> None:
    document = parse((SEED_SOURCE / f"{SEED_ARTICLE}.md").read_text(encoding="utf-8"))
    assert (
        render_page(document, Language.TRANSLATION).title
        == "Plūsmas autentifikācijas kļūdu novēršana"
    )
    assert (
        render_page(document, Language.ENGLISH).title == "Troubleshoot Flow authentication errors"
    )


def test_heading_title_drops_anchors_and_emphasis() -> None:
    assert heading_title('intro\n# <a name="x"></a>**Bold** title\n') == "Bold title"
    assert heading_title("no heading\n## second level\n") is None


def test_headings_keep_their_english_ids_on_the_translation_page() -> None:
    text = article(
        "# " + pair("h-1", "Virsraksts", "Title") + "\n\n"
        '## <a name="own"></a>' + pair("h-2", "Sadaļa", "Section") + "\n\n"
        "```\n# " + pair("h-3", "Kods", "Code") + "\n```\n\n"
        "## " + pair("h-4", "Otrā daļa", "Second part") + "\n"
    )
    pages = write(text)
    for page in (pages.lv, pages.en):
        assert '<h1 id="title">' in page
        assert '<h2 id="own">' in page  # DocFX's HeadingIdRewriter: the anchor is the id
        assert '<h2 id="second-part">' in page
        assert "<a name=" not in page


def test_a_translated_heading_without_an_english_page_gets_its_own_id() -> None:
    document = parse(article("# " + pair("h-1", "Otrā daļa", "Second part") + "\n"), "a.md")
    page = page_body(render_page(document, Language.TRANSLATION).markdown)
    assert '<h1 id="otrā-daļa">' in page


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\n            **[Rule]** text", " **[Rule]** text"),
        ("  \r\n\t text", " text"),
        ("text\n   more", "text\n   more"),
        ("  text", "  text"),
        ("", ""),
    ],
)
def test_a_segment_is_inline_so_a_leading_line_break_is_a_space(text: str, shown: str) -> None:
    assert inline_text(text) == shown
