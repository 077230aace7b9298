"""Side-by-side reading (issue 28) in real headless Chromium: the toggle, remembered; the seed's
four steps each beside its English twin; a narrow screen stacked, translation first; keyboard
only, with what a screen reader hears; axe with the view on; print; tabs, zones and code keep
their places; a right-to-left page.

Sites: ``seed_site`` (the seed article), ``docfx_site`` (tabs, zones), ``docfx_blocks_site``
(tables), ``rtl_site`` (Arabic).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from playwright.sync_api import Browser, Page

import axe
from chromium import screenshot
from conftest import SEED_ARTICLE
from webserver import serve

pytestmark = [pytest.mark.browser, pytest.mark.site]

STEPS = [
    "At the top of the web portal, click or tap the gear icon",
    "Scroll to the connection for which you saw the Unauthorized error message.",
    "Next to the connection, click or tap the Verify password link",
    "Verify your credentials by following the instructions that appear",
]
ON = "Oriģināls angļu valodā tiek rādīts blakus tulkojumam."
OFF = "Oriģināls angļu valodā vairs netiek rādīts."

PAIRS = """() => [...document.querySelectorAll("article [data-sbs]")].map((block) => {
  const twin = block.nextElementSibling;
  const box = (element) => {
    const rect = element.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right };
  };
  return {
    tag: block.localName,
    number: block.getAttribute("data-sbs"),
    block: box(block),
    twin: twin && twin.hasAttribute("data-sbs-twin") ? box(twin) : null,
    twinTag: twin ? twin.localName : null,
    lang: twin ? twin.getAttribute("lang") : null,
    dir: twin ? twin.getAttribute("dir") : null,
    text: twin ? twin.textContent.trim().replace(/\\s+/g, " ") : "",
    value: twin && twin.localName === "li" ? twin.value : null,
  };
})"""


@pytest.fixture(scope="module")
def seed_url(seed_site: Path) -> Iterator[str]:
    with serve(seed_site) as url:
        yield url


@pytest.fixture(scope="module")
def docfx_url(docfx_site: Path) -> Iterator[str]:
    with serve(docfx_site) as url:
        yield url


def turn_on(page: Page) -> None:
    page.locator("button.sbs-toggle").click()
    page.locator("article [data-sbs-twin]").first.wait_for(state="visible")


def said(page: Page, sentence: str) -> None:
    """Wait until the live region says ``sentence``."""
    page.wait_for_function(
        "(sentence) => document.querySelector('.sbs-status').textContent === sentence", arg=sentence
    )


def markers(page: Page) -> list[str]:
    """The list markers a screen reader (and the eye) gets, from Chromium's accessibility tree."""
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    cdp.detach()
    return [
        node.get("name", {}).get("value", "").strip()
        for node in nodes
        if node.get("role", {}).get("value") == "ListMarker"
    ]


def pairs(page: Page) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.evaluate(PAIRS)
    return found


def test_the_toggle_turns_the_view_on_and_off_and_is_remembered(page: Page, seed_url: str) -> None:
    page.goto(f"{seed_url}{SEED_ARTICLE}/")
    toggle = page.locator("button.sbs-toggle")
    assert toggle.get_attribute("aria-pressed") == "false"
    assert toggle.inner_text() == "Rādīt oriģinālu angļu valodā blakus tulkojumam"
    assert page.locator("[data-sbs-twin]").count() == 0
    turn_on(page)
    assert toggle.get_attribute("aria-pressed") == "true"
    assert page.locator("article [data-sbs-twin]").count() == 7  # the title, 2 paragraphs, 4 steps
    said(page, ON)
    screenshot(page, "side-by-side-on")

    page.reload()  # remembered
    assert page.locator("button.sbs-toggle").get_attribute("aria-pressed") == "true"
    assert page.locator("article [data-sbs-twin]").count() == 7

    page.locator("button.sbs-toggle").click()
    assert page.locator("article [data-sbs-twin]").count() == 0
    assert page.locator("button.sbs-toggle").get_attribute("aria-pressed") == "false"
    said(page, OFF)
    page.reload()
    assert page.locator("article [data-sbs-twin]").count() == 0
    # the hover's toggle is another switch: it did not change
    assert page.locator("button.sxs-toggle").get_attribute("aria-pressed") == "true"


