"""Debian's Chromium driven by Playwright: where it is and how it is launched."""

from __future__ import annotations

import shutil
from pathlib import Path

from playwright.sync_api import Browser, Page, Playwright

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # no test touches the internet: every host but the local server resolves to nothing
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def executable() -> Path | None:
    """Debian's ``chromium`` (installed by ``.ci/run``), if this machine has it."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return Path(found) if found else None


def launch(playwright: Playwright, path: Path) -> Browser:
    """Headless Chromium from ``path``, cut off from everything but the local server."""
    return playwright.chromium.launch(executable_path=str(path), args=ARGS, headless=True)


OUTPUT = Path(__file__).resolve().parent.parent / "test-output"
"""Where the browser tests save their screenshots (git-ignored)."""


def screenshot(page: Page, name: str, *, full_page: bool = True) -> None:
    """Save ``page`` as ``test-output/<name>.png``."""
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"{name}.png"), full_page=full_page)


def search(page: Page, query: str) -> list[str]:
    """Type ``query`` into the site's search box; the result links, best first."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)  # one query, not one per keystroke: results of "4" or "40" cannot linger
    box.press("End")
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=10_000)
    return [str(link.get_attribute("href")) for link in results.all()]
