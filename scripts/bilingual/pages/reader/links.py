"""Links: every link and image of a page pointed at the right place in the page's language.

A source pass over each source of the page (its own and each include): a relative target is
made relative to the page first (an include's links are written from the include's folder), then
the rules of ``link_rewrite`` apply (``resolve``: docset-absolute links, Learn paths in the
page's locale, ``~/`` paths, case, missing articles), and an internal target becomes the built
page's address (``b.md#x`` -> ``../b/#x``), because the page is HTML and nobody rewrites it
after. Markdown links and images, and ``href``/``src`` attributes of raw HTML, alike. Every change
is recorded with its original target (``docs/.links.json``); no link is dropped.
"""

from __future__ import annotations

import posixpath
import re

from markdown_it.token import Token

from bilingual.pages.link_rewrite import Rewrite, relative, resolve
from bilingual.pages.tree.unit import Source, SourcePass, Unit

ORDER = 80
HTML_LINK = re.compile(
    r"""(?P<lead>(?<![\w-])(?:href|src)\s*=\s*(?P<q>["']))(?P<url>.*?)(?P=q)""", re.IGNORECASE
)
LOCAL = re.compile(r"^(?![a-zA-Z][a-zA-Z0-9+.-]*:|//|/|~/|#)")


def rebased(url: str, origin: str, page: str) -> str:
    """``url`` as written in ``origin``, made relative to the folder of ``page``."""
    folder, here = posixpath.dirname(origin), posixpath.dirname(page)
    if folder == here or not url or not LOCAL.match(url):
        return url
    return relative(posixpath.join(folder, url), here)


def target(url: str, source: Source) -> tuple[str, str] | None:
    """The new target of ``url`` (written in ``source``) and the rule, or ``None``."""
    page = source.page
    path = page.document.path
    written = url
    root = page.resolver.root_of(source.origin) if url.startswith("~/") and page.resolver else None
    if root is not None:  # from the docset's root that holds the source (its docfx.json's)
        at_root, _, fragment = url[2:].partition("#")
        url = relative(posixpath.join(root, at_root), posixpath.dirname(path))
        url += f"#{fragment}" if fragment else ""
        origin = path
    else:
        origin = source.origin
    moved = rebased(url, origin, path)
    if page.links is None:
        return (moved, "include") if moved != written else None
    found = resolve(moved, path, page.links, html=True)
    if found is None:
        return (moved, "include") if moved != written else None
    return found


def _change(url: str, source: Source) -> str:
    found = target(url.strip(), source)
    if found is None:
        return url
    new, rule = found
    source.page.data.setdefault("links", []).append(Rewrite(url, new, rule))
    return new


def _html(text: str, source: Source) -> str:
    if "href" not in text.lower() and "src" not in text.lower():
        return text

    def replace(match: re.Match[str]) -> str:
        url = match.group("url")
        new = _change(url, source)
        return match.group() if new == url else f"{match.group('lead')}{new}{match.group('q')}"

    return HTML_LINK.sub(replace, text)


def _children(children: list[Token], source: Source) -> None:
    for child in children:
        if child.type == "link_open":
            href = child.attrGet("href")
            if isinstance(href, str) and not child.meta.get("final"):
                child.attrSet("href", _change(href, source))
        elif child.type == "image":
            src = child.attrGet("src")
            if isinstance(src, str) and not child.meta.get("final"):
                child.attrSet("src", _change(src, source))
        elif child.type == "html_inline":
            child.content = _html(child.content, source)
        elif child.meta.get("link"):
            _meta(child, source)
        if child.children:
            _children(child.children, source)


def rewrite(tokens: list[Token], source: Source) -> list[Token]:
    """Source pass: every link of the source, resolved for the page."""
    for token in tokens:
        if token.children:
            _children(token.children, source)
        elif token.type == "html_block":
            token.content = _html(token.content, source)
        if token.meta.get("link"):
            _meta(token, source)
    return tokens


def _meta(token: Token, source: Source) -> None:
    """A construct's own targets (``meta["src"]``, ``meta["href"]``: an ``:::image:::``)."""
    for name in ("src", "href"):
        value = token.meta.get(name)
        if isinstance(value, str) and value:
            token.meta[name] = _change(value, source)


UNIT = Unit(name="links", source=(SourcePass(ORDER, rewrite),))
