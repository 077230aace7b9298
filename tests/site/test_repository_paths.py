"""A docset inside its repository, as Microsoft's repositories lay them out: ``~/`` paths from the
docset's root (the folder of ``docfx.json``), a shared ``images/`` folder at the repository's
root, and nothing from outside the repository. Built for real, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bilingual.site.build import build
from bilingual.split.full import split_tree
from bilingual_text import article, pair

pytestmark = pytest.mark.site
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("repository")
    (root / ".git").mkdir()
    (root / "images").mkdir()
    (root / "images" / "shared.png").write_bytes(PNG)
    (root / "escape.png").write_bytes(PNG)
    docs = root / "docs"
    (docs / "includes").mkdir(parents=True)
    (docs / "section").mkdir()
    (docs / "docfx.json").write_text('{"build": {}}', encoding="utf-8")
    (docs / "includes" / "note.md").write_text(
        pair("n-1", "Kopīga piezīme.", "A shared note.") + "\n", encoding="utf-8"
    )
    (docs / "other.md").write_text(
        article("# " + pair("o-1", "Cits", "Other") + "\n"), encoding="utf-8"
    )
    (docs / "section" / "page.md").write_text(
        article(
            "# " + pair("p-1", "Lapa", "Page") + "\n\n"
            "[!INCLUDE[note](~/includes/note.md)]\n\n"
            "![" + pair("p-2", "Kopīgs", "Shared") + "](../../images/shared.png)\n\n"
            "![" + pair("p-3", "No saknes", "From the root") + "](~/../images/shared.png)\n\n"
            "[" + pair("p-4", "Cits raksts", "Other article") + "](~/other.md)\n\n"
            "![" + pair("p-5", "Ārā", "Out") + "](../../../escape.png)\n"
        ),
        encoding="utf-8",
    )
    return root


@pytest.fixture(scope="module")
def built(repository: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    work = tmp_path_factory.mktemp("built")
    split = split_tree(repository / "docs", work / "docs")
    build(split.translation, work / "docs", work / "site", jobs=1)
    return work / "site", [str(warning) for warning in split.warnings]


@pytest.mark.parametrize(("prefix", "note"), [("", "Kopīga piezīme."), ("en/", "A shared note.")])
def test_tilde_paths_and_the_repositorys_images(
    built: tuple[Path, list[str]], prefix: str, note: str
) -> None:
    site, _ = built
    page = site / f"{prefix}section/page/index.html"
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    body = html.select_one("article")
    assert body is not None
    assert note in body.get_text()
    images = [str(img["src"]) for img in body.select("img")]
    assert len(images) == 2
    for source in images:
        assert source.endswith("_repository/images/shared.png")
        assert (page.parent / source).resolve().read_bytes() == PNG
    (link,) = [a for a in body.select("a[href]") if "other" in str(a["href"])]
    assert (page.parent / str(link["href"]) / "index.html").resolve().is_file()


def test_a_path_out_of_the_repository_is_refused_and_shown(built: tuple[Path, list[str]]) -> None:
    site, warnings = built
    assert any(
        "section/page.md" in warning and "'../../../escape.png' leaves the repository" in warning
        for warning in warnings
    )
    text = (site / "section/page/index.html").read_text(encoding="utf-8")
    assert 'class="missing-media"' in text
    assert "escape.png" not in [p.name for p in site.rglob("*.png")]
