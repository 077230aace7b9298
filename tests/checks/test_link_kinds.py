"""``make links`` keeps apart what the generator lost from what the sources themselves lack: an
anchor a source links to that its target never had is the source's problem, an image missing
from the source (the page shows its alt text) is listed as ``media`` and fails nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual.checks.links.built_site import Problem
from bilingual.checks.links.source_defects import article_of, as_source_defect, docfx_heading_id
from bilingual.cli import main
from bilingual.source.parse import parse
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
            "[" + pair("f-4", "Kļūda", "Typo") + "](target.md#secnd-part) "
            "**" + pair("f-6", "[Atļaut](Atļaut ierakstu)", "[Allow]") + "** "
            "[" + pair("f-7", "Trūkst", "Missing") + "](lost/page.md)\n\n"
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
        "links: 8 pages checked, 5 broken (source 5); "
        "media 2: images not in the source, shown as alt text"
    )
    typos = [line for line in out if "#secnd-part" in line]
    assert len(typos) == 2  # on both languages' pages
    for typo in typos:
        assert "its source from.md links to an anchor the target article does not have" in typo
    assert not [line for line in out if "#second-part" in line]  # the English id, on both pages
    # the translator's "[Atļaut](Atļaut ierakstu)" is no link in CommonMark (nor in DocFX): the
    # page shows it as text, and the source check names the segment whose links differ
    assert not [line for line in out if "ierakstu:" in line]
    (differ,) = [line for line in out if "segment f-6" in line]
    assert "the translation links to Atļaut where the English links to none" in differ
    lost = [line for line in out if "lost/page.md" in line or "lost/page/" in line]
    assert len(lost) == 2  # a page the tree lacks, on both languages' pages
    assert all("its source from.md links to 'lost/page.md', which no" in line for line in lost)
    media = [
        line
        for line in out
        if line.endswith("image not in the source; the page shows its alt text")
    ]
    assert [line.split(": ")[1] for line in media] == ["media/missing.png", "media/missing.png"]


def test_a_broken_link_to_a_file_the_source_has_stays_the_sites(tmp_path: Path) -> None:
    """Only what no source tree has is the source's: a link the site broke to a file the
    source does have (here ``b.md``), or one the source never wrote, stays ``internal``."""
    source, site = tmp_path / "source", tmp_path / "site"
    (source / "b.md").parent.mkdir(parents=True)
    (source / "b.md").write_text("# B\n", encoding="utf-8")
    (site / "a").mkdir(parents=True)
    document = parse(article("[" + pair("a-1", "B", "B") + "](b.md) [x](gone.md)"), "a.md")
    documents = {"a.md": [document]}
    page = str(site / "a" / "index.html")

    def kind(url: str, target: str) -> str:
        problem = Problem(page, 1, 1, url, f"no such file {target}", "internal")
        found = as_source_defect(problem, site, documents, {"en"}, [source])
        return (found or problem).kind

    assert kind("b.md", "a/b.md") == "internal"
    assert kind("never.md", "a/never.md") == "internal"
    assert kind("gone.md", "a/gone.md") == "source"
