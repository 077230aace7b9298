"""Tabs: ``# [Linux](#tab/linux)`` … ``# [Windows](#tab/windows)`` … ``---``.

As DocFX's ``TabGroupAggregator`` reads them: a heading (any level) whose only content is a link
to ``#tab/id`` starts a tab (an anchor before the link, ``# <a name="x"></a>[Title](#tab/id)``,
stays at the top of the tab's content); every block up to the next such heading is the tab's; a
thematic break (``---``) ends the group, else the end of the container it stands in.
``#tab/a+b`` is one tab for either id; ``#tab/id/condition`` is a *dependent* variant: the tab
``id`` shows the variant whose condition is the id chosen in another group.

A group is written in the markup of pymdownx.tabbed's alternate style, which Material styles and
switches: a ``div.tabbed-set`` holding the radio inputs (numbered for the page, the first
checked), the labels (``div.tabbed-labels``, one ``label`` per tab, its title as plain text)
and a ``div.tabbed-content`` with one ``div.tabbed-block`` per tab (a region named by its title).
The site's script selects tabs of the same id together and follows dependent variants.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from bilingual.pages.tree import segments
from bilingual.pages.tree.parser import Markdown
from bilingual.pages.tree.unit import Unit

HREF = re.compile(
    r"#tab/(?P<ids>[A-Za-z0-9-]+(?:\+[A-Za-z0-9-]+)*)(?:/(?P<condition>[A-Za-z0-9-]+)?)?"
)
ANCHOR = re.compile(r"""<a\s+(?:name|id)\s*=\s*["'][^"'<>]*["']\s*>\s*(?:</a>)?\s*$""", re.I)
SET_CLASS = "tabbed-set tabbed-alternate docfx-tabs"
LABELS_CLASS = "tabbed-labels docfx-tab-labels"
CONTENT_CLASS = "tabbed-content docfx-tab-content"
BLOCK_CLASS = "tabbed-block docfx-tab"
SKIP = frozenset({segments.OPEN, segments.CLOSE})


@dataclass(slots=True)
class Tab:
    ids: tuple[str, ...]
    condition: str
    title: str
    anchors: list[str] = field(default_factory=list)
    """Anchors before the tab's link (``<a name="x"></a>``), kept at the top of its content."""
    condition_title: str = ""


def tab_of(inline: Token) -> Tab | None:
    """The tab a heading's inline token makes, or ``None``."""
    children = [
        child
        for child in inline.children or []
        if child.type not in SKIP and not (child.type == "text" and not child.content.strip())
    ]
    anchors: list[str] = []
    while children and children[0].type == "html_inline" and ANCHOR.match(children[0].content):
        anchor = children.pop(0).content
        following = children[0] if children else None
        if (
            following is not None
            and following.type == "html_inline"
            and following.content.strip().lower() == "</a>"
        ):
            anchor += children.pop(0).content
        anchors.append(anchor)
    if not children or children[0].type != "link_open" or children[-1].type != "link_close":
        return None
    depth = 0
    for position, child in enumerate(children):
        depth += child.nesting
        if depth == 0 and position != len(children) - 1:
            return None
    found = HREF.fullmatch(str(children[0].attrGet("href") or ""))
    if found is None:
        return None
    ids = tuple(found["ids"].split("+"))
    title = " ".join(segments.plain(children[1:-1]).split()) or ids[0]
    return Tab(ids, found["condition"] or "", title, anchors)


def group(state: StateCore) -> None:
    """Core rule (after the inline parse): tab headings and their blocks into tab groups."""
    tokens = state.tokens
    if not any(token.type == "inline" and "#tab/" in token.content for token in tokens):
        return
    out: list[Token] = []
    position = 0
    while position < len(tokens):
        token = tokens[position]
        tab = _heading_tab(tokens, position)
        if tab is None:
            out.append(token)
            position += 1
            continue
        position = _group(tokens, position, out)
    state.tokens[:] = out


def _heading_tab(tokens: list[Token], position: int) -> Tab | None:
    token = tokens[position]
    if token.type != "heading_open" or position + 1 >= len(tokens):
        return None
    return tab_of(tokens[position + 1])


