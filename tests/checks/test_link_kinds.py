"""``make links`` keeps apart what the generator lost from what the sources themselves lack: an
anchor a source links to that its target never had is the source's problem, an image missing
from the source (the page shows its alt text) is listed as ``media`` and fails nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual.checks.links.anchors import article_of, docfx_heading_id
from bilingual.cli import main
from bilingual_text import article, pair

pytestmark = pytest.mark.site


def test_heading_ids_as_docfx_makes_them() -> None:
    assert docfx_heading_id("Product recommendation or **Next** Best Action") == (
        "product-recommendation-or-next-best-action"
    )
    assert docfx_heading_id("What's new?") == "whats-new"


def test_a_built_page_is_the_page_of_its_article() -> None:
    languages = {"en"}
    assert article_of("en/a/b/index.html", languages) == "a/b.md"
    assert article_of("a/b/index.html", languages) == "a/b.md"
    assert article_of("index.html", languages) == "index.md"
    assert article_of("en/index.html", languages) == "index.md"


def test_source_anchors_and_missing_media_are_kinds_of_their_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    (source / "target.md").write_text(
        article(
            "# " + pair("t-1", "Mērķis", "Target") + "\n\n"
            '## <a name="kept"></a>' + pair("t-2", "Sadaļa", "Section") + "\n\n"
            "## " + pair("t-3", "Otrā daļa", "Second part") + "\n"
        ),
        encoding="utf-8",
    )
    (source / "from.md").write_text(
        article(
            "# " + pair("f-1", "No", "From") + "\n\n"
            "[" + pair("f-2", "Labi", "Fine") + "](target.md#kept) "
            "[" + pair("f-3", "Virsraksts", "Heading") + "](target.md#second-part) "
            "[" + pair("f-4", "Kļūda", "Typo") + "](target.md#secnd-part)\n\n"
            "![" + pair("f-5", "Ekrāns", "Screen") + "](media/missing.png)\n"
        ),
        encoding="utf-8",
    )
    docs, site = tmp_path / "docs", tmp_path / "site"
    assert main(["site", "--source", str(source), "--docs", str(docs), "--site", str(site)]) == 0
    capsys.readouterr()
    assert main(["links", "--site", str(site), "--source", str(source)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1] == (
        "links: 8 pages checked, 2 broken (source 2); "
        "media 2: images not in the source, shown as alt text"
    )
    typos = [line for line in out if "#secnd-part" in line]
    assert len(typos) == 2  # on both languages' pages
    for typo in typos:
        assert "its source from.md links to an anchor the target article does not have" in typo
    assert not [line for line in out if "#second-part" in line]  # the English id, on both pages
    media = [
        line
        for line in out
        if line.endswith("image not in the source; the page shows its alt text")
    ]
    assert [line.split(": ")[1] for line in media] == ["media/missing.png", "media/missing.png"]
