"""DocFX containers: zones, monikers, rows and columns, tab groups (``pages.docfx.containers``).

The golden cases of ``tests/fixtures/docfx`` (one folder per construct) are articles of one
docset: each ``<case>/source.md`` is read as the article ``<case>.md`` beside the docset's
``includes/`` and ``zone-pivot-groups.yml``; ``lv.md`` and ``en.md`` are the expected pages,
reviewed by hand, ``warnings.txt`` (when there is one) what the case reports. A failure prints a
unified diff. The other tests pin the rules one at a time.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from bilingual.model import Language
from bilingual.pages.blocks import commonmark
from bilingual.pages.docfx import convert, expand
from bilingual.pages.render import render_page
from bilingual.pages.resolver import PageResolver, SourceFolder
from bilingual.source.parse import parse
from bilingual.source.pivots import named_groups, read_groups
from bilingual_text import article, pair
from conftest import DOCFX as DOCSET
from conftest import DOCFX_CASES as CASES

SIDES = [(Language.TRANSLATION, "lv"), (Language.ENGLISH, "en")]


def docset_folder() -> SourceFolder:
    """Every case as an article ``<case>.md`` of the docset, with its includes."""
    texts = {f"{case.name}.md": (case / "source.md").read_text(encoding="utf-8") for case in CASES}
    for include in sorted((DOCSET / "includes").glob("*.md")):
        texts[f"includes/{include.name}"] = include.read_text(encoding="utf-8")
    documents = {path: parse(text, path) for path, text in texts.items()}
    return SourceFolder.at(documents, DOCSET)


def page_of(case: Path, language: Language) -> tuple[str, PageResolver]:
    folder = docset_folder()
    document = folder.documents[f"{case.name}.md"]
    resolver = folder.for_page(document, language)
    return render_page(document, language, resolver).markdown, resolver


def unified(expected: str, actual: str) -> str:
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True), "expected", "actual"
    )
    return "".join(lines)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
@pytest.mark.parametrize(("language", "name"), SIDES)
def test_golden_page(case: Path, language: Language, name: str) -> None:
    expected = (case / f"{name}.md").read_text(encoding="utf-8")
    actual, _ = page_of(case, language)
    assert actual == expected, unified(expected, actual)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
@pytest.mark.parametrize(("language", "name"), SIDES)
def test_golden_reports(case: Path, language: Language, name: str) -> None:
    """What a case reports (``warnings.txt``; none without it), the same on both pages."""
    listed = case / "warnings.txt"
    expected = listed.read_text(encoding="utf-8").splitlines() if listed.is_file() else []
    _, resolver = page_of(case, language)
    actual = [str(warning) for warning in resolver.warnings]
    assert actual == expected, unified("\n".join(expected), "\n".join(actual))


def test_zone_markers_in_every_spelling() -> None:
    for opener, end in [
        (':::zone pivot="a":::', ":::zone-end:::"),
        ('::: zone pivot="a"', "::: zone-end"),
        (':::ZONE pivot="a"', ":::Zone-End"),
        ("::: zone pivot='a' :::", ":::zone-end   :::"),
    ]:
        out = expand(f"{opener}\nText.\n{end}\n", None, "en")
        assert out.split("\n") == [
            '<div class="docfx-zone" data-pivot="a" data-label="a" markdown="1">',
            "",
            "Text.",
            "",
            "</div><!-- /zone -->",
            "",
        ], opener


def test_a_container_in_a_list_item_keeps_the_item_s_indentation() -> None:
    out = expand('1. Step\n   :::zone pivot="a":::\n   Text.\n   :::zone-end:::\n2. Next\n', None)
    assert out.split("\n") == [
        "1. Step",
        "",
        '   <div class="docfx-zone" data-pivot="a" data-label="a" markdown="1">',
        "",
        "   Text.",
        "",
        "   </div><!-- /zone -->",
        "",
        "2. Next",
        "",
    ]


def test_a_container_in_a_quote_keeps_the_quote_markers() -> None:
    out = expand('> :::moniker range="v2":::\n> Text.\n> :::moniker-end:::\n', None, "en")
    assert out.split("\n") == [
        '> <div class="docfx-moniker" data-range="v2" data-label="Applies to: v2" markdown="1">',
        ">",
        "> Text.",
        ">",
        "> </div><!-- /moniker -->",
        "",
    ]


def test_column_content_is_dedented_not_code() -> None:
    text = ":::row:::\n   :::column:::\n      Text.\n\n          code\n   :::column-end:::\n:::row-end:::\n"
    out = expand(text, None)
    assert "\nText.\n" in out
    assert "\n    code\n" in out  # indented code inside the column stays code
    html = commonmark().render(out)
    assert "<p>Text.</p>" in html
    assert "<pre><code>code" in html


def test_an_unclosed_container_ends_with_its_list_item() -> None:
    out = expand('- Item\n  :::zone pivot="a":::\n  In the zone.\n\nAfter the list.\n', None)
    assert out.split("\n")[-4:] == ["  </div><!-- /zone -->", "", "After the list.", ""]


def test_markers_in_fenced_code_are_text() -> None:
    text = '```md\n:::zone pivot="a":::\n# [A](#tab/a)\n```\n'
    assert expand(text, None) == text


def test_an_unclosed_fence_ends_with_its_list_item() -> None:
    out = expand('- Item\n\n  ```\n  code\n\n:::zone pivot="a":::\nText.\n:::zone-end:::\n', None)
    assert '<div class="docfx-zone" data-pivot="a" data-label="a" markdown="1">' in out


def test_unknown_triple_colon_extensions_are_left_alone() -> None:
    text = ':::form type="survey" source="x.json":::\n\n:::video-list id="Teams":::\n'
    assert expand(text, None) == text


def test_a_stray_end_marker_stays_text_and_is_reported() -> None:
    folder = SourceFolder.at({"p.md": parse(article("# T\n\n:::row-end:::\n"), "p.md")}, None)
    document = folder.documents["p.md"]
    resolver = folder.for_page(document, Language.ENGLISH)
    page = render_page(document, Language.ENGLISH, resolver).markdown
    assert page.endswith("# T\n\n:::row-end:::\n")
    assert [str(warning) for warning in resolver.warnings] == [
        "p.md:7:1: ':::row-end' without an opening ':::row'; kept as text; "
        "expected ':::row …:::' on a line of its own before it"
    ]


def test_a_hover_wrapped_marker_is_read_through_its_span() -> None:
    body = article("\n" + pair("m-1", '::: zone pivot="a"', '::: zone pivot="a"') + "\n\nX\n\n")
    body += pair("m-2", "::: zone-end", "::: zone-end") + "\n"
    document = parse(body, "p.md")
    page = render_page(document, Language.TRANSLATION).markdown
    assert '<div class="docfx-zone" data-pivot="a" data-label="a" markdown="1">' in page
    assert "</div><!-- /zone -->" in page
    assert ":::" not in page


def test_tab_headings_any_level_anchors_and_combined_ids() -> None:
    out = expand(
        '## <a name="x"></a>[One *or* two](#tab/one+two)\n\nA\n\n## [Three](#tab/three)\n\nB\n',
        None,
    )
    assert (
        '<div class="tabbed-labels docfx-tab-labels"><label data-tab="one two">One or two</label>'
        '<label data-tab="three">Three</label></div>'
    ) in out
    assert '<a name="x"></a>\n\nA\n' in out


def test_a_tab_link_among_other_heading_text_is_a_heading() -> None:
    text = "# Read [Linux](#tab/linux) first\n"
    assert expand(text, None) == text


def test_dependent_variants_name_their_condition_by_its_tab_title() -> None:
    text = (
        "# [Windows](#tab/win)\n\nW\n\n---\n\n"
        "# [.NET](#tab/dotnet/win)\n\nN\n\n# [.NET](#tab/dotnet/mac)\n\nM\n\n---\n"
    )
    out = expand(text, None)
    assert (
        '<label data-tab="dotnet" data-condition="win" data-condition-title="Windows">.NET</label>'
        '<label data-tab="dotnet" data-condition="mac" data-condition-title="mac">.NET</label>'
    ) in out


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
    page = convert('# Title\n\nIntro.\n\n:::zone pivot="b,a":::\nX\n:::zone-end:::\n', "lv", None)
    lines = page.split("\n")
    assert lines[0] == "# Title"
    assert lines[2].startswith('<div class="docfx-pivots" role="group" aria-label="Izvēlieties')
    assert '<a class="docfx-pivot" href="?pivots=b" data-pivot="b">b</a>' in lines[2]
    assert lines[2].index('data-pivot="b"') < lines[2].index('data-pivot="a"')
    assert "docfx-pivots" not in convert(
        ':::zone target="docs":::\nX\n:::zone-end:::\n', "lv", None
    )


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
    folder = SourceFolder.at({"p.md": parse(text, "p.md")}, tmp_path)
    document = folder.documents["p.md"]
    resolver = folder.for_page(document, Language.ENGLISH)
    page = render_page(document, Language.ENGLISH, resolver).markdown
    rows = [line for line in page.split("\n") if line.startswith('<div class="docfx-pivots"')]
    assert [row.split('data-group="')[1].split('"')[0] for row in rows] == ["lang", "os", ""]
    assert '<span class="docfx-pivots__prompt">Language</span>' in rows[0]
    assert ">Windows</a></div>" in rows[1]
    assert 'data-pivot="other">other</a>' in rows[2]
    assert '<div class="docfx-zone" data-pivot="cs" data-label="C#" markdown="1">' in page
    assert [str(warning).split(";")[0] for warning in resolver.warnings] == [
        "p.md:6:1: zone pivot group 'missing' is not defined in zone-pivot-groups.yml"
    ]


def test_hostile_attributes_are_escaped() -> None:
    out = convert(
        ":::zone pivot='\"><script>alert(1)</script>':::\nX\n:::zone-end:::\n\n"
        '# ["><script>alert(2)</script>T](#tab/t)\n\nY\n',
        "en",
        None,
    )
    assert "<script>" not in out
    assert 'data-pivot="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in out
    assert 'href="?pivots=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E"' in out
    assert '<label data-tab="t">"&gt;alert(2)T</label>' in out
