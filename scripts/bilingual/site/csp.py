"""Defence in depth: every page carries a Content-Security-Policy, so that a script the sanitizer
missed still does not run.

The policy lets scripts come from the site itself and from the theme's own inline scripts, each
allowed by its SHA-256 hash: no ``'unsafe-inline'`` for scripts, no ``'unsafe-eval'``. Objects
are none, frames only the video players the sanitizer keeps (``sanitize.VIDEO_PLAYERS``), and
``base-uri`` and ``form-action`` are the site's own. Images may come from any https host (an
article may show one from another site; an image runs nothing) and from ``data:`` URLs: Material
draws its icons (the alerts', among others) as CSS ``mask-image: url("data:image/svg+xml,…")``,
which without ``data:`` are blocked, an empty slot and a console violation each. An image from a
``data:`` URL runs nothing either (an SVG shown as an image runs no script), and only the theme
uses them: the sanitizer lets no ``data:`` URL into an article, and the images a source inlines
become files (``inline_images``). Styles allow inline style attributes, which the theme writes.
Math is KaTeX, served from the site itself (``assets/katex/``, fonts included): nothing more.

``with_policy`` writes a page's policy as ``<meta http-equiv="Content-Security-Policy">`` first
in its ``<head>``, hashing the inline scripts outside its ``<article>``: the article is the
source's, and nothing of the source is ever allowed to run. ``write_headers`` writes the union
of every page's policy as ``_headers`` at the site's root (the format Netlify and Cloudflare
Pages read; reference/security.md shows the same policy for nginx), for hosts that set headers.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

from bilingual.site.sanitize import VIDEO_PLAYERS

META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'
META_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
SOURCE_ATTRIBUTE = re.compile(r"\ssrc\s*=", re.IGNORECASE)
TYPE_ATTRIBUTE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
EXECUTABLE_TYPES = frozenset(
    {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
)
ARTICLE = re.compile(r"<article\b.*?</article\s*>", re.IGNORECASE | re.DOTALL)
CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
HEADERS = "_headers"
HEAD_BYTES = 8192
"""How much of a page ``write_headers`` reads: its policy is at the start of its head."""


def script_hash(text: str) -> str:
    """CSP's hash source of an inline script's text: ``sha256-`` and its base64 digest."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def theme_scripts(html: str) -> list[str]:
    """The text of every inline script of ``html`` that a browser would run, outside the page's
    ``<article>`` (scripts with ``src`` and data blocks such as JSON are not inline scripts)."""
    outside = ARTICLE.sub("", html)
    found = []
    for attributes, text in SCRIPT.findall(outside):
        if SOURCE_ATTRIBUTE.search(attributes):
            continue
        kind = TYPE_ATTRIBUTE.search(attributes)
        if (kind.group(1).lower() if kind else "") in EXECUTABLE_TYPES:
            found.append(text)
    return found


def policy(hashes: Iterable[str]) -> str:
    """The policy allowing the site's own scripts and the inline scripts of ``hashes``."""
    scripts = " ".join(["'self'", *(f"'{value}'" for value in sorted(set(hashes)))])
    players = " ".join(f"https://{host}" for host in sorted(VIDEO_PLAYERS))
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' https: data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            f"frame-src {players}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_policy(html: str) -> str:
    """``html`` with its policy first in its head (before any script it governs)."""
    meta = META.format(policy=policy(script_hash(text) for text in theme_scripts(html)))
    start = CHARSET.search(html) or HEAD.search(html)
    if start is None:
        return meta + html
    return html[: start.end()] + meta + html[start.end() :]


def hashes_of(policy_text: str) -> set[str]:
    """The script hashes a policy allows."""
    return set(re.findall(r"'(sha256-[A-Za-z0-9+/=]+)'", policy_text))


def page_hashes(path: Path) -> set[str]:
    """The script hashes the policy in the head of the page at ``path`` allows."""
    with open(path, "rb") as page:
        head = page.read(HEAD_BYTES).decode("utf-8", errors="replace")
    return output_hashes(head)


def output_hashes(html: str) -> set[str]:
    """The script hashes the policy in the head of the page ``html`` allows."""
    found = META_POLICY.search(html[:HEAD_BYTES])
    return hashes_of(found.group(1)) if found is not None else set()


def site_hashes(site: Path) -> dict[str, set[str]]:
    """Each page's script hashes (``page_hashes``), by its path relative to ``site``."""
    hashes: dict[str, set[str]] = {}
    for folder, _, names in os.walk(site):
        for name in names:
            if name.endswith(".html"):
                path = Path(folder, name)
                hashes[path.relative_to(site).as_posix()] = page_hashes(path)
    return hashes


def write_policy(site: Path, hashes: set[str]) -> str:
    """Write ``_headers`` with a policy allowing ``hashes``; returns that policy."""
    union = policy(hashes)
    (site / HEADERS).write_text(f"/*\n  Content-Security-Policy: {union}\n", encoding="utf-8")
    return union


def write_headers(site: Path) -> str:
    """Write ``_headers`` with the union of every page's policy; returns that policy."""
    return write_policy(site, set().union(*site_hashes(site).values()))
