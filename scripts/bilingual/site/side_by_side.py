"""The side-by-side view's English on a translation page, as the site writes it.

The page writer ends a translation page with the English twins of its blocks, in a template
after ``SEPARATOR`` (``pages.reader.side_by_side``). The site cuts them off there
(``split_english``) before the page's HTML is sanitised (the sanitiser empties a ``<template>``:
its content is a document of its own), sanitises them apart (``sanitize.sanitize_html(english=True)``: the
same allowlist, no ids), and writes the template back after the page's notices
(``english_template``), inert until the reader asks for the view (``sbs.js``). The template says
``data-search-exclude``: search indexes the translation's text alone.
"""

from __future__ import annotations

from bilingual.pages.reader.side_by_side import SEPARATOR, TEMPLATE_CLOSE, TEMPLATE_OPEN
from bilingual.site.empty_links import name_empty_links
from bilingual.site.sanitize import sanitize_html

OPEN = TEMPLATE_OPEN.strip()
CLOSE = TEMPLATE_CLOSE.strip()


def split_english(html: str) -> tuple[str, str]:
    """A page's HTML, and the English twins of its blocks (``""`` when it has none, or when what
    follows ``SEPARATOR`` is not the writer's template)."""
    page, separator, rest = html.partition(SEPARATOR)
    if not separator:
        return html, ""
    rest = rest.strip()
    if not rest.startswith(OPEN) or not rest.endswith(CLOSE):
        return page, ""
    return page, rest[len(OPEN) : -len(CLOSE)]


def has_english(markdown: str) -> bool:
    """Whether a page holds the English twins of its blocks: what ``split_english`` keeps (the
    view's toggle is offered where the page will carry its template, and only there)."""
    return bool(split_english(markdown)[1].strip())


def english_template(english: str) -> str:
    """The English twins as the page carries them: sanitised, in their inert template."""
    return f"{TEMPLATE_OPEN}{name_empty_links(sanitize_html(english.strip(), english=True))}\n{TEMPLATE_CLOSE}"
