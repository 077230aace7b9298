"""A real MkDocs build of ``tests/fixtures/navsite`` (a folder's own TOC, a nested TOC file,
landing pages, redirects), asserted on its HTML in both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from bilingual.checks.links.built_site import check_site
from conftest import FIXTURES, build_source

pytestmark = pytest.mark.site

PREFIX = {"lv": "", "en": "en/"}
REDIRECTS = {
    "old-start": {"lv": "Darba sākšana", "en": "Get started"},
    "mail/old-mail": {"lv": "Pasta iestatīšana", "en": "Set up mail"},
    "old-guides": {"lv": "Rokasgrāmatas", "en": "Rokasgrāmatas"},
}


@pytest.fixture(scope="module")
def nav_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_source(FIXTURES / "navsite" / "docset", tmp_path_factory.mktemp("navsite"))


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def target(site: Path, page: str, href: str) -> Path:
    found = ((site / page).parent / href.split("#")[0]).resolve()
    return found / "index.html" if found.is_dir() else found


def one(root: BeautifulSoup | Tag, selector: str) -> Tag:
    found = root.select_one(selector)
    assert found is not None, selector
    return found


def test_the_translation_home_page_is_the_landing_page(nav_site: Path) -> None:
    page = soup(nav_site, "index.html")
    article = one(page, "article")
    assert one(article, "h1").get_text().strip("¶ ") == "Navigācijas parauga dokumentācija"
    cards = article.select(".grid.cards > ul > li")
    assert [one(card, "strong").get_text() for card in cards] == ["Darba sākšana", "Pasts"]
    assert [p.get_text() for p in article.select(".help-card__type")] == [
        "Darba sākšana",
        "Norādījumi",
        "Uzziņas",
    ]
    links = {a.get_text(): str(a["href"]) for card in cards for a in card.select("a[href]")}
    assert (
        target(nav_site, "index.html", links["Sāciet šeit"]) == nav_site / "get-started/index.html"
    )
    assert target(nav_site, "index.html", links["Rokasgrāmatas"]) == nav_site / "guides/index.html"
    assert links["Administrēšana"] == "https://learn.microsoft.com/lv-lv/microsoft-365/admin/"
    assert "Trūkstošs raksts" in cards[1].get_text()  # shown as text, not a broken link
    assert "Trūkstošs raksts" not in links
    assert one(article, "h2#index")  # the index of every article follows


def test_the_english_home_page_says_there_is_no_english_landing_page(nav_site: Path) -> None:
    article = one(soup(nav_site, "en/index.html"), "article")
    assert one(article, "h1").get_text().strip("¶ ") == "Help articles"
    notice = one(article, ".landing-notice")
    assert "no English landing page" in notice.get_text()
    assert article.select(".grid.cards") == []


def test_a_landing_page_elsewhere_is_a_page_in_both_languages(nav_site: Path) -> None:
    lv = one(soup(nav_site, "guides/index.html"), "article")
    assert one(lv, "h1").get_text().strip("¶ ") == "Rokasgrāmatas"
    en = soup(nav_site, "en/guides/index.html")
    assert one(en, ".fallback-notice")
    link = one(en, "article .grid.cards a[href]")
    assert target(nav_site, "en/guides/index.html", str(link["href"])) == (
        nav_site / "en/guides/new-users/index.html"
    )


@pytest.mark.parametrize(
    ("code", "page", "branch", "tree"),
    [
        ("lv", "mail/set-up-mail", ["Pasta iestatīšana"], "mail/toc.json"),
        ("en", "mail/set-up-mail", ["Set up mail"], "en/mail/toc.json"),
        ("lv", "guides/new-users", ["Rokasgrāmatas", "Jaunie lietotāji"], "toc.json"),
        ("en", "guides/new-users", ["Rokasgrāmatas", "New users"], "en/toc.json"),
        ("lv", "calendar/meetings", ["Sapulces"], "mail/toc.json"),
        ("en", "calendar/meetings", ["Meetings"], "en/mail/toc.json"),
    ],
)
def test_an_article_carries_the_branch_of_its_nearest_toc_with_the_current_entry_marked(
    nav_site: Path, code: str, page: str, branch: list[str], tree: str
) -> None:
    """mail/'s pages show mail/TOC.yml (the root's entry links to that folder: another TOC);
    guides/'s the root's (guides/toc.yml is nested in it); calendar/meetings mail/'s, the one TOC
    listing it (DocFX's choice before the nearest by folder, the root's)."""
    page = f"{PREFIX[code]}{page}/index.html"
    toc = one(soup(nav_site, page), "nav.md-nav--primary .help-toc")
    marked = toc.select("[aria-current=page]")
    assert [a.get_text() for a in marked] == [branch[-1]]
    assert target(nav_site, page, str(marked[0]["href"])) == nav_site / page
    names = [node.get_text() for node in toc.select(".help-toc__row > *")]
    assert names == branch  # the branch only: no sibling, no other section
    ancestors = toc.select(".help-toc__row > *")[:-1]
    assert [a.get("lang") for a in ancestors] == (["lv"] if code == "en" else [None]) * len(
        ancestors
    )
    source = target(nav_site, page, str(toc["data-toc"]).split("?")[0])
    assert source == nav_site / tree
    nodes = json.loads(source.read_text(encoding="utf-8"))
    for node in nodes:  # each link as the script resolves it: against the toc.json's folder
        if "u" in node and not node["u"].startswith("https:"):
            assert target(nav_site, tree, node["u"]).is_file(), node


HOME = {"lv": "Navigācijas parauga dokumentācija", "en": "Help articles"}


@pytest.mark.parametrize(
    ("code", "page", "places"),
    [
        # the breadcrumb TOC's place for mail/, opening its topicHref's page, named by it
        ("lv", "mail/share-calendar", [("Pasts un kalendārs", "mail/set-up-mail", None)]),
        ("en", "mail/share-calendar", [("Set up mail", "mail/set-up-mail", None)]),
        ("lv", "mail/set-up-mail", []),  # the place opens the page itself
        # no place of the breadcrumb TOC: the entry above the page's own in its tree
        ("lv", "guides/new-users", [("Rokasgrāmatas", "guides", None)]),
        ("en", "guides/new-users", [("Rokasgrāmatas", "guides", "lv")]),
        ("lv", "get-started", []),
        # at the top of its tree: its folder's group on the home page
        ("lv", "calendar/meetings", [("Calendar", "#index-calendar", None)]),
        ("en", "calendar/meetings", [("Calendar", "#index-calendar", None)]),
    ],
)
def test_the_breadcrumb_is_the_home_page_then_the_places_above_the_page(
    nav_site: Path, code: str, page: str, places: list[tuple[str, str, str | None]]
) -> None:
    path = f"{PREFIX[code]}{page}/index.html"
    crumbs = one(soup(nav_site, path), "nav.md-path ol.md-path__list")
    links = crumbs.select("li.md-path__item > a.md-path__link")
    assert len(links) == len(crumbs.select("li")) == 1 + len(places)
    assert links[0].get_text().strip() == HOME[code]
    assert target(nav_site, path, str(links[0]["href"])) == nav_site / PREFIX[code] / "index.html"
    for link, (title, to, lang) in zip(links[1:], places, strict=True):
        assert (link.get_text().strip(), link.get("lang")) == (title, lang)
        href = str(link["href"])
        if to.startswith("#"):
            assert href.endswith(to)
            home = soup(nav_site, f"{PREFIX[code]}index.html")
            assert home.find(id=to[1:]) is not None
            assert target(nav_site, path, href) == nav_site / PREFIX[code] / "index.html"
        else:
            assert target(nav_site, path, href) == nav_site / PREFIX[code] / to / "index.html"


def test_a_hostile_name_of_the_breadcrumb_toc_stays_text(tmp_path: Path) -> None:
    from bilingual_text import article, pair

    hostile = '<img src=x onerror="alert(1)">&amp;'
    source = tmp_path / "source"
    (source / "breadcrumb").mkdir(parents=True)
    (source / "a").mkdir()
    config = {"build": {"globalMetadata": {"breadcrumb_path": "/hostile/breadcrumb/toc.json"}}}
    (source / "docfx.json").write_text(json.dumps(config), "utf-8")
    (source / "breadcrumb" / "toc.yml").write_text(
        "- name: Hostile\n  tocHref: /hostile/\n  items:\n"
        f"  - name: {json.dumps(hostile)}\n    tocHref: /hostile/a/\n"
        "    topicHref: /hostile/a/first\n",
        "utf-8",
    )
    for name in ("first", "second"):
        text = article("# " + pair(f"{name}-1", name.title(), name.title()) + "\n")
        (source / "a" / f"{name}.md").write_text(text, "utf-8")
    site = build_source(source, tmp_path / "out")
    for prefix in PREFIX.values():
        page = soup(site, f"{prefix}a/second/index.html")
        crumbs = one(page, "nav.md-path")
        assert crumbs.select("img") == []
        last = crumbs.select("a.md-path__link")[-1]
        assert last.get_text().strip() == (hostile if not prefix else "First")
        assert target(site, f"{prefix}a/second/index.html", str(last["href"])) == (
            site / prefix / "a/first/index.html"
        )


def test_the_tree_is_data_and_its_hostile_title_stays_text(nav_site: Path) -> None:
    nodes = json.loads((nav_site / "toc.json").read_text(encoding="utf-8"))
    hostile = next(node for node in nodes if "onerror" in node["t"])
    assert "u" not in hostile  # its javascript: href was refused
    home = (nav_site / "index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in home


@pytest.mark.parametrize("code", ["lv", "en"])
@pytest.mark.parametrize("old", sorted(REDIRECTS))
def test_every_old_address_redirects_in_its_language(nav_site: Path, code: str, old: str) -> None:
    page = f"{PREFIX[code]}{old}/index.html"
    html = soup(nav_site, page)
    assert one(html, "html")["lang"] == code
    canonical = str(one(html, "link[rel=canonical]")["href"])
    refresh = str(one(html, "meta[http-equiv=refresh]")["content"])
    link = one(html, "body a[href]")
    assert refresh == f"0; url={canonical}"
    assert str(link["href"]) == canonical
    assert link.get_text() == REDIRECTS[old][code]
    landed = target(nav_site, page, canonical)
    assert landed.is_file()
    assert landed.is_relative_to(nav_site / PREFIX[code]) if code == "en" else True
    assert not landed.is_relative_to(nav_site / "en") if code == "lv" else True
    assert html.select("script") == []


def test_redirects_elsewhere_outside_or_from_live_pages(nav_site: Path) -> None:
    legacy = soup(nav_site, "guides/legacy/index.html")
    assert one(legacy, "link[rel=canonical]")["href"] == "https://example.com/legacy"
    assert not (nav_site / "retired").exists()
    assert not (nav_site / "loop").exists()
    started = (nav_site / "get-started/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' not in started  # a live page is never replaced


def test_the_link_check_finds_every_redirect_target(nav_site: Path) -> None:
    assert [str(problem) for problem in check_site(nav_site)] == []  # anchors included
    broken = nav_site / "moved-nowhere" / "index.html"
    broken.parent.mkdir()
    broken.write_text(
        (nav_site / "old-start/index.html")
        .read_text("utf-8")
        .replace("../get-started/", "../gone/"),
        "utf-8",
    )
    try:
        found = [p for p in check_site(nav_site) if p.kind == "internal"]
        assert {p.url for p in found} == {"../gone/"}
        assert len(found) == 2  # the canonical link and the visible one
    finally:
        broken.unlink()
        broken.parent.rmdir()


def test_a_second_build_in_one_process_reads_its_own_tree(tmp_path: Path) -> None:
    """MkDocs keeps the hooks module (and so the events' state) for the next config it loads."""
    build_source(FIXTURES / "sites" / "rtl", tmp_path / "first")
    site = build_source(FIXTURES / "navsite" / "docset", tmp_path / "second")
    assert one(soup(site, "get-started/index.html"), ".help-toc[data-toc]")
