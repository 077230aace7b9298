"""The markdown inside a YAML page (a FAQ's answers, a tutorial's steps) -> HTML.

It is the source's text, so nothing in it may become markup it did not mean: it is rendered as
CommonMark (with tables) with raw HTML off, so ``<script>`` or ``<img onerror=…>`` in it is shown
as text, and ``javascript:`` links are refused by the renderer (the site's sanitiser checks the
built page again). Its links go where the same link on a landing page would
(``Navigation.link``, relative to the YAML file): a link to nothing the site has is its text,
counted in ``navigation.unlinked``; a link to the page's own ``#anchor`` is kept.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from bilingual.pages.landing import destination
from bilingual.pages.link_rewrite import built_link
from bilingual.pages.navigation import Navigation


@cache
def _renderer() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def image_src(src: str, base: str, page: str, navigation: Navigation) -> str | None:
    """An image of the YAML file ``base`` as a ``src`` on the built page of ``page``; ``None``
    when the site does not have it."""
    target = navigation.link(src, base)
    if target is None:
        return None
    if target.url is not None:
        return target.url
    assert target.page is not None
    return built_link(page, target.page)


def _linked(children: list[Token], base: str, page: str, navigation: Navigation) -> list[Token]:
    """``children`` with each link and image pointing where the site has it; links to nothing
    the site has left as their text (links do not nest, so a dropped link's close is the next)."""
    kept: list[Token] = []
    dropping = False
    for token in children:
        if token.type == "link_open":
            href = str(token.attrGet("href") or "")
            target = None if href.startswith("#") else navigation.link(href, base)
            if target is not None:
                token.attrSet("href", destination(target, page).strip("<>"))
            elif not href.startswith("#"):
                navigation.unlinked += 1
                dropping = True
                continue
        elif token.type == "link_close" and dropping:
            dropping = False
            continue
        elif token.type == "image":
            src = image_src(str(token.attrGet("src") or ""), base, page, navigation)
            if src is not None:
                token.attrSet("src", src)
        kept.append(token)
    return kept


def markdown_html(text: str, base: str, page: str, navigation: Navigation) -> str:
    """The markdown ``text`` of the YAML file ``base`` as HTML on the page at ``page``."""
    md = _renderer()
    tokens = md.parse(text)
    for token in tokens:
        if token.type == "inline" and token.children:
            token.children = _linked(token.children, base, page, navigation)
    return str(md.renderer.render(tokens, md.options, {}))
