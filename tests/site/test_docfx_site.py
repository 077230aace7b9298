"""The DocFX containers built into a real site (``tests/fixtures/docfx``, every case one
article): what each page holds in both languages, through the writer, the build and the
sanitizer; the site's blocks against CommonMark's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from bilingual.checks.parity import compare
from conftest import PREFIX

pytestmark = pytest.mark.site
SOURCE_TEXT = re.compile(r":::\s*zone(?:-end)?[^:\n]*(?::::(?!zone))?")
"""What the fixtures write that DocFX shows as text: a stray end marker, a zone in a zone, an
inline zone (DocFX's zones are blocks)."""
CODES = ["lv", "en"]


def article(site: Path, code: str, name: str) -> Tag:
    html = (site / PREFIX[code] / name / "index.html").read_text(encoding="utf-8")
    found = BeautifulSoup(html, "html.parser").select_one("article")
    assert found is not None
    return found


def one(root: Tag, selector: str) -> Tag:
    found = root.select_one(selector)
    assert found is not None, selector
    return found


@pytest.mark.parametrize("code", CODES)
def test_zones_carry_their_pivots_and_the_selector_their_titles(
    docfx_site: Path, code: str
) -> None:
    page = article(docfx_site, code, "zones")
    (selector,) = page.select(".docfx-pivots")
    links = [(a["href"], a["data-pivot"], a.get_text()) for a in selector.select("a.docfx-pivot")]
    assert links == [("?pivots=csharp", "csharp", "C#"), ("?pivots=python", "python", "Python")]
    assert selector.find_previous_sibling("h1") is not None  # after the H1
    zones = [zone["data-pivot"] for zone in page.select("div.docfx-zone[data-pivot]")]
    # csharp, python (its include's own zone inside), the list's two, both, the note's, docs+csharp
    assert zones == [
        *("csharp", "python", "python", "csharp", "python", "csharp python", "python", "csharp")
    ]
    labels = [zone["data-label"] for zone in page.select("div.docfx-zone[data-pivot]")]
    assert labels[:2] == ["C#", "Python"]
    assert page.select("span.docfx-zone") == []  # Learn has no inline zones: text, as there
    assert ':::zone pivot="csharp" inline :::' in page.get_text()
    (hidden,) = page.select("div.docfx-zone--chromeless")
    assert hidden.has_attr("hidden")
    assert hidden["data-target"] == "chromeless"
    listed = page.select("ol > li div.docfx-zone")
    assert [zone["data-pivot"] for zone in listed] == ["csharp", "python"]
    note = page.select_one("div.admonition div.docfx-zone")
    assert note is not None


@pytest.mark.parametrize("code", CODES)
def test_tab_groups_are_material_s_tabbed_sets(docfx_site: Path, code: str) -> None:
    page = article(docfx_site, code, "tabs")
    sets = page.select("div.tabbed-set.docfx-tabs")
    assert [len(tabbed.select(":scope > input")) for tabbed in sets] == [2, 2, 3, 2, 2]
    ids = [input_["id"] for input_ in page.select("input")]
    assert len(ids) == len(set(ids)) == 11
    for number, tabbed in enumerate(sets, start=1):
        assert str(tabbed["data-tabs"]).startswith(f"{number}:")
        inputs = tabbed.select(":scope > input")
        labels = tabbed.select(":scope > .tabbed-labels > label")
        blocks = tabbed.select(":scope > .tabbed-content > .tabbed-block")
        assert len(inputs) == len(labels) == len(blocks)
        assert [child.name for child in tabbed.find_all(True, recursive=False)][: len(inputs)] == [
            "input"
        ] * len(inputs)
        assert {input_["type"] for input_ in inputs} == {"radio"}
        assert {input_["name"] for input_ in inputs} == {f"docfx-tabs-{number}"}
        assert [label["for"] for label in labels] == [input_["id"] for input_ in inputs]
        assert [input_.has_attr("checked") for input_ in inputs] == [True] + [False] * (
            len(inputs) - 1
        )
        assert [block["aria-label"] for block in blocks] == [label.get_text() for label in labels]
    dependent = sets[2].select(":scope > input")
    assert [(i["data-tab"], i.get("data-condition")) for i in dependent] == [
        ("dotnet", "linux"),
        ("dotnet", "windows"),
        ("rest", None),
    ]
    assert sets[2].select("label")[2].get_text() == "REST API"  # the title's emphasis left out
    assert sets[3].find_parent("li") is not None
    assert sets[4].find_parent("blockquote") is not None
    assert one(sets[4], "input")["data-tab"] == "first one"


@pytest.mark.parametrize("code", CODES)
def test_nested_containers_keep_their_structure(docfx_site: Path, code: str) -> None:
    page = article(docfx_site, code, "nested")
    zone = one(page, "div.docfx-zone[data-pivot=csharp]")
    one(zone, "ol > li > div.docfx-tabs > .tabbed-content > .tabbed-block > div.docfx-row")
    one(zone, ".tabbed-block div.admonition div.docfx-moniker")
    python = one(page, "div.docfx-zone[data-pivot=python]")
    assert python.select("div.docfx-zone") == []  # a zone in a zone is text, as in DocFX
    assert '::: zone pivot="python"' in python.get_text()


@pytest.mark.parametrize(
    ("code", "label"), [("lv", "Attiecas uz: >=contoso-2.0"), ("en", "Applies to: >=contoso-2.0")]
)
def test_monikers_and_columns(docfx_site: Path, code: str, label: str) -> None:
    monikers = article(docfx_site, code, "monikers").select("div.docfx-moniker")
    assert monikers[0]["data-label"] == label
    rows = article(docfx_site, code, "columns").select("div.docfx-row")
    assert [
        [column.get("data-span") for column in row.select("div.docfx-column")] for row in rows
    ] == [
        ["2", None],
        [None, None],
    ]
    assert rows[0].select_one("pre") is None  # the indented content is no code


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("name", ["zones", "tabs", "nested", "monikers", "columns", "malformed"])
def test_no_writer_markup_is_left(docfx_site: Path, code: str, name: str) -> None:
    raw = (docfx_site / PREFIX[code] / name / "index.html").read_text(encoding="utf-8")
    body = raw[raw.find("<article") : raw.find("</article>")]
    assert 'markdown="1"' not in body
    assert "<!-- /" not in body
    text = BeautifulSoup(body, "html.parser")
    for kept in text.select("pre"):  # code shows markers as text
        kept.decompose()
    shown = SOURCE_TEXT.sub("", text.get_text())
    assert ":::" not in shown
    assert "#tab/" not in shown


def test_parity_of_the_docfx_site(docfx_source: Path, docfx_site: Path) -> None:
    report = compare(docfx_source, docfx_site)
    assert report.mismatches == []
    assert report.percent("lv") == report.percent("en") == 100.0
