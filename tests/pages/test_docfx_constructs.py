"""The rules behind the DocFX constructs: where they are read, how code regions are found, how a
cross reference's uid is read. (The golden pages are in ``test_docfx_golden.py``.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual.model import Language
from bilingual.pages.blocks import fence_language
from bilingual.pages.docfx import convert, expand, masks
from bilingual.pages.docfx.code import (
    EXTRACTORS,
    fenced,
    highlighted,
    line_ranges,
    selected_lines,
    snippet_of_directive,
    snippet_of_link,
)
from bilingual.pages.docfx.divs import div_classes
from bilingual.pages.docfx.escape import inline_code, markdown_text
from bilingual.pages.docfx.xrefs import XREF_SHORTHAND, reference
from bilingual.pages.render import render_page
from bilingual.pages.resolver import SourceFolder
from bilingual.source.parse import parse
from bilingual_text import article, pair


def spans(body: str, ranges: masks.Ranges) -> list[str]:
    return [body[start:end] for start, end in zip(*ranges, strict=True)]


def test_code_masks_cover_spans_fences_and_indented_blocks() -> None:
    body = (
        "Text `code @a` and ``two `ticks` @b`` and \\`not code @c`.\n\n"
        "```md\n<xref:d>\n```\n\n    indented @e\n\n- item\n\n        indented in a list @f\n"
    )
    found = spans(body, masks.code(body))
    assert found[:2] == ["`code @a`", "``two `ticks` @b``"]
    assert "```md\n<xref:d>\n```\n" in found
    assert "    indented @e\n" in found
    assert any("indented in a list @f" in span for span in found)
    assert not any("@c" in span for span in found)
    assert masks.code("plain text @a") == ((), ())


def test_markup_masks_cover_tags_links_and_directives() -> None:
    body = '<span data-en="see @a">x</span> [@b](y.md) ![@c](z.png) :::image alt-text="@d"::: @e'
    covered = [name for name in "abcde" if masks.inside(masks.markup(body), body.index(f"@{name}"))]
    assert covered == ["a", "b", "c", "d"]


@pytest.mark.parametrize(
    ("text", "uids"),
    [
        ("see @System.String.", ["System.String"]),
        ("@a.b, @c;d and @e!", ["a.b", "c;d", "e"]),
        ("end @uid...", ["uid"]),
        (
            "@uid?displayProperty=fullName and @'quoted uid' and @\"other\"",
            ["uid?displayProperty=fullName"],
        ),
        ("mail me at user@example.com or me@x", []),
        ("\\@escaped and 1@2 and @9digits", []),
        ("(@paren) [@bracket]", ["paren)", "bracket"]),  # DocFX: ")" does not end a uid, "]" does
    ],
)
def test_the_shorthand_is_read_as_docfx_reads_it(text: str, uids: list[str]) -> None:
    found = [m.group("bare") for m in XREF_SHORTHAND.finditer(text) if m.group("bare")]
    assert found == uids


def test_a_uid_is_url_decoded_its_query_and_anchor_read() -> None:
    ref = reference("System.String%23Ctor?displayProperty=nameWithType&text=a+string#remarks")
    assert ref.uid == "System.String#Ctor"
    assert ref.anchor == "remarks"
    assert ref.option("displayproperty") == "nameWithType"
    assert ref.option("text") == "a string"


def folder_of(files: dict[str, str], root: Path | None = None) -> SourceFolder:
    return SourceFolder.at({path: parse(text, path) for path, text in files.items()}, root)


def test_xrefs_resolve_in_each_language_and_unknown_ones_are_reported() -> None:
    folder = folder_of(
        {
            "guides/a.md": article(
                "# " + pair("a-1", "Virsraksts A", "Heading A") + "\n", title="Lapa A", uid="a"
            ),
            "b.md": article(
                pair("b-1", "Sk. <xref:a> un <xref:zz>.", "See <xref:a> and <xref:zz>.")
            ),
        }
    )
    page = folder.documents["b.md"]
    lv = folder.for_page(page, Language.TRANSLATION)
    assert (
        "Sk. [Lapa A](guides/a.md) un `zz`." in render_page(page, Language.TRANSLATION, lv).markdown
    )
    en = folder.for_page(page, Language.ENGLISH)
    assert (
        "See [Heading A](guides/a.md) and `zz`." in render_page(page, Language.ENGLISH, en).markdown
    )
    source_line = pair("b-1", "Sk. <xref:a> un <xref:zz>.", "See <xref:a> and <xref:zz>.")
    english_column = source_line.index("<xref:zz>", source_line.index("See")) + 1
    assert [str(w) for w in en.warnings] == [
        f"b.md:5:{english_column}: xref 'zz' names no article of the docset (shown as text); "
        "expected the uid: of an article's front matter"
    ]
    assert [w.uid for w in lv.warnings] == ["zz"]  # type: ignore[attr-defined]
    assert lv.warnings[0].column == source_line.index("<xref:zz>") + 1


def test_an_xref_in_an_include_links_from_the_including_page_and_is_audited_there() -> None:
    folder = folder_of(
        {
            "guides/a.md": article("# A\n", uid="a"),
            "includes/see.md": article(pair("i-1", "<xref:a>", "<xref:a>")),
            "sub/page.md": article("[!INCLUDE[see](../includes/see.md)]\n"),
        }
    )
    page = folder.documents["sub/page.md"]
    resolver = folder.for_page(page, Language.ENGLISH)
    assert "[A](../guides/a.md)" in render_page(page, Language.ENGLISH, resolver).markdown
    assert [(r.original, r.target) for r in resolver.rewrites] == [
        ("<xref:a>", "[A](../guides/a.md)")
    ]


def test_code_in_a_docset_root_path_and_outside_the_repository(tmp_path: Path) -> None:
    (tmp_path / "docfx.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / "samples").mkdir()
    (tmp_path / "samples" / "a.py").write_text("# <x>\nprint(1)\n# </x>\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    folder = folder_of(
        {"docs/page.md": article("[!code-python[](~/samples/a.py#x)]\n\n[!code[](../../x.cs)]\n")},
        tmp_path,
    )
    page = folder.documents["docs/page.md"]
    resolver = folder.for_page(page, Language.ENGLISH)
    markdown = render_page(page, Language.ENGLISH, resolver).markdown
    assert "```python\nprint(1)\n```" in markdown
    assert [w.what for w in resolver.warnings] == ["path '../../x.cs' leaves the repository"]


def regions_of(text: str, language: str, name: str) -> list[str] | None:
    return selected_lines(text, snippet_of_link(language, f"code.{language}#{name}"))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("csharp", "x\n    #region Main\n    a();\n    #endregion\ny\n"),
        ("cs", "// <Main>\n    a();\n// </Main>\n"),
        ("javascript", "  //<main>\n    a();\n  //</main>\n"),
        ("vb", "' <Main>\n    a();\n' </Main>\n"),
        ("xml", "<!-- <Main> -->\n    a();\n<!-- </Main> -->\n"),
        ("python", "# <Main>\n    a();\n# </Main>\n"),
        ("sql", "-- <Main>\n    a();\n-- </Main>\n"),
        ("batchfile", "rem <Main>\n    a();\nrem </Main>\n"),
        ("css", "/* <Main> */\n    a();\n/* </Main> */\n"),
        ("madeup", "# <Main>\n    a();\n# </Main>\n"),  # unknown: every syntax tried
    ],
)
def test_regions_are_found_by_the_languages_comment_syntax(language: str, text: str) -> None:
    assert regions_of(text, language, "main") == ["a();"]


def test_regions_drop_their_nested_markers_and_match_the_snippet_prefix() -> None:
    text = "// <snippet1>\nint a;\n  // <inner>\n  int b;\n  // </inner>\n// </snippet1>\n"
    assert regions_of(text, "csharp", "1") == ["int a;", "  int b;"]
    assert regions_of(text, "csharp", "inner") == ["int b;"]
    assert regions_of(text, "csharp", "nothere") is None
    assert regions_of("// <open>\nint a;\n", "csharp", "open") is None  # never closed


def test_line_ranges_highlight_and_dedent() -> None:
    assert line_ranges("2-5,7,9-") == [(2, 5), (7, 7), (9, 1 << 31)]
    assert line_ranges("2-x") is None
    assert line_ranges("1-2-3") is None
    assert highlighted(line_ranges("2,5-7,9-"), 10) == [2, 5, 6, 7, 9, 10]
    text = "\tone\n        two\n\n    three\n"
    assert selected_lines(text, snippet_of_link("cs", "a.cs")) == ["one", "    two", "", "three"]
    assert selected_lines(text, snippet_of_link("cs", "a.cs?dedent=2")) == [
        "  one",
        "      two",
        "",
        "  three",
    ]
    assert selected_lines(text, snippet_of_link("cs", "a.cs#L2-L2")) == ["two"]
    assert selected_lines(text, snippet_of_link("cs", "a.cs?start=4&end=4")) == ["three"]


def test_snippet_options_that_are_not_docfxs_are_named() -> None:
    assert snippet_of_link("cs", "a.cs?color=red").problems == (
        "query option 'color=red' is not one DocFX reads",
    )
    directive = snippet_of_directive(' source="a.cs" range="x" colour="red"')
    assert directive.problems == (
        "attribute 'colour' is not one :::code::: takes",
        "range 'x' is not a list of lines (2-5,7)",
    )
    assert len(EXTRACTORS) == 11


def test_a_fence_is_longer_than_the_code_s_backticks_and_keeps_its_highlight() -> None:
    assert fenced(["````", "x"], "md", [2]).split("\n")[0] == '`````md hl_lines="2"'
    assert fenced(["x"], "", [1]).split("\n")[0] == '```text hl_lines="1"'
    assert fence_language('csharp hl_lines="1 3-4"') == 'csharp hl_lines="1 3-4"'
    assert fence_language('csharp hl_lines="1;alert(1)" title="x"') == "csharp"
    assert fence_language('hl_lines="1"') == "hl_lines1"  # the first word is the language


def test_code_constructs_stand_on_their_own_line_only() -> None:
    inline = 'Text [!code-cs[](a.cs)] and :::code source="a.cs"::: here.\n'
    assert expand(inline, None) == inline


@pytest.mark.parametrize(
    ("line", "classes"),
    [
        ('[!div class="nextstepaction"]', ["nextstepaction"]),
        ("[!DIV class='a b']", ["a", "b"]),
        ('[!div class="ok x<y" id="no"]', ["ok"]),
        ("[!div]", []),
        ("[!divx class=a]", None),
        ("[!NOTE]", None),
    ],
)
def test_div_markers(line: str, classes: list[str] | None) -> None:
    assert div_classes(line) == classes


def test_a_div_in_a_list_item_and_an_alert_after_it() -> None:
    body = '- Item\n\n  > [!div class="mx-imgBorder"]\n  > ![a](b.png)\n\n> [!NOTE]\n> Note.\n'
    assert convert(body, "en", None) == (
        '- Item\n\n    <div class="docfx-div mx-imgBorder" markdown>\n\n    ![a](b.png)\n\n'
        '    </div>\n\n!!! note "Note"\n\n    Note.\n'
    )


def test_no_loc_escapes_and_code() -> None:
    assert expand(':::no-loc text="a \\"b\\" \\\\ c":::', None) == 'a "b" \\\\ c'
    assert expand('`:::no-loc text="x":::`', None) == '`:::no-loc text="x":::`'


def test_literal_text_is_read_alike_by_commonmark_and_python_markdown() -> None:
    assert markdown_text("a | b <c> & *d* [e]") == "a &#124; b &lt;c&gt; &amp; \\*d\\* \\[e\\]"
    assert inline_code("a `b` c") == "``a `b` c``"
    assert inline_code("`x`") == "`` `x` ``"
