"""Bare URLs: ``https://…``, ``http://…``, ``ftp://…``, ``mailto:…``, ``www.…`` become links, as
Markdig's ``AutoLinkParser`` (in DocFX's pipeline) makes them.

A URL starts after white space, the start of a text or one of ``*_~(``; it runs to white space
or ``<``, without the punctuation that ends a sentence (``.,:;!?*_~``) or a closing parenthesis
it did not open; ``www.`` links are ``http://``. Read after the inline parse, in text only: a
URL in a link's text, in code or in HTML is left alone.
"""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from bilingual.pages.tree.parser import Markdown
from bilingual.pages.tree.unit import Unit

URL = re.compile(
    r"(?:(?<=[\s*_~(])|^)(?:https?://|ftp://|mailto:|www\.)[^\s<\U000f0000-\U0010fffd]+",
    re.IGNORECASE,
)
TRAILING = ".,:;!?*_~'\""


def _trimmed(url: str) -> str:
    end = len(url)
    while end > 0:
        char = url[end - 1]
        if char in TRAILING or (char == ")" and url.count("(", 0, end) < url.count(")", 0, end)):
            end -= 1
        else:
            break
    return url[:end]


def _split(token: Token, md: Markdown) -> list[Token]:
    text = token.content
    out: list[Token] = []
    position = 0
    for match in URL.finditer(text):
        url = _trimmed(match.group())
        lower = url.lower()
        prefix = next(
            p for p in ("https://", "http://", "ftp://", "mailto:", "www.") if lower.startswith(p)
        )
        if len(url) <= len(prefix) or ("." not in url[len(prefix) :] and prefix == "www."):
            continue
        href = md.normalizeLink("http://" + url if prefix == "www." else url)
        if not md.validateLink(href):
            continue
        if match.start() > position:
            before = Token("text", "", 0)
            before.content = text[position : match.start()]
            out.append(before)
        opening = Token("link_open", "a", 1)
        opening.attrs = {"href": href}
        opening.markup = opening.info = "autolink"
        shown = Token("text", "", 0)
        shown.content = md.normalizeLinkText(
            url.removeprefix("mailto:") if prefix == "mailto:" else url
        )
        closing = Token("link_close", "a", -1)
        closing.markup = closing.info = "autolink"
        out.extend([opening, shown, closing])
        position = match.start() + len(url)
    if not out:
        return [token]
    if position < len(text):
        after = Token("text", "", 0)
        after.content = text[position:]
        out.append(after)
    return out


def link(state: StateCore) -> None:
    """Core rule (after the inline parse): bare URLs in text as links."""
    md: Markdown = state.md  # type: ignore[assignment]
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        if (
            "://" not in token.content
            and "mailto:" not in token.content.lower()
            and "www." not in token.content.lower()
        ):
            continue
        out: list[Token] = []
        depth = 0
        for child in token.children:
            if child.type == "link_open":
                depth += 1
            elif child.type == "link_close":
                depth -= 1
            if child.type == "text" and depth == 0:
                out.extend(_split(child, md))
            else:
                out.append(child)
        token.children = out


def install(md: Markdown) -> None:
    md.core.ruler.after("inline", "docfx_autolinks", link)


UNIT = Unit(name="autolinks", install=install)
