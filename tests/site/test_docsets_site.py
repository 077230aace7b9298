"""A real MkDocs build of several docsets in one site (``split.docsets``): the home page of each
language leads to each docset's own home page, and a docset's page shows its own tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES

pytestmark = pytest.mark.site

SOURCES = [
    FIXTURES / "navsite" / "docset",
    FIXTURES / "every-kind",
    FIXTURES / "locales" / "lv",
    FIXTURES / "locales" / "de",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bilingual.site.build import build
    from bilingual.split.docsets import split_docsets

    root = tmp_path_factory.mktemp("docsets-site")
    split = split_docsets(SOURCES, root / "docs")
    build(split.translation, root / "docs", root / "site")
    return root / "site"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize(
    ("home", "count"), [("index.html", 3), ("de/index.html", 1), ("en/index.html", 3)]
)
def test_each_home_page_leads_to_its_docsets(site: Path, home: str, count: int) -> None:
    links = soup(site / home).select("article li a")
    assert len(links) == count
    for link in links:
        target = (site / home).parent / str(link["href"]) / "index.html"
        assert target.is_file(), link["href"]


def test_a_docset_s_page_shows_its_own_tree(site: Path) -> None:
    page = soup(site / "navsite" / "get-started" / "index.html")
    tree = page.select_one(".help-toc")
    assert tree is not None
    address = str(tree.get("data-toc")).split("?")[0]
    tree_file = (site / "navsite" / "get-started" / address).resolve()
    assert tree_file == (site / "navsite" / "toc.json").resolve()
    assert tree_file.is_file()
    assert page.select_one("a[aria-current=page]") is not None


def test_the_same_article_in_another_language_is_the_switcher_s_target(site: Path) -> None:
    page = soup(site / "lv" / "sign-in" / "index.html")
    alternates = {str(a["hreflang"]): str(a["href"]) for a in page.select("link[hreflang]")}
    assert alternates["de"].endswith("de/lv/sign-in/")
    assert alternates["en"].endswith("en/lv/sign-in/")


def test_a_page_s_breadcrumb_leads_through_its_docset(site: Path) -> None:
    page = soup(site / "navsite" / "mail" / "set-up-mail" / "index.html")
    crumbs = page.select(".md-path__link")
    assert crumbs[0]["href"] == "../../.."  # the site's home page
    assert crumbs[1].get_text(strip=True) == "Navigācijas paraugs"  # the docset's own name
    assert crumbs[1]["href"] == "../../"
    docset_home = soup(site / "navsite" / "index.html")
    assert [a["href"] for a in docset_home.select(".md-path__link")] == [".."]
