"""Headings: ids as DocFX gives them, the same on both pages, and a permalink.

DocFX (Markdig's ``AutoIdentifiers`` in GitHub mode) makes a heading's id from its text: lower
case, characters other than letters, digits, ``-``, ``_`` and spaces dropped, spaces as ``-``;
a second heading with the same id gets ``-1``, the next ``-2``. A heading that opens with an
anchor (``# <a name="x"></a>Title``: DocFX's ``HeadingIdRewriter``) takes the anchor's name as
its id and drops the anchor; the id its text gives stays as an anchor in it (``<a id>``), so a
link written for either lands on it. A link to a section is written once, in the text both pages share
(``[…](page.md#second-part)``), with the English heading's id: on the translation's page each
heading takes the id of the English page's heading at the same place (the headings' ``#``
markers are shared text, so both pages have the same headings), unless it has an anchor of its
own. Each heading ends with a permalink (``¶``) titled in the page's language.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from bilingual import ui_text
from bilingual.pages.tree import segments
from bilingual.pages.tree.parser import Markdown
from bilingual.pages.tree.unit import Page, PagePass, Unit

ANCHOR = re.compile(r"""<a\s+(?:name|id)\s*=\s*["']([^"'<>]+)["']\s*>\s*(?:</a>)?\s*$""", re.I)
NOT_IN_ID = re.compile(r"[^\w\- ]")
ORDER = 50


def heading_id(text: str) -> str:
    """A heading's id from its plain text, as Markdig's GitHub mode makes it."""
    return NOT_IN_ID.sub("", " ".join(text.split()).lower()).replace(" ", "-")


def _explicit(children: list[Token]) -> str | None:
    """The anchor a heading opens with (taken out of its children), if any."""
    for position, child in enumerate(children):
        if child.type in (segments.OPEN, segments.CLOSE) or (
            child.type == "text" and not child.content.strip()
        ):
            continue
        if child.type != "html_inline":
            return None
        found = ANCHOR.match(child.content)
        if found is None:
            return None
        end = position + 1
        if not child.content.rstrip().endswith("</a>"):
            if (
                end < len(children)
                and children[end].type == "html_inline"
                and (children[end].content.strip().lower() == "</a>")
            ):
                end += 1
            else:
                return None
        del children[position:end]
        while position < len(children) and children[position].type == "text":
            stripped = children[position].content.lstrip()
            if stripped:
                children[position].content = stripped
                break
            del children[position]
        return found.group(1)
    return None


def assign_ids(tokens: list[Token], page: Page) -> list[Token]:
    """Page pass: every heading's id (and the English page's ids, for the translation's)."""
    used: dict[str, int] = {}
    english = page.english_headings
    ids: list[str] = []
    aliases: list[str] = []
    number = 0
    for position, token in enumerate(tokens):
        if token.type != "heading_open" or token.meta.get("tab"):
            continue
        inline = tokens[position + 1]
        children = inline.children or []
        explicit = _explicit(children)
        own = heading_id(segments.plain(children)) or "section"
        known = page.english_aliases
        said = (known[number] if number < len(known) else "") if page.translation else own
        alias = said if explicit is not None and said and said != explicit else ""
        if explicit is not None:
            wanted = explicit
        elif page.translation and number < len(english) and english[number]:
            wanted = english[number]
        else:
            wanted = own
        number += 1
        aliases.append(alias)
        if alias:
            token.meta["alias"] = alias
        if explicit is None:
            count = used.get(wanted, -1) + 1
            used[wanted] = count
            if count:
                wanted = f"{wanted}-{count}"
        token.attrSet("id", wanted)
        ids.append(wanted)
    for token in tokens:  # an alias no heading has as its id: links to it land on its heading
        if token.type == "heading_open" and token.meta.get("alias") in ids:
            token.meta.pop("alias")
    page.data["headings"] = ids
    page.data["aliases"] = aliases
    return tokens


def _heading_close(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    opening = next(
        (tokens[i] for i in range(idx - 1, -1, -1) if tokens[i].type == "heading_open"), None
    )
    ident = opening.attrGet("id") if opening is not None else None
    if not ident:
        return f"</{token.tag}>\n"
    code = env.get("code", "en") if isinstance(env, dict) else "en"
    said = ui_text.message(str(code), "permalink")
    title = html.escape(said.text, quote=True)
    lang = said.lang(str(code))
    link = (
        f'<a class="headerlink" href="#{html.escape(str(ident), quote=True)}" title="{title}"'
        f"{lang}>¶</a>"
    )
    alias = opening.meta.get("alias") if opening is not None else None
    if alias:  # the id its text gives (DocFX's, where the anchor took its place): links land
        link += f'<a id="{html.escape(str(alias), quote=True)}"></a>'
    return f"{link}</{token.tag}>\n"


def install(md: Markdown) -> None:
    md.add_render_rule("heading_close", _heading_close)


UNIT = Unit(
    name="headings",
    install=install,
    page=(PagePass(ORDER, assign_ids),),
    elements={"a": frozenset({"href", "title", "class"})},
    skeleton={"headerlink": ""},
    strings=("permalink",),
)
