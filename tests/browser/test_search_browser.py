"""Search as readers type it, in real headless Chromium: without diacritics, in another case,
in German without umlauts, in Japanese; each language's results only from its own pages.

The sites are small sources of our own (``tests/fixtures/sites/search-*``), built for real and
served on 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from chromium import executable, launch
from webserver import serve

pytestmark = [pytest.mark.browser, pytest.mark.site]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    path = executable()
    if path is None:
        pytest.skip(
            "Debian's chromium is not installed here (apt-get install chromium; .ci/run does)"
        )
    with sync_playwright() as playwright:
        chromium = launch(playwright, path)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def urls(search_sites: dict[str, Path]) -> Iterator[dict[str, str]]:
    sites = search_sites
    with serve(sites["lv"]) as lv, serve(sites["de"]) as de, serve(sites["ja"]) as ja:
        yield {"lv": lv, "de": de, "ja": ja}


def search(page: Page, query: str) -> list[dict[str, str]]:
    """Type ``query`` into the search box; each result's link, title and text (HTML), best
    first, once the list has settled."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.locator(".md-search-result__item > a").first.wait_for()
    page.wait_for_timeout(200)  # a second answer (more results) would replace the list
    found: list[dict[str, str]] = page.locator(".md-search-result__item > a").evaluate_all(
        """links => links.map(link => ({
          href: link.getAttribute("href"),
          title: link.querySelector("h1, h2").innerHTML,
          text: (link.querySelector("p") || {innerHTML: ""}).innerHTML,
        }))"""
    )
    return found


def marks(html: str) -> list[str]:
    import re

    return re.findall(r"<mark[^>]*>(.*?)</mark>", html)


@pytest.mark.parametrize(
    "query", ["autentifikacijas kluda", "Autentifikācijas kļūda", "AUTENTIFIKACIJAS KĻŪDA"]
)
def test_latvian_without_diacritics_finds_and_highlights_the_words(
    page: Page, urls: dict[str, str], query: str
) -> None:
    page.goto(urls["lv"])
    results = search(page, query)
    assert results[0]["href"].startswith(f"{urls['lv']}sign-in-error/")
    assert marks(results[0]["text"]) == ["Autentifikācijas", "kļūda"]


@pytest.mark.parametrize("query", ["parole", "paroli", "paroles", "parolēm", "parolem"])
def test_latvian_cases_of_one_noun_find_the_same_pages(
    page: Page, urls: dict[str, str], query: str
) -> None:
    page.goto(urls["lv"])
    results = search(page, query)
    found = {result["href"].removeprefix(urls["lv"]).split("/")[0] for result in results}
    assert found == {"password-reset", "sign-in-error"}
    # the title (Paroles atiestatīšana) matches: that page comes first, its word marked
    assert results[0]["href"].startswith(f"{urls['lv']}password-reset/")
    assert marks(results[0]["title"]) == ["Paroles"]
    assert marks(results[1]["text"]) == ["parole"]


@pytest.mark.parametrize(
    ("query", "first", "second"),
    [("kluda", "second-article", "first-article"), ("kļūda", "first-article", "second-article")],
)
def test_the_exact_spelling_ranks_first(
    page: Page, urls: dict[str, str], query: str, first: str, second: str
) -> None:
    """``first-article`` has ``kļūda``, ``second-article`` ``kluda``: each query finds both."""
    page.goto(urls["lv"])
    order = [
        result["href"].removeprefix(urls["lv"]).split("/")[0] for result in search(page, query)
    ]
    assert order[0] == first
    assert second in order


@pytest.mark.parametrize("query", ["andern", "fur", "Kennwort fur Konto", "einstellung"])
def test_german_without_umlauts_and_in_another_form(
    page: Page, urls: dict[str, str], query: str
) -> None:
    page.goto(urls["de"])
    results = search(page, query)
    assert results[0]["href"].startswith(f"{urls['de']}change-password/")


def test_german_marks_the_words_as_written(page: Page, urls: dict[str, str]) -> None:
    page.goto(urls["de"])
    results = search(page, "kennwort andern")
    assert marks(results[0]["title"]) == ["Kennwort", "ändern"]
    assert marks(results[0]["text"]) == ["Kennwort", "ändern"]


def test_japanese_in_pairs_of_letters(page: Page, urls: dict[str, str]) -> None:
    page.goto(urls["ja"])
    results = search(page, "パスワード")
    assert results[0]["href"].startswith(f"{urls['ja']}change-password/")
    assert marks(results[0]["title"]) == ["パスワード"]
    results = search(page, "ライセンス")
    assert results[0]["href"].startswith(f"{urls['ja']}assign-licenses/")


@pytest.mark.parametrize(
    ("code", "root", "query"),
    [
        ("lv", "", "paroli"),
        ("lv", "en/", "password"),
        ("de", "", "Kennwort"),
        ("de", "en/", "password"),
        ("ja", "", "パスワード"),
        ("ja", "en/", "password"),
    ],
)
def test_search_returns_only_the_pages_language(
    page: Page, urls: dict[str, str], code: str, root: str, query: str
) -> None:
    base = urls[code]
    page.goto(f"{base}{root}")
    results = search(page, query)
    assert results
    for result in results:
        assert result["href"].startswith(f"{base}{root}")
        assert result["href"].startswith(f"{base}en/") is (root == "en/")
