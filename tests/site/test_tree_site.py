"""A real MkDocs build of a multi-folder source (tests/fixtures/tree), asserted on its HTML.

The fixture has a ``TOC.yml``, an ``index.md``, an ``includes/`` fragment, a subfolder
(``guides/``) and a media file: the site must keep all of it, and no page may carry a
navigation that grows with the number of articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bilingual_text import article, pair
from conftest import FIXTURES

pytestmark = pytest.mark.site

TREE = FIXTURES / "tree"
ARTICLES = ["set-up-mail", "share-calendar", "error-5-7-750", "record-a-call"]
GUIDES = ["guides/new-users", "guides/licenses"]
HOMES = {"lv": "index.html", "en": "en/index.html"}


@pytest.fixture(scope="module")
def tree_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bilingual.site.build import build
    from bilingual.split.full import split_tree

    root = tmp_path_factory.mktemp("tree")
    split = split_tree(TREE, root / "docs")
    assert not split.problems
    build(split.translation, root / "docs", root / "site")
    return root / "site"


def html(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def article_page(code: str, name: str) -> str:
    return f"{name}/index.html" if code == "lv" else f"en/{name}/index.html"


def resolve(site: Path, page: str, href: str) -> Path:
    target = ((site / page).parent / href.split("#")[0]).resolve()
    return target / "index.html" if target.is_dir() else target


@pytest.mark.parametrize(
    ("code", "section", "first"),
    [
        ("lv", "Pasts un kalendārs", "Pasta iestatīšana"),
        ("en", "Pasts un kalendārs", "Set up mail"),
    ],
)
def test_home_groups_toc_sections_first(
    tree_site: Path, code: str, section: str, first: str
) -> None:
    article = html(tree_site, HOMES[code]).select_one("article")
    assert article is not None
    headings = [h.get_text().strip("¶ ") for h in article.select("h2")]
    assert headings[:2] == [section, "Rokasgrāmatas"]
    section_list = article.select("h2")[0].find_next_sibling("ul")
    assert section_list is not None
    assert next(a.get_text() for a in section_list.select("a")) == first


@pytest.mark.parametrize("code", ["lv", "en"])
def test_home_lists_every_article_once_per_folder_group(tree_site: Path, code: str) -> None:
    soup = html(tree_site, HOMES[code])
    root_group = soup.select_one("h2#index")
    guides_group = soup.select_one("h2#index-guides")
    assert root_group is not None
    assert guides_group is not None
    root_list = root_group.find_next_sibling("ul")
    guides_list = guides_group.find_next_sibling("ul")
    assert root_list is not None
    assert guides_list is not None
    for group, names in ((root_list, ARTICLES), (guides_list, GUIDES)):
        targets = [resolve(tree_site, HOMES[code], str(a["href"])) for a in group.select("a")]
        assert sorted(targets) == sorted(tree_site / article_page(code, n) for n in names)
        assert all(target.is_file() for target in targets)


def test_home_keeps_the_source_index_text(tree_site: Path) -> None:
    assert "raksti par pastu" in html(tree_site, HOMES["lv"]).get_text()
    assert "articles about mail" in html(tree_site, HOMES["en"]).get_text()


@pytest.mark.parametrize("code", ["lv", "en"])
def test_article_pages_carry_no_global_navigation(tree_site: Path, code: str) -> None:
    """An article page links to its home page, never to the list of other articles."""
    page = article_page(code, "set-up-mail")
    soup = html(tree_site, page)
    others = ARTICLES[1:] + GUIDES
    hrefs = [str(a["href"]) for a in soup.select("a[href]")]
    assert not [h for h in hrefs if any(name.rsplit("/", 1)[-1] in h for name in others)]
    nav_links = soup.select("nav.md-nav--primary a.md-nav__link")
    assert len(nav_links) <= 2
    crumb = soup.select_one("nav.md-path a[rel=index]")
    assert crumb is not None
    assert resolve(tree_site, page, str(crumb["href"])) == (tree_site / HOMES[code]).resolve()


@pytest.mark.parametrize("code", ["lv", "en"])
def test_subfolder_article_in_both_languages_links_to_its_group(tree_site: Path, code: str) -> None:
    """The fixture has no breadcrumb TOC and no TOC entry above guides/licenses (no TOC lists
    it): its breadcrumb's last resort, its folder's group on the home page."""
    page = article_page(code, "guides/licenses")
    soup = html(tree_site, page)
    assert soup.html is not None
    assert soup.html["lang"] == code
    crumbs = soup.select("nav.md-path a")
    assert str(crumbs[-1]["href"]).endswith("#index-guides")
    assert crumbs[-1].get_text().strip() == "Guides"


@pytest.mark.parametrize("code", ["lv", "en"])
def test_a_toc_group_without_a_link_is_a_place_of_text_in_the_breadcrumb(
    tree_site: Path, code: str
) -> None:
    """guides/new-users is listed under the TOC's "Rokasgrāmatas", which opens nothing: its
    breadcrumb names it (the translation's name on both sides) instead of the folder."""
    places = html(tree_site, article_page(code, "guides/new-users")).select(".md-path__item")
    assert len(places) == 2
    last = places[-1]
    assert last.select("a") == []
    assert last.get_text().strip() == "Rokasgrāmatas"
    assert last.select_one(".md-path__link[lang]") is (None if code == "lv" else last.span)


@pytest.mark.parametrize("code", ["lv", "en"])
def test_media_is_copied_into_each_language_and_resolves(tree_site: Path, code: str) -> None:
    page = article_page(code, "set-up-mail")
    images = html(tree_site, page).select("article img")
    assert len(images) == 1
    copy = tree_site / ("" if code == "lv" else "en") / "media/settings.png"
    assert resolve(tree_site, page, str(images[0]["src"])) == copy
    assert copy.read_bytes() == (TREE / "media/settings.png").read_bytes()


def test_includes_are_not_published_as_articles(tree_site: Path) -> None:
    assert not list(tree_site.rglob("includes"))
    assert not list(tree_site.rglob("shared-note*"))


def test_an_include_no_article_names_is_reported(tmp_path: Path) -> None:
    from bilingual.split.full import split_tree

    split = split_tree(TREE, tmp_path / "docs")
    assert split.unused_includes == ["includes/shared-note.md"]


def test_the_shared_markdown_converter_changes_no_page(
    tree_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build shares one Markdown converter between pages; a converter per page, as MkDocs
    does by itself, gives the same HTML."""
    from contextlib import nullcontext

    from bilingual.site import internals
    from bilingual.site.build import build
    from bilingual.split.full import split_tree

    split = split_tree(TREE, tmp_path / "docs")
    monkeypatch.setattr(internals, "shared_markdown", nullcontext)
    build(split.translation, tmp_path / "docs", tmp_path / "site")
    pages = sorted(p.relative_to(tree_site) for p in tree_site.rglob("*.html"))
    assert pages == sorted(
        p.relative_to(tmp_path / "site") for p in (tmp_path / "site").rglob("*.html")
    )
    for page in pages:
        assert (tree_site / page).read_bytes() == (tmp_path / "site" / page).read_bytes(), page


def test_the_index_is_left_out_of_search(tree_site: Path) -> None:
    """The home page repeats every title: it would be a result of every search."""
    from bilingual.site.search.shards import read_language

    for prefix in ("", "en/"):  # one index per language, its locations relative to its root
        docs = read_language(tree_site / prefix / "search")
        locations = {doc["location"].split("#")[0] for doc in docs}
        assert "" not in locations
        assert "set-up-mail/" in locations


@pytest.mark.parametrize("folder", ["my_folder", "Two Words", "a.b/c_d"])
def test_the_breadcrumb_links_to_its_folders_group_on_the_home_page(
    folder: str, tmp_path: Path
) -> None:
    """The breadcrumb's anchor and the home page's group id come from one function
    (``pages.home.folder_anchor``), whatever the folder's name."""
    from bilingual.checks.links.built_site import check_site
    from bilingual.site.build import build
    from bilingual.split.full import split_tree

    source = tmp_path / "source"
    (source / folder).mkdir(parents=True)
    (source / folder / "raksts.md").write_text(
        article("# " + pair("b-1", "Raksts", "Article") + "\n"), encoding="utf-8"
    )
    split = split_tree(source, tmp_path / "docs")
    build(split.translation, tmp_path / "docs", tmp_path / "site", jobs=1)
    for code, home in HOMES.items():
        page = tmp_path / "site" / (f"{code}/" if code != "lv" else "") / folder / "raksts"
        crumbs = html(tmp_path / "site", str((page / "index.html").relative_to(tmp_path / "site")))
        group = crumbs.select(".md-path__link")[-1]["href"]
        anchor = str(group).rpartition("#")[2]
        assert html(tmp_path / "site", home).find(id=anchor) is not None, (code, anchor)
    assert [p for p in check_site(tmp_path / "site") if p.kind == "anchor"] == []
