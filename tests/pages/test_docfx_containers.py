"""DocFX containers: zones, monikers, rows and columns, tab groups.

The golden cases of ``tests/fixtures/docfx`` (one folder per construct) are articles of one
docset: each ``<case>/source.md`` is read as the article ``<case>.md`` beside the docset's
``includes/`` and ``zone-pivot-groups.yml``; ``lv.html`` and ``en.html`` are the expected pages,
reviewed by hand, ``warnings.txt`` (when there is one) what the case reports. A failure prints a
unified diff. The other tests pin the rules one at a time.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bilingual.model import Language
from bilingual.source.pivots import named_groups, read_groups
from bilingual.split.writer import Writer
from bilingual_text import article, pair
from conftest import DOCFX as DOCSET
from conftest import DOCFX_CASES as CASES
from golden import check
from writer import write


def pages_of(case: Path, tmp_path: Path) -> tuple[dict[str, str], list[str]]:
    """The case's pages, the docset laid out as the split reads it (``<case>.md``, includes,
    pivot groups), and what they report."""
    root = tmp_path / "docset"
    shutil.copytree(DOCSET / "includes", root / "includes")
    shutil.copyfile(DOCSET / "zone-pivot-groups.yml", root / "zone-pivot-groups.yml")
    for other in CASES:
        shutil.copyfile(other / "source.md", root / f"{other.name}.md")
    from bilingual.source.folder import read_documents

    documents = read_documents(root, [])
    writer = Writer.of(root, documents, [])
    writer.links = None
    pages = writer.pages(writer.folder.documents[f"{case.name}.md"], tuple(Language))
    reports = [str(w) for page in pages.values() for w in page.warnings]
    return {
        "lv": pages[Language.TRANSLATION].markdown,
        "en": pages[Language.ENGLISH].markdown,
    }, list(dict.fromkeys(reports))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
@pytest.mark.parametrize("name", ["lv", "en"])
def test_golden_page(case: Path, name: str, tmp_path: Path, update_golden: bool) -> None:
    check(case / f"{name}.html", pages_of(case, tmp_path)[0][name], update_golden)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_reports(case: Path, tmp_path: Path, update_golden: bool) -> None:
    """What a case reports (``warnings.txt``; none without it), once for both pages."""
    reports = pages_of(case, tmp_path)[1]
    listed = case / "warnings.txt"
    if not reports and not listed.exists():
        return
    check(listed, "".join(f"{line}\n" for line in reports), update_golden)


@pytest.mark.parametrize(
    ("opener", "end"),
    [
        ('::: zone pivot="a"', "::: zone-end"),
        (':::zone pivot="a":::', ":::zone-end:::"),
        (':::ZONE pivot="a"', ":::Zone-End"),
        ('::: zone pivot="a" :::', ":::zone-end   :::"),
    ],
)
def test_zone_markers_in_every_spelling(opener: str, end: str) -> None:
    page = write(f"{opener}\nText.\n{end}\n").en
    assert page.endswith(
        '<div class="docfx-zone" data-pivot="a" data-label="a">\n<p>Text.</p>\n</div>\n'
    )


@pytest.mark.parametrize(
    "opener",
    ['::: zone pivot = "a b"', '::: zone target="pdf" pivot="a"', "::: zone", '::: zone x="1"'],
)
def test_an_invalid_zone_is_text_as_in_docfx(opener: str) -> None:
    assert write(f"{opener}\nText.\n::: zone-end\n").en.startswith("<p>::: zone")


def test_a_container_in_a_list_item_stays_in_it() -> None:
    page = write('1. Step\n   :::zone pivot="a":::\n   Text.\n   :::zone-end:::\n2. Next\n').en
    assert page.endswith(
        "<ol>\n<li>Step"
        '<div class="docfx-zone" data-pivot="a" data-label="a">\n<p>Text.</p>\n</div>\n</li>\n'
        "<li>Next</li>\n</ol>\n"
    )


def test_a_container_in_a_quote_stays_in_it() -> None:
    page = write('> :::moniker range="v2":::\n> Text.\n> :::moniker-end:::\n').en
    assert page == (
        "<blockquote>\n"
        '<div class="docfx-moniker" data-range="v2" data-label="Applies to: v2">\n'
        "<p>Text.</p>\n</div>\n</blockquote>\n"
    )


def test_column_content_is_read_without_its_indentation() -> None:
    text = ":::row:::\n   :::column:::\n      Text.\n\n          code\n   :::column-end:::\n:::row-end:::\n"
    page = write(text).en
    assert "<p>Text.</p>" in page
    assert "<code>code" in page  # indented code under the column's text stays code
    assert page.count('<div class="docfx-column">') == 1


def test_a_zone_s_content_keeps_its_indentation_as_in_docfx() -> None:
    page = write('::: zone pivot="windows"\n    hello\n::: zone-end\n').en
    assert "<code>hello" in page


def test_an_unclosed_container_ends_with_its_list_item_and_is_reported() -> None:
    pages = write(article('- Item\n  :::zone pivot="a":::\n  In the zone.\n\nAfter the list.\n'))
    assert pages.en.endswith("</div>\n</li>\n</ul>\n<p>After the list.</p>\n")
    assert any("without its ':::zone-end:::'" in warning for warning in pages.warnings)


def test_markers_in_fenced_code_are_text() -> None:
    page = write('```md\n:::zone pivot="a":::\n# [A](#tab/a)\n```\n').en
    assert "docfx-zone" not in page
    assert "tabbed" not in page
    assert ':::zone pivot="a":::' in page


def test_unknown_triple_colon_names_are_text() -> None:
    assert write(":::unknown:::\nText.\n").en == "<p>:::unknown:::\nText.</p>\n"


def test_a_stray_end_marker_stays_text() -> None:
    assert write("Text.\n\n:::zone-end:::\n").en == "<p>Text.</p>\n<p>:::zone-end:::</p>\n"


def test_a_marker_that_is_a_segment_is_read() -> None:
    text = article(
        pair("z-1", ':::zone pivot="a":::', ':::zone pivot="a":::') + "\nText.\n:::zone-end:::\n"
    )
    page = write(text).lv
    assert '<div class="docfx-zone" data-pivot="a"' in page


def test_tab_headings_any_level_anchors_and_combined_ids() -> None:
    text = (
        "## [Linux](#tab/linux)\n\nFor Linux.\n\n"
        '## <a name="win"></a>[Windows](#tab/windows+win)\n\nFor Windows.\n\n---\n\nAfter.\n'
    )
    page = write(text).en
    assert '<div class="tabbed-set tabbed-alternate docfx-tabs" data-tabs="1:2">' in page
    assert '<label for="docfx-tabs-1-1" data-tab="linux">Linux</label>' in page
    assert '<label for="docfx-tabs-1-2" data-tab="windows win">Windows</label>' in page
    assert '<a name="win"></a>' in page
    assert "<p>For Windows.</p>" in page
    assert "<hr>" not in page
    assert page.endswith("<p>After.</p>\n")


def test_a_tab_link_among_other_heading_text_is_a_heading() -> None:
    page = write("# See [Linux](#tab/linux) here\n").en
    assert page.startswith('<h1 id="see-linux-here">')


def test_dependent_variants_name_their_condition_by_its_tab_title() -> None:
    text = (
        "# [C#](#tab/csharp)\nA\n# [Python](#tab/python)\nB\n---\n"
        "# [Install](#tab/install/csharp)\nC\n# [Install](#tab/install/python)\nD\n---\n"
    )
    page = write(text).en
    assert 'data-condition="csharp" data-condition-title="C#"' in page
    assert 'data-condition="python" data-condition-title="Python"' in page


def test_a_tab_title_segment_is_the_label_in_each_language() -> None:
    text = article("# [" + pair("t-1", "Pārlūks", "Browser") + "](#tab/web)\n\nX\n\n---\n")
    pages = write(text)
    assert ">Pārlūks</label>" in pages.lv
    assert ">Browser</label>" in pages.en


def test_pivot_groups_file_and_front_matter() -> None:
    groups = read_groups(
        "### YamlMime:ZonePivotGroups\ngroups:\n- id: os\n  title: System\n  pivots:\n"
        "  - id: win\n    title: Windows\n  - id: mac\n  - title: no id\n- nonsense\n"
    )
    assert list(groups) == ["os"]
    assert groups["os"].pivots == (("win", "Windows"), ("mac", "mac"))
    assert read_groups("[not: a, mapping") == {}
    assert read_groups("- a\n- b\n") == {}
    assert named_groups({"zone_pivot_groups": "os, lang"}) == ["os", "lang"]
    assert named_groups({"zone_pivot_groups": ["os"]}) == ["os"]
    assert named_groups({}) == []


def test_the_selector_stands_after_the_h1_and_only_with_pivots() -> None:
    with_pivot = write('# Title\n\n:::zone pivot="a":::\nA\n:::zone-end:::\n').en
    assert with_pivot.startswith('<h1 id="title">')
    assert with_pivot.index('class="docfx-pivots"') > with_pivot.index("</h1>")
    assert 'href="?pivots=a"' in with_pivot
    without = write('# Title\n\n:::zone target="docs":::\nA\n:::zone-end:::\n').en
    assert "docfx-pivots" not in without


def test_selector_rows_for_several_groups_and_pivots_no_group_has(tmp_path: Path) -> None:
    (tmp_path / "zone-pivot-groups.yml").write_text(
        "groups:\n- id: lang\n  title: Language\n  pivots:\n  - id: cs\n    title: C#\n"
        "- id: os\n  title: System\n  pivots:\n  - id: win\n    title: Windows\n",
        encoding="utf-8",
    )
    body = (
        ':::zone pivot="cs":::\nA\n:::zone-end:::\n\n:::zone pivot="other":::\nB\n:::zone-end:::\n'
    )
    text = (
        "---\ntitle: T\nms.contentlocale: lv-LV\nzone_pivot_groups: lang, os, missing\n---\n" + body
    )
    pages = write(text, path="p.md", root=tmp_path)
    page = pages.en
    rows = [line for line in page.split("\n") if line.startswith('<div class="docfx-pivots"')]
    assert [row.split('data-group="')[1].split('"')[0] for row in rows] == ["lang", "os", ""]
    assert '<span class="docfx-pivots__prompt">Language</span>' in rows[0]
    assert ">Windows</a></div>" in rows[1]
    assert 'data-pivot="other">other</a>' in rows[2]
    assert '<div class="docfx-zone" data-pivot="cs" data-label="C#">' in page
    assert [warning.split(";")[0] for warning in pages.warnings] == [
        "p.md:6:1: zone pivot group 'missing' is not defined in zone-pivot-groups.yml"
    ]


def test_hostile_attributes_are_escaped() -> None:
    page = write(
        ':::zone pivot="a" target="docs":::\nA\n:::zone-end:::\n::: moniker range="&lt;script&gt;"\nB\n::: moniker-end\n'
    ).en
    assert "<script>" not in page
