"""Side by side on the writer: a page's blocks, the translation's marks and the English twins.

Each case is written by the real page writer (``writer.write``: the English page first, then
the translation with it) and read back: which blocks the translation marks ``data-sbs="n"``,
which English twins its template holds, and what is shown once.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup, Tag

from bilingual.pages.fragments import top_elements, with_attribute
from bilingual.pages.reader.side_by_side import NONCHARACTER, SEPARATOR, TEMPLATE_OPEN
from bilingual.pages.tree.blocks import blocks, kinds
from bilingual.pages.units import markdown
from bilingual_text import article, pair
from conftest import PROJECT, SEED_ARTICLE, SEED_SOURCE
from writer import Pages, write


def parts(pages: Pages) -> tuple[BeautifulSoup, dict[str, Tag]]:
    """The translation page's HTML, and its English twins by block number."""
    page, separator, english = pages.lv.partition(SEPARATOR)
    twins: dict[str, Tag] = {}
    if separator:
        assert english.startswith(TEMPLATE_OPEN)
        assert english.endswith("</template>\n")
        inner = english.removeprefix(TEMPLATE_OPEN).removesuffix("</template>\n")
        for holder in BeautifulSoup(inner, "html.parser").find_all("div", recursive=False):
            twins[str(holder["data-sbs"])] = holder
    return BeautifulSoup(page, "html.parser"), twins


def marked(soup: Tag) -> list[tuple[str, str]]:
    """The translation's marked blocks: (number, element name)."""
    return [(str(tag["data-sbs"]), tag.name) for tag in soup.select("[data-sbs]")]


def one(root: Tag, selector: str) -> Tag:
    found = root.select_one(selector)
    assert found is not None, selector
    return found


def text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def test_the_seed_is_seven_blocks_its_four_steps_each_beside_its_english() -> None:
    pages = write(SEED_SOURCE.joinpath(f"{SEED_ARTICLE}.md").read_text(encoding="utf-8"))
    soup, twins = parts(pages)
    assert marked(soup) == [
        ("0", "h1"),
        ("1", "p"),
        *[(str(n), "li") for n in range(2, 6)],
        ("6", "p"),
    ]
    assert list(twins) == [str(n) for n in range(7)]
    assert text(twins["2"]).startswith("At the top of the web portal")
    assert text(twins["5"]).startswith("Verify your credentials")
    assert [child.name for child in twins["3"].find_all(recursive=False)] == ["li"]
    # the English page itself: no marks, no template, every block's HTML kept for its twin
    assert "data-sbs" not in pages.en
    assert SEPARATOR not in pages.en
    assert [block.kind for block in pages.english.blocks] == [
        "heading:h1",
        "paragraph",
        *["ordered_list/list_item"] * 4,
        "paragraph",
    ]
    at = 0
    for block in pages.english.blocks:  # each block's HTML read off the English page, in order
        at = pages.en.index(block.html, at) + len(block.html)
    assert pages.warnings == []


def test_a_twin_is_the_english_pages_block_as_it_is_written() -> None:
    pages = write(SEED_SOURCE.joinpath(f"{SEED_ARTICLE}.md").read_text(encoding="utf-8"))
    assert len(pages.english.blocks) == 7
    for number, block in enumerate(pages.english.blocks):
        assert f'<div data-sbs="{number}">\n{block.html}</div>\n' in pages.lv


SOURCE = article(
    "# "
    + pair("s-1", "Virsraksts", "Heading")
    + "\n\n| "
    + pair("s-2", "Vārds", "Name")
    + " | "
    + pair("s-3", "Vērtība", "Value")
    + " |\n|---|---|\n| a | b |\n\n"
    + "> [!NOTE]\n> "
    + pair("s-4", "Piezīme.", "A note.")
    + "\n\n```powershell\nGet-Mailbox\n```\n\n"
    + "![alt](media/x.png)\n\n"
    + "1. "
    + pair("s-5", "Pirmais solis.", "The first step.")
    + "\n\n   ```\n   code in a step\n   ```\n\n2. "
    + pair("s-6", "Otrais solis.", "The second step.")
    + "\n\n- "
    + pair("s-7", "Punkts.", "A point.")
    + "\n- b\n"
)


def test_tables_alerts_steps_and_points_have_twins_code_and_images_are_shown_once() -> None:
    soup, twins = parts(write(SOURCE, {"media/x.png": "png"}))
    assert marked(soup) == [
        ("0", "h1"),
        ("1", "table"),
        ("2", "div"),
        ("5", "li"),
        ("6", "li"),
        ("7", "li"),
    ]
    assert one(soup, '[data-sbs="2"]')["class"] == ["admonition", "note"]
    assert text(twins["2"]) == "Note A note."  # the alert's title in English, in its twin
    assert text(twins["1"]).startswith("Name Value")
    # code and an image: no segment, shown once, no twin; a step's code goes with its step
    assert one(soup, ".highlight").get("data-sbs") is None
    image = one(soup, "img").find_parent("p")
    assert image is not None
    assert image.get("data-sbs") is None
    assert "code in a step" in text(twins["5"])
    assert "8" not in twins  # the list item without a segment


