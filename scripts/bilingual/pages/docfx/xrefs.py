"""Cross references: a link to another page of the docset by its ``uid``.

DocFX's forms, read as its ``XrefInlineParser`` and ``XrefInlineShortParser`` read them:

- ``<xref:uid>`` (also ``<xref:"uid">``, ``<xref:'uid'>``, ``xref:`` in any case): a link whose
  text is the target page's title; a uid no page defines is reported;
- ``@uid`` (a letter first, up to white space or one of ``"'<>[]|``, or one of ``.,;:!?~``
  followed by those or white space) and ``@"uid"`` / ``@'uid'``: the same, not reported when
  unknown (``@`` is a common character). As Learn's build reads it (``Microsoft.Docs.
  MarkdigExtensions``), ``@`` starts a reference only after white space, the line's start or
  one of ``.,;:!?~``: ``user@example.com`` and ``\\@`` are text (DocFX's own parser refuses
  only ``\\@``);
- ``[text](xref:uid)``, ``<a href="xref:uid">`` and ``<xref href="uid"/>`` in HTML: a link with
  the source's text (an empty text takes the title).

``uid`` may carry a query and an anchor: ``?displayProperty=fullName`` (or ``nameWithType``),
``?text=…`` (the text), ``?title=…`` (the link's title), ``?alt=…`` (the text when the uid is
unknown) and ``#anchor`` (the section of the target page); it is URL-decoded and matched as Learn
matches it (``resolver``: exactly, else in any letter case).

A resolved reference links to the target's page in the page's language (``links`` makes the
path the built page's); every reference carries its uid in ``data-xref``. One no page defines
stays readable: ``<xref:uid>`` as the uid in code, ``@uid`` as written, ``[text](xref:uid)`` as
its text.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote

from markdown_it.renderer import RendererHTML
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from bilingual.model import Language
from bilingual.pages.docfx.context import XrefTarget
from bilingual.pages.link_rewrite import relative
from bilingual.pages.tree import markers
from bilingual.pages.tree.parser import Markdown
from bilingual.pages.tree.unit import Source, SourcePass, Unit, placed

STOP = "\"'<>[]|"
CONTINUABLE = ".,;:!?~"
XREF_CLASS = "docfx-xref"
"""A reference whose text is the writer's (the target's title, the uid)."""
LINK_CLASS = "docfx-xref-link"
"""A reference whose text is the source's (``[text](xref:uid)``)."""
HTML_XREF = re.compile(
    r"""<xref\s+href\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*?/?>(?:\s*</xref>)?""", re.I
)
HTML_A_XREF = re.compile(
    r"""<a\s+href\s*=\s*(?:"xref:([^"]*)"|'xref:([^']*)')[^>]*?(?:/>|>(.*?)</a>)""", re.I | re.S
)
ORDER = 25


@dataclass(frozen=True, slots=True)
class Reference:
    """What a cross reference asks for: the uid, its anchor and query options."""

    uid: str
    anchor: str = ""
    options: tuple[tuple[str, str], ...] = ()

    def option(self, name: str) -> str | None:
        return next((value for key, value in self.options if key.lower() == name.lower()), None)


def reference(href: str) -> Reference:
    """``uid?query#anchor`` read as DocFX reads it; the uid URL-decoded."""
    rest, _, anchor = href.partition("#")
    uid, _, query = rest.partition("?")
    options = tuple(parse_qsl(query, keep_blank_values=True)) if query else ()
    return Reference(unquote(uid).strip(), anchor, options)


def _autolink(state: StateInline, silent: bool) -> bool:
    src = state.src
    position = state.pos
    if src[position] != "<" or src[position + 1 : position + 6].lower() != "xref:":
        return False
    cursor = position + 6
    quote = src[cursor] if cursor < len(src) and src[cursor] in "'\"" else ""
    if quote:
        cursor += 1
    start = cursor
    while cursor < len(src) and src[cursor] != ">" and (not quote or src[cursor] != quote):
        cursor += 1
    end = cursor
    if quote:
        if cursor >= len(src) or src[cursor] != quote:
            return False
        cursor += 1
    if cursor >= len(src) or src[cursor] != ">":
        return False
    if not silent:
        token = state.push("docfx_xref", "", 0)
        token.meta |= {
            "href": src[start:end].strip(),
            "source": src[position : cursor + 1],
            "strict": True,
        }
    state.pos = cursor + 1
    return True


