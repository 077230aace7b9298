"""A reader of a site of several locales in real headless Chromium: lv, de, ar-SA and English.

The site is the three trees of ``tests/fixtures/locales`` built as one (``locales_site``),
served on 127.0.0.1. The reader switches language by the switcher on one article through every
language and back, searches an error code in each language, and reads the notices of a German
page translated from an older English and of a page only the Latvian tree has.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from chromium import screenshot, search
from conftest import LOCALE_PREFIX
from webserver import serve

pytestmark = [pytest.mark.browser, pytest.mark.site]

PREFIX = LOCALE_PREFIX
TITLES = {
    "lv": "Pierakstīšanās",
    "de": "Anmelden",
    "ar-SA": "تسجيل الدخول",
    "en": "Sign in",
}


@pytest.fixture(scope="module")
def url(locales_site: Path) -> Iterator[str]:
    with serve(locales_site / "site") as base:
        yield base


def switch_to(page: Page, code: str) -> None:
    """Open the language switcher and choose ``code``, as a reader does with a mouse."""
    page.locator(".md-select button").first.hover()
    page.locator(f"a.md-select__link[hreflang='{code}']").click()


def test_the_switcher_goes_through_every_language_and_back(page: Page, url: str) -> None:
    page.goto(f"{url}sign-in/")
    assert page.locator("article h1").inner_text().strip().startswith(TITLES["lv"])
    for code in ("de", "ar-SA", "en", "lv"):
        switch_to(page, code)
        page.wait_for_url(f"{url}{PREFIX[code]}sign-in/")
        html = page.locator("html")
        assert html.get_attribute("lang") == code
        assert html.get_attribute("dir") == ("rtl" if code == "ar-SA" else "ltr")
        assert page.locator("article h1").inner_text().strip().startswith(TITLES[code])
        screenshot(page, f"locales-sign-in-{code}")


TEXT_BOX = """(selector) => {
  const element = document.querySelector(selector);
  const range = document.createRange();
  range.selectNodeContents(element);
  const text = range.getBoundingClientRect();
  const box = element.getBoundingClientRect();
  return { left: text.left - box.left, right: box.right - text.right };
}"""


@pytest.mark.parametrize(("code", "start"), [("ar-SA", "right"), ("de", "left")])
def test_each_language_s_text_starts_on_its_own_side(
    page: Page, url: str, code: str, start: str
) -> None:
    """The Arabic heading's text hugs the right edge of the article, the German one the left."""
    page.goto(f"{url}{PREFIX[code]}sign-in/")
    gaps = page.evaluate(TEXT_BOX, "article h1")
    end = "left" if start == "right" else "right"
    assert gaps[start] < 2
    assert gaps[end] > 100


@pytest.mark.parametrize("code", ["lv", "de", "ar-SA", "en"])
def test_an_error_code_is_found_in_the_language_searched(page: Page, url: str, code: str) -> None:
    page.goto(f"{url}{PREFIX[code]}")
    links = search(page, "0x80070005")
    assert links[0].startswith(f"{url}{PREFIX[code]}reset-password/")
    others = [prefix for other, prefix in PREFIX.items() if other != code and prefix]
    for link in links:
        assert not any(link.startswith(f"{url}{prefix}") for prefix in others), link


@pytest.mark.parametrize("query", ["Administratoren", "Administrat", "Kennworte", "0x80070005"])
def test_german_search_stems_german_words(page: Page, url: str, query: str) -> None:
    """The German page says "Administrator" and "Kennwort": lunr's German stemmer finds them by
    another form (Material asks a prefix only, which lunr does not stem), a prefix still finds
    them while typing, and an error code is one word."""
    page.goto(f"{url}de/")
    links = search(page, query)
    assert links[0].startswith(f"{url}de/reset-password/")


def test_a_translation_of_an_older_english_says_so_and_links_the_english(
    page: Page, url: str
) -> None:
    page.goto(f"{url}de/sign-in/")
    notice = page.locator(".english-changed-notice")
    assert notice.is_visible()
    assert "Das englische Original wurde seit dieser Übersetzung geändert." in notice.inner_text()
    notice.locator("a").click()
    page.wait_for_url(f"{url}en/sign-in/")
    assert page.locator(".english-changed-notice").count() == 0
    page.goto(f"{url}sign-in/")
    assert page.locator(".english-changed-notice").count() == 0


def test_an_article_one_tree_lacks_is_the_fallback_in_that_language(page: Page, url: str) -> None:
    page.goto(f"{url}only-in-latvian/")
    switch_to(page, "de")
    page.wait_for_url(f"{url}de/only-in-latvian/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator(".fallback-notice").is_visible()
    screenshot(page, "locales-fallback-de")
