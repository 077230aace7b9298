"""What a reader gets on every page of a built site, asserted on the HTML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bilingual import ui_text
from conftest import SEED_ARTICLE

pytestmark = pytest.mark.site


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def resolve(page: Path, href: str) -> Path:
    return (page.parent / href.split("#")[0] / "index.html").resolve()


def test_machine_translated_page_links_to_the_same_article_in_english(seed_site: Path) -> None:
    page = seed_site / SEED_ARTICLE / "index.html"
    notice = soup(page).select_one("article .mt-notice")
    assert notice is not None
    assert "mašīn" in notice.get_text()
    link = notice.select_one("a")
    assert link is not None
    assert link.get_text() == "Lasīt angļu valodā"
    assert resolve(page, str(link["href"])) == (seed_site / "en" / SEED_ARTICLE / "index.html")


def test_english_and_human_translated_pages_have_no_notice(
    seed_site: Path, codes_site: Path
) -> None:
    assert soup(seed_site / "en" / SEED_ARTICLE / "index.html").select(".bilingual-notice") == []
    assert soup(codes_site / "access-denied" / "index.html").select(".mt-notice") == []
    assert soup(codes_site / "sign-in-reply-url" / "index.html").select(".mt-notice")


def test_article_missing_in_english_is_a_fallback_page_with_a_notice(fallback_site: Path) -> None:
    latvian = fallback_site / "tikai-latviski" / "index.html"
    english = fallback_site / "en" / "tikai-latviski" / "index.html"
    assert english.exists()
    notice = soup(english).select_one("article .fallback-notice")
    assert notice is not None
    assert "not available in English" in notice.get_text()
    assert "it is shown in Latvian" in notice.get_text()  # the language named in English
    assert notice["lang"] == "en"
    article = soup(english).select_one("article")
    assert article is not None
    assert article["lang"] == "lv"
    date = article.select_one(".help-date")  # the interface's words, in the page's language
    assert date is not None
    assert date.get_text(" ", strip=True) == "Article date: 03/01/2021"
    assert date["lang"] == "en"
    switch = soup(latvian).select("a.md-select__link[hreflang='en']")
    assert [resolve(latvian, str(a["href"])) for a in switch] == [english.resolve()]


@pytest.mark.parametrize(
    ("page", "lang"),
    [
        ("index.html", "lv"),
        (f"{SEED_ARTICLE}/index.html", "lv"),
        ("404.html", "lv"),
        ("en/index.html", "en"),
        (f"en/{SEED_ARTICLE}/index.html", "en"),
        ("en/404.html", "en"),
    ],
)
def test_lang_attribute_on_every_page(seed_site: Path, page: str, lang: str) -> None:
    html = soup(seed_site / page).html
    assert html is not None
    assert html["lang"] == lang
    assert html["dir"] == "ltr"


def test_a_404_page_per_language(seed_site: Path) -> None:
    latvian = soup(seed_site / "404.html").select_one("article")
    english = soup(seed_site / "en" / "404.html").select_one("article")
    assert latvian is not None
    assert english is not None
    assert "Lapa nav atrasta" in latvian.get_text()
    assert "Page not found" in english.get_text()
    assert [a["href"] for a in latvian.select("a")] == ["/"]
    assert [a["href"] for a in english.select("a")] == ["/en/"]


@pytest.mark.parametrize(
    ("page", "lang", "direction"), [("", "ar-SA", "rtl"), ("en/", "en", "ltr")]
)
def test_right_to_left_translation(rtl_site: Path, page: str, lang: str, direction: str) -> None:
    html = soup(rtl_site / page / "password-reset" / "index.html")
    assert html.html is not None
    assert html.body is not None
    assert (html.html["lang"], html.html["dir"], html.body["dir"]) == (lang, direction, direction)


@pytest.mark.parametrize("page", [f"{SEED_ARTICLE}/index.html", f"en/{SEED_ARTICLE}/index.html"])
def test_hreflang_alternates_with_x_default(seed_site: Path, page: str) -> None:
    path = seed_site / page
    links = {
        str(link["hreflang"]): resolve(path, str(link["href"]))
        for link in soup(path).select("head link[rel='alternate'][hreflang]")
    }
    latvian = (seed_site / SEED_ARTICLE / "index.html").resolve()
    assert links == {
        "lv": latvian,
        "en": (seed_site / "en" / SEED_ARTICLE / "index.html").resolve(),
        "x-default": latvian,
    }


def test_sitemap_lists_language_alternates(seed_site: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(seed_site / "sitemap.xml").getroot()
    entries = {
        url.findtext("s:loc", namespaces=ns): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in root.findall("s:url", ns)
    }
    base = "http://127.0.0.1:8000/"
    article = entries[f"{base}en/{SEED_ARTICLE}/"]
    assert article == {
        "en": f"{base}en/{SEED_ARTICLE}/",
        "lv": f"{base}{SEED_ARTICLE}/",
        "x-default": f"{base}{SEED_ARTICLE}/",
    }
    assert f"{base}{SEED_ARTICLE}/" in entries


@pytest.mark.parametrize(("home", "code"), [("index.html", "ar"), ("en/index.html", "en")])
def test_a_site_of_one_tree_is_named_in_its_own_language_not_mkdocs_ymls(
    rtl_site: Path, home: str, code: str
) -> None:
    """``mkdocs.yml`` names its default language's site in Latvian; a site whose tree is in
    another language has the same locales once SITE_LANGUAGE is set, and must still not keep
    that name."""
    name = ui_text.text(code, "site_name")
    html = soup(rtl_site / home)
    header = html.select_one(".md-header__title .md-ellipsis")
    assert header is not None
    assert header.get_text(strip=True) == name
    assert html.title is not None
    assert html.title.get_text().endswith(f" - {name}")


@pytest.mark.parametrize("site", ["seed_site", "rtl_site"])
def test_the_footers_credit_is_marked_as_the_english_it_is(
    site: str, request: pytest.FixtureRequest
) -> None:
    """Material writes its credit in English alone: on a Latvian or Arabic page it says so."""
    built: Path = request.getfixturevalue(site)
    credit = soup(built / "index.html").select_one(".md-copyright [lang]")
    assert credit is not None
    assert credit["lang"] == "en"
    assert credit.get_text(" ", strip=True) == "Made with Material for MkDocs"