def test_a_tab_group_is_a_block_its_english_a_group_of_its_own() -> None:
    text_ = article(
        "# [Linux](#tab/linux)\n\n"
        + pair("t-1", "Saturs Linux.", "Content for Linux.")
        + "\n\n# [Windows](#tab/windows)\n\n"
        + pair("t-2", "Saturs Windows.", "Content for Windows.")
        + "\n\n---\n\n"
        + pair("t-3", "Pēc.", "After.")
        + "\n"
    )
    soup, twins = parts(write(text_))
    assert marked(soup) == [("0", "div"), ("1", "p")]
    assert "docfx-tabs" in one(soup, '[data-sbs="0"]')["class"]
    english = one(twins["0"], ".docfx-tabs")
    assert [label.get_text() for label in english.select("label")] == ["Linux", "Windows"]
    assert "Content for Windows." in text(english)


def test_each_block_of_a_zone_is_a_block_of_its_own() -> None:
    text_ = article(
        ':::zone pivot="csharp"\n\n'
        + pair("z-1", "Teksts C#.", "Text for C#.")
        + "\n\n1. "
        + pair("z-2", "Solis.", "A step.")
        + "\n\n:::zone-end\n"
    )
    pages = write(text_)
    soup, twins = parts(pages)
    assert marked(soup) == [("1", "p"), ("2", "li")]  # 0: the pivot selector, shown once
    zone = one(soup, '[data-sbs="1"]').find_parent("div")
    assert zone is not None
    assert zone["data-pivot"] == "csharp"
    assert [block.kind for block in pages.english.blocks] == [
        "html_block",
        "docfx_zone/paragraph",
        "docfx_zone/ordered_list/list_item",
    ]
    assert text(twins["2"]) == "A step."


def test_an_included_sources_blocks_are_the_pages_blocks() -> None:
    include = pair("i-1", "Iekļauts teksts.", "Included text.") + "\n"
    text_ = article(pair("p-1", "Pirms.", "Before.") + "\n\n[!INCLUDE[x](includes/x.md)]\n")
    soup, twins = parts(write(text_, {"includes/x.md": include}))
    assert marked(soup) == [("0", "p"), ("1", "p")]
    assert text(twins["1"]) == "Included text."


def test_raw_html_one_element_is_marked_several_are_wrapped_unbalanced_shown_once() -> None:
    text_ = article(
        "<table><tr><td>"
        + pair("h-1", "Šūna", "Cell")
        + "</td></tr></table>\n\n"
        + "<p>"
        + pair("h-2", "Viens", "One")
        + "</p><p>"
        + pair("h-3", "Divi", "Two")
        + "</p>\n\n"
        + "<div>\n\n"
        + pair("h-4", "Iekšā.", "Inside.")
        + "\n\n</div>\n"
    )
    soup, twins = parts(write(text_))
    assert one(soup, "table")["data-sbs"] == "0"
    wrapper = one(soup, "div.sbs-block")
    assert wrapper["data-sbs"] == "1"
    assert [p.get_text() for p in wrapper.select("p")] == ["Viens", "Divi"]
    # "<div>" opens an element a later block closes: no block of the three may carry a mark
    assert set(twins) == {"0", "1", "3"}
    assert one(soup, '[data-sbs="3"]').name == "p"
    assert [child.name for child in twins["1"].find_all(recursive=False)] == ["p", "p"]


def test_a_raw_html_block_holding_a_placeholder_has_its_twin() -> None:
    """``<email>`` is no element: the page shows it as text, so the block's tags balance."""
    text_ = article("<p>" + pair("h-1", "Rakstiet uz", "Write to") + " <email>.</p>\n")
    soup, twins = parts(write(text_))
    assert one(soup, "p")["data-sbs"] == "0"
    assert set(twins) == {"0"}
    assert "Write to" in text(twins["0"])


def test_a_complex_images_paragraph_and_description_are_wrapped_together() -> None:
    text_ = article(
        ':::image type="complex" source="media/x.png" alt-text="alt":::\n'
        + pair("c-1", "Apraksts.", "The description.")
        + "\n:::image-end:::\n"
    )
    soup, twins = parts(write(text_, {"media/x.png": "png"}))
    wrapper = one(soup, "div.sbs-block")
    assert wrapper["data-sbs"] == "0"
    assert [child.name for child in wrapper.find_all(recursive=False)] == ["p", "details"]
    assert text(twins["0"]).endswith("The description.")


