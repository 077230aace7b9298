"""A page's blocks: the token ranges side-by-side reading lines up, one language beside the other.

The blocks are the page's top-level blocks (a heading, a paragraph, a table, an alert, a tab
group, a code block …), except that a list and a zone are not one block but hold blocks: each
list item is a block of its own (the steps of a procedure line up one by one), and so is each
block of a zone. A block is a range of tokens: its opening token up to its closing one (a
token without nesting, such as a code fence or a raw HTML block, is a block alone).

Both pages of a document have the same blocks (the markup between segments is shared text; only
the segments' text differs), so block *n* of the translation is block *n* of the English page:
``kinds`` says what each block is, for the two pages to be compared before they are set side by
side. A block *has a twin* when a segment is in it: its English shows something else than the
translation. A block without one (code, an image, a generated selector) is shown once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from markdown_it.token import Token

from bilingual.pages.tree import markers, segments


class BlockKind(Protocol):
    """Anything that says what block it is (a ``Block``, a page's ``BlockText``)."""

    @property
    def kind(self) -> str: ...


GROUPS = frozenset({"bullet_list_open", "ordered_list_open", "docfx_zone_open"})
"""Blocks whose blocks are lined up one by one: lists (by item) and zones."""


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a page: a range of its tokens."""

    start: int
    """The index of its first token (its opening token)."""
    end: int
    """The index after its last token."""
    kind: str
    """What it is, with the groups it stands in: ``paragraph``, ``heading:h2``,
    ``ordered_list/list_item``, ``docfx_zone/table``."""
    twin: bool
    """Whether a segment is in it (its English differs from the translation)."""


def _end(tokens: list[Token], start: int) -> int:
    """The index after the token that closes the one at ``start``."""
    depth = 0
    for position in range(start, len(tokens)):
        depth += tokens[position].nesting
        if depth <= 0:
            return position + 1
    return len(tokens)


def _kind(token: Token) -> str:
    name = token.type.removesuffix("_open")
    return f"{name}:{token.tag}" if token.type == "heading_open" else name


def has_segment(tokens: list[Token], start: int, end: int) -> bool:
    """Whether a segment's text is shown in ``tokens[start:end]``: a segment token in a line's
    text, or a segment's markers in a raw HTML block (before the hover pass takes them out)."""
    for token in tokens[start:end]:
        if token.type == "inline":
            if any(child.type == segments.OPEN for child in token.children or ()):
                return True
        elif token.type == "html_block" and markers.MARKER.search(token.content):
            return True
    return False


def _blocks(tokens: list[Token], start: int, end: int, group: str) -> Iterator[Block]:
    position = start
    while position < end:
        token = tokens[position]
        if token.nesting < 0:  # a closing token without its opening one: no block
            position += 1
            continue
        after = min(_end(tokens, position), end)
        kind = f"{group}{_kind(token)}"
        if token.type in GROUPS and after - position > 2:
            yield from _blocks(tokens, position + 1, after - 1, f"{kind}/")
        else:
            yield Block(position, after, kind, has_segment(tokens, position, after))
        position = after


def blocks(tokens: list[Token]) -> list[Block]:
    """The page's blocks, in order."""
    return list(_blocks(tokens, 0, len(tokens), ""))


def kinds(found: Sequence[BlockKind]) -> tuple[str, ...]:
    """What each block is (the shape two pages must share to be set side by side)."""
    return tuple(block.kind for block in found)
