"""DocFX syntax on the page: alerts, videos, includes, images, xrefs, and paths that leave the
source, each reported at its own place in the source."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bilingual.split.full import split_tree
from bilingual.split.writer import copy_media
from bilingual_text import pair
from writer import write

FRONT = "---\ntitle: T\nms.contentlocale: {}\n---\n"
LV = FRONT.format("lv-LV")
OUT = "expected a relative path to a file inside the repository"


@pytest.mark.parametrize(
    ("locale", "kind", "title", "css"),
    [
        ("lv-LV", "NOTE", "Piezīme", "note"),
        ("lv-LV", "TIP", "Padoms", "tip"),
        ("lv-LV", "IMPORTANT", "Svarīgi", "info"),
        ("lv-LV", "WARNING", "Brīdinājums", "warning"),
        ("lv-LV", "CAUTION", "Uzmanību", "danger"),
        ("de-DE", "NOTE", "Hinweis", "note"),
        ("ja-JP", "WARNING", "警告", "warning"),
    ],
)
def test_alerts_are_titled_in_the_page_language(
    locale: str, kind: str, title: str, css: str
) -> None:
    pages = write(FRONT.format(locale) + f"> [!{kind}]\n> Text.\n")
    assert pages.lv == (
        f'<div class="admonition {css}">\n<p class="admonition-title">{title}</p>\n'
        "<p>Text.</p>\n</div>\n"
    )
    assert f'<p class="admonition-title">{kind.title()}' in pages.en or kind == "CAUTION"


def test_an_unknown_alert_marker_is_text_and_reported() -> None:
    pages = write(LV + "> [!PADOMI]\n> x\n")
    assert pages.lv == "<blockquote>\n<p>[!PADOMI]\nx</p>\n</blockquote>\n"
    assert pages.warnings == [
        "a.md:5:1: '[!PADOMI]' is no alert DocFX knows; shown as text; "
        "expected [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION]"
    ]


def test_videos_embed_only_known_players() -> None:
    player = "https://www.microsoft.com/videoplayer/embed/RE1?autoplay=false"
    pages = write(LV + f"> [!VIDEO {player}]\n")
    assert f'<iframe src="{player}" title="Video"' in pages.lv
    assert 'sandbox="allow-scripts allow-same-origin allow-presentation"' in pages.lv
    assert "iframe" not in write(LV + "> [!VIDEO javascript:alert(1)]\n").lv
    other = write(LV + '> [!VIDEO https://x.example/"><script>]\n')
    assert "iframe" not in other.lv
    assert "<script" not in other.lv
    assert '<a href="https://x.example/&quot;&gt;&lt;script&gt;">' in other.lv
    assert "(atver video vietni)" in other.lv
    assert "(opens the video's site)" in other.en


def test_an_image_directive_is_an_image() -> None:
    text = ':::image type="content" source="media/a b.png" alt-text="Logs [1]" border="false":::\n'
    pages = write(LV + text, {"media/a b.png": "png"})
    assert pages.lv == '<p><img src="media/a b.png" alt="Logs [1]"></p>\n'
    assert pages.warnings == []


def test_unknown_xrefs_stay_readable_and_are_reported_where_each_stands() -> None:
    pages = write(
        LV + "<xref:System.String?displayProperty=fullName> [the cmdlet](xref:Set-Mailbox)\n"
    )
    assert pages.lv == (
        '<p><code class="docfx-xref" data-xref="System.String">System.String</code> '
        '<span data-xref="Set-Mailbox" class="docfx-xref-link">the cmdlet</span></p>\n'
    )
    assert [w.split(" names")[0] for w in pages.warnings] == [
        "a.md:5:1: xref 'System.String'",
        "a.md:5:48: xref 'Set-Mailbox'",
    ]


def test_includes_block_inline_nested_and_rebased() -> None:
    pages = write(
        LV + "1. Step\n\n   [!INCLUDE[x](../includes/block.md)]\n\n"
        "Use [!INCLUDE[n](../includes/name.md)] now.\n",
        {
            "includes/block.md": pair("i-1", "Pirmā", "First")
            + "\n\n![Attēls](../media/x.png)\n\n[!INCLUDE[n](name.md)]\n",
            "includes/name.md": LV + pair("i-2", "Vārds", "Name") + "\n",
            "media/x.png": "png",
        },
        path="a/page.md",
    )
    assert pages.warnings == []
    assert pages.en == (
        "<ol>\n<li>\n<p>Step</p>\n<p>First</p>\n"
        '<p><img src="../media/x.png" alt="Attēls"></p>\n<p>Name</p>\n</li>\n</ol>\n'
        "<p>Use Name now.</p>\n"
    )
    assert '<p><span class="sxs" tabindex="0" data-en="First">Pirmā</span></p>' in pages.lv
    assert 'Use <span class="sxs" tabindex="0" data-en="Name">Vārds</span> now.' in pages.lv


@pytest.mark.parametrize(
    ("line", "target", "column", "why"),
    [
        ("[!INCLUDE[x](../../secret.md)]", "../../secret.md", 1, "leaves the repository"),
        ("Text [!INCLUDE[x](/etc/passwd)]", "/etc/passwd", 6, "is absolute"),
        ("  ![x](../../../etc/hosts.png)", "../../../etc/hosts.png", 3, "leaves the repository"),
        (':::image type="content" source="../out.png" alt-text="x":::', "../out.png", 1, "leaves"),
        ("[!INCLUDE[x](C:/Windows/win.ini)]", "C:/Windows/win.ini", 1, "is absolute"),
    ],
)
def test_paths_leaving_the_repository_are_refused_at_their_place(
    line: str, target: str, column: int, why: str
) -> None:
    """The page shows a placeholder where the construct stood; the refusal is reported at the
    construct's place."""
    pages = write(LV + "# T\n\n" + line + "\n")
    (warning,) = pages.warnings
    assert warning.startswith(f"a.md:7:{column}: path '{target}' {why}")
    assert warning.endswith(f"; {OUT}")
    for page in (pages.lv, pages.en):
        assert 'class="docfx-missing"' in page or 'class="missing-media"' in page
        assert "secret" not in page.replace(target, "")


