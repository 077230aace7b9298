"""The home page's index of a large docset in real headless Chromium, on a phone: the lists of
its letters are rendered only near the screen (``content-visibility``), and still reached by
their anchors and their links followed."""

from __future__ import annotations

import string
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from bilingual_text import article, pair
from conftest import build_source
from webserver import serve

pytestmark = [pytest.mark.browser, pytest.mark.site]

LETTERS = string.ascii_uppercase
PER_LETTER = 3  # 78 articles: more than home.LETTER_GROUPS_FROM, so grouped by letter


@pytest.fixture(scope="module")
def home_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("home")
    source = root / "source"
    source.mkdir()
    for letter in LETTERS:
        for number in range(1, PER_LETTER + 1):
            title = f"{letter}{letter.lower()} raksts {number}"
            body = f"\n# {pair(f'{letter}1-{number}', title, f'{letter} article {number}')}\n"
            name = f"{letter.lower()}-{number}.md"
            (source / name).write_text(article(body, title=title), encoding="utf-8")
    with serve(build_source(source, root)) as url:
        yield url


def test_the_lists_far_down_are_left_unrendered_and_reached_by_their_anchor(
    browser: Browser, home_url: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(home_url)
    lists = page.locator("article h3[id^='index-'] + ul")
    assert lists.count() == len(LETTERS)
    visibility = lists.evaluate_all(
        "lists => lists.map(l => getComputedStyle(l).contentVisibility)"
    )
    assert set(visibility) == {"auto"}
    # the last letter's list is far below the screen: skipped, its height the guess
    last = lists.nth(len(LETTERS) - 1)
    assert last.evaluate("l => l.getBoundingClientRect().top") > 844
    page.goto(f"{home_url}#index-z")
    heading = page.locator("#index-z")
    page.wait_for_function(
        "() => { const r = document.querySelector('#index-z').getBoundingClientRect();"
        " return r.top >= 0 && r.top < 844; }"
    )
    link = last.locator("a").first
    assert link.is_visible()
    assert heading.is_visible()
    link.click()
    page.wait_for_url(f"{home_url}z-1/")
    context.close()