def test_the_view_holds_on_a_page_instant_navigation_loads(page: Page, seed_url: str) -> None:
    """Material's instant navigation swaps the article for the next page's and announces it on
    document$: the reader's choice is applied to the new content."""
    page.goto(f"{seed_url}{SEED_ARTICLE}/")
    turn_on(page)
    before = page.evaluate(
        """async () => {
          const response = await fetch(location.href);  // the page as the server sends it
          const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
          const article = document.querySelector("article");
          article.replaceChildren(...document.adoptNode(fresh.querySelector("article")).childNodes);
          const before = article.querySelectorAll("[data-sbs-twin]").length;
          document$.next(document);
          return before;
        }"""
    )
    assert before == 0
    assert page.locator("article [data-sbs-twin]").count() == 7
    assert page.locator("button.sbs-toggle").get_attribute("aria-pressed") == "true"


def test_the_four_steps_each_stand_beside_their_english_twin(page: Page, seed_url: str) -> None:
    page.goto(f"{seed_url}{SEED_ARTICLE}/")
    turn_on(page)
    found = pairs(page)
    steps = [pair for pair in found if pair["tag"] == "li"]
    assert len(steps) == 4
    for number, (step, english) in enumerate(zip(steps, STEPS, strict=True), start=1):
        assert step["twin"] is not None
        assert step["twinTag"] == "li"
        assert step["text"].startswith(english)
        assert (step["lang"], step["dir"]) == ("en", "ltr")
        assert step["value"] == number  # the twin shows the step's number
        assert abs(step["block"]["top"] - step["twin"]["top"]) < 1  # one row
        assert step["twin"]["left"] >= step["block"]["right"]  # English to the right
    for pair in found:  # every block, the title and both paragraphs too
        assert pair["twin"] is not None
        assert abs(pair["block"]["top"] - pair["twin"]["top"]) < 1
    # the step numbers the reader sees: each step and its twin the same, 1 to 4
    assert markers(page) == ["1.", "1.", "2.", "2.", "3.", "3.", "4.", "4."]
    screenshot(page, "side-by-side-steps", full_page=True)


