"""The home page of a large docset, built by MkDocs: its weight stays bounded (letters only,
each letter a page of its own), every article is reached from the index pages, and links into
the index (``#index-q``) still land on their letter."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bilingual.pages.home import INLINE_UP_TO
from bilingual_text import article, pair
from conftest import build_source

pytestmark = pytest.mark.site

PER_LETTER = INLINE_UP_TO // 26 + 2  # past INLINE_UP_TO: the index is paged


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("paged-home")
    source = root / "source"
    source.mkdir()
    for letter in string.ascii_uppercase:
        for number in range(PER_LETTER):
            title = f"{letter}{letter.lower()} raksts {number}"
            body = f"\n# {pair(f'{letter}p-{number}', title, f'{letter} article {number}')}\n"
            name = f"{letter.lower()}-{number}.md"
            (source / name).write_text(article(body, title=title), encoding="utf-8")
    return build_source(source, root)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("home", ["index.html", "en/index.html"])
def test_the_home_page_lists_letters_not_articles(site: Path, home: str) -> None:
    page = soup(site / home)
    content = page.select_one("article")
    assert content is not None
    assert not content.select("a[href*='raksts'], a[href*='-1/']")  # no article listed
    letters = content.select("h2#index + p a[id^='index-']")
    assert [a.get_text() for a in letters] == list(string.ascii_uppercase)
    assert (site / home).stat().st_size < 40_000


@pytest.mark.parametrize(("home", "prefix"), [("index.html", ""), ("en/index.html", "en/")])
def test_every_article_is_on_its_letter_s_page(site: Path, home: str, prefix: str) -> None:
    page = soup(site / home)
    reached: set[Path] = set()
    for link in page.select("h2#index + p a[id^='index-']"):
        letter_page = (site / home).parent / str(link["href"]) / "index.html"
        assert letter_page.is_file(), link["href"]
        listed = soup(letter_page).select("article li a")
        assert len(listed) == PER_LETTER
        for item in listed:
            target = (letter_page.parent / str(item["href"]) / "index.html").resolve()
            assert target.is_file(), item["href"]
            assert item.get_text().startswith(link.get_text())
            reached.add(target)
    assert len(reached) == 26 * PER_LETTER


def test_a_link_into_the_index_still_lands_on_its_letter(site: Path) -> None:
    home = soup(site / "index.html")
    q = home.select_one("#index-q")
    assert q is not None
    assert q.name == "a"
    assert q["href"] == "a-z/index-q/"


def test_an_index_page_is_kept_out_of_search_and_its_breadcrumb_is_the_home_page(
    site: Path,
) -> None:
    page = soup(site / "a-z" / "index-q" / "index.html")
    crumbs = page.select(".md-path__link")
    assert [crumb["href"] for crumb in crumbs] == ["../.."]
    search = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert not re.search(r'"location":\s*"a-z/', search)
