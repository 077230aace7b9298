"""Is a YAML page's text on its page? The audit of Learn's YAML pages (landing pages, hubs,
FAQs, tutorials), like that of articles' segments.

A YAML page has no segments: its text is the translation's only, in the values a reader sees
(``source.yamlpage.TEXT_KEYS``: ``title``, ``summary``, a card's or link's ``text``, a FAQ's
``question`` and ``answer``, a step's ``content`` …), never in its ``metadata``, addresses or
kinds. ``yaml_page_texts`` lists each such value with its place in the file; ``missing_texts`` gives those whose words are not on the page, read as the audit reads an
article's page (``losses.page_words``): a value as its markdown reads (``MARKDOWN_KEYS``), else
as its literal words (a page shows markup it does not render as text).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markdown_it import MarkdownIt

from bilingual.checks.losses import page_words, words
from bilingual.errors import SourceError
from bilingual.site.sanitize import sanitize_html
from bilingual.source import yamlnodes
from bilingual.source.yamlpage import MARKDOWN_KEYS, PageText, page_texts

COMMONMARK = MarkdownIt("commonmark", {"html": False})
"""CommonMark as the YAML pages' writers read their markdown: raw HTML is text."""


def yaml_page_texts(
    text: str, path: str, reported: Iterable[tuple[int, int]] = ()
) -> list[PageText]:
    """Every value of the YAML page in ``text`` (the file at ``path``) a reader sees, in file
    order, but those of the parts its reader left out and reported (at the places
    ``reported``); raises ``SourceError`` when it is not YAML."""
    value = yamlnodes.load(text, path, "a YAML page")
    left_out = {(found.line, found.column) for found in _left_out(value, set(reported))}
    return [found for found in page_texts(value) if (found.line, found.column) not in left_out]


def _left_out(value: Any, reported: set[tuple[int, int]]) -> list[PageText]:
    """The texts of the parts reported at ``reported``: a part (a mapping or a list) starting
    at a reported place, or the part holding a value reported at its own place."""
    found: list[PageText] = []
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        children = list(item.values()) if isinstance(item, dict) else item
        if not isinstance(item, dict | list):
            continue
        places = getattr(item, "places", {})
        scalar_places = places.values() if isinstance(places, dict) else places
        if yamlnodes.position(item) in reported or any(
            place in reported
            for place, child in zip(scalar_places, children, strict=False)
            if not isinstance(child, dict | list)
        ):
            found += page_texts(item)
            continue
        stack.extend(children)
    return found


def readings(value: PageText) -> tuple[str, ...]:
    """The words a value may show as: its markdown's reading, then its literal words."""
    literal = words(value.text)
    if value.key not in MARKDOWN_KEYS:
        return (literal,)
    rendered = page_words(sanitize_html(COMMONMARK.render(value.text)))
    return (rendered, literal)


def missing_texts(texts: list[PageText], page_html: str | None) -> list[PageText]:
    """The values none of whose readings is on the page (``None``: no page, all of them)."""
    if page_html is None:
        return list(texts)
    shown = f" {page_words(sanitize_html(page_html))} "
    return [
        value
        for value in texts
        if not any(f" {reading} " in shown for reading in readings(value) if reading)
    ]


def lost_line(path: str, value: PageText, where: str) -> str:
    """The audit's line for a value not on its page."""
    quoted = value.text if len(value.text) <= 60 else value.text[:57] + "…"
    error = SourceError(
        path,
        value.line,
        value.column,
        f"{value.key} {' '.join(quoted.split())!r} is not on {where}",
        "every text of a YAML page on its page",
    )
    return str(error)
