"""The translation page's segments carry their English, as the English page shows it, as safe
plain text; a segment is wrapped only where a reader reads text."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bilingual_text import article, pair
from conftest import SEED_ARTICLE
from writer import write

INCLUDED = {"n.md": article(pair("n-1", "Nosaukums", "Name_x") + "\n")}


def hover(body: str) -> list[tuple[str, str]]:
    """(English, shown text) of each hover span of the translation page of ``body``."""
    soup = BeautifulSoup(write(article(body + "\n"), INCLUDED).lv, "html.parser")
    return [(str(span["data-en"]), span.get_text()) for span in soup.select("span.sxs")]


def test_the_english_is_the_english_pages_text_exactly() -> None:
    """Code spans, identifiers, math, no-loc text and includes as the English page shows them."""
    english = (
        'Formula $ \\pi $, `fx_media_open`, :::no-loc text="Power Apps"::: and '
        "[!INCLUDE[n](n.md)] in **bold**."
    )
    translation = english.replace("Formula", "Formula lv").replace(" and ", " un ")
    assert hover(pair("m-1", translation, english)) == [
        (
            "Formula \\pi, fx_media_open, Power Apps and Name_x in bold.",
            "Formula lv \\(\\pi\\), fx_media_open, Power Apps un Nosaukums in bold.",
        )
    ]


def test_hostile_english_stays_text_in_the_attribute() -> None:
    page = write(article(pair("x-1", "Teikums.", "&quot;&gt;&lt;script&gt;x&lt;/script&gt;"))).lv
    soup = BeautifulSoup(page, "html.parser")
    span = soup.select_one("span.sxs")
    assert span is not None
    assert span["data-en"] == '"><script>x</script>'
    assert soup.find("script") is None
    assert 'data-en="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in page


@pytest.mark.parametrize(
    "body",
    [
        "```text\n" + pair("c-1", "kods", "code") + "\n```",
        "Run `" + pair("c-2", "kods", "code") + "` now.",
        "![" + pair("c-3", "attēls", "picture") + "](n.md)",
        '<img alt="' + pair("c-4", "attēls", "picture") + '">',
        '[x](a.md "' + pair("c-5", "virsraksts", "title") + '")',
        "Teksts.\n\n    " + pair("i-1", "kods: a &lt; b", "code: a &lt; b"),
        "$$\n" + pair("f-1", "x^2", "x^2") + "\n$$",
    ],
    ids=["fence", "inline-code", "image-alt", "html-attribute", "link-title", "indented", "math"],
)
def test_no_span_where_a_tag_cannot_stand(body: str) -> None:
    page = write(article(body + "\n"), INCLUDED).lv
    assert 'class="sxs"' not in page
    assert "data-ttu-id" not in page
    assert "sxs-lookup" not in page


def test_a_segment_in_code_shows_as_the_source_wrote_it() -> None:
    page = write(
        article("Teksts.\n\n    " + pair("i-1", "kods: a &lt; b", "code: a &lt; b") + "\n")
    )
    assert "<code>kods: a &amp;lt; b\n</code>" in page.lv


@pytest.mark.parametrize(
    ("body", "english"),
    [
        ("# " + pair("h-1", "Virsraksts", "Heading"), "Heading"),
        ("[" + pair("l-1", "saite", "link") + "](a.md)", "link"),
        (
            "| a | b |\n|---|---|\n| " + pair("t-1", "šūna", "cell \\| with bar") + " | x |",
            "cell | with bar",
        ),
        ("1. " + pair("x-1", "Atveriet.", "Open."), "Open."),
        ("1. " + pair("x-1", "  >   Sadaļā", "In"), "In"),
        ("Teksts " + pair("x-1", "2020. gads", "2020"), "2020"),
    ],
    ids=["heading", "link-text", "table-cell", "list-item", "quote-in-item", "in-a-sentence"],
)
def test_one_span_in_headings_links_cells_and_items(body: str, english: str) -> None:
    assert [found for found, _ in hover(body)] == [english]


def test_block_markup_opening_a_segment_still_makes_its_block() -> None:
    page = write(article("> " + pair("x-1", "[!NOTE]", "[!NOTE]") + "\n> Teksts.\n")).lv
    assert page.startswith('<div class="admonition note">\n<p class="admonition-title">Piezīme')


def test_a_segment_in_a_comment_is_reported_where_it_stands() -> None:
    pages = write(article("<!-- " + pair("k-1", "komentārs", "comment") + " -->\n"))
    assert pages.warnings == [
        "a.md:5:6: segment k-1 is inside an HTML comment: the page does not show it; "
        "expected its text outside <!-- -->"
    ]


def test_the_english_page_has_no_spans() -> None:
    pages = write(article(pair("e-1", "Teikums.", "Sentence.") + "\n"))
    assert pages.en == "<p>Sentence.</p>\n"


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
    article_element = soup.select_one("article")
    assert article_element is not None
    assert "data-en" not in article_element.get_text()
