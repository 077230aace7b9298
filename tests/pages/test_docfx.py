"""DocFX syntax: alerts, video, includes, :::image:::, xref, and paths that leave the source."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bilingual.model import Language
from bilingual.pages.docfx import alerts, convert, expand, video
from bilingual.pages.render import render_page
from bilingual.pages.resolver import SourceFolder, body_position, rebase
from bilingual.source.parse import parse
from bilingual.split.full import split_tree
from bilingual.split.writer import copy_media
from bilingual_text import pair

FRONT = "---\ntitle: T\nms.contentlocale: lv-LV\n---\n"


def folder_of(files: dict[str, str], root: Path | None = None) -> SourceFolder:
    return SourceFolder.at({path: parse(text, path) for path, text in files.items()}, root)


@pytest.mark.parametrize(
    ("code", "kind", "title", "css"),
    [
        ("lv", "NOTE", "Piezīme", "note"),
        ("lv", "TIP", "Padoms", "tip"),
        ("lv", "IMPORTANT", "Svarīgi", "info"),
        ("lv", "WARNING", "Brīdinājums", "warning"),
        ("lv", "CAUTION", "Uzmanību", "danger"),
        ("de", "NOTE", "Hinweis", "note"),
        ("ja", "WARNING", "警告", "warning"),
        ("en", "TIPS", "Tip", "tip"),
        ("fr", "NOTE", "Note", "note"),
    ],
)
def test_alerts_become_admonitions_titled_in_the_page_language(
    code: str, kind: str, title: str, css: str
) -> None:
    page = convert(f"> [!{kind}]\n> Text.\n", code, None)
    assert page == f'!!! {css} "{title}"\n\n    Text.\n'


def test_alert_marker_alone_and_unknown_markers() -> None:
    assert alerts("lv")(["[!NOTE]"], [["Body."]]) == ['!!! note "Piezīme"', "", "    Body."]
    assert alerts("lv")(["[!PADOMI]", "x"], []) is None
    assert convert("> [!PADOMI]\n> x\n", "lv", None) == "> [!PADOMI]\n> x\n"


def test_video_only_for_http_urls() -> None:
    player = video("https://www.microsoft.com/videoplayer/embed/RE1?autoplay=false", "Video")
    assert player is not None
    assert 'src="https://www.microsoft.com/videoplayer/embed/RE1?autoplay=false"' in player
    assert video("javascript:alert(1)", "Video") is None
    assert video('https://x.example/"><script>', "V") == (
        '<span class="docfx-video"><iframe src="https://x.example/&quot;&gt;&lt;script&gt;" '
        'title="V" allowfullscreen loading="lazy" '
        'referrerpolicy="strict-origin-when-cross-origin" '
        'sandbox="allow-scripts allow-same-origin allow-presentation"></iframe></span>'
    )
    assert "iframe" not in convert("> [!VIDEO javascript:alert(1)]\n", "lv", None)


def test_image_and_xref() -> None:
    text = ':::image type="content" source="media/a b.png" alt-text="Logs [1]" border="false":::\n'
    assert expand(text, None) == "![Logs \\[1\\]](<media/a b.png>)\n"
    complex_image = (
        "See :::image type=complex source=media/x.png alt-text=Diagram:::\nLong\ntext\n"
        ":::image-end:::"
    )
    assert expand(complex_image, None) == (
        'See <span class="mx-imgBorder">![Diagram](media/x.png "Long text")</span>'
    )
    assert expand("<xref:System.String?displayProperty=fullName>", None) == "`System.String`"
    assert expand("[the cmdlet](xref:Set-Mailbox)", None) == "the cmdlet"


def test_includes_block_inline_nested_and_rebased() -> None:
    folder = folder_of(
        {
            "a/page.md": FRONT + "1. Step\n\n   [!INCLUDE[x](../includes/block.md)]\n\n"
            "Use [!INCLUDE[n](../includes/name.md)] now.\n",
            "includes/block.md": pair("i-1", "Pirmā", "First")
            + "\n\n![Attēls](../media/x.png)\n\n[!INCLUDE[n](name.md)]\n",
            "includes/name.md": FRONT + pair("i-2", "Vārds", "Name") + "\n",
        }
    )
    page = folder.documents["a/page.md"]
    lv = render_page(page, Language.TRANSLATION, folder.for_page(page, Language.TRANSLATION))
    assert lv.markdown.split("---\n", 2)[2] == (
        "1. Step\n\n    Pirmā\n\n    ![Attēls](../media/x.png)\n\n    Vārds\n\nUse Vārds now.\n"
    )
    en = render_page(page, Language.ENGLISH, folder.for_page(page, Language.ENGLISH))
    assert "    First\n" in en.markdown
    assert "Use Name now." in en.markdown


def test_rebase_moves_relative_links_only() -> None:
    text = "[a](../media/x.png) [b](https://x.example/y) [c](#top) <img src='../m/y.png'>"
    assert rebase(text, "includes", "a/b") == (
        "[a](../../media/x.png) [b](https://x.example/y) [c](#top) <img src='../../m/y.png'>"
    )


@pytest.mark.parametrize(
    ("line", "target", "column", "why"),
    [
        ("[!INCLUDE[x](../../secret.md)]", "../../secret.md", 1, "leaves the repository"),
        ("Text [!INCLUDE[x](/etc/passwd)]", "/etc/passwd", 6, "is absolute"),
        ("  ![x](../../../etc/hosts.png)", "../../../etc/hosts.png", 3, "leaves the repository"),
        (':::image type=content source="../out.png" alt-text="x":::', "../out.png", 1, "leaves"),
        ("[!INCLUDE[x](C:/Windows/win.ini)]", "C:/Windows/win.ini", 1, "is absolute"),
    ],
)
def test_paths_leaving_the_repository_are_refused_at_their_place(
    line: str, target: str, column: int, why: str, tmp_path: Path
) -> None:
    """The page is built with a placeholder where the construct stood; the refusal is a
    warning at the construct's place."""
    (tmp_path / "page.md").write_text(FRONT + "# T\n\n" + line + "\n", encoding="utf-8")
    folder = folder_of({"page.md": FRONT + "# T\n\n" + line + "\n"}, tmp_path)
    page = folder.documents["page.md"]
    resolver = folder.for_page(page, Language.ENGLISH)
    built = render_page(page, Language.ENGLISH, resolver)
    (warning,) = resolver.warnings
    assert str(warning).startswith(f"page.md:7:{column}: path '{target}' {why}")
    assert str(warning).endswith("; expected a relative path to a file inside the repository")
    assert 'class="docfx-missing"' in built.markdown or 'class="missing-media"' in built.markdown


