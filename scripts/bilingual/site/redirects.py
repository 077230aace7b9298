"""Redirect pages: each old address of the docset, in every language, sends the reader on.

The split lists the redirects in ``docs/.redirects.json`` (``split.navigation``): each old page's
address (relative to a language's root) and its target in each language (a page's address in
that language, or a URL). Each language's build writes, at ``<prefix><old address>index.html``,
a small page of its own (``redirect_page``) with ``<link rel="canonical">`` and ``<meta
http-equiv="refresh">`` to the target, and a visible link for readers whose browser does not
follow the refresh. It runs no script, and the link checker reads its ``link[href]`` and
``a[href]`` like any page's.

mkdocs-redirects is not used: its ``redirect_maps`` is one map for the whole site, written at
the same paths by every language's build (so no ``/en/`` redirects, each build overwriting the
last), with an English "Redirecting..." text, ``lang="en"`` and an inline script on every page
(upstream issues #33 and #63: it does not work with static-i18n's folder structure). These
pages are written by the build of the language they are in, into that build's folder, so a
language built apart and merged (``site.merge``) gives the same files as one process.
"""

from __future__ import annotations

import html
import json
import posixpath
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bilingual import ui_text
from bilingual.site import csp
from bilingual.site.navigation import relative

REDIRECTS = ".redirects.json"
WEB = frozenset({"http", "https"})


def load_redirects(docs: Path) -> list[dict[str, Any]]:
    """The redirects the split listed (none when it listed none)."""
    try:
        data = json.loads((docs / REDIRECTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    entries = data.get("redirects") if isinstance(data, dict) else None
    return [entry for entry in entries or [] if isinstance(entry, dict)]


def safe_address(address: str) -> bool:
    """Whether an old address is a folder path inside the site (no ``..``, no scheme)."""
    if not address.endswith("/") or address.startswith("/") or urlsplit(address).scheme:
        return False
    return posixpath.normpath(address).split("/")[0] not in ("..", ".") and "\\" not in address


def target_href(target: dict[str, Any], address: str) -> str | None:
    """The target's link as written on the redirect page at ``address``."""
    href = str(target.get("href", ""))
    if target.get("internal"):
        return relative(href, address)
    parts = urlsplit(href)
    return href if parts.scheme.lower() in WEB and parts.hostname else None


def redirect_page(code: str, direction: str, href: str, title: str) -> str:
    """The redirect page, in language ``code``, to ``href`` (its link text ``title``)."""
    heading = ui_text.html_text(code, "redirect_title")
    text = ui_text.html_text(code, "redirect_text")
    url = html.escape(href, quote=True)
    return (
        "<!doctype html>\n"
        f'<html lang="{html.escape(code)}" dir="{html.escape(direction)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"{csp.META.format(policy=csp.policy([]))}\n"
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{heading}</title>\n"
        f'<link rel="canonical" href="{url}">\n'
        f'<meta http-equiv="refresh" content="0; url={url}">\n'
        "</head>\n"
        "<body>\n"
        f"<h1>{heading}</h1>\n"
        f'<p>{text} <a href="{url}">{html.escape(title)}</a></p>\n'
        "</body>\n"
        "</html>\n"
    )


def write_redirects(
    docs: Path, site: Path, code: str, prefix: str, direction: str, others: tuple[str, ...]
) -> list[str]:
    """Write language ``code``'s redirect pages into ``site`` (under ``prefix``); never over a
    page of the site, nor into another language's folder (``others``). The pages written."""
    written = []
    for entry in load_redirects(docs):
        address = str(entry.get("from", ""))
        targets = entry.get("to")
        target = targets.get(code) if isinstance(targets, dict) else None
        if not isinstance(target, dict) or not safe_address(address):
            continue
        if address.split("/", 1)[0] in others:
            continue
        href = target_href(target, address)
        if href is None:
            continue
        path = site / prefix / address / "index.html"
        if path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        title = str(target.get("title") or href)
        path.write_text(redirect_page(code, direction, href, title), encoding="utf-8")
        written.append(f"{prefix}{address}")
    return written