def test_each_language_reports_where_its_own_text_has_the_construct() -> None:
    """The translation and the English say a construct at different columns of one line: each
    page reports its own."""
    text = (
        LV
        + pair("p-1", "Pirmais teikums.", "First sentence.")
        + " "
        + pair("p-2", "Otrais.", "Second.")
        + "\n\n[!INCLUDE[m](includes/none.md)] "
        + pair("p-3", "Trešais ![a](media/none.png).", "Third ![a](media/none.png).")
        + "\n"
    )
    pages = write(text)
    line = text.split("\n")[6]

    def at(warning: str) -> str:
        column = int(warning.split(":")[2])
        return line[column - 1 :]

    (include,) = [w for w in pages.warnings if "included source" in w]
    assert include.startswith("a.md:7:1: included source 'includes/none.md' does not exist")
    lv_image, en_image = (str(p.warnings[-1]) for p in (pages.translation, pages.english))
    assert at(lv_image).startswith("![a](media/none.png).</span><span class")
    assert at(en_image).startswith("![a](media/none.png).</span></span>")


def test_a_segment_opening_with_a_line_break_reports_on_the_next_line() -> None:
    text = (
        LV + "1. " + pair("p-1", "\n      Lūdzu [!INCLUDE[a](x.md)]", "Please [!INCLUDE[a](x.md)]")
    )
    pages = write(text + "\n")
    lines = text.split("\n")
    for page, after in ((pages.translation, "Lūdzu "), (pages.english, "Please ")):
        (warning,) = page.warnings
        assert (warning.line, lines[warning.line - 1][warning.column - 1 - len(after) :][:25]) == (
            6,
            f"{after}[!INCLUDE[a](x.md)]"[:25],
        )


def test_missing_and_circular_includes_are_placeholders_in_the_page_language() -> None:
    pages = write(
        LV + "[!INCLUDE[a](includes/a.md)]\n\n[!INCLUDE[m](includes/none.md)]\n",
        {"includes/a.md": "[!INCLUDE[b](b.md)]\n", "includes/b.md": "[!INCLUDE[a](a.md)]\n"},
    )
    assert [w.split(";")[0] for w in pages.warnings] == [
        "a.md:7:1: included source 'includes/none.md' does not exist",
        "includes/b.md:1:1: include cycle: a.md -> includes/a.md -> includes/b.md -> includes/a.md",
    ]
    assert pages.lv.count('<div class="docfx-missing" role="note" lang="lv">') == 2
    assert "Iekļautais teksts nav pieejams:</span> [!include[m](includes/none.md)]" in pages.lv
    assert "Included text not available:</span> [!include[m](includes/none.md)]" in pages.en