def test_error_positions_point_into_the_source_for_both_languages() -> None:
    text = (
        FRONT + "x " + pair("p-1", "Lūdzu [!INCLUDE[a](../x.md)]", "Please [!INCLUDE[a](../x.md)]")
    )
    document = parse(text, "p.md")
    lines = text.split("\n")
    for language, before in ((Language.TRANSLATION, "x Lūdzu "), (Language.ENGLISH, "x Please ")):
        line, column = body_position(document, language, len(before))
        assert line == 5
        assert lines[line - 1][column - 1 :].startswith("[!INCLUDE[a](../x.md)]</span>")
    assert body_position(document, Language.TRANSLATION, 8) == (5, 33)


def test_positions_after_a_leading_line_break_point_into_the_source() -> None:
    """A segment's leading line break is a space on the page (``model.inline_text``); an
    offset behind it still maps to its place in the source."""
    text = FRONT + "1. " + pair("p-1", "\n      Lūdzu [!INCLUDE[a](../x.md)]", "Please")
    document = parse(text, "p.md")
    line, column = body_position(document, Language.TRANSLATION, len("1.  Lūdzu "))
    assert text.split("\n")[line - 1][column - 1 :].startswith("[!INCLUDE[a](../x.md)]</span>")


def test_the_translation_page_reports_where_the_source_has_it(tmp_path: Path) -> None:
    """The hover spans wrapped around the translation's segments before a construct do not
    move its report: both pages point at the same place of the source."""
    text = (
        FRONT
        + pair("p-1", "Pirmais teikums.", "First sentence.")
        + " "
        + pair("p-2", "Otrais.", "Second.")
        + "\n\n[!INCLUDE[m](includes/none.md)] "
        + pair("p-3", "Trešais ![a](media/none.png).", "Third ![a](media/none.png).")
        + "\n"
    )
    folder = folder_of({"page.md": text}, tmp_path)
    page = folder.documents["page.md"]
    line = text.split("\n")[6]
    for language, after in (
        (Language.TRANSLATION, "![a](media/none.png).</span><span class"),
        (Language.ENGLISH, "![a](media/none.png).</span></span>"),
    ):
        resolver = folder.for_page(page, language)
        render_page(page, language, resolver)
        include, image = (str(warning).split(";")[0] for warning in resolver.warnings)
        assert include == "page.md:7:1: included source 'includes/none.md' does not exist"
        assert image.startswith("page.md:7:")
        assert line[int(image.split(":")[2]) - 1 :].startswith(after)


