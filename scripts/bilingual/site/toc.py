"""A page's table of contents, read off its HTML: every heading with an id, nested by level.

The page writer writes the HTML (``pages``), so MkDocs' ``toc`` extension never sees a heading;
MkDocs' own ``get_toc`` is given what that extension would have given it: each heading's level,
id and text (as HTML text), and the headings under it.
"""

from __future__ import annotations

import html
import re
from typing import Any

from mkdocs.structure.toc import get_toc

HEADING = re.compile(r"<h([1-6])\b[^>]*?\bid=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.DOTALL)
PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def toc_tokens(page_html: str) -> list[dict[str, Any]]:
    """The headings of ``page_html`` as Python-Markdown's ``toc_tokens``."""
    root: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for level, ident, inner in HEADING.findall(page_html):
        text = " ".join(html.unescape(TAG.sub("", PERMALINK.sub("", inner))).split())
        token: dict[str, Any] = {
            "level": int(level),
            "id": html.unescape(ident),
            "name": html.escape(text, quote=False),
            "children": [],
        }
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root


def page_toc(page_html: str) -> Any:
    """MkDocs' table of contents of a page's HTML."""
    return get_toc(toc_tokens(page_html))  # type: ignore[arg-type]
