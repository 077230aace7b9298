"""Side by side: each block of a translation page beside the same block of its English page.

Both pages of a document are made of the same blocks (``tree.blocks``: headings, paragraphs,
each list item, tables, alerts, tab groups …), so block *n* of one is block *n* of the other. A
page pass (before the hover, while raw HTML blocks still hold their segments' markers) records
the page's blocks; the English page keeps each block's HTML, read off its own (``BlockText``:
nothing is rendered twice). The translation page then marks each block that has a twin (a
segment is in it) with ``data-sbs="n"``: on its element when the block is one element, else on
a ``div.sbs-block`` around it; a block whose tags do not balance (a source's raw HTML) is shown
once, as is a block with no segment (code, an image). After the page's HTML come the English
twins of the marked blocks, each in a ``<div data-sbs="n">``, inside one inert
``<template class="help-sbs" lang="en" dir="ltr">`` (no script runs in it, no image loads, no
screen reader or search reads it): the reader's script (``sbs.js``) puts each beside its block
when the reader asks for the view.

``SEPARATOR`` stands between the page's HTML and the template: the site cuts the template off
there, sanitises the English apart and writes the template back itself (``site.side_by_side``).
It holds U+10FFFF, a noncharacter no page's text can hold (``tree.language`` reads a source's as
U+FFFD, and one from anywhere else is replaced here), so no source can forge it.

When the two pages' blocks do not line up (a segment whose text makes a block of its own in one
language), the page is written without side-by-side data and one warning names the first block
that differs: nothing is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from bilingual.errors import SourceError
from bilingual.pages import fragments
from bilingual.pages.tree import segments
from bilingual.pages.tree.blocks import Block, blocks, kinds
from bilingual.pages.tree.unit import Page, PagePass, Unit

ORDER = 990
"""Before the hover (1000): raw HTML blocks still hold their segments' markers."""
KEY = "side_by_side"
ATTRIBUTE = "data-sbs"
WRAPPER_CLASS = "sbs-block"
TEMPLATE_CLASS = "help-sbs"
NONCHARACTER = "\U0010ffff"
SEPARATOR = f"<!--{NONCHARACTER} side by side -->\n"
TEMPLATE_OPEN = f'<template class="{TEMPLATE_CLASS}" lang="en" dir="ltr" data-search-exclude>\n'
TEMPLATE_CLOSE = "</template>\n"


@dataclass(frozen=True, slots=True)
class BlockText:
    """One block of a page: what it is, and (on the English page) its HTML."""

    kind: str
    html: str = ""


def record(tokens: list[Token], page: Page) -> list[Token]:
    """Page pass: the page's blocks, for the page's writer (``render_page``) to read."""
    page.data[KEY] = blocks(tokens)
    return tokens


def block_texts(page: Page, parts: Sequence[str]) -> tuple[BlockText, ...]:
    """The page's blocks; ``parts``: each token's HTML (``tree.html.render_parts``), read off
    into each block's HTML on the English page (the translation's twins)."""
    if page.translation:  # a translation's own blocks are read off the tokens (``side_by_side``)
        return ()
    found: list[Block] = page.data.get(KEY, [])
    return tuple(BlockText(block.kind, "".join(parts[block.start : block.end])) for block in found)


def _first_segment(page: Page, tokens: list[Token], found: list[Block]) -> tuple[str, int, int]:
    """Where the first segment of ``found`` is (the page's start when none is)."""
    for block in found:
        for token in tokens[block.start : block.end]:
            for child in token.children or ():
                if child.type != segments.OPEN:
                    continue
                for parse in page.parses:
                    place = parse.place(child.meta["index"])
                    if place is not None and place.index == child.meta["index"]:
                        return place.origin, place.segment.line, place.segment.column
    return page.document.path, 1, 1


def mismatch(page: Page, tokens: list[Token], english: Sequence[BlockText]) -> SourceError:
    """The report of a translation page whose blocks do not line up with the English page's."""
    found: list[Block] = page.data.get(KEY, [])
    shown, said = kinds(found), kinds(english)
    first = next(
        (n for n, (one, other) in enumerate(zip(shown, said, strict=False)) if one != other),
        min(len(shown), len(said)),
    )
    here = shown[first] if first < len(shown) else "no block"
    there = said[first] if first < len(said) else "no block"
    path, line, column = _first_segment(page, tokens, found[first:] or found[-1:])
    return SourceError(
        path,
        line,
        column,
        f"the translation's blocks do not line up with the English page's (block {first + 1}: "
        f"{here} here, {there} in English); the page has no side-by-side view",
        "the same blocks in both languages (no blank line, list marker or table row in a "
        "segment's text that the other language lacks)",
    )


def _marked(html: str, number: int) -> str | None:
    """A twin block's HTML marked as block ``number``; ``None`` when its tags do not balance."""
    found = fragments.top_elements(html)
    if not found:  # unbalanced, or no element
        return None
    if len(found) == 1 and found[0] >= 0:
        return fragments.with_attribute(html, found[0], ATTRIBUTE, str(number))
    return f'<div class="{WRAPPER_CLASS}" {ATTRIBUTE}="{number}">\n{html}</div>\n'


def side_by_side(
    page: Page, tokens: list[Token], parts: list[str], english: Sequence[BlockText]
) -> str:
    """The translation page's HTML (``parts``: each token's), its blocks with a twin marked,
    then the English twins (after ``SEPARATOR``, in the template); the HTML alone, reported, when
    its blocks do not line up with the English page's (``english``: its ``block_texts``)."""
    found: list[Block] = page.data.get(KEY, [])
    if kinds(found) != kinds(english):
        page.reports.append(mismatch(page, tokens, english))
        return "".join(parts)
    parts = list(parts)  # the caller's stay as they are
    twins: list[str] = []
    for number, block in enumerate(found):
        twin = english[number].html
        if not block.twin or not twin.strip():
            continue
        marked = _marked("".join(parts[block.start : block.end]), number)
        if marked is None:
            continue
        parts[block.start : block.end] = [marked, *[""] * (block.end - block.start - 1)]
        twins.append(f'<div {ATTRIBUTE}="{number}">\n{twin}</div>\n')
    body = "".join(parts)
    if not twins:
        return body
    english_html = "".join(twins)
    if NONCHARACTER in body or NONCHARACTER in english_html:  # a code file's: shown as U+FFFD
        body = body.replace(NONCHARACTER, "\ufffd")
        english_html = english_html.replace(NONCHARACTER, "\ufffd")
    return f"{body}{SEPARATOR}{TEMPLATE_OPEN}{english_html}{TEMPLATE_CLOSE}"


UNIT = Unit(
    name="side-by-side",
    page=(PagePass(ORDER, record),),
    elements={"*": frozenset({ATTRIBUTE}), "div": frozenset({"class"})},
    skeleton={WRAPPER_CLASS: "*"},
    stylesheets=("assets/stylesheets/sbs.css",),
    scripts=("assets/javascripts/sbs.js",),
    strings=("sbs_toggle", "sbs_on", "sbs_off"),
)
