"""Markers -> segment tokens, and each segment's text as its page shows it.

``to_tokens`` (after the inline parse) splits every text token at its markers into ``text``,
``segment_open`` and ``segment_close`` tokens (``meta["index"]``: the segment's number). Markers
anywhere else are taken out, and the segment recorded where it went (``Parse.outcomes``): in
code (a code span, a code block), in an attribute (a link's title, an image's alt text), in an
HTML comment (``hidden``). Raw HTML blocks keep theirs until the hover pass, which wraps a
segment standing in an element's text and takes the others out.

``balance`` makes each segment's tokens a well-nested range (a segment that starts inside
``**…**`` and ends after it grows to hold the whole element) or, when it cannot, drops its
segment tokens (the text stays, unwrapped). ``texts`` reads each segment's text off a finished
page: what a reader sees of it, code and math as written, images by their alt text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.token import Token

from bilingual.pages.html_elements import HTML_ELEMENTS
from bilingual.pages.tree import markers
from bilingual.pages.tree.parser import Parse

OPEN = "segment_open"
CLOSE = "segment_close"
CODE_INLINE = frozenset({"code_inline", "math_inline", "math_block", "fence", "code_block"})
COMMENT_START = "<!--"


def _split(token: Token) -> list[Token]:
    """A text token with markers -> text and segment tokens."""
    content = token.content
    out: list[Token] = []
    position = 0
    for match in markers.MARKER.finditer(content):
        if match.start() > position:
            piece = Token("text", "", 0)
            piece.content = content[position : match.start()]
            out.append(piece)
        index, opens = markers.decode(match.group())
        segment = Token(OPEN if opens else CLOSE, "", 0)
        segment.meta = {"index": index}
        out.append(segment)
        position = match.end()
    if position < len(content):
        piece = Token("text", "", 0)
        piece.content = content[position:]
        out.append(piece)
    return out


def _children(children: list[Token], parse: Parse, where: str = "") -> list[Token]:
    out: list[Token] = []
    for child in children:
        kind = child.type
        if kind == "text" and markers.MARKER.search(child.content):
            pieces = _split(child)
            if where:  # an image's alt text: the markers go, the text stays
                parse.lost(child.content, where)
                child.content = markers.strip(child.content)
                out.append(child)
            else:
                out.extend(pieces)
            continue
        if child.children:
            child.children = _children(child.children, parse, "alt" if kind == "image" else where)
        if child.content and markers.MARKER.search(child.content):
            if kind in CODE_INLINE:
                outcome = "code"
            elif kind == "html_inline" and child.content.startswith(COMMENT_START):
                outcome = "hidden"
            else:
                outcome = where or "attribute"
            parse.lost(child.content, outcome)
            child.content = markers.strip(child.content)
        _strip_attributes(child, parse)
        out.append(child)
    return out


def _strip_attributes(token: Token, parse: Parse) -> None:
    values = token.meta.get("attrs") if token.meta else None
    if isinstance(values, dict):  # a directive's attributes (``:::image alt-text="…":::``)
        for name, value in list(values.items()):
            if isinstance(value, str) and markers.MARKER.search(value):
                parse.lost(value, "alt" if name == "alt-text" else "attribute")
                values[name] = markers.strip(value)
    if not token.attrs:
        return
    for name, value in list(token.attrs.items()):
        if isinstance(value, str) and markers.MARKER.search(value):
            parse.lost(value, "alt" if name == "alt" else "attribute")
            token.attrs[name] = markers.strip(value)


def to_tokens(tokens: list[Token], parse: Parse) -> None:
    """Every text token's markers as segment tokens; every other marker taken out (recorded)."""
    for token in tokens:
        if token.children:
            token.children = _children(token.children, parse)
        if token.type == "inline":
            token.content = markers.strip(token.content)  # its children are what is shown
        elif token.type != "html_block" and token.content and markers.MARKER.search(token.content):
            parse.lost(token.content, "code" if token.type in CODE_INLINE else "attribute")
            token.content = markers.strip(token.content)
        _strip_attributes(token, parse)


def inline_tokens(tokens: list[Token]) -> Iterator[Token]:
    """Every inline token of a page's block tokens."""
    for token in tokens:
        if token.type == "inline" and token.children is not None:
            yield token


def _halves(children: list[Token], index: int) -> tuple[int | None, int | None]:
    start = end = None
    for position, child in enumerate(children):
        if child.type in (OPEN, CLOSE) and child.meta["index"] == index:
            if child.type == OPEN:
                start = position
            else:
                end = position
    return start, end


