"""Debian's Chromium driven by Playwright: where it is and how it is launched."""

from __future__ import annotations

import shutil
from pathlib import Path

from playwright.sync_api import Browser, Playwright

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def executable() -> Path | None:
    """Debian's ``chromium`` (installed by ``.ci/run``), if this machine has it."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return Path(found) if found else None


def launch(playwright: Playwright, path: Path) -> Browser:
    """Headless Chromium from ``path``, cut off from everything but the local server."""
    return playwright.chromium.launch(executable_path=str(path), args=ARGS, headless=True)
