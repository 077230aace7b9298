"""Is a YAML page's text on its page? The audit of Learn's YAML pages (landing pages, hubs,
FAQs, tutorials), like that of articles' segments.

A YAML page has no segments: its text is the translation's only, in the values a reader sees
(``source.yamlpage.TEXT_KEYS``: ``title``, ``summary``, a card's or link's ``text``, a FAQ's
``question`` and ``answer``, a step's ``content`` …), never in its ``metadata``, addresses or
kinds. ``yaml_page_texts`` lists each such value with its place in the file; ``missing_texts`` gives those whose words are not on the page, read as the audit reads an
article's page (``losses.page_words``): a value as its markdown reads (``MARKDOWN_KEYS``), else
as its literal words (a page shows markup it does not render as text), else as DocFX's markdown
shows it, block by block: the writer's records of what it showed otherwise put in place (a
cross reference as its article's title, ``:::no-loc:::`` as its text: ``rewrites``) and the
alert markers left out (the alert's title is the page's own words, a block of its own).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from markdown_it import MarkdownIt

from bilingual.checks.losses import BLOCK, page_words, shown_otherwise, words
from bilingual.errors import SourceError
from bilingual.pages.link_rewrite import Rewrite
from bilingual.site.sanitize import sanitize_html
from bilingual.source import yamlnodes
from bilingual.source.yamlpage import MARKDOWN_KEYS, PageText, page_texts

COMMONMARK = MarkdownIt("commonmark", {"html": False})
"""CommonMark with raw HTML as text, as the YAML pages' writer reads their markdown."""
ALERT_MARKER = re.compile(r"^([ \t]*(?:>[ \t]?)+)\[![A-Za-z]+\][ \t]*$", re.MULTILINE)
"""A DocFX alert's marker line (``> [!NOTE]``): the page shows the alert's title instead."""


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


def docfx_blocks(value: PageText, rewrites: Sequence[Rewrite]) -> list[str]:
    """The words of each block a markdown value shows as DocFX's markdown (see the module's
    docstring); none for a value that is no markdown or holds nothing shown otherwise."""
    if value.key not in MARKDOWN_KEYS:
        return []
    text = shown_otherwise(value.text, rewrites)
    text = ALERT_MARKER.sub(r"\1", text)
    if text == value.text:
        return []
    read = page_words(sanitize_html(COMMONMARK.render(text)))
    return [block.strip() for block in read.split(BLOCK) if block.strip()]


def missing_texts(
    texts: list[PageText], page_html: str | None, rewrites: Sequence[Rewrite] = ()
) -> list[PageText]:
    """The values none of whose readings is on the page (``None``: no page, all of them);
    ``rewrites``: what the page's writer showed otherwise (``docfx_blocks``)."""
    if page_html is None:
        return list(texts)
    shown = f" {page_words(sanitize_html(page_html))} "

    def on_page(value: PageText) -> bool:
        if any(f" {reading} " in shown for reading in readings(value) if reading):
            return True
        blocks = docfx_blocks(value, rewrites)
        return bool(blocks) and all(f" {block} " in shown for block in blocks)

    return [value for value in texts if not on_page(value)]


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
