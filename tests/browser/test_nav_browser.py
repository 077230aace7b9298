"""The docset's tree in real headless Chromium: there on an article, its entry marked, opened and
closed by keyboard, its links followed, in the phone's drawer too (``tests/fixtures/navsite``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from chromium import screenshot
from conftest import FIXTURES, build_source
from webserver import serve

pytestmark = [pytest.mark.browser, pytest.mark.site]

TREE = ".help-toc--loaded"


@pytest.fixture(scope="module")
def nav_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site: Path = build_source(FIXTURES / "navsite" / "docset", tmp_path_factory.mktemp("nav"))
    with serve(site) as url:
        yield url


def open_page(browser: Browser, url: str, width: int = 1280) -> Page:
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(url)
    page.locator(TREE).wait_for(state="attached")
    return page


def test_an_article_shows_its_folder_s_own_tree_with_its_entry_marked(
    browser: Browser, nav_url: str
) -> None:
    """``mail/`` has its own TOC, which the root's links to (``href: mail/``): DocFX's nearest
    TOC is the tree of the pages below it."""
    page = open_page(browser, f"{nav_url}mail/set-up-mail/")
    tree = page.locator(TREE)
    top = tree.locator(":scope > ul > li > .help-toc__row")
    assert top.count() == 4  # mail/TOC.yml's entries, ../calendar/meetings.md among them
    current = tree.locator("a[aria-current=page]")
    assert current.count() == 1
    assert current.inner_text() == "Pasta iestatīšana"
    assert current.is_visible()
    assert tree.get_by_text("Rokasgrāmatas").count() == 0  # the root's tree is not this one
    screenshot(page, "nav-tree", full_page=False)
    page.context.close()


def test_a_root_page_shows_the_root_tree(browser: Browser, nav_url: str) -> None:
    page = open_page(browser, f"{nav_url}get-started/")
    tree = page.locator(TREE)
    top = tree.locator(":scope > ul > li > .help-toc__row")
    assert top.count() == 8
    current = tree.locator("a[aria-current=page]")
    assert current.inner_text() == "Darba sākšana"
    closed = tree.locator("button[aria-label='Rokasgrāmatas']")
    assert closed.get_attribute("aria-expanded") == "false"
    assert tree.locator("img").count() == 0  # the hostile title is text
    assert tree.get_by_text("<img src=x onerror=alert(1)>").count() == 1
    page.context.close()


def test_expand_and_collapse_by_keyboard_then_follow_a_link(browser: Browser, nav_url: str) -> None:
    page = open_page(browser, f"{nav_url}get-started/")
    tree = page.locator(TREE)
    toggle = tree.locator("button[aria-label='Rokasgrāmatas']")
    child = tree.locator("a.help-toc__link", has_text="Jaunie lietotāji")
    tree.locator("a.help-toc__link", has_text="Pasts").focus()
    page.keyboard.press("Tab")
    assert toggle.evaluate("element => element === document.activeElement")
    outline = toggle.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline not in ("", "none")  # the focus ring is visible
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert child.is_visible()
    page.keyboard.press("Space")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not child.is_visible()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the section's own link, then its first child
    page.keyboard.press("Tab")
    assert child.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{nav_url}guides/new-users/#pirmie-soli")
    page.locator(TREE).wait_for(state="attached")
    marked = page.locator(f"{TREE} a[aria-current=page]")
    assert marked.inner_text() == "Jaunie lietotāji"
    page.context.close()


def test_the_english_tree_has_english_titles(browser: Browser, nav_url: str) -> None:
    page = open_page(browser, f"{nav_url}en/get-started/")
    tree = page.locator(TREE)
    assert tree.locator("a[aria-current=page]").inner_text() == "Get started"
    folder = tree.locator("a.help-toc__link", has_text="Pasts")  # no English title: its own
    assert folder.get_attribute("lang") == "lv"
    folder.click()
    page.wait_for_url(f"{nav_url}en/mail/set-up-mail/")
    page.locator(TREE).wait_for(state="attached")
    marked = page.locator(f"{TREE} a[aria-current=page]")
    assert marked.inner_text() == "Set up mail"
    page.context.close()


def test_the_tree_in_the_phone_s_drawer(browser: Browser, nav_url: str) -> None:
    page = open_page(browser, f"{nav_url}get-started/", width=390)
    tree = page.locator(TREE)
    current = tree.locator("a[aria-current=page]")
    on_screen = "element => element.getBoundingClientRect().right > 0"
    assert not current.evaluate(on_screen)  # the drawer is closed, off the screen
    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_function(
        "() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0"
    )
    screenshot(page, "nav-tree-phone", full_page=False)
    tree.locator("a.help-toc__link", has_text="Pasts").click()
    page.wait_for_url(f"{nav_url}mail/set-up-mail/")
    page.context.close()


def test_a_redirect_page_lands_on_its_target(browser: Browser, nav_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{nav_url}en/old-start/")
    page.wait_for_url(f"{nav_url}en/get-started/")
    assert page.locator("html").get_attribute("lang") == "en"
    context.close()
