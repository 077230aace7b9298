"""A real MkDocs build of a small tree in the shapes of real sources: nested folders, includes,
media, alerts, video, relative links; asserted on the HTML, and checked by ``parity``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from bilingual.checks.parity import compare
from bilingual.cli import main
from conftest import FIXTURES

pytestmark = pytest.mark.site

TREE = FIXTURES / "site-tree"
ARTICLES = ("sign-in-to-outlook", "setup/advanced/configure-mail", "setup/advanced/add-account")
ROOTS = {"lv": "", "en": "en/"}


@pytest.fixture(scope="module")
def tree_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bilingual.site.build import build
    from bilingual.split.full import split_tree

    root = tmp_path_factory.mktemp("tree")
    split = split_tree(TREE, root / "docs")
    assert split.problems == []
    build(split.translation, root / "docs", root / "site")
    return root / "site"


def article(site: Path, code: str, name: str) -> tuple[Path, Tag]:
    page = site / f"{ROOTS[code]}{name}/index.html"
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found = html.select_one("article")
    assert found is not None
    return page, found


@pytest.mark.parametrize(
    ("code", "titles"),
    [
        ("lv", ["Piezīme", "Padoms", "Svarīgi", "Brīdinājums", "Uzmanību"]),
        ("en", ["Note", "Tip", "Important", "Warning", "Caution"]),
    ],
)
def test_alerts_are_admonitions_in_the_page_language(
    tree_site: Path, code: str, titles: list[str]
) -> None:
    _, body = article(tree_site, code, "sign-in-to-outlook")
    found = [t.get_text() for t in body.select("div.admonition > p.admonition-title")]
    assert found == titles
    assert not [q for q in body.select("blockquote") if "[!NOTE]" in q.get_text()]


@pytest.mark.parametrize("code", ["lv", "en"])
def test_video_is_an_embedded_player_and_scripts_are_not(tree_site: Path, code: str) -> None:
    _, body = article(tree_site, code, "sign-in-to-outlook")
    frames = body.select("span.docfx-video > iframe")
    assert [f["src"] for f in frames] == [
        "https://www.microsoft.com/videoplayer/embed/RE1FOfN?autoplay=false"
    ]
    assert "javascript:" not in " ".join(str(f.get("src")) for f in body.select("[src]"))


@pytest.mark.parametrize("code", ["lv", "en"])
@pytest.mark.parametrize("name", ARTICLES)
def test_images_resolve_from_both_languages(tree_site: Path, code: str, name: str) -> None:
    page, body = article(tree_site, code, name)
    images = body.select("img")
    assert images
    for image in images:
        target = (page.parent / str(image["src"])).resolve()
        assert target.is_file(), (name, image["src"])
        assert target.suffix == ".png"


@pytest.mark.parametrize("code", ["lv", "en"])
def test_relative_links_across_folders_resolve(tree_site: Path, code: str) -> None:
    page, body = article(tree_site, code, "setup/advanced/configure-mail")
    hrefs = [str(a["href"]) for a in body.select("li a")]
    assert hrefs == ["../../../sign-in-to-outlook/#top", "../add-account/"]
    for href in hrefs:
        target = page.parent / href.split("#")[0] / "index.html"
        assert target.resolve().is_file(), href
    _, top = article(tree_site, code, "sign-in-to-outlook")
    assert top.select_one("h1#top") is not None  # the heading's anchor is its id, as in DocFX


@pytest.mark.parametrize(("code", "text"), [("lv", "Vārds"), ("lv", "Microsoft 365")])
def test_includes_are_in_the_page_language(tree_site: Path, code: str, text: str) -> None:
    _, body = article(tree_site, code, "setup/advanced/add-account")
    assert "Pierakstieties ar savu darba kontu." in body.get_text()
    _, en = article(tree_site, "en", "setup/advanced/add-account")
    assert "Sign in with your work account." in en.get_text()
    _, main_page = article(tree_site, code, "sign-in-to-outlook")
    assert "Ievadiet savu Microsoft 365 paroli." in main_page.get_text()


def test_parity_of_the_tree_is_complete(tree_site: Path) -> None:
    report = compare(TREE, tree_site)
    assert report.mismatches == []
    assert report.pages == {"lv": 4, "en": 4}
    assert report.percent("lv") == report.percent("en") == 100.0


def test_parity_reports_a_page_whose_blocks_differ(
    tree_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    shutil.copytree(tree_site, site)
    page = site / "en/setup/advanced/configure-mail/index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("<ol>", "<ul>").replace("</ol>", "</ul>"),
        encoding="utf-8",
    )
    assert main(["parity", "--source", str(TREE), "--site", str(site)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("setup/advanced/configure-mail.md [en]: at ")
    assert json.loads(lines[-1])["parity"] == {"lv": 100.0, "en": 75.0}


def test_parity_command_builds_and_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parity", "--source", str(TREE)]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["parity"] == {"lv": 100.0, "en": 100.0}


@pytest.mark.corpus
def test_parity_on_the_german_sample(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["parity", "--source", str(corpus / "alchemy-de-DE-sample")])
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["pages"] == {"de": 150, "en": 150}
    assert status == 0, summary


@pytest.mark.parametrize("code", ["lv", "en"])
def test_code_blocks_at_any_depth_end_where_commonmark_ends_them(
    tree_site: Path, code: str
) -> None:
    """Info strings real docsets use (``command&nbsp;line``, ``azurecli-interactive``), tildes,
    longer closing fences, fences in list items and quotes: five code blocks, and the text after
    them is text, not code."""
    _, found = article(tree_site, code, "setup/code-samples")
    blocks = found.select("pre")
    assert len(blocks) == 5
    assert "Set-MailboxFolderPermission" in blocks[0].get_text()
    assert blocks[1].find_parent("li") is not None
    assert 'var x = "```";' in blocks[2].get_text()
    assert blocks[3].find_parent("blockquote") is not None
    assert "nested fence text" in blocks[3].get_text()
    last = found.select("p")[-1]
    assert last.find_parent("pre") is None
    assert ("Teksts pēc koda." if code == "lv" else "Text after the code.") in last.get_text()