def test_a_narrow_screen_stacks_each_twin_under_its_block(browser: Browser, seed_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(f"{seed_url}{SEED_ARTICLE}/")
        turn_on(page)
        found = pairs(page)
        assert len(found) == 7
        for pair in found:
            assert pair["twin"] is not None
            assert pair["twin"]["top"] >= pair["block"]["bottom"] - 1  # translation first
            assert abs(pair["twin"]["left"] - pair["block"]["left"]) < 1  # one column
        screenshot(page, "side-by-side-narrow", full_page=True)
    finally:
        context.close()


def test_keyboard_only_the_toggle_is_reached_pressed_and_keeps_the_focus(
    page: Page, seed_url: str
) -> None:
    page.goto(f"{seed_url}{SEED_ARTICLE}/")
    page.locator("button.sxs-toggle").focus()
    page.keyboard.press("Tab")  # the next control: the side-by-side toggle
    assert page.evaluate("document.activeElement.classList.contains('sbs-toggle')")
    page.keyboard.press("Enter")
    page.locator("article [data-sbs-twin]").first.wait_for(state="visible")
    assert page.evaluate("document.activeElement.classList.contains('sbs-toggle')")
    said(page, ON)
    page.keyboard.press("Tab")  # on to the first sentence after the toggles, as before
    assert page.evaluate("document.activeElement.classList.contains('sxs')")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    assert page.locator("article [data-sbs-twin]").count() == 0
    assert page.evaluate("document.activeElement.classList.contains('sbs-toggle')")
    assert page.locator("button.sbs-toggle").get_attribute("aria-pressed") == "false"


def test_a_screen_reader_hears_the_toggle_its_state_and_the_english_in_english(
    page: Page, seed_url: str
) -> None:
    page.goto(f"{seed_url}{SEED_ARTICLE}/")
    turn_on(page)
    snapshot = page.locator("article").aria_snapshot()
    assert 'button "Rādīt oriģinālu angļu valodā blakus tulkojumam" [pressed]' in snapshot
    said(page, ON)
    snapshot = page.locator("article").aria_snapshot()
    assert f"status: {ON}" in snapshot  # a polite live region, in the page's language
    twins = page.locator("article [data-sbs-twin]")
    assert all(twins.nth(n).get_attribute("lang") == "en" for n in range(twins.count()))
    # in the reading order each twin follows its block: translation, then English
    order = page.evaluate(
        """[...document.querySelectorAll("article [data-sbs], article [data-sbs-twin]")]
             .map((element) => element.hasAttribute("data-sbs-twin") ? "en" : "lv")"""
    )
    assert order == ["lv", "en"] * 7
    # the template is no part of the accessibility tree
    assert "Troubleshoot Flow authentication errors" in snapshot  # the twin of the title
    page.locator("button.sbs-toggle").click()
    assert "Troubleshoot Flow" not in page.locator("article").aria_snapshot()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_finds_nothing_with_the_view_on(
    page: Page, seed_url: str, theme: Literal["light", "dark"]
) -> None:
    page.emulate_media(color_scheme=theme)
    page.goto(f"{seed_url}{SEED_ARTICLE}/")
    turn_on(page)
    violations = axe.check(page)
    assert not violations, axe.report(violations)


def test_the_view_prints_as_on_screen_in_two_columns(page: Page, seed_url: str) -> None:
    page.goto(f"{seed_url}{SEED_ARTICLE}/")
    turn_on(page)
    page.emulate_media(media="print")
    assert page.locator("button.sbs-toggle").is_hidden()  # toggles are not printed
    for pair in pairs(page):
        assert pair["twin"] is not None
        assert abs(pair["block"]["top"] - pair["twin"]["top"]) < 1
        assert pair["twin"]["left"] >= pair["block"]["right"]


def test_tabs_keep_their_places_and_follow_the_chosen_tab(page: Page, docfx_url: str) -> None:
    page.goto(f"{docfx_url}tabs/")
    turn_on(page)
    groups = page.locator("article > .docfx-tabs[data-sbs]")
    twins = page.locator("article > .docfx-tabs[data-sbs-twin]")
    assert groups.count() == twins.count() == 3
    for found in pairs(page):
        assert found["twin"] is not None
        assert abs(found["block"]["top"] - found["twin"]["top"]) < 1
    # ids are the translation's alone; the twin's group is a group of its own
    assert page.evaluate(
        "new Set([...document.querySelectorAll('[id]')].map((e) => e.id)).size"
    ) == (page.evaluate("document.querySelectorAll('[id]').length"))
    page.locator("article > .docfx-tabs[data-sbs] label").nth(1).click()  # Windows
    twin = twins.first
    page.wait_for_function(
        "() => document.querySelector('article > .docfx-tabs[data-sbs-twin] input:checked')"
        "?.getAttribute('data-tab') === 'windows'"
    )
    assert "Content for Windows." in twin.locator(".tabbed-block:visible").inner_text()
    # code is shown once, across both columns
    code = page.locator("article > .highlight").first
    box = code.bounding_box()
    article = page.locator("article").bounding_box()
    assert box is not None
    assert article is not None
    assert box["width"] > article["width"] * 0.8
    screenshot(page, "side-by-side-tabs", full_page=True)


def test_tables_keep_the_themes_style_beside_their_twins(
    page: Page, docfx_blocks_site: tuple[Path, Path]
) -> None:
    with serve(docfx_blocks_site[1]) as url:
        page.goto(f"{url}table/source/")
        turn_on(page)
        found = [pair for pair in pairs(page) if pair["tag"] == "table"]
        assert found
        for pair in found:
            assert pair["twin"] is not None
            assert abs(pair["block"]["top"] - pair["twin"]["top"]) < 1
        style = """(table) => { const s = getComputedStyle(table);
          return [s.display, s.borderTopStyle, s.fontSize]; }"""
        block = page.locator("article table[data-sbs]").first
        twin = page.locator("article table[data-sbs-twin]").first
        assert block.evaluate(style) == twin.evaluate(style)  # the theme's table, both
        screenshot(page, "side-by-side-tables", full_page=True)


def test_zones_hide_their_twins_with_them(page: Page, docfx_url: str) -> None:
    page.goto(f"{docfx_url}zones/")
    turn_on(page)
    visible = "[...document.querySelectorAll('article [data-sbs-twin]')].filter((e) => e.offsetParent).map((e) => e.textContent.trim())"
    shown = page.evaluate(visible)
    assert "Text for C#." in shown
    assert "Text for Python." not in shown
    page.locator("a.docfx-pivot[data-pivot='python']").click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('article [data-sbs-twin]')].some("
        "(e) => e.offsetParent && e.textContent.includes('Python'))"
    )
    shown = page.evaluate(visible)
    assert "Text for C#." not in shown
    for found in pairs(page):
        if found["block"]["bottom"] > found["block"]["top"]:  # shown
            assert found["twin"] is not None
            assert abs(found["block"]["top"] - found["twin"]["top"]) < 1


def test_a_right_to_left_page_has_its_english_on_the_left(page: Page, rtl_site: Path) -> None:
    with serve(rtl_site) as url:
        page.goto(f"{url}password-reset/")
        turn_on(page)
        found = pairs(page)
        assert found
        for pair in found:
            assert pair["twin"] is not None
            assert (pair["lang"], pair["dir"]) == ("en", "ltr")
            assert abs(pair["block"]["top"] - pair["twin"]["top"]) < 1
            assert pair["twin"]["right"] <= pair["block"]["left"]  # first column on the right
        violations = axe.check(page)
        assert not violations, axe.report(violations)
        screenshot(page, "side-by-side-rtl", full_page=True)
