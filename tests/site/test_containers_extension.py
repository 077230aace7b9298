"""The site's Markdown extension for DocFX containers (``site.containers``), with Python-Markdown
and the project's extensions, no site built."""

from __future__ import annotations

import markdown  # type: ignore[import-untyped]
from bs4 import BeautifulSoup, Tag

from bilingual.site.containers import with_inputs

EXTENSIONS = [
    "admonition",
    "attr_list",
    "md_in_html",
    "sane_lists",
    "tables",
    "pymdownx.superfences",
]


def render(text: str) -> BeautifulSoup:
    html = markdown.Markdown(extensions=[*EXTENSIONS, "bilingual.site.containers"]).convert(text)
    return BeautifulSoup(html, "html.parser")


def one(root: Tag, selector: str) -> Tag:
    found = root.select_one(selector)
    assert found is not None, selector
    return found


ZONE = '<div class="docfx-zone" data-pivot="{0}" data-label="{0}" markdown="1">'
END = "</div><!-- /zone -->"


def test_a_container_nested_in_a_list_inside_another_keeps_its_place() -> None:
    text = "\n\n".join(
        [
            ZONE.format("a"),
            "- Item",
            "    " + ZONE.format("b"),
            "    In b.",
            "    " + END,
            "After b.",
            END,
            "Out.",
        ]
    )
    page = render(text + "\n")
    outer = one(page, "div.docfx-zone[data-pivot=a]")
    inner = one(outer, "ul > li > div.docfx-zone[data-pivot=b]")
    assert inner.get_text(strip=True) == "In b."
    assert [p.get_text() for p in outer.find_all("p", recursive=False)] == ["After b."]
    assert one(page, "div.docfx-zone[data-pivot=a] + p").get_text() == "Out."
    assert "markdown" not in str(page)


def test_container_tags_in_a_quote_and_an_admonition() -> None:
    text = f'> {ZONE.format("q")}\n>\n> In the quote.\n>\n> {END}\n\n!!! note "N"\n\n    {ZONE.format("n")}\n\n    In the note.\n\n    {END}\n'
    page = render(text)
    assert one(page, "blockquote > div.docfx-zone[data-pivot=q] > p").get_text() == "In the quote."
    assert one(page, "div.admonition > div.docfx-zone[data-pivot=n] > p").get_text() == (
        "In the note."
    )


def test_a_source_s_own_div_lines_and_code_are_left_alone() -> None:
    text = f'<div class="box">\n<p>Raw.</p>\n</div>\n\n```html\n{ZONE.format("c")}\n{END}\n```\n'
    page = render(text)
    assert '<div class="box">\n<p>Raw.</p>\n</div>' in str(page)
    assert one(page, "pre").get_text() == f"{ZONE.format('c')}\n{END}\n"
    assert page.select_one("div.docfx-zone") is None


def test_tab_inputs_are_numbered_per_page() -> None:
    group = (
        '<div class="tabbed-set tabbed-alternate docfx-tabs">\n'
        '<div class="tabbed-labels docfx-tab-labels"><label data-tab="a b">A</label>'
        '<label data-tab="c" data-condition="x" data-condition-title="X">C</label></div>'
    )
    out = with_inputs(group + "\n" + group.replace("A<", "D<"))
    assert out.count("<input") == 4
    assert (
        '<div class="tabbed-set tabbed-alternate docfx-tabs" data-tabs="1:2">'
        '<input type="radio" name="docfx-tabs-1" id="docfx-tabs-1-1" data-tab="a b" checked>'
        '<input type="radio" name="docfx-tabs-1" id="docfx-tabs-1-2" data-tab="c" data-condition="x">'
    ) in out
    assert (
        '<label for="docfx-tabs-2-2" data-tab="c" data-condition="x" data-condition-title="X">C</label>'
        in out
    )
    assert with_inputs("<p>No tabs.</p>") == "<p>No tabs.</p>"
