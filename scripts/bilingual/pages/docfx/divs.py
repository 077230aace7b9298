"""``> [!div class="…"]``: a blockquote whose content DocFX wraps in a ``<div>`` of that class.

The marker stands first in the blockquote; the blockquote's other content is the div's, written
as markdown inside ``<div class="docfx-div CLASS" markdown>`` (``md_in_html``), styled by
``overrides/assets/stylesheets/docfx.css``. Learn's classes, as a reader sees them:

- ``nextstepaction``: the link is a button;
- ``mx-imgBorder``: the image has a thin border;
- ``checklist``: the list's items are ticked;
- ``mx-tdBreakAll`` / ``mx-tdCol2BreakAll``: the table's cells (its second column's) break long
  words instead of running off the page;
- ``op_single_selector``: the list of links is one control (a row of tabs), the current page's
  link marked (``overrides/assets/javascripts/docfx.js``); class ``docfx-selector``;
- ``op_multi_selector`` (``title1``, ``title2``): links named ``(first | second)`` grouped
  under their first part, the titles above, readable as a list; class ``docfx-selector``;
- ``docfx-long-description`` (the writer's own, for a complex ``:::image:::``): a collapsed
  ``<details>`` titled "Long description" in the page's language (``pymdownx.details``);
- any other class: a div with that class.

Only classes of letters, digits, ``-`` and ``_`` are written; nothing else of the marker
becomes an attribute (``title1``/``title2`` are escaped text).
"""

from __future__ import annotations

import html
import re

from bilingual import ui_text
from bilingual.pages import blocks
from bilingual.pages.docfx.escape import markdown_text
from bilingual.pages.docfx.images import attributes

DIV_MARKER = re.compile(r"\[!div(?P<attrs>[ \t][^\]\n]*)?\][ \t]*(?:\n|$)", re.IGNORECASE)
SAFE_CLASS = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
DIV_CLASS = "docfx-div"
SELECTOR_CLASS = "docfx-selector"
SELECTORS = frozenset({"op_single_selector", "op_multi_selector"})
LONG_DESCRIPTION = "docfx-long-description"
MULTI_ITEM = re.compile(
    r"- (?P<link>\[\(?(?P<first>[^|\]\n]*?)\|(?P<second>[^\]\n]*?)\)?\]\([^)\n]*\))[ \t]*"
)


def div_classes(first_line: str) -> list[str] | None:
    """The safe classes of a ``[!div …]`` marker line; ``None`` when it is no marker."""
    found = DIV_MARKER.match(first_line + "\n")
    if found is None:
        return None
    values = attributes(found.group("attrs") or "")
    return [name for name in values.get("class", "").split() if SAFE_CLASS.fullmatch(name)]


def _content(first: list[str], rest: list[list[str]]) -> list[list[str]]:
    """The blockquote's blocks after the marker (the marker's own paragraph's other lines)."""
    body = DIV_MARKER.sub("", "\n".join(first), count=1).strip("\n")
    return ([body.split("\n")] if body.strip() else []) + rest


def _div(classes: list[str], content: list[list[str]]) -> list[str]:
    names = " ".join([DIV_CLASS, *classes])
    lines = blocks.join_blocks(content)
    if not lines:
        return [f'<div class="{names}"></div>']
    return [f'<div class="{names}" markdown>', "", *lines, "", "</div>"]


def _long_description(code: str, content: list[list[str]]) -> list[str]:
    title = ui_text.text(code, "long_description").replace('"', "'")
    head = f'??? abstract {LONG_DESCRIPTION} "{title}"'
    lines = blocks.join_blocks(content)
    return [head, "", *blocks.indent(lines)] if lines else [head]


def _multi_selector(classes: list[str], marker: str, content: list[list[str]]) -> list[str]:
    """Links named ``(first | second)`` as a list grouped by ``first``; the titles above."""
    values = attributes(marker)
    titles = [values[name] for name in ("title1", "title2") if values.get(name, "").strip()]
    groups: dict[str, list[str]] = {}
    others: list[list[str]] = []
    for block in content:
        items = [MULTI_ITEM.fullmatch(line) for line in block]
        if block and all(item is not None for item in items):
            for item in items:
                assert item is not None
                groups.setdefault(" ".join(item.group("first").split()), []).append(
                    item.group("link")
                )
        else:
            others.append(block)
    if not groups:
        return _div(classes, content)
    grouped: list[str] = []
    for name, links in groups.items():
        grouped.append(f"- {markdown_text(name)}" if name else f"- {blocks.SEPARATOR}")
        grouped.extend(f"{blocks.INDENT}- {link}" for link in links)
    head = (
        [[f'<p class="docfx-selector-titles">{" · ".join(html.escape(t) for t in titles)}</p>']]
        if titles
        else []
    )
    return _div(classes, [*head, grouped, *others])


def div_quote(code: str, first: list[str], rest: list[list[str]]) -> list[str] | None:
    """``> [!div class="…"] …`` -> the blockquote's content in a div of that class."""
    if not first:
        return None
    classes = div_classes(first[0])
    if classes is None:
        return None
    content = _content(first, rest)
    if LONG_DESCRIPTION in classes:
        return _long_description(code, content)
    if SELECTORS.intersection(classes):
        classes = [SELECTOR_CLASS, *classes]
        if "op_multi_selector" in classes:
            return _multi_selector(classes, first[0], content)
    return _div(classes, content)
