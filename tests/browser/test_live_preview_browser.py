"""``make serve`` in real headless Chromium: a save reloads the pages viewing what it changed
(in every browser viewing them), and no other page; the reload script is allowed by the page's
own Content-Security-Policy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page

from live_preview import Served, serving

pytestmark = [pytest.mark.browser, pytest.mark.site]

STAMP = "() => { window.__notReloaded = true; }"
NOT_RELOADED = "() => window.__notReloaded === true"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    with serving(tmp_path) as session:
        yield session


def reader(browser: Browser, url: str, violations: list[str]) -> Page:
    """A page at ``url`` in a context of its own (another browser), marked so a reload shows."""
    context = browser.new_context()
    context.set_default_timeout(20_000)
    page = context.new_page()

    def listen(message: ConsoleMessage) -> None:
        if "Content Security" in message.text:
            violations.append(message.text)

    page.on("console", listen)
    page.goto(url)
    page.wait_for_function("() => document.readyState === 'complete'")
    page.evaluate(STAMP)
    return page


def test_a_save_reloads_every_browser_viewing_the_page_and_no_other(
    browser: Browser, served: Served
) -> None:
    violations: list[str] = []
    first = reader(browser, served.url + "set-up-mail/", violations)
    second = reader(browser, served.url + "set-up-mail/", violations)
    other = reader(browser, served.url + "share-calendar/", violations)
    first.wait_for_timeout(500)  # the event streams are open
    served.edit("set-up-mail.md", "Atveriet iestatījumus.", "Atveriet iestatījumus tagad.")
    for viewer in (first, second):
        viewer.wait_for_function(
            "() => document.body.textContent.includes('Atveriet iestatījumus tagad.')"
        )
        assert not viewer.evaluate(NOT_RELOADED)  # reloaded by the script, not by the test
    assert other.evaluate(NOT_RELOADED)  # its page did not change: left as it was
    assert violations == []
