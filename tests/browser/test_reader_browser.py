"""A reader in real headless Chromium (Debian's ``chromium``, driven by Playwright).

The built sites are served by a real HTTP server on 127.0.0.1. Screenshots go to
``test-output/``. Skips with a reason where chromium is not installed; ``.ci/run`` installs it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from chromium import screenshot, search
from conftest import SEED_ARTICLE
from webserver import serve

pytestmark = [pytest.mark.browser, pytest.mark.site]

LATVIAN_TITLE = "Plūsmas autentifikācijas kļūdu novēršana"
ENGLISH_TITLE = "Troubleshoot Flow authentication errors"


@pytest.fixture(scope="session")
def seed_url(seed_site: Path) -> Iterator[str]:
    with serve(seed_site) as url:
        yield url


@pytest.fixture(scope="session")
def codes_url(codes_site: Path) -> Iterator[str]:
    with serve(codes_site) as url:
        yield url


def test_switch_language_on_the_seed_article(page: Page, seed_url: str) -> None:
    page.goto(f"{seed_url}{SEED_ARTICLE}/")
    assert page.locator("article h1").inner_text().strip().startswith(LATVIAN_TITLE)
    page.locator(".md-select button").first.hover()
    page.locator("a.md-select__link[hreflang='en']").click()
    page.wait_for_url(f"{seed_url}en/{SEED_ARTICLE}/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("article h1").inner_text().strip().startswith(ENGLISH_TITLE)
    screenshot(page, "switch-to-english")
    page.locator(".md-select button").first.hover()
    page.locator("a.md-select__link[hreflang='lv']").click()
    page.wait_for_url(f"{seed_url}{SEED_ARTICLE}/")
    assert page.locator("html").get_attribute("lang") == "lv"


@pytest.mark.parametrize("query", ["401", "403"])
@pytest.mark.parametrize("language_root", ["", "en/"])
def test_search_error_code_finds_the_seed_article_first(
    page: Page, seed_url: str, query: str, language_root: str
) -> None:
    page.goto(f"{seed_url}{language_root}")
    links = search(page, query)
    screenshot(page, f"search-{query}-{language_root.strip('/') or 'lv'}")
    assert links[0].startswith(f"{seed_url}{language_root}{SEED_ARTICLE}/")
    for link in links:
        assert link.startswith(f"{seed_url}en/") is (language_root == "en/")


@pytest.mark.parametrize(
    ("query", "article"),
    [
        ("401", "access-denied"),
        ("403", "access-denied"),
        ("0x80070005", "access-denied"),
        ("AADSTS50011", "sign-in-reply-url"),
        ("5.7.750", "mail-not-delivered"),
    ],
)
@pytest.mark.parametrize("language_root", ["", "en/"])
def test_search_error_codes_in_their_shapes(
    page: Page, codes_url: str, query: str, article: str, language_root: str
) -> None:
    page.goto(f"{codes_url}{language_root}")
    links = search(page, query)
    assert links[0].startswith(f"{codes_url}{language_root}{article}/")
    for link in links:
        assert link.startswith(f"{codes_url}en/") is (language_root == "en/")


def test_hover_a_sentence_shows_its_english_then_toggle_it_off(page: Page, seed_url: str) -> None:
    page.goto(f"{seed_url}{SEED_ARTICLE}/")
    sentence = page.locator("article p span.sxs").first
    sentence.hover()
    tip = page.locator("#sxs-tip")
    tip.wait_for(state="visible")
    assert tip.inner_text() == "In many cases, flows fail because of an authentication error."
    described = page.locator(f"#{sentence.get_attribute('aria-describedby')}")
    assert described.text_content() == tip.inner_text()  # a screen reader hears it too
    assert described.get_attribute("lang") == "en"
    screenshot(page, "hover-english")

    page.locator("header").hover()
    tip.wait_for(state="hidden")
    page.locator("article h1 span.sxs").focus()  # keyboard focus shows the English too
    tip.wait_for(state="visible")
    assert tip.inner_text() == ENGLISH_TITLE
    for _ in range(6):  # past the heading's permalink, the notice's link and the toggle
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('sxs')"):
            break
    tip.wait_for(state="visible")
    assert tip.inner_text() == "In many cases, flows fail because of an authentication error."
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")

    toggle = page.locator("button.sxs-toggle")
    assert toggle.get_attribute("aria-pressed") == "true"
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "false"
    sentence.hover()
    page.wait_for_timeout(200)
    assert not tip.is_visible()
    assert sentence.get_attribute("tabindex") == "-1"
    screenshot(page, "hover-off")

    page.reload()  # the choice is remembered
    assert page.locator("button.sxs-toggle").get_attribute("aria-pressed") == "false"
    page.locator("article p span.sxs").first.hover()
    page.wait_for_timeout(200)
    assert not page.locator("#sxs-tip").is_visible()


def test_the_toggle_holds_on_a_page_instant_navigation_loads(page: Page, seed_url: str) -> None:
    """Material's instant navigation swaps the page's content and announces it on document$;
    the hover script applies the reader's choice to the new content."""
    page.goto(f"{seed_url}{SEED_ARTICLE}/")
    page.locator("button.sxs-toggle").click()
    assert page.locator("article span.sxs").first.get_attribute("tabindex") == "-1"
    fresh = page.evaluate(
        """() => {
          const article = document.querySelector("article");
          const html = article.innerHTML
            .replaceAll('tabindex="-1"', 'tabindex="0"')
            .replaceAll('aria-pressed="false"', 'aria-pressed="true"');
          article.innerHTML = html;  // the new page's content, as the server sent it
          const before = article.querySelector("span.sxs").getAttribute("tabindex");
          document$.next(document);
          return before;
        }"""
    )
    assert fresh == "0"
    assert page.locator("article span.sxs").first.get_attribute("tabindex") == "-1"
    assert page.locator("button.sxs-toggle").get_attribute("aria-pressed") == "false"


