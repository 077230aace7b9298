"""The translation page's segments carry their English as safe plain text."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bilingual.model import Language
from bilingual.pages.hover import attribute_value, hover_body, plain_text, unwrap_in_code
from bilingual.source.parse import parse
from bilingual_text import pair
from conftest import SEED_ARTICLE


def translation_body(source: str) -> str:
    document = parse(source, "case.md")
    return hover_body(document, Language.TRANSLATION, "")


def test_plain_text_drops_markup() -> None:
    english = "Click **Connections**, see [help](https://x.example/) and <b>this</b> &amp; `code`."
    assert plain_text(english) == "Click Connections, see help and this & code."


HOSTILE = '"><script>alert(1)</script><img src=x onerror=alert(2)> | *a* _b_ `c` [d](e)'


def test_attribute_value_cannot_leave_the_attribute_or_start_markup() -> None:
    value = attribute_value(HOSTILE)
    for char in "<>\"'`|*_[]()":
        assert char not in value
    assert html.unescape(value) == HOSTILE


def test_hostile_english_stays_text_in_the_built_markup() -> None:
    body = translation_body(pair("x-1", "Teikums.", "&quot;&gt;&lt;script&gt;x&lt;/script&gt;"))
    soup = BeautifulSoup(body, "html.parser")
    span = soup.select_one("span.sxs")
    assert span is not None
    assert span["data-en"] == '"><script>x</script>'
    assert soup.find("script") is None


@pytest.mark.parametrize(
    "source",
    [
        "```text\n" + pair("c-1", "kods", "code") + "\n```\n",
        "Run `" + pair("c-2", "kods", "code") + "` now.\n",
        "![" + pair("c-3", "attēls", "picture") + "](a.png)\n",
        '<img alt="' + pair("c-4", "attēls", "picture") + '">\n',
        "[x](a.md " + pair("c-5", "virsraksts", "title") + ")\n",
    ],
    ids=["fence", "inline-code", "image-alt", "html-attribute", "link-target"],
)
def test_no_span_where_a_tag_cannot_stand(source: str) -> None:
    assert 'class="sxs"' not in translation_body(source)


@pytest.mark.parametrize(
    "source",
    [
        "# " + pair("h-1", "Virsraksts", "Heading") + "\n",
        "[" + pair("l-1", "saite", "link") + "](a.md)\n",
        "| a | b |\n|---|---|\n| " + pair("t-1", "šūna", "cell | with bar") + " | x |\n",
    ],
    ids=["heading", "link-text", "table-cell"],
)
def test_span_in_headings_link_text_and_table_cells(source: str) -> None:
    assert translation_body(source).count('class="sxs"') == 1


def test_english_page_is_unchanged() -> None:
    document = parse(pair("e-1", "Teikums.", "Sentence."), "case.md")
    assert hover_body(document, Language.ENGLISH, "Sentence.") == "Sentence."


@pytest.mark.site
def test_built_translation_page_carries_each_sentence_in_english(seed_site: Path) -> None:
    soup = BeautifulSoup(
        (seed_site / SEED_ARTICLE / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    spans = soup.select("article span.sxs")
    english = {span["data-en"] for span in spans}
    assert "Troubleshoot Flow authentication errors" in english
    assert (
        'If you have this type of error, the error message contains "Unauthorized," or an '
        "error code of 401 or 403 appears." in english
    )
    assert all(span.get("tabindex") == "0" for span in spans)
    table_free = soup.select_one("article")
    assert table_free is not None
    assert "data-en" not in table_free.get_text()


def test_a_segment_in_an_indented_code_block_shows_as_the_source_did() -> None:
    import markdown  # type: ignore[import-untyped]

    source = "Teksts.\n\n    " + pair("i-1", "kods: a &lt; b", "code: a &lt; b") + "\n"
    body = translation_body(source)
    rendered = unwrap_in_code(markdown.markdown(body))
    assert "sxs" not in rendered
    assert "<pre><code>kods: a &amp;lt; b" in rendered


@pytest.mark.parametrize(
    ("source", "expected"),
    [  # block markup that opens a segment stays outside its span, so it still makes its block
        ("1. " + pair("x-1", "Atveriet.", "Open."), "1. <span"),
        ("- " + pair("x-1", "2020. gada 1. augusts", "August 1, 2020"), "- 2020. <span"),
        ("1. " + pair("x-1", "  >   Sadaļā", "In"), "1.   > <span"),
        ("> " + pair("x-1", "[!NOTE]", "[!NOTE]"), "> [!NOTE]\n"),
        ("## " + pair("x-1", "Virsraksts", "Title"), "## <span"),
    ],
)
def test_block_markup_opening_a_segment_stays_outside_the_span(source: str, expected: str) -> None:
    body = hover_body(parse(source + "\n"), Language.TRANSLATION, "")
    assert body.startswith(expected), body


def test_a_marker_inside_a_sentence_is_text() -> None:
    body = hover_body(
        parse("Teksts " + pair("x-1", "2020. gads", "2020") + "\n"), Language.TRANSLATION, ""
    )
    assert body.startswith('Teksts <span class="sxs" tabindex="0" data-en="2020">2020. gads</span>')
