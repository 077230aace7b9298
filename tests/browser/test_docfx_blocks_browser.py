"""DocFX constructs in real headless Chromium: the selector marks the page being read, the next
step is a button, the checklist is ticked (the site's docfx-blocks.js and docfx-blocks.css at work).

Screenshots go to ``test-output/``; skips where chromium is not installed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from chromium import screenshot
from conftest import PREFIX
from webserver import serve

pytestmark = [pytest.mark.browser, pytest.mark.site]


@pytest.fixture(scope="module")
def docfx_url(docfx_blocks_site: tuple[Path, Path]) -> Iterator[str]:
    with serve(docfx_blocks_site[1]) as url:
        yield url


@pytest.mark.parametrize("code", ["lv", "en"])
@pytest.mark.parametrize(("name", "current"), [("source", 0), ("mac", 1), ("web", 2)])
def test_the_selector_marks_the_page_being_read(
    page: Page, docfx_url: str, code: str, name: str, current: int
) -> None:
    page.goto(f"{docfx_url}{PREFIX[code]}div/{name}/")
    links = page.locator(".docfx-selector.op_single_selector a")
    assert links.count() == 3
    marked = [links.nth(i).get_attribute("aria-current") for i in range(3)]
    assert marked == ["page" if i == current else None for i in range(3)]
    assert "docfx-current" in (links.nth(current).get_attribute("class") or "")
    if name == "source":
        screenshot(page, f"docfx-divs-{code}")


def test_the_next_step_is_a_button_and_the_checklist_is_ticked(page: Page, docfx_url: str) -> None:
    page.goto(f"{docfx_url}en/div/source/")
    button = page.locator(".docfx-div.nextstepaction a")
    style = button.evaluate(
        "a => { const s = getComputedStyle(a); return [s.display, s.backgroundColor]; }"
    )
    assert style[0] == "inline-block"
    assert style[1] not in ("rgba(0, 0, 0, 0)", "transparent")
    tick = page.locator(".docfx-div.checklist li").first.evaluate(
        "li => getComputedStyle(li, '::before').content"
    )
    assert tick == '"✓"'
    table = page.locator(".docfx-div.mx-tdBreakAll td").first.evaluate(
        "td => getComputedStyle(td).wordBreak"
    )
    assert table == "break-all"


def test_the_long_description_opens_on_request(page: Page, docfx_url: str) -> None:
    page.goto(f"{docfx_url}image/source/")
    details = page.locator("details.docfx-long-description")
    assert details.get_attribute("open") is None
    details.locator("summary").click()
    assert details.get_attribute("open") is not None
    assert page.get_by_text("Ziņojums no sūtītāja nonāk serverī.").is_visible()
    screenshot(page, "docfx-images-lv")
