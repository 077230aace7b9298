"""The command line: split, site and links, with their exit codes and messages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bilingual.cli import main
from conftest import FIXTURES, SEED_ARTICLE, SEED_SOURCE


def copy_seed(tmp_path: Path) -> Path:
    source = tmp_path / "source"
    shutil.copytree(SEED_SOURCE, source)
    return source


def test_split_writes_one_page_per_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs"
    assert main(["split", "--source", str(SEED_SOURCE), "--docs", str(docs)]) == 0
    assert (docs / "lv" / f"{SEED_ARTICLE}.md").is_file()
    assert (docs / "en" / f"{SEED_ARTICLE}.md").is_file()
    assert "1 articles, 9 segments, languages lv (default) and en" in capsys.readouterr().out


def test_the_splits_segments_and_its_includes_are_the_audits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An include's segments are on the pages that include it, not counted as an article's:
    the split says them apart, and together they are the audit's count."""
    source = FIXTURES / "every-kind"
    assert main(["split", "--source", str(source), "--docs", str(tmp_path / "docs")]) == 0
    said = capsys.readouterr().out
    assert "split: 2 articles, 4 segments (+1 in 1 includes), languages lv (default) and en" in said
    assert main(["audit", "--source", str(source)]) == 0
    assert '"segments": 5' in capsys.readouterr().out


def test_locale_comes_from_the_source(tmp_path: Path) -> None:
    source = copy_seed(tmp_path)
    article = source / f"{SEED_ARTICLE}.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace("lv-LV", "de-DE"), encoding="utf-8"
    )
    docs = tmp_path / "docs"
    assert main(["split", "--source", str(source), "--docs", str(docs)]) == 0
    assert sorted(p.name for p in docs.iterdir() if not p.name.startswith(".")) == ["de", "en"]


def test_pages_of_deleted_sources_and_stale_languages_disappear(tmp_path: Path) -> None:
    source = copy_seed(tmp_path)
    docs = tmp_path / "docs"
    extra = source / "extra.md"
    extra.write_text((source / f"{SEED_ARTICLE}.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["split", "--source", str(source), "--docs", str(docs)]) == 0
    assert (docs / "en" / "extra.md").exists()
    extra.unlink()
    article = source / f"{SEED_ARTICLE}.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace("lv-LV", "de-DE"), encoding="utf-8"
    )
    assert main(["split", "--source", str(source), "--docs", str(docs)]) == 0
    assert not (docs / "en" / "extra.md").exists()
    assert not (docs / "lv").exists()
    assert not [p for p in docs.iterdir() if p.name.startswith((".staging", ".old"))]


def test_malformed_source_is_built_with_a_warning_and_fails_in_strict_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = copy_seed(tmp_path)
    (source / "broken.md").write_text(
        '---\nms.contentlocale: lv-LV\n---\n<span data-ttu-id="x-1">a</span> b\n', encoding="utf-8"
    )
    docs = tmp_path / "docs"
    assert main(["split", "--source", str(source), "--docs", str(docs)]) == 0
    err = capsys.readouterr().err
    assert "broken.md:4:33: segment x-1 has no sxs-lookup half" in err
    assert (docs / "lv" / f"{SEED_ARTICLE}.md").exists()
    assert "&lt;span data-ttu-id=&quot;x-1&quot;&gt;a&lt;/span&gt; b" in (
        docs / "en" / "broken.md"
    ).read_text(encoding="utf-8")
    assert main(["split", "--source", str(source), "--docs", str(docs), "--strict"]) == 1


def test_no_locale_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "source"
    source.mkdir()
    (source / "a.md").write_text("# plain\n", encoding="utf-8")
    assert main(["split", "--source", str(source), "--docs", str(tmp_path / "docs")]) == 1
    assert capsys.readouterr().err.startswith(
        f"error: {source}: no source names its locale; expected"
    )


@pytest.mark.site
def test_links_pass_on_the_seed_site(seed_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["links", "--site", str(seed_site), "--source", str(SEED_SOURCE)]) == 0
    assert ", 0 broken" in capsys.readouterr().out


@pytest.mark.site
def test_links_fail_on_a_malformed_fwlink(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = copy_seed(tmp_path)
    article = source / f"{SEED_ARTICLE}.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace("?linkid=872110", "?linkid=87211O"),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    assert (
        main(
            ["site", "--source", str(source), "--docs", str(tmp_path / "docs"), "--site", str(site)]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["links", "--site", str(site), "--source", str(source)]) == 1
    out = capsys.readouterr().out
    assert f"{SEED_ARTICLE}.md:31:" in out
    assert "linkid '87211O' is not a number" in out
    assert f"{site}/en/{SEED_ARTICLE}/index.html:" in out
    assert f"{site}/{SEED_ARTICLE}/index.html:" in out


def test_links_without_a_site_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["links", "--site", str(tmp_path / "nothing")]) == 1
    assert "run 'make site' first" in capsys.readouterr().err


def test_unknown_xrefs_are_summed_up_per_uid_and_fail_in_strict_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bilingual_text import article, pair

    source = tmp_path / "source"
    source.mkdir()
    twice = pair("a-1", "<xref:gone> un <xref:gone>", "<xref:gone> and <xref:gone>")
    (source / "a.md").write_text(article(twice + "\n", uid="same"), encoding="utf-8")
    once = pair("b-1", '@"gone", @nothing', '@"gone", @nothing')
    (source / "b.md").write_text(article(once + "\n", uid="same"), encoding="utf-8")
    docs = tmp_path / "docs"
    assert main(["split", "--source", str(source), "--docs", str(docs)]) == 0
    err = capsys.readouterr().err
    assert err.count("xref 'gone'") == 1
    assert "split: xref 'gone' names no article of the docset (3 references, shown as text; " in err
    assert "first at a.md:6:25)" in err
    assert "nothing" not in err  # a bare @word is no reference DocFX warns of
    assert "b.md:1:1: uid 'same' is also the uid of a.md; cross references link to a.md" in err
    assert main(["split", "--source", str(source), "--docs", str(docs), "--strict"]) == 1