def balance(children: list[Token]) -> list[Token]:
    """``children`` with each segment's tokens well nested, or dropped when they cannot be."""
    if not any(child.type == OPEN for child in children):
        return children
    for index in [child.meta["index"] for child in children if child.type == CLOSE]:
        start, end = _halves(children, index)
        if start is not None and end is not None and start < end:
            children = _nest(children, start, end)
    opened: dict[int, int] = {}
    paired: set[int] = set()
    for position, child in enumerate(children):
        if child.type == OPEN:
            opened[child.meta["index"]] = position
        elif child.type == CLOSE and child.meta["index"] in opened:
            paired.add(child.meta["index"])
    return [
        child
        for child in children
        if child.type not in (OPEN, CLOSE) or child.meta["index"] in paired
    ]


def _depths(children: list[Token]) -> list[int]:
    depth = 0
    found = []
    for child in children:
        if child.nesting < 0:
            depth -= 1
        found.append(depth)
        if child.nesting > 0:
            depth += 1
    return found


def _nest(children: list[Token], start: int, end: int) -> list[Token]:
    """The segment opened at ``start`` and closed at ``end``, moved outwards until the tokens
    between are well nested; both dropped when that takes in another segment's half."""
    depths = _depths(children)
    low, high = start, end
    while True:
        lowest = min(depths[low : high + 1])
        if depths[low] == lowest and depths[high] == lowest:
            break
        while low > 0 and depths[low] > lowest:
            low -= 1
        while high < len(children) - 1 and depths[high] > lowest:
            high += 1
        if (depths[low] > lowest and low == 0) or (
            depths[high] > lowest and high == len(children) - 1
        ):
            return _drop(children, start, end)
    if low == start and high == end:
        return children
    inside = children[low : high + 1]
    opens = {c.meta["index"] for c in inside if c.type == OPEN}
    closes = {c.meta["index"] for c in inside if c.type == CLOSE}
    if opens != closes:
        return _drop(children, start, end)
    rest = [child for position, child in enumerate(children) if position not in (start, end)]
    rest.insert(low, children[start])
    rest.insert(high, children[end])
    return rest


def _drop(children: list[Token], start: int, end: int) -> list[Token]:
    return [c for i, c in enumerate(children) if i not in (start, end)]


def plain(children: list[Token]) -> str:
    """What a reader sees of inline tokens, as plain text."""
    out: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline", "math_inline"):
            out.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            out.append(" ")
        elif kind == "image":
            out.append(plain(child.children or []))
        elif kind == "html_inline" and child.meta.get("generated"):
            out.append(str(child.meta.get("alt", "")))  # a missing image: its alt text shown
        elif kind == "html_inline" and is_placeholder(child.content):
            out.append(child.content)  # <email>: no element, the page shows it as text
        elif kind == "docfx_image":
            values = child.meta.get("attrs", {})
            out.append("" if values.get("type") == "icon" else values.get("alt-text", ""))
        elif child.meta and child.meta.get("text"):
            out.append(child.meta["text"])  # a construct's text as shown (a cross reference's)
        elif child.meta and child.type.startswith("docfx_") and child.meta.get("source"):
            out.append(child.meta["source"])  # a construct not yet read: as written
    return "".join(out)


TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")


def is_placeholder(html: str) -> bool:
    """Whether raw HTML is a tag-like placeholder (``<email>``) rather than an element."""
    found = TAG_NAME.match(html)
    return found is not None and found.group(1).lower() not in HTML_ELEMENTS


def texts(tokens: list[Token], origins: dict[int, tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Each segment's text as the page shows it, by (origin, segment id); ``origins``: a
    segment's number -> its (origin, id). The pieces of a segment that spans blocks are joined
    with a space; a segment shown twice (an include included twice) is read where it is first."""
    found: dict[tuple[str, str], list[str]] = {}
    first: dict[tuple[str, str], int] = {}
    for token in inline_tokens(tokens):
        children = token.children or []
        stack: list[tuple[int, int]] = []
        for position, child in enumerate(children):
            if child.type == OPEN:
                stack.append((child.meta["index"], position))
            elif child.type == CLOSE and stack:
                index, start = stack.pop()
                key = origins.get(index)
                if key is not None and first.setdefault(key, index) == index:
                    found.setdefault(key, []).append(plain(children[start + 1 : position]))
    return {
        key: " ".join(" ".join(piece.split()) for piece in pieces).strip()
        for key, pieces in found.items()
    }