def test_blocks_that_do_not_line_up_give_the_page_no_view_and_one_warning() -> None:
    text_ = article(
        "# "
        + pair("m-1", "Virsraksts", "Heading")
        + "\n\n"
        + pair("m-2", "21. aprīlī tika pārdēvēts.", "It was renamed on April 21.")
        + "\n"
    )
    pages = write(text_, path="renamed.md")
    assert SEPARATOR not in pages.lv
    assert "data-sbs" not in pages.lv
    assert "<ol" in pages.lv
    assert "21" not in pages.en.split("<p>")[0]
    assert pages.warnings == [
        "renamed.md:7:1: the translation's blocks do not line up with the English page's "
        "(block 2: ordered_list/list_item here, paragraph in English); the page has no "
        "side-by-side view; expected the same blocks in both languages (no blank line, list "
        "marker or table row in a segment's text that the other language lacks)"
    ]
    assert "Virsraksts" in pages.lv
    assert "tika pārdēvēts" in pages.lv


def test_a_translation_written_without_its_english_page_has_no_view() -> None:
    from bilingual.model import Language
    from bilingual.pages.page import render_page
    from bilingual.source.parse import parse

    document = parse(article(pair("a-1", "Teksts.", "Text.") + "\n"), "a.md")
    page = render_page(document, Language.TRANSLATION)
    assert SEPARATOR not in page.markdown
    assert "data-sbs" not in page.markdown


def test_the_separator_is_the_writers_alone() -> None:
    text_ = article(pair("n-1", "Teksts.", "Text.") + "\n\n[!code-csharp[](x.cs)]\n")
    pages = write(text_, {"x.cs": f"var a = 1; // {NONCHARACTER} {SEPARATOR}\n"})
    body, separator, english = pages.lv.partition(SEPARATOR)
    assert separator
    assert SEPARATOR not in english
    assert NONCHARACTER not in body + english
    assert "\ufffd side by side" in body  # the code file's shown as U+FFFD


@pytest.mark.parametrize(
    ("fragment", "found"),
    [
        ("<p>a</p>\n", [0]),
        ("\n<li>\n<p>a</p>\n</li>\n", [1]),
        ("<p>a</p><p>b</p>", [0, 8]),
        ("<!-- c --><p>a<br>b<img src=x></p>", [10]),
        ('<p title="a>b" data-x=\'c"d\'>x</p>', [0]),
        ("<p>a <b>b</p>", None),
        ("<div>", None),
        ("</div>", None),
        ("text <p>a</p>", [-1, 5]),
        ("<p>a < b</p>", [0]),
        ("<script>if (a</b) {}</script>", [0]),
        ("<script>never closed", None),
        ("<DIV>x</div>", [0]),
        ("<p>Send it to <email>.</p>", [0]),
        ("<p>a</p><CustomDomain>", [0, -1]),
        ("</email><p>a</p>", [-1, 8]),
    ],
)
def test_a_fragments_top_elements(fragment: str, found: list[int] | None) -> None:
    assert top_elements(fragment) == found


def test_a_tag_never_closed_is_read_in_one_pass() -> None:
    """A source's "<a x="1" x="1" …" with no ">" after it: the tag pattern's alternatives made
    its failure exponential in the attributes (40 of them: hours). Run apart, bounded by a
    minute it needs a hundredth of, so a regression fails rather than hangs the suite."""
    script = (
        "from bilingual.pages.fragments import top_elements\n"
        "assert top_elements('<p>x</p><a ' + 'x=\"1\" ' * 40) == [0, -1, -1]\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "PYTHONPATH": str(PROJECT / "scripts")},
        timeout=60,
        check=False,
    )
    assert done.returncode == 0


def test_an_attribute_goes_on_the_element_at_its_start() -> None:
    fragment = "<!-- x --><table>\n<tr><td>a</td></tr></table>\n"
    assert top_elements(fragment) == [10]
    assert with_attribute(fragment, 10, "data-sbs", "4").startswith(
        '<!-- x --><table data-sbs="4">'
    )
    assert with_attribute(fragment, 0, "data-sbs", "4") == fragment  # a comment: no tag


def test_blocks_of_a_token_stream() -> None:
    tokens = markdown().parse("# A\n\n- a\n- b\n\n> q\n\n    code\n")
    found = blocks(tokens)
    assert kinds(found) == (
        "heading:h1",
        "bullet_list/list_item",
        "bullet_list/list_item",
        "blockquote",
        "code_block",
    )
    assert [block.twin for block in found] == [False] * 5  # no segment in plain markdown
    assert [tokens[block.start].type for block in found] == [
        "heading_open",
        "list_item_open",
        "list_item_open",
        "blockquote_open",
        "code_block",
    ]
    assert re.fullmatch(r"[\w:/]+", "/".join(kinds(found)))