def test_tap_a_sentence_on_a_touch_screen(browser: Browser, seed_url: str) -> None:
    context = browser.new_context(
        has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800}
    )
    try:
        page = context.new_page()
        page.goto(f"{seed_url}{SEED_ARTICLE}/")
        page.locator("article p span.sxs").nth(1).tap()
        tip = page.locator("#sxs-tip")
        tip.wait_for(state="visible")
        assert "error code of 401 or 403" in tip.inner_text()
        screenshot(page, "tap-english")
    finally:
        context.close()


def test_right_to_left_page(page: Page, rtl_site: Path) -> None:
    with serve(rtl_site) as url:
        page.goto(f"{url}password-reset/")
        assert page.locator("html").get_attribute("lang") == "ar-SA"
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        text, box = page.evaluate(
            """() => {
              const h1 = document.querySelector("article h1");
              const range = document.createRange();
              range.selectNodeContents(h1);
              const text = range.getBoundingClientRect(), box = h1.getBoundingClientRect();
              return [[text.left, text.right], [box.left, box.right]];
            }"""
        )
        # Right to left: the heading's text hugs the right edge of its box, not the left.
        assert abs(text[1] - box[1]) < abs(text[0] - box[0])
        screenshot(page, "rtl-arabic")
        page.goto(f"{url}en/password-reset/")
        assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"


def test_arabic_searches_with_its_light_stemmer_in_the_sites_worker(
    page: Page, rtl_site: Path
) -> None:
    """Arabic is stemmed as Lucene stems it (the article off: المرور and مرور are one word), by
    the site's worker on its sharded index: lunr is not loaded."""
    with serve(rtl_site) as url:
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(f"{url}password-reset/")
        links = search(page, "مرور")
        assert links[0].startswith(f"{url}password-reset/")
        assert not any("/lunr/" in request for request in requests)


@pytest.mark.parametrize("width", [360, 700])
def test_no_page_scrolls_sideways_on_a_narrow_screen(
    browser: Browser, seed_url: str, rtl_site: Path, width: int
) -> None:
    """A phone's reader pans only up and down: nothing of the page (the language menu, hidden
    until asked for, included) lies past the screen's edge, left to right or right to left."""
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=True)
    page = context.new_page()
    with serve(rtl_site) as rtl_url:
        for url in (
            seed_url,
            f"{seed_url}{SEED_ARTICLE}/",
            f"{seed_url}en/{SEED_ARTICLE}/",
            rtl_url,
            f"{rtl_url}password-reset/",
            f"{rtl_url}en/password-reset/",
        ):
            page.goto(url)
            for x in (400, -400):  # toward the end of either direction
                page.evaluate(f"window.scrollTo({x}, 0)")
                assert page.evaluate("window.scrollX") == 0, (url, x)
    context.close()
