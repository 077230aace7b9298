"""Every file of a source folder is classified once (``source.files``) and every one is
accounted for by the split: a page, an asset, an include, navigation, data, or a reported line.

``tests/fixtures/every-kind`` holds one file of every kind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bilingual.cli import main
from bilingual.source.files import Kind, classify, glob_pattern, read_files
from bilingual.split.full import split_tree

EVERY_KIND = Path(__file__).parent.parent / "fixtures" / "every-kind"


@pytest.mark.parametrize(
    ("path", "yaml", "kind"),
    [
        ("a.md", None, Kind.ARTICLE),
        ("sub/README.md", None, Kind.ARTICLE),
        ("includes/a.md", None, Kind.INCLUDE),
        ("sub/includes/a.md", None, Kind.INCLUDE),
        ("includes.md", None, Kind.ARTICLE),
        ("TOC.yml", None, Kind.TOC),
        ("sub/Toc.yml", None, Kind.TOC),
        ("TOC.md", None, Kind.TOC),
        ("breadcrumb/toc.yml", None, Kind.TOC),
        ("nav.yml", "TOC", Kind.TOC),
        ("index.yml", "Landing", Kind.PAGE),
        ("faq.yml", "FAQ", Kind.PAGE),
        ("hub.yaml", "Hub", Kind.PAGE),
        ("new.yml", "SomethingNew", Kind.PAGE),
        ("context.yml", "ContextObject", Kind.DATA),
        ("zone-pivot-groups.yml", None, Kind.DATA),
        ("chromeless.yml", "Yaml", Kind.DATA),
        ("pipeline.yml", None, Kind.CODE),
        ("media/a.PNG", None, Kind.MEDIA),
        ("video.mp4", None, Kind.MEDIA),
        ("code/a.cs", None, Kind.CODE),
        ("docfx.json", None, Kind.CONFIG),
        ("notes.bin", None, Kind.OTHER),
        ("LICENSE", None, Kind.OTHER),
    ],
)
def test_a_file_is_one_kind(path: str, yaml: str | None, kind: Kind) -> None:
    assert classify(path, yaml) is kind


def test_the_folder_is_read_once_into_every_kind(tmp_path: Path) -> None:
    source = tmp_path / "docset"
    shutil.copytree(EVERY_KIND, source)
    (source / ".git").mkdir()
    (source / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    (source / ".hidden.md").write_text("hidden\n", encoding="utf-8")
    files = read_files(source)
    assert {path: (file.kind, file.yaml) for path, file in files.files.items()} == {
        "TOC.yml": (Kind.TOC, None),
        "article.md": (Kind.ARTICLE, None),
        "breadcrumb/toc.yml": (Kind.TOC, None),
        "code/sample.cs": (Kind.CODE, None),
        "context.yml": (Kind.DATA, "ContextObject"),
        "docfx.json": (Kind.CONFIG, None),
        "faq.yml": (Kind.PAGE, "FAQ"),
        "guide/steps.md": (Kind.ARTICLE, None),
        "includes/note.md": (Kind.INCLUDE, None),
        "index.yml": (Kind.PAGE, "Landing"),
        "media/picture.png": (Kind.MEDIA, None),
        "notes.bin": (Kind.OTHER, None),
        "zone-pivot-groups.yml": (Kind.DATA, "ZonePivotGroups"),
    }
    assert files.listing["toc.yml"] == "TOC.yml"
    assert files.counts()["page:FAQ"] == 1


def test_every_file_is_accounted_for(tmp_path: Path) -> None:
    """Each file reaches the site as what it is, or is one reported line."""
    docs = tmp_path / "docs"
    split = split_tree(EVERY_KIND, docs, jobs=1)
    lv, en = docs / "lv", docs / "en"
    assert sorted(split.articles) == ["article.md", "guide/steps.md"]  # articles: pages
    for page in ("article.md", "guide/steps.md"):
        assert (lv / page).is_file()
        assert (en / page).is_file()
    article = (lv / "article.md").read_text(encoding="utf-8")
    assert "Piezīme." in article  # the include: part of the page that includes it
    assert "WriteLine" in article  # the code file: shown by the snippet (highlighted)
    assert (lv / "media" / "picture.png").is_file()  # media: in every language
    assert (en / "media" / "picture.png").is_file()
    assert "Katrs veids" in (lv / "index.md").read_text(encoding="utf-8")  # the landing page
    assert (lv / "toc.json").is_file()  # the TOC: the tree
    assert split.files == {
        "lv": {
            "article": 2,
            "include": 1,
            "page:Landing": 1,
            "page:FAQ": 1,
            "toc": 2,
            "data": 2,
            "media": 1,
            "code": 1,
            "config": 1,
            "other": 1,
        }
    }
    assert [str(line) for line in split.not_on_site] == [
        "notes.bin:1:1: neither a page, media, an include, a code file nor navigation, so not on "
        "the site; expected a .md article, a YamlMime page, an image or video, a code file or a TOC"
    ]
    faq = (lv / "faq.md").read_text(encoding="utf-8")  # the YAML page: a page of its own
    assert "Kas tas ir?" in faq
    assert "<strong>piemērs</strong>" in faq
    assert split.navigation is not None
    assert not split.navigation.problems  # nothing left out


def test_the_split_reports_the_files_by_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["split", "--source", str(EVERY_KIND), "--docs", str(tmp_path / "docs")])
    err = capsys.readouterr().err
    assert status == 0
    assert "notes.bin:1:1: neither a page" in err
    line = next(line for line in err.splitlines() if line.startswith("files: lv: "))
    assert line == (
        "files: lv: 2 article, 1 include, 1 page:FAQ, 1 page:Landing, 2 data, 2 toc, 1 media, "
        "1 code, 1 config, 1 other"
    )


@pytest.mark.parametrize(
    ("glob", "path", "matches"),
    [
        ("**/*.md", "a.md", True),
        ("**/*.md", "x/y/a.MD", True),
        ("**/*.md", "a.yml", False),
        ("**/includes/**", "x/includes/a.md", True),
        ("**/includes/**", "includes/a.md", True),
        ("**/includes/**", "x/include/a.md", False),
        ("README.md", "README.md", True),
        ("README.md", "sub/README.md", False),
        ("_themes/**", "_themes/a/b.md", True),
        ("*.md", "sub/a.md", False),
        ("a?.md", "ab.md", True),
        ("./docs/*.md", "docs/a.md", True),
    ],
)
def test_docfx_globs(glob: str, path: str, matches: bool) -> None:
    assert bool(glob_pattern(glob).fullmatch(path)) is matches


def test_what_docfx_json_leaves_out_is_no_page_and_one_line(tmp_path: Path) -> None:
    source = tmp_path / "docset"
    shutil.copytree(EVERY_KIND, source)
    (source / "docfx.json").write_text(
        '{"build": {"content": [{"files": ["**/*.md", "**/*.yml"], '
        '"exclude": ["**/includes/**", "README.md", "drafts/**"]}]}}',
        encoding="utf-8",
    )
    (source / "README.md").write_text("# Read me\n", encoding="utf-8")
    (source / "drafts").mkdir()
    shutil.copy(source / "article.md", source / "drafts" / "draft.md")
    shutil.copy(source / "article.md", source / "guide" / "README.md")  # not the root's: built
    files = read_files(source)
    assert files.paths(Kind.EXCLUDED) == ["README.md", "drafts/draft.md"]
    assert files.files["includes/note.md"].kind is Kind.INCLUDE  # still what articles include
    assert "guide/README.md" in files.paths(Kind.ARTICLE)
    split = split_tree(source, tmp_path / "docs", jobs=1)
    assert sorted(split.articles) == ["article.md", "guide/README.md", "guide/steps.md"]
    assert not (tmp_path / "docs" / "lv" / "drafts").exists()
    lines = [str(line) for line in split.not_on_site]
    assert lines[1:] == [
        f"{path}:1:1: left out of the build by docfx.json (build.content: its files and exclude "
        "globs), so not on the site, as DocFX builds no page of it; expected a file docfx.json's "
        "content globs take in, to be a page"
        for path in ("README.md", "drafts/draft.md")
    ]
