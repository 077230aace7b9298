"""The rules behind the DocFX constructs: how a cross reference is read and resolved, how code
includes find their lines, what a div marker keeps. (The golden pages are in
``test_docfx_golden.py``.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual.pages.docfx.code import (
    EXTRACTORS,
    highlighted,
    line_ranges,
    read_snippet,
    selected_lines,
)
from bilingual.pages.docfx.divs import classes
from bilingual.pages.docfx.xrefs import reference
from bilingual_text import article, pair
from writer import write


@pytest.mark.parametrize(
    ("text", "uids"),
    [
        ("see @System.String.", ["System.String"]),
        ("@a.b, @c;d and @e!", ["a.b", "c;d", "e"]),
        ("end @uid...", ["uid"]),
        (
            "@uid?displayProperty=fullName and @'quoted uid' and @\"other\"",
            ["uid", "quoted uid", "other"],
        ),
        ("mail me at user@example.com or me@x", []),  # Learn: "@" after a letter is text
        ("\\@escaped and 1@2 and @9digits", []),
        ("(@paren) [@bracket] x.@after", ["after"]),
    ],
)
def test_the_shorthand_is_read_as_learn_reads_it(text: str, uids: list[str]) -> None:
    page = write(article(text + "\n")).en
    found = [part.split('"', 1)[0] for part in page.split('data-xref="')[1:]]
    assert found == uids


def test_a_uid_is_url_decoded_its_query_and_anchor_read() -> None:
    ref = reference("System.String%23Ctor?displayProperty=nameWithType&text=a+string#remarks")
    assert ref.uid == "System.String#Ctor"
    assert ref.anchor == "remarks"
    assert ref.option("displayproperty") == "nameWithType"
    assert ref.option("text") == "a string"


def test_xrefs_resolve_in_each_language_and_unknown_ones_are_reported_where_they_stand() -> None:
    target = article(
        "# " + pair("a-1", "Virsraksts A", "Heading A") + "\n", title="Lapa A", uid="a"
    )
    line = pair("b-1", "Sk. <xref:a> un <xref:zz>.", "See <xref:a> and <xref:zz>.")
    pages = write(article(line), {"guides/a.md": target}, path="b.md", links=True)
    assert 'Sk. <a class="docfx-xref" data-xref="a" href="../guides/a/">Lapa A</a> un ' in pages.lv
    assert 'See <a class="docfx-xref" data-xref="a" href="../guides/a/">Heading A</a> and ' in (
        pages.en
    )
    assert '<code class="docfx-xref" data-xref="zz">zz</code>.' in pages.en
    columns = [line.index("<xref:zz>") + 1, line.index("<xref:zz>", line.index("See")) + 1]
    assert pages.warnings == [
        f"b.md:5:{column}: xref 'zz' names no article of the docset (shown as text); "
        "expected the uid: of an article's front matter"
        for column in columns
    ]


def test_an_xref_in_an_include_links_from_the_including_page() -> None:
    pages = write(
        article("[!INCLUDE[see](../includes/see.md)]\n"),
        {
            "guides/a.md": article("# A\n", uid="a"),
            "includes/see.md": article(pair("i-1", "<xref:a>", "<xref:a>")),
        },
        path="sub/page.md",
        links=True,
    )
    assert pages.en == '<p><a class="docfx-xref" data-xref="a" href="../../guides/a/">A</a></p>\n'
    assert ("<xref:a>", "A", "xref") in [
        (r.original, r.target, r.rule) for r in pages.english.links
    ]


def test_uids_match_in_any_letter_case_when_no_exact_one_exists() -> None:
    pages = write(
        article("<xref:Microsoft.Quantum.Arithmetic.LittleEndian>\n"),
        {"api/le.md": article("# LittleEndian\n", uid="microsoft.quantum.arithmetic.littleendian")},
        links=True,
    )
    assert 'href="../api/le/">LittleEndian</a>' in pages.en
    assert pages.warnings == []


def test_code_from_the_docset_root_and_outside_the_repository(tmp_path: Path) -> None:
    (tmp_path / "docfx.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / "samples").mkdir()
    (tmp_path / "samples" / "a.py").write_text("# <x>\nprint(1)\n# </x>\n", encoding="utf-8")
    pages = write(
        article("[!code-python[](~/samples/a.py#x)]\n\n[!code[](../../x.cs)]\n"),
        path="docs/page.md",
        root=tmp_path,
    )
    assert '<div class="language-python highlight"><pre><span></span><code>' in pages.en
    assert '<span class="nb">print</span>' in pages.en
    assert "&lt;x&gt;" not in pages.en
    assert pages.warnings == [
        "docs/page.md:7:1: path '../../x.cs' leaves the repository; "
        "expected a relative path to a file inside the repository"
    ]
    assert "Code sample not available:</span> [!code[](../../x.cs)]" in pages.en


def test_code_includes_docfx_does_not_read_are_text_and_reported() -> None:
    pages = write(
        article(
            "[!code-cs[](a.cs?color=red)]\n\n"
            ':::code source="a.cs" range="x" colour="red":::\n\n'
            'Text [!code-cs[](a.cs)] and :::code source="a.cs"::: here.\n'
        ),
        {"a.cs": "int a;\n"},
    )
    assert "<pre" not in pages.en
    assert pages.warnings == [
        "a.md:5:1: '[!code-cs[](a.cs?color=red)]' is no code include DocFX reads (shown as text); "
        "expected [!code-language[title](path#region)] or "
        "[!code[title](path?range=2-5&highlight=3&dedent=4)] on a line of its own",
        "a.md:7:1: ':::code:::' as DocFX does not read it (shown as text); "
        "expected only highlight, id, interactive, language, range, source",
    ]


def test_highlighted_lines_and_a_fence_inside_the_code() -> None:
    pages = write(article("[!code-md[](b.md?highlight=2)]\n"), {"b.md": "````\nx\n"})
    assert pages.en == (
        '<div class="language-md highlight"><pre><span></span><code>````\n'
        '<span class="hll">x\n</span></code></pre></div>\n'
    )


def regions_of(text: str, language: str, name: str) -> list[str] | None:
    snippet = read_snippet(f"[!code-{language}[](code.{language}#{name})]")
    assert snippet is not None
    return selected_lines(text, snippet)


def lines_of(text: str, link: str) -> list[str] | None:
    snippet = read_snippet(f"[!code-cs[]({link})]")
    assert snippet is not None
    return selected_lines(text, snippet)


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
    assert len(EXTRACTORS) == 11


def test_line_ranges_highlight_and_dedent() -> None:
    assert line_ranges("2-5,7,9-") == [(2, 5), (7, 7), (9, 1 << 31)]
    assert line_ranges("2-x") is None
    assert line_ranges("1-2-3") is None
    assert highlighted(line_ranges("2,5-7,9-"), 10) == [2, 5, 6, 7, 9, 10]
    text = "\tone\n        two\n\n    three\n"
    assert lines_of(text, "a.cs") == ["one", "    two", "", "three"]
    assert lines_of(text, "a.cs?dedent=2") == ["  one", "      two", "", "  three"]
    assert lines_of(text, "a.cs#L2-L2") == ["two"]
    assert lines_of(text, "a.cs?start=4&end=4") == ["three"]
    assert read_snippet("[!code-cs[](a.cs?color=red)]") is None


@pytest.mark.parametrize(
    ("attributes", "kept"),
    [
        ('class="nextstepaction"', ["nextstepaction"]),
        ("class='a b'", ["a", "b"]),
        ('class="ok x<y" id="no"', ["ok"]),
        ("", []),
    ],
)
def test_a_div_keeps_only_safe_classes(attributes: str, kept: list[str]) -> None:
    assert classes(attributes) == kept


def test_a_div_in_a_list_item_and_an_alert_after_it() -> None:
    body = '- Item\n\n  > [!div class="mx-imgBorder"]\n  > ![a](b.png)\n\n> [!NOTE]\n> Note.\n'
    assert write(article(body), {"b.png": "png"}).en == (
        '<ul>\n<li>\n<p>Item</p>\n<div class="docfx-div mx-imgBorder">\n'
        '<p><img src="b.png" alt="a"></p>\n</div>\n</li>\n</ul>\n'
        '<div class="admonition note">\n<p class="admonition-title">Note</p>\n'
        "<p>Note.</p>\n</div>\n"
    )


def test_no_loc_escapes_and_code() -> None:
    page = write(article(':::no-loc text="a \\"b\\" \\\\ c":::\n\n`:::no-loc text="x":::`\n')).en
    assert page == (
        "<p>a &quot;b&quot; \\ c</p>\n<p><code>:::no-loc text=&quot;x&quot;:::</code></p>\n"
    )


def test_tables_are_cut_and_sized_as_markdig_makes_them() -> None:
    """A code span, a no-loc text or a tag keeps its ``|`` (Markdig reads them first); a row
    wider than the header widens the table (nothing dropped); ``- |`` may open the delimiter."""
    page = write(
        article(
            '| a | b |\n|---|---|\n| `x \\| y` | :::no-loc text="On | Off"::: |\n'
            "| 1 | 2 | 3 |\n\nc | d\n- | -\ne | f\n"
        )
    ).en
    assert "<td><code>x \\| y</code></td>\n<td>On | Off</td>\n<td></td>" in page
    assert "<td>1</td>\n<td>2</td>\n<td>3</td>" in page
    assert page.count("<th>") == 5
    assert page.count("<table>") == 2