def test_symlinks_pointing_out_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("secret\n", encoding="utf-8")
    (outside / "secret.png").write_bytes(b"\x89PNG")
    source = tmp_path / "source"
    (source / "includes").mkdir(parents=True)
    (source / "media").mkdir()
    os.symlink(outside / "secret.md", source / "includes" / "linked.md")
    os.symlink(outside / "secret.png", source / "media" / "linked.png")
    (source / "page.md").write_text(
        LV + "# T\n\n[!INCLUDE[x](includes/linked.md)]\n", encoding="utf-8"
    )
    (source / "ok.md").write_text(LV + "# T\n\n![x](media/linked.png)\n", encoding="utf-8")
    split = split_tree(source, tmp_path / "docs")
    assert sorted(split.articles) == ["ok.md", "page.md"]
    warnings = sorted(str(warning) for warning in split.warnings)
    assert warnings == [
        "media/linked.png:1:1: symlink points outside the source folder, so it is not on the "
        "site; expected a file inside the source folder",
        f"ok.md:7:1: path 'media/linked.png' is a symlink out of the repository; {OUT}",
        f"page.md:7:1: path 'includes/linked.md' is a symlink out of the repository; {OUT}",
    ]
    assert [str(problem) for problem in split.problems] == [
        "includes/linked.md:1:1: symlink points outside the source folder, so it is not on the "
        "site; expected a file inside the source folder"
    ]
    assert "secret" not in (tmp_path / "docs" / "en" / "page.md").read_text(encoding="utf-8")
    assert not list((tmp_path / "docs").rglob("*.png"))
    assert copy_media(source, [tmp_path / "again"], []) == 0


def test_a_media_path_takes_the_files_own_spelling() -> None:
    pages = write(
        LV + "![x](../media/mouse_over.gif) ![y](../media/none.png)\n",
        {"media/Mouse_Over.GIF": "GIF89a"},
        path="a/page.md",
    )
    assert pages.lv == (
        '<p><img src="../media/Mouse_Over.GIF" alt="x"> <span class="missing-media" '
        'data-missing-src="../media/none.png" title="Attēls nav pieejams">y</span></p>\n'
    )
    (warning,) = pages.warnings
    assert warning.startswith("a/page.md:5:31: image '../media/none.png' is not in the source")


def test_an_include_inside_an_alert_stays_in_the_alert() -> None:
    pages = write(LV + "> [!NOTE]\n> [!INCLUDE[x](i/b.md)]\n", {"i/b.md": "One.\n\nTwo.\n"})
    assert pages.en == (
        '<div class="admonition note">\n<p class="admonition-title">Note</p>\n'
        "<p>One.</p>\n<p>Two.</p>\n</div>\n"
    )


def test_includes_in_list_items_and_table_cells_and_per_section_folders() -> None:
    """A block include in a list item stays in the item; an inline include in a table cell keeps
    the row one row; includes live in any includes/ folder, nested ones too."""
    pages = write(
        LV
        + "1. Step one.\n\n   [!INCLUDE[s](includes/steps.md)]\n\n2. Step two.\n\n"
        + "| Name | Value |\n|---|---|\n| A | [!INCLUDE[v](includes/value.md)] |\n",
        {
            "develop/includes/steps.md": "First line.\n\n[!INCLUDE[n](nested.md)]\n",
            "develop/includes/nested.md": "Nested text.\n",
            "develop/includes/value.md": "one | two\n",
        },
        path="develop/page.md",
    )
    assert pages.warnings == []
    assert (
        "<li>\n<p>Step one.</p>\n<p>First line.</p>\n<p>Nested text.</p>\n</li>\n"
        "<li>\n<p>Step two.</p>\n</li>"
    ) in pages.en
    assert "<tr>\n<td>A</td>\n<td>one | two</td>\n</tr>" in pages.en