def _shorthand(state: StateInline, silent: bool) -> bool:
    src = state.src
    position = state.pos
    if src[position] != "@":
        return False
    before = position - 1
    while before >= 0 and markers.is_marker(src[before]):
        before -= 1
    if before >= 0 and not (src[before].isspace() or src[before] in CONTINUABLE):
        return False  # Learn's rule: "user@example.com" is no reference (nor is "\\@")
    cursor = position + 1
    if cursor < len(src) and src[cursor] in "'\"":
        quote = src[cursor]
        end = cursor + 1
        while end < len(src) and src[end] != quote and src[end] != "\n":
            end += 1
        if end >= len(src) or src[end] != quote:
            return False
        href = src[cursor + 1 : end]
        length = end + 1 - position
    else:
        if cursor >= len(src) or not src[cursor].isalpha():
            return False
        end = cursor
        while end < len(src):
            char = src[end]
            if char.isspace() or char in STOP or markers.is_marker(char):
                break
            following = src[end + 1] if end + 1 < len(src) else " "
            if char in CONTINUABLE and (
                following.isspace()
                or following in STOP
                or following in CONTINUABLE
                or markers.is_marker(following)
            ):
                break
            end += 1
        href = src[cursor:end]
        length = end - position
    if not silent:
        token = state.push("docfx_xref", "", 0)
        token.meta |= {"href": href, "source": src[position : position + length], "strict": False}
    state.pos = position + length
    return True


def install(md: Markdown) -> None:
    md.inline.ruler.before("autolink", "docfx_xref", _autolink)
    md.inline.ruler.before("link", "docfx_xref_short", _shorthand)
    md.add_render_rule("docfx_xref", _render)