def test_missing_and_circular_includes() -> None:
    folder = folder_of(
        {
            "page.md": FRONT + "[!INCLUDE[a](includes/a.md)]\n\n[!INCLUDE[m](includes/none.md)]\n",
            "includes/a.md": "[!INCLUDE[b](b.md)]\n",
            "includes/b.md": "[!INCLUDE[a](a.md)]\n",
        }
    )
    page = folder.documents["page.md"]
    resolver = folder.for_page(page, Language.ENGLISH)
    built = render_page(page, Language.ENGLISH, resolver)
    assert [str(warning).split(";")[0] for warning in resolver.warnings] == [
        "includes/b.md:1:1: include cycle: page.md -> includes/a.md -> includes/b.md -> includes/a.md",
        "page.md:7:1: included source 'includes/none.md' does not exist",
    ]
    assert built.markdown.count('class="docfx-missing"') == 2
    assert "The included text includes/none.md could not be found." in built.markdown
    del folder.documents["includes/b.md"]
    resolver = folder.for_page(page, Language.TRANSLATION)
    built = render_page(page, Language.TRANSLATION, resolver)
    assert str(resolver.warnings[0]).startswith(
        "includes/a.md:1:1: included source 'b.md' does not exist"
    )
    assert "Iekļauto tekstu b.md nevarēja atrast." in built.markdown


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
        FRONT + "# T\n\n[!INCLUDE[x](includes/linked.md)]\n", encoding="utf-8"
    )
    (source / "ok.md").write_text(FRONT + "# T\n\n![x](media/linked.png)\n", encoding="utf-8")
    split = split_tree(source, tmp_path / "docs")
    assert sorted(split.articles) == ["ok.md", "page.md"]
    warnings = sorted(str(warning) for warning in split.warnings)
    assert warnings == [
        "media/linked.png:1:1: symlink points outside the source folder; "
        "expected a media file inside the source folder",
        "ok.md:7:1: path 'media/linked.png' is a symlink out of the repository; "
        "expected a relative path to a file inside the repository",
        "page.md:7:1: path 'includes/linked.md' is a symlink out of the repository; "
        "expected a relative path to a file inside the repository",
    ]
    assert "secret" not in (tmp_path / "docs" / "en" / "page.md").read_text(encoding="utf-8")
    assert not list((tmp_path / "docs").rglob("*.png"))
    assert copy_media(source, [tmp_path / "again"], []) == 0


def test_media_path_takes_the_files_own_spelling(tmp_path: Path) -> None:
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "Mouse_Over.GIF").write_bytes(b"GIF89a")
    folder = folder_of(
        {"a/page.md": FRONT + "![x](../media/mouse_over.gif) ![y](../media/none.png)\n"}, tmp_path
    )
    page = folder.documents["a/page.md"]
    resolver = folder.for_page(page, Language.TRANSLATION)
    lv = render_page(page, Language.TRANSLATION, resolver)
    assert lv.markdown.endswith(
        "![x](../media/Mouse_Over.GIF) "
        '<span class="missing-media" data-missing-src="../media/none.png" '
        'title="Attēls nav pieejams">y</span>\n'
    )
    (warning,) = resolver.warnings
    assert str(warning).startswith("a/page.md:5:31: image '../media/none.png' is not in the source")


def test_include_inside_an_alert_keeps_the_quote_prefix() -> None:
    folder = folder_of(
        {"p.md": FRONT + "> [!NOTE]\n> [!INCLUDE[x](i/b.md)]\n", "i/b.md": "One.\n\nTwo.\n"}
    )
    page = folder.documents["p.md"]
    en = render_page(page, Language.ENGLISH, folder.for_page(page, Language.ENGLISH))
    assert en.markdown.endswith('!!! note "Note"\n\n    One.\n\n    Two.\n')


def test_includes_in_list_items_and_table_cells_and_per_section_folders() -> None:
    """A block include in a list item stays in the item; an inline include in a table cell keeps
    the row one row (its | escaped); includes live in any includes/ folder, nested ones too."""
    folder = folder_of(
        {
            "develop/page.md": FRONT
            + "1. Step one.\n\n   [!INCLUDE[s](includes/steps.md)]\n\n2. Step two.\n\n"
            + "| Name | Value |\n|---|---|\n| A | [!INCLUDE[v](includes/value.md)] |\n",
            "develop/includes/steps.md": "First line.\n\n[!INCLUDE[n](nested.md)]\n",
            "develop/includes/nested.md": "Nested text.\n",
            "develop/includes/value.md": "one | two\n",
        }
    )
    page = folder.documents["develop/page.md"]
    resolver = folder.for_page(page, Language.ENGLISH)
    markdown = render_page(page, Language.ENGLISH, resolver).markdown
    assert resolver.warnings == []
    assert "1. Step one.\n\n    First line.\n\n    Nested text.\n\n2. Step two." in markdown
    assert "| A | one \\| two |" in markdown
