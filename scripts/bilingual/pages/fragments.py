"""An HTML fragment's shape: whether its tags balance, and where its top-level elements start.

A block of a page is written by the writer's own renderers (balanced by construction) or is a
source's raw HTML (anything). Side-by-side reading marks a block's element with an attribute,
and that may not change how a browser nests the page: ``top_elements`` says where a fragment's
top-level elements start when every tag it opens it also closes, in order (a browser reads it as
written), and ``None`` otherwise (an element left open, a stray end tag, an end tag a browser
would imply). Comments, doctypes and the text of raw-text elements (``script``, ``style`` …) are
read past, as a browser reads them; a ``<div/>`` opens a ``div``, as in a browser. A tag whose
name no HTML element has (``<email>``, ``<CustomDomain>``: a source's placeholder) is text, as
the page shows it (``html_elements``).
"""

from __future__ import annotations

import functools
import re

from bilingual.pages.html_elements import HTML_ELEMENTS, VOID

RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"}
)
"""Elements whose content a browser reads as text up to their end tag."""

TAG = re.compile(r"""<(?P<end>/?)(?P<name>[A-Za-z][^\s/>]*)(?:=\s*"[^"]*"|=\s*'[^']*'|[^>])*>""")
"""A start or end tag as a browser reads it: a quote opens a value only right after ``=``."""
SPECIAL = re.compile(r"<!--.*?(?:-->|\Z)|<![^>]*>|<\?[^>]*>", re.DOTALL)
"""A comment, a doctype or CDATA, a processing instruction: no element."""
OPENING = re.compile(r"<(?:/?[A-Za-z]|!|\?)")


@functools.cache
def _end_tag(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{re.escape(name)}\s*>", re.IGNORECASE)


def top_elements(fragment: str) -> list[int] | None:
    """Where each top-level element of ``fragment`` starts, or ``None`` when its tags do not
    balance; text outside the elements counts as an element that starts at ``-1``."""
    stack: list[str] = []
    found: list[int] = []
    position = 0
    length = len(fragment)
    last = fragment.rfind(">")  # a tag ends at a ">": with none after it, ``TAG`` cannot match
    # (tried there, its alternatives make the failure exponential in the attributes before it)
    while position < length:
        at = OPENING.search(fragment, position)
        text = fragment[position : at.start() if at else length]
        if text.strip() and not stack:
            found.append(-1)
        if at is None:
            break
        start = at.start()
        special = SPECIAL.match(fragment, start)
        if special is not None:
            position = special.end()
            continue
        tag = TAG.match(fragment, start) if start < last else None
        if tag is None:  # "<" and a letter, never closed: text to a browser
            if not stack:
                found.append(-1)
            position = start + 1
            continue
        name = tag.group("name").lower()
        position = tag.end()
        if name not in HTML_ELEMENTS:  # a placeholder, shown as text
            if not stack:
                found.append(-1)
            continue
        if tag.group("end"):
            if not stack or stack.pop() != name:
                return None
            continue
        if not stack:
            found.append(start)
        if name in VOID:
            continue
        if name in RAW_TEXT:
            close = _end_tag(name).search(fragment, position)
            if close is None:
                return None
            position = close.end()
            continue
        stack.append(name)
    return None if stack else found


def with_attribute(fragment: str, start: int, name: str, value: str) -> str:
    """``fragment`` with ``name="value"`` on the element whose start tag is at ``start``
    (``value`` written as is: the caller's own, nothing to escape)."""
    tag = TAG.match(fragment, start)
    if tag is None or tag.group("end"):
        return fragment
    at = start + 1 + len(tag.group("name"))
    return f'{fragment[:at]} {name}="{value}"{fragment[at:]}'