def _render(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    meta = tokens[idx].meta
    uid = html.escape(meta.get("uid", ""), quote=True)
    shown = html.escape(meta.get("text", meta.get("source", "")))
    href = meta.get("href") if meta.get("resolved") else None
    if href:
        title = meta.get("title")
        titled = f' title="{html.escape(title, quote=True)}"' if title else ""
        return f'<a class="{XREF_CLASS}" data-xref="{uid}" href="{html.escape(href, quote=True)}"{titled}>{shown}</a>'
    if meta.get("code"):
        return f'<code class="{XREF_CLASS}" data-xref="{uid}">{shown}</code>'
    return f'<span class="{XREF_CLASS}" data-xref="{uid}">{shown}</span>'


def _title(target: XrefTarget, source: Source) -> str:
    page = source.page
    return (
        target.translation_title if page.language is Language.TRANSLATION else target.english_title
    )


def shown_text(ref: Reference, target: XrefTarget, source: Source) -> str:
    """The text DocFX shows for a reference without text of its own."""
    text = ref.option("text")
    if text:
        return text
    display = (ref.option("displayProperty") or "").lower()
    if display == "fullname":
        return target.full_name or ref.uid
    if display == "namewithtype":
        return target.name_with_type or ref.uid
    return _title(target, source)


def _href(ref: Reference, target: XrefTarget, source: Source) -> str:
    """The target's source path, written from the source holding the reference."""
    path = relative(target.path, posixpath.dirname(source.origin))
    return path + (f"#{ref.anchor}" if ref.anchor else "")


def _lookup(ref: Reference, source: Source, block: Token, report: bool) -> XrefTarget | None:
    resolver = source.page.resolver
    if resolver is None or not ref.uid:
        return None
    found: XrefTarget | None = resolver.xref(ref.uid, source.where(block), report=report)
    return found


def _resolve(token: Token, source: Source, block: Token) -> None:
    meta = token.meta
    try:
        _read_reference(token, source, block)
    finally:
        source.page.changed(meta["source"], meta.get("text", ""), "xref")


def _read_reference(token: Token, source: Source, block: Token) -> None:
    meta = token.meta
    ref = reference(markers.strip(meta["href"]))
    meta["uid"] = ref.uid + (f"#{ref.anchor}" if ref.anchor else "")
    quoted = meta["source"][1:2] in ("'", '"')
    target = _lookup(ref, source, block, report=meta["strict"] or quoted)
    if target is None:
        alt = ref.option("alt")
        if alt:
            meta["text"] = alt
        elif meta["strict"]:
            meta["text"] = ref.uid
            meta["code"] = True
        else:
            meta["text"] = meta["source"]
        return
    meta["text"] = shown_text(ref, target, source)
    meta["title"] = ref.option("title")
    meta["href"] = _href(ref, target, source)
    meta["link"] = True
    meta["resolved"] = True


def _link(children: list[Token], position: int, source: Source, block: Token) -> None:
    """``[text](xref:uid)``: the link resolved, or its text kept as plain text."""
    opening = children[position]
    href = str(opening.attrGet("href") or "")
    ref = reference(href[5:])
    target = _lookup(ref, source, block, report=True)
    opening.attrSet("data-xref", ref.uid + (f"#{ref.anchor}" if ref.anchor else ""))
    opening.attrSet("class", LINK_CLASS)
    depth, end = 0, position
    for end in range(position, len(children)):
        depth += children[end].nesting
        if depth == 0:
            break
    inner = children[position + 1 : end]
    if target is None:
        opening.meta["unresolved"] = True
        opening.attrs.pop("href", None)
        opening.tag = "span"
        children[end].tag = "span"
        if not any(child.type == "text" and child.content.strip() for child in inner):
            text = Token("text", "", 0)
            text.content = ref.option("alt") or ref.uid
            children.insert(position + 1, text)
        return
    opening.attrSet("href", _href(ref, target, source))
    title = ref.option("title")
    if title:
        opening.attrSet("title", title)
    if not any(
        child.type in ("text", "code_inline", "image")
        and (child.content.strip() or child.type == "image")
        for child in inner
    ):
        text = Token("text", "", 0)
        text.content = shown_text(ref, target, source)
        children.insert(position + 1, text)


def _html(text: str, source: Source, block: Token) -> str:
    """``<xref href="uid"/>`` and ``<a href="xref:uid">`` in raw HTML, resolved."""
    if "xref" not in text.lower():
        return text

    def xref_tag(match: re.Match[str]) -> str:
        ref = reference(html.unescape(match.group(1) or match.group(2) or ""))
        target = _lookup(ref, source, block, report=True)
        uid = html.escape(ref.uid, quote=True)
        if target is None:
            shown = html.escape(ref.option("alt") or ref.uid)
            return f'<code class="{XREF_CLASS}" data-xref="{uid}">{shown}</code>'
        href = html.escape(_href(ref, target, source), quote=True)
        shown = html.escape(shown_text(ref, target, source))
        return f'<a class="{XREF_CLASS}" data-xref="{uid}" href="{href}">{shown}</a>'

    def a_tag(match: re.Match[str]) -> str:
        ref = reference(html.unescape(match.group(1) or match.group(2) or ""))
        inner = match.group(3) or ""
        target = _lookup(ref, source, block, report=True)
        uid = html.escape(ref.uid, quote=True)
        kind = LINK_CLASS if inner.strip() else XREF_CLASS
        if target is None:
            shown = inner if inner.strip() else html.escape(ref.option("alt") or ref.uid)
            return f'<span class="{kind}" data-xref="{uid}">{shown}</span>'
        href = html.escape(_href(ref, target, source), quote=True)
        shown = inner if inner.strip() else html.escape(shown_text(ref, target, source))
        return f'<a class="{kind}" data-xref="{uid}" href="{href}">{shown}</a>'

    return HTML_A_XREF.sub(a_tag, HTML_XREF.sub(xref_tag, text))


def _children(children: list[Token], source: Source, block: Token) -> None:
    for position in range(len(children) - 1, -1, -1):
        child = children[position]
        if child.type == "docfx_xref":
            _resolve(child, source, placed(child, block))
        elif child.type == "link_open" and str(child.attrGet("href") or "").lower().startswith(
            "xref:"
        ):
            _link(children, position, source, placed(child, block))
        elif child.type == "html_inline":
            child.content = _html(child.content, source, placed(child, block))
        elif child.type == "image" and child.children:
            for inner in child.children:
                if inner.type == "docfx_xref":
                    inner.type = "text"
                    inner.content = inner.meta["source"]


def resolve(tokens: list[Token], source: Source) -> list[Token]:
    """Source pass: every cross reference of the source resolved (or shown as text)."""
    for token in tokens:
        if token.children:
            _children(token.children, source, token)
        elif token.type == "html_block":
            token.content = _html(token.content, source, token)
    return tokens


UNIT = Unit(
    name="xrefs",
    install=install,
    source=(SourcePass(ORDER, resolve),),
    elements={
        "a": frozenset({"data-xref", "class"}),
        "code": frozenset({"data-xref", "class"}),
        "span": frozenset({"data-xref", "class"}),
    },
    skeleton={XREF_CLASS: "*", LINK_CLASS: "*"},
)
