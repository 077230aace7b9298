"""The English original of each sentence, on the translation's page: the hover's span.

The last page pass. On the translation's page each segment whose tokens are well nested
(``segments.balance``) is wrapped in ``<span class="sxs" tabindex="0" data-en="…">``, ``data-en``
its text on the English page (``Page.english``: code spans, identifiers, includes, cross
references and no-loc text as the English page shows them). Only text is wrapped: a segment in
code, math or an attribute is not (the tree never marks it there), and one in raw HTML only where
it stands in an element's text and its own tags balance. On the English page nothing is wrapped.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from bilingual.pages.html_elements import VOID
from bilingual.pages.tree import markers, segments
from bilingual.pages.tree.unit import Page, PagePass, Unit

ORDER = 1000
SPAN_CLASS = "sxs"
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(/?)>")


def _english(page: Page, index: int) -> str | None:
    key = page.origins.get(index)
    if key is None:
        return None
    text = page.english.get(key)
    return text if text else None


def _wrap(children: list[Token], page: Page) -> list[Token]:
    """Each well-nested segment of a line wrapped, unless it stands in one wrapped already (an
    inline include's sentence inside the including sentence: the outer one's English holds it)."""
    children = segments.balance(children)
    closing = {c.meta["index"]: c for c in children if c.type == segments.CLOSE}
    inside = 0  # wrapped segments open here
    for child in children:
        if child.type == segments.OPEN:
            index = child.meta["index"]
            english = _english(page, index) if not inside and index in closing else None
            if english is not None:
                child.attrs = {"class": SPAN_CLASS, "tabindex": "0", "data-en": english}
                closing[index].meta["wrapped"] = True
                inside += 1
        elif child.type == segments.CLOSE and child.meta.get("wrapped"):
            inside -= 1
    return children


def _balanced(fragment: str) -> bool:
    stack: list[str] = []
    for match in TAG.finditer(fragment):
        name = match.group(2).lower()
        if name in VOID or match.group(3):
            continue
        if match.group(1):
            if not stack or stack.pop() != name:
                return False
        else:
            stack.append(name)
    return not stack


def _text_context(html: str) -> list[bool]:
    """For each character of ``html``: whether it stands in text (not a tag, not a comment)."""
    inside = [False] * len(html)
    position = 0
    while position < len(html):
        if html.startswith("<!--", position):
            end = html.find("-->", position)
            end = len(html) if end < 0 else end + 3
        elif (
            html[position] == "<"
            and position + 1 < len(html)
            and (html[position + 1].isalpha() or html[position + 1] in "/!?")
        ):
            end = html.find(">", position)
            end = len(html) if end < 0 else end + 1
        else:
            position += 1
            continue
        for at in range(position, end):
            inside[at] = True
        position = end
    return [not flag for flag in inside]


def _html_block(content: str, page: Page, wrap: bool, hidden: list[int]) -> str:
    """A raw HTML block's markers: a segment in an element's text wrapped, the others taken out."""
    if markers.MARKER.search(content) is None:
        return content
    plain = markers.strip(content)
    context = _text_context(plain)
    # where each marker stands in the text without markers
    places: dict[int, list[int]] = {}
    for offset, match in enumerate(markers.MARKER.finditer(content)):
        index, _ = markers.decode(match.group())
        places.setdefault(index, []).append(match.start() - offset)
    inserts: list[tuple[int, int, str]] = []
    for index, spots in places.items():
        if len(spots) != 2:
            continue
        start, end = spots
        in_text = (
            start >= len(context) or context[start] or start == 0 or context[start - 1]
        ) and (end == 0 or context[end - 1])
        if not in_text:
            if start < len(context) and not context[start]:
                hidden.append(index)
            continue
        if not wrap or not _balanced(plain[start:end]) or not plain[start:end].strip():
            continue
        english = _english(page, index)
        if english is None:
            continue
        value = (
            english.replace("&", "&amp;")
            .replace('"', "&quot;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
        )
        inserts.append((start, 1, f'<span class="{SPAN_CLASS}" tabindex="0" data-en="{value}">'))
        inserts.append((end, 0, "</span>"))
    if not inserts:
        return plain
    inserts.sort(key=lambda item: (item[0], item[1]))
    out: list[str] = []
    position = 0
    for at, _, text in inserts:
        out.append(plain[position:at])
        out.append(text)
        position = at
    out.append(plain[position:])
    return "".join(out)


def wrap(tokens: list[Token], page: Page) -> list[Token]:
    """Page pass: on the translation's page, each segment in its English original's span."""
    hidden: list[int] = []
    for token in tokens:
        if token.type == "inline" and token.children:
            if page.translation:
                token.children = _wrap(token.children, page)
            else:
                token.children = segments.balance(token.children)
        elif token.type == "html_block":
            token.content = _html_block(token.content, page, page.translation, hidden)
    if hidden and page.parses:
        for index in hidden:
            page.parses[0].outcomes.setdefault(index, "hidden")
    return tokens


UNIT = Unit(
    name="hover",
    page=(PagePass(ORDER, wrap),),
    elements={"span": frozenset({"class", "tabindex", "data-en"})},
    stylesheets=("assets/stylesheets/reader.css",),
    scripts=("assets/javascripts/sxs.js",),
)
