"""``> [!div class="…"]``: a blockquote section whose content DocFX wraps in a ``<div>``.

As DocFX reads the marker: ``[!div attributes]`` (or the attributes in backticks); the content is
the section's. The div keeps the marker's classes (letters, digits, ``-``, ``_``) beside its own
``docfx-div``, styled by ``docfx.css`` as Learn styles them:

- ``nextstepaction``: the link is a button;
- ``mx-imgBorder``: the image has a thin border;
- ``checklist``: the list's items are ticked;
- ``mx-tdBreakAll`` / ``mx-tdCol2BreakAll``: the table's cells break long words;
- ``op_single_selector``: the list of links is one control (a row of tabs), the current page's
  link marked (``docfx.js``); class ``docfx-selector``;
- ``op_multi_selector`` (``title1``, ``title2``): links named ``(first | second)`` grouped under
  their first part, named by their second, the titles above (escaped text), readable as a list;
  class ``docfx-selector``;
- any other class: a div with that class.

Nothing else of the marker becomes an attribute.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from bilingual.pages.docfx import quotes
from bilingual.pages.tree.parser import Markdown
from bilingual.pages.tree.unit import Source, SourcePass, Unit

DIV_CLASS = "docfx-div"
SELECTOR_CLASS = "docfx-selector"
SELECTORS = frozenset({"op_single_selector", "op_multi_selector"})
SAFE_CLASS = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
CLASS_ATTRIBUTE = re.compile(r"""(?:^|\s)class\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""", re.I)


def read(info: str) -> quotes.Marker | None:
    if not info.lower().startswith("!div"):
        return None
    attribute = info[4:].strip()
    if len(attribute) >= 2 and attribute.startswith("`") and attribute.endswith("`"):
        attribute = attribute[1:-1].strip()
    elif attribute.startswith("`") or attribute.endswith("`"):
        attribute = ""
    return quotes.Marker("div", info, attribute)


def classes(attributes: str) -> list[str]:
    """The safe classes of a div marker's attributes."""
    found = CLASS_ATTRIBUTE.search(attributes)
    if found is None:
        return []
    value = next((g for g in found.groups() if g is not None), "")
    return [name for name in value.split() if SAFE_CLASS.fullmatch(name)]


def _open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    names = classes(tokens[idx].meta["marker"].value)
    if SELECTORS.intersection(names):
        names = [SELECTOR_CLASS, *names]
    return f'<div class="{" ".join([DIV_CLASS, *names])}">\n'


def _close(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return "</div>\n"


TITLE_ATTRIBUTE = re.compile(r"""(?:^|\s)(title[12])\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
PAIR_NAME = re.compile(r"\(\s*(?P<first>[^|()]*?)\s*\|\s*(?P<second>[^()]*?)\s*\)")


def _titles(attributes: str) -> list[str]:
    values = {
        m.group(1).lower(): m.group(2) or m.group(3) or ""
        for m in TITLE_ATTRIBUTE.finditer(attributes)
    }
    return [values[name].strip() for name in ("title1", "title2") if values.get(name, "").strip()]


def _item_link(tokens: list[Token], start: int, end: int) -> tuple[str, str, list[Token]] | None:
    """A list item (``tokens[start:end]``) that is one link named ``(first | second)``."""
    inner = [
        t
        for t in tokens[start + 1 : end - 1]
        if t.type not in ("paragraph_open", "paragraph_close")
    ]
    if len(inner) != 1 or inner[0].type != "inline" or not inner[0].children:
        return None
    children = [c for c in inner[0].children if c.type not in ("segment_open", "segment_close")]
    if len(children) < 3 or children[0].type != "link_open" or children[-1].type != "link_close":
        return None
    text = "".join(c.content for c in children[1:-1] if c.type == "text")
    found = PAIR_NAME.fullmatch(text.strip())
    if found is None or any(c.type not in ("text",) for c in children[1:-1]):
        return None
    return found.group("first"), found.group("second"), children


def _text_token(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _inline(children: list[Token]) -> list[Token]:
    opening, inline, closing = (
        Token("paragraph_open", "p", 1),
        Token("inline", "", 0),
        Token("paragraph_close", "p", -1),
    )
    opening.hidden = closing.hidden = True
    inline.children = children
    return [opening, inline, closing]


def _grouped(tokens: list[Token], start: int, end: int, attributes: str) -> list[Token] | None:
    """The multi selector's list (``tokens[start:end]``, a bullet list) grouped by first part."""
    groups: dict[str, list[list[Token]]] = {}
    depth, item = 0, None
    for position in range(start + 1, end - 1):
        token = tokens[position]
        if token.type == "list_item_open" and depth == 0:
            item = position
        depth += token.nesting
        if token.type == "list_item_close" and depth == 0 and item is not None:
            found = _item_link(tokens, item, position + 1)
            if found is None:
                return None
            first, second, children = found
            children[1:-1] = [_text_token(second)]
            groups.setdefault(" ".join(first.split()), []).append(children)
    if not groups:
        return None
    out: list[Token] = []
    titles = _titles(attributes)
    if titles:
        head = Token("html_block", "", 0)
        head.content = (
            f'<p class="docfx-selector-titles">{" · ".join(html.escape(t) for t in titles)}</p>\n'
        )
        out.append(head)
    out.append(Token("bullet_list_open", "ul", 1))
    for name, links in groups.items():
        out += [
            Token("list_item_open", "li", 1),
            *_inline([_text_token(name)]),
            Token("bullet_list_open", "ul", 1),
        ]
        for link in links:
            out += [
                Token("list_item_open", "li", 1),
                *_inline(link),
                Token("list_item_close", "li", -1),
            ]
        out += [Token("bullet_list_close", "ul", -1), Token("list_item_close", "li", -1)]
    out.append(Token("bullet_list_close", "ul", -1))
    for token in out:
        token.block = token.type != "inline"
    return out


def group_selectors(tokens: list[Token], source: Source) -> list[Token]:
    """Source pass: each ``op_multi_selector``'s links grouped under their first part."""
    position = 0
    while position < len(tokens):
        token = tokens[position]
        marker = token.meta.get("marker") if token.type == "docfx_div_open" else None
        if marker is None or "op_multi_selector" not in classes(marker.value):
            position += 1
            continue
        start = position + 1
        if start < len(tokens) and tokens[start].type == "bullet_list_open":
            depth, end = 0, start
            for end in range(start, len(tokens)):
                depth += tokens[end].nesting
                if depth == 0:
                    break
            grouped = _grouped(tokens, start, end + 1, marker.value)
            if grouped is not None:
                tokens[start : end + 1] = grouped
        position += 1
    return tokens


def install(md: Markdown) -> None:
    quotes.register(md, read)
    md.add_render_rule("docfx_div_open", _open)
    md.add_render_rule("docfx_div_close", _close)


UNIT = Unit(
    name="divs",
    install=install,
    source=(SourcePass(30, group_selectors),),
    elements={"div": frozenset({"class"}), "p": frozenset({"class"})},
    skeleton={DIV_CLASS: "*", SELECTOR_CLASS: "selector"},
    stylesheets=("assets/stylesheets/docfx-blocks.css",),
    scripts=("assets/javascripts/docfx-blocks.js",),
)
