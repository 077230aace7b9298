"""A built page's language: the ``lang`` and ``dir`` of its root element, and its hreflang links.

Material writes ``<link rel="alternate" href="…" hreflang="…">`` for each language; search
engines also want ``x-default``, the page readers get when none of the languages fits: the
default language's page.
"""

from __future__ import annotations

import html
import re

HTML_TAG = re.compile(r"<html\b[^>]*>")
BODY_DIR = re.compile(r'(<body\b[^>]*?\bdir=")[^"]*(")')
ARTICLE_TAG = re.compile(r'<article class="md-content__inner md-typeset"')
ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')


def set_language(page: str, code: str, direction: str) -> str:
    """``page`` with ``<html lang="code" dir="direction">`` and the body's ``dir`` to match."""
    tag = f'<html lang="{html.escape(code)}" dir="{html.escape(direction)}" class="no-js">'
    page = HTML_TAG.sub(tag, page, count=1)
    return BODY_DIR.sub(rf"\g<1>{direction}\g<2>", page, count=1)


def set_content_language(page: str, code: str, direction: str) -> str:
    """``page`` whose article says it is in ``code`` (a fallback page in another language)."""
    attributes = f' lang="{html.escape(code)}" dir="{html.escape(direction)}"'
    return ARTICLE_TAG.sub(lambda match: match.group(0) + attributes, page, count=1)


def own_tags(page: str, tags: dict[str, str]) -> str:
    """``page`` whose ``hreflang`` links and language menu say each language's own BCP 47 tag
    where its folder differs (``tags``: folder -> tag; ``tl`` -> ``fil``: static-i18n names a
    language by its folder)."""
    for folder, tag in tags.items():
        page = page.replace(f'hreflang="{folder}"', f'hreflang="{tag}"')
        page = page.replace(f'hreflang="{tag}" lang="{folder}"', f'hreflang="{tag}" lang="{tag}"')
    return page


def add_x_default(page: str, default_code: str) -> str:
    """``page`` with an ``x-default`` alternate pointing at the default language's page."""
    if 'hreflang="x-default"' in page:
        return page
    links = list(ALTERNATE.finditer(page))
    target = next((link for link in links if link.group(2) == default_code), None)
    if target is None:
        return page
    last = links[-1]
    extra = f'\n<link rel="alternate" href="{target.group(1)}" hreflang="x-default">'
    return page[: last.end()] + extra + page[last.end() :]
