"""DocFX containers in real headless Chromium: tabs by mouse and keyboard, same-id tabs in step,
a dependent variant following, the pivot selector showing and hiding zones (by mouse, keyboard
and ``?pivots=``), and every zone shown and labelled without JavaScript.

The site is the DocFX cases of ``tests/fixtures/docfx`` (``docfx_site``), served on 127.0.0.1;
its Latvian pages are at the root. Screenshots go to ``test-output/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from chromium import screenshot
from webserver import serve

pytestmark = [pytest.mark.browser, pytest.mark.site]


@pytest.fixture(scope="session")
def docfx_url(docfx_site: Path) -> Iterator[str]:
    with serve(docfx_site) as url:
        yield url


def shown(page: Page, text: str) -> bool:
    return page.get_by_text(text, exact=True).is_visible()


def ready(page: Page, url: str) -> None:
    page.goto(url)
    page.locator("html.docfx-ready").wait_for(state="attached")


def test_tabs_switch_by_mouse_and_same_ids_follow(page: Page, docfx_url: str) -> None:
    ready(page, f"{docfx_url}tabs/")
    assert shown(page, "Saturs Linux.")
    assert not shown(page, "Saturs Windows.")
    page.locator(".docfx-tabs").first.get_by_text("Windows", exact=True).click()
    assert shown(page, "Saturs Windows.")
    assert not shown(page, "Saturs Linux.")
    # the second group and the one in the list have the same ids: they follow
    assert shown(page, "Otrā grupa: Windows.")
    assert shown(page, "Solis Windows.")
    assert not shown(page, "Solis Linux.")
    screenshot(page, "docfx-tabs-windows")
    ready(page, f"{docfx_url}tabs/")  # the choice is remembered
    assert shown(page, "Saturs Windows.")
    assert shown(page, "Otrā grupa: Windows.")


def test_tabs_are_reached_and_switched_with_the_keyboard(page: Page, docfx_url: str) -> None:
    ready(page, f"{docfx_url}tabs/")
    page.focus(".sbs-toggle")  # the control just before the first tab group
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.id")
    assert focused == "docfx-tabs-1-1"
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.id") == "docfx-tabs-1-2"
    assert shown(page, "Saturs Windows.")
    assert shown(page, "Otrā grupa: Windows.")
    page.keyboard.press("ArrowLeft")
    assert shown(page, "Saturs Linux.")
    assert shown(page, "Solis Linux.")


def test_a_dependent_tab_follows_the_choice_it_depends_on(page: Page, docfx_url: str) -> None:
    ready(page, f"{docfx_url}tabs/")
    dependent = page.locator(".docfx-tabs").nth(2)
    labels = dependent.locator(".tabbed-labels > label")
    assert [labels.nth(i).is_visible() for i in range(3)] == [True, False, True]
    assert shown(page, ".NET operētājsistēmai Linux.")
    page.locator(".docfx-tabs").first.get_by_text("Windows", exact=True).click()
    assert [labels.nth(i).is_visible() for i in range(3)] == [False, True, True]
    assert shown(page, ".NET operētājsistēmai Windows.")
    assert not shown(page, ".NET operētājsistēmai Linux.")
    labels.nth(2).click()  # REST, independent of the system
    assert shown(page, "REST neatkarīgi no sistēmas.")
    assert shown(page, "Saturs Windows.")  # the other groups keep their choice
    # the variants that do not apply cannot be chosen with the arrow keys either
    assert dependent.locator("input").nth(0).is_disabled()
    screenshot(page, "docfx-tabs-dependent")


def test_the_pivot_selector_shows_one_pivot_s_zones(page: Page, docfx_url: str) -> None:
    ready(page, f"{docfx_url}zones/")
    selector = page.locator(".docfx-pivots")
    assert selector.is_visible()
    assert selector.locator("a[aria-current=true]").inner_text() == "C#"
    assert shown(page, "Teksts C# valodai.")
    assert shown(page, "C# solis sarakstā.")
    assert not shown(page, "Teksts Python valodai.")
    assert not shown(page, "Python solis sarakstā.")
    assert shown(page, "Abām valodām.")
    assert not shown(page, "Tikai iegultajā skatā.")  # chromeless: never on the site
    selector.get_by_text("Python", exact=True).click()
    assert shown(page, "Teksts Python valodai.")
    assert shown(page, "Iekļautā teksta zona.")  # the include's own zone
    assert shown(page, "Piezīme tikai Python valodai.")
    assert not shown(page, "Teksts C# valodai.")
    assert shown(page, "Abām valodām.")
    assert page.url.endswith("zones/?pivots=python")
    assert selector.locator("a[aria-current=true]").inner_text() == "Python"
    screenshot(page, "docfx-zones-python")


def test_the_pivot_selector_is_keyboard_reachable(page: Page, docfx_url: str) -> None:
    ready(page, f"{docfx_url}zones/")
    page.focus(".sbs-toggle")  # the reader's toggles, then the pivots
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('data-pivot')") == "csharp"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('data-pivot')") == "python"
    page.keyboard.press("Enter")
    assert shown(page, "Teksts Python valodai.")
    assert not shown(page, "Teksts C# valodai.")


def test_pivots_in_the_address_choose(page: Page, docfx_url: str) -> None:
    ready(page, f"{docfx_url}zones/?pivots=python")
    assert shown(page, "Teksts Python valodai.")
    assert not shown(page, "Teksts C# valodai.")
    assert page.locator("div.docfx-zone[data-pivot=python]").first.is_visible()
    assert not page.locator("div.docfx-zone[data-pivot=csharp]").first.is_visible()
    ready(page, f"{docfx_url}en/zones/?pivots=nonsense")  # an unknown pivot: the first
    assert shown(page, "Text for C#.")


def test_without_javascript_every_zone_shows_with_its_label(
    browser: Browser, docfx_url: str
) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    try:
        page = context.new_page()
        page.goto(f"{docfx_url}zones/")
        assert shown(page, "Teksts C# valodai.")
        assert shown(page, "Teksts Python valodai.")
        assert not shown(page, "Tikai iegultajā skatā.")
        assert not page.locator(".docfx-pivots").is_visible()
        label = page.evaluate(
            "getComputedStyle(document.querySelector('div.docfx-zone[data-pivot=python]'),"
            " '::before').content"
        )
        assert label == '"Python"'
        page.goto(f"{docfx_url}tabs/")  # Material's tabs work on CSS alone
        page.locator(".docfx-tabs").first.get_by_text("Windows", exact=True).click()
        assert shown(page, "Saturs Windows.")
        screenshot(page, "docfx-zones-no-javascript")
    finally:
        context.close()
