"""A real MkDocs build of the seed site, asserted on its HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import SEED_ARTICLE

pytestmark = pytest.mark.site

PAGES = {"lv": f"{SEED_ARTICLE}/index.html", "en": f"en/{SEED_ARTICLE}/index.html"}
FWLINK = "https://go.microsoft.com/fwlink/?linkid=872110"


def page(site: Path, code: str) -> BeautifulSoup:
    return BeautifulSoup((site / PAGES[code]).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("code", ["lv", "en"])
def test_article_page_exists_in_its_language(seed_site: Path, code: str) -> None:
    html = page(seed_site, code)
    assert html.html is not None
    assert html.html["lang"] == code


@pytest.mark.parametrize(
    ("code", "title", "bold"),
    [
        ("lv", "Plūsmas autentifikācijas kļūdu novēršana", ["savienojumi", "Verificēt paroli"]),
        ("en", "Troubleshoot Flow authentication errors", ["Connections", "Verify password"]),
    ],
)
def test_steps_are_one_ordered_list_of_four(
    seed_site: Path, code: str, title: str, bold: list[str]
) -> None:
    article = page(seed_site, code).select_one("article")
    assert article is not None
    assert article.h1 is not None
    assert title in article.h1.get_text()
    lists = article.select("ol")
    assert len(lists) == 1
    steps = lists[0].find_all("li", recursive=False)
    assert len(steps) == 4
    strong = [s.get_text() for s in lists[0].select("strong")]
    for name in bold:
        assert name in strong


@pytest.mark.parametrize(
    ("code", "other", "target"),
    [("lv", "en", f"../en/{SEED_ARTICLE}/"), ("en", "lv", f"../../{SEED_ARTICLE}/")],
)
def test_switcher_lands_on_the_same_article(
    seed_site: Path, code: str, other: str, target: str
) -> None:
    links = page(seed_site, code).select(f"a.md-select__link[hreflang='{other}']")
    assert [link["href"] for link in links] == [target]
    here = (seed_site / PAGES[code]).parent
    assert (here / target / "index.html").resolve() == (seed_site / PAGES[other]).resolve()


@pytest.mark.parametrize("code", ["lv", "en"])
def test_fwlink_href_is_intact(seed_site: Path, code: str) -> None:
    article = page(seed_site, code).select_one("article")
    assert article is not None
    assert [a["href"] for a in article.select("a[href*='fwlink']")] == [FWLINK]


@pytest.mark.parametrize("code", ["lv", "en"])
def test_no_span_markup_is_visible(seed_site: Path, code: str) -> None:
    raw = (seed_site / PAGES[code]).read_text(encoding="utf-8")
    assert "data-ttu-id" not in raw
    assert "data-stu-id" not in raw
    assert "sxs-lookup" not in raw
    article = page(seed_site, code).select_one("article")
    assert article is not None
    assert "<span" not in article.get_text()


@pytest.mark.parametrize(
    ("home", "title"), [("index.html", "Plūsmas"), ("en/index.html", "Troubleshoot")]
)
def test_home_page_lists_the_article(seed_site: Path, home: str, title: str) -> None:
    html = BeautifulSoup((seed_site / home).read_text(encoding="utf-8"), "html.parser")
    article = html.select_one("article")
    assert article is not None
    links = [a for a in article.select("li a") if title in a.get_text()]
    assert len(links) == 1
    assert links[0]["href"] == f"{SEED_ARTICLE}/"


@pytest.mark.parametrize(("code", "name"), [("lv", "Palīdzība"), ("en", "Help")])
def test_the_site_is_named_in_the_pages_language(seed_site: Path, code: str, name: str) -> None:
    html = page(seed_site, code)
    title = html.select_one(".md-header__title .md-ellipsis")
    assert title is not None
    assert title.get_text(strip=True) == name
    assert html.title is not None
    assert html.title.get_text().endswith(f" - {name}")


@pytest.mark.parametrize(
    ("code", "line"), [("lv", "Raksta datums: 21.04.2020."), ("en", "Article date: 04/21/2020")]
)
def test_the_articles_date_is_written_as_its_language_writes_dates(
    seed_site: Path, code: str, line: str
) -> None:
    """The seed's ms.date (04/21/2020) under its title, in CLDR's figures for the language, in
    a <time> machines read; left out of search."""
    date = page(seed_site, code).select_one("article .help-date")
    assert date is not None
    assert date.get_text() == line
    time = date.select_one("time")
    assert time is not None
    assert time["datetime"] == "2020-04-21"
    assert date.has_attr("data-search-exclude")
    heading = date.find_previous_sibling()
    assert heading is not None
    assert heading.name == "h1"