def _group(tokens: list[Token], position: int, out: list[Token]) -> int:
    level = tokens[position].level
    first = tokens[position]
    tabs: list[tuple[Tab, list[Token]]] = []
    while position < len(tokens):
        token = tokens[position]
        tab = _heading_tab(tokens, position) if token.level == level else None
        if tab is not None:
            tabs.append((tab, []))
            position += 3  # heading_open, inline, heading_close
            continue
        if token.level < level:
            break
        if token.type == "hr" and token.level == level:
            position += 1
            break
        tabs[-1][1].append(token)
        position += 1
    opening = Token("docfx_tabs_open", "div", 1)
    opening.level = level
    opening.map = first.map
    opening.meta = {"tabs": [tab for tab, _ in tabs]}
    out.append(opening)
    for tab, content in tabs:
        block = Token("docfx_tab_open", "div", 1)
        block.level = level + 1
        block.meta = {"tab": tab}
        out.append(block)
        for anchor in tab.anchors:
            holder = Token("html_block", "", 0)
            holder.content = anchor + "\n"
            holder.level = level + 2
            out.append(holder)
        for token in content:
            token.level += 2
            out.append(token)
        closing = Token("docfx_tab_close", "div", -1)
        closing.level = level + 1
        out.append(closing)
    closing = Token("docfx_tabs_close", "div", -1)
    closing.level = level
    out.append(closing)
    return position


def _labels(tabs: list[Tab], number: int) -> str:
    inputs, labels = [], []
    for index, tab in enumerate(tabs, start=1):
        ident = f"docfx-tabs-{number}-{index}"
        data = f' data-tab="{html.escape(" ".join(tab.ids))}"'
        if tab.condition:
            data += f' data-condition="{html.escape(tab.condition)}"'
            label_data = (
                data
                + f' data-condition-title="{html.escape(tab.condition_title or tab.condition)}"'
            )
        else:
            label_data = data
        checked = " checked" if index == 1 else ""
        inputs.append(
            f'<input type="radio" name="docfx-tabs-{number}" id="{ident}"{data}{checked}>'
        )
        labels.append(
            f'<label for="{ident}"{label_data}>{html.escape(tab.title, quote=False)}</label>'
        )
    return "".join(inputs) + f'<div class="{LABELS_CLASS}">{"".join(labels)}</div>'


def _open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    tabs: list[Tab] = tokens[idx].meta["tabs"]
    number = int(env.get("tab_groups", 0)) + 1
    env["tab_groups"] = number
    titles: dict[str, str] = env.setdefault("tab_titles", {})
    for tab in tabs:
        if not tab.condition:
            for ident in tab.ids:
                titles.setdefault(ident, tab.title)
    for tab in tabs:
        if tab.condition:
            tab.condition_title = titles.get(tab.condition, tab.condition)
    return (
        f'<div class="{SET_CLASS}" data-tabs="{number}:{len(tabs)}">'
        f'{_labels(tabs, number)}\n<div class="{CONTENT_CLASS}">\n'
    )


def _close(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return "</div>\n</div>\n"


def _tab_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    title = tokens[idx].meta["tab"].title
    return (
        f'<div class="{BLOCK_CLASS}" role="region" aria-label="{html.escape(title, quote=True)}">\n'
    )


def _tab_close(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return "</div>\n"


def install(md: Markdown) -> None:
    md.core.ruler.after("segment_tokens", "docfx_tabs", group)
    md.add_render_rule("docfx_tabs_open", _open)
    md.add_render_rule("docfx_tabs_close", _close)
    md.add_render_rule("docfx_tab_open", _tab_open)
    md.add_render_rule("docfx_tab_close", _tab_close)


UNIT = Unit(
    name="tabs",
    install=install,
    elements={
        "div": frozenset({"class", "role", "aria-label", "data-tabs"}),
        "input": frozenset({"type", "name", "id", "checked", "data-tab", "data-condition"}),
        "label": frozenset({"for", "data-tab", "data-condition", "data-condition-title"}),
    },
    skeleton={"tabbed-labels": "", "tabbed-set": "*", "tabbed-content": "*", "tabbed-block": "*"},
    stylesheets=("assets/stylesheets/docfx.css",),
    scripts=("assets/javascripts/docfx.js",),
)
