"""``[!INCLUDE[title](path)]``: another source's text, in the page's language.

As DocFX reads it (``[!include`` in any case, ``ExtensionsHelper.MatchLink``, ``]``): alone on
its line (after indentation, in a list item or a quote) it is a *block include*, the included
source's blocks in its place; anywhere else an *inline include*, the included source read as
inline text (its blocks' markdown not read, as DocFX's ``InlineOnly`` reads it). The path is
relative to the file that holds the include, or ``~/`` for the docset root; the included source's
front matter is left out. The included source is read like the page's own (``tree.reading``): its
segments are the page's (numbered on, their hover the included English), its links, images and
code are written from its own folder.

An include that cannot be read (missing, outside the repository, a cycle) is a placeholder
showing the include as written, reported; an empty one shows nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.renderer import RendererHTML
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from bilingual.pages import placeholders
from bilingual.pages.docfx.syntax import match_link
from bilingual.pages.tree import markers, segments
from bilingual.pages.tree.parser import Markdown, block_line
from bilingual.pages.tree.reading import read
from bilingual.pages.tree.unit import Source, SourcePass, Unit

START = "[!include"
ORDER = 90
"""Last of the source passes: an included source was read with them all already."""


def _read(text: str, position: int) -> tuple[str, str, int] | None:
    """An include at ``position`` of ``text``: its title, path and end, or ``None``."""
    if text[position : position + len(START)].lower() != START:
        return None
    position += len(START)
    if position < len(text) and text[position] in "+-":
        position += 1
    link = match_link(text, position)
    if link is None or link.end >= len(text) + 1 or text[link.end : link.end + 1] != "]":
        return None
    return link.title, link.path, link.end + 1


def _block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    line = block_line(state, start)
    if line is None or line[:2] != "[!":
        return False
    found = _read(line, 0)
    if found is None or line[found[2] :].strip():
        return False
    if silent:
        return True
    token = state.push("docfx_include", "", 0)
    token.map = [start, start + 1]
    token.meta = {"title": found[0], "path": found[1], "source": line.strip()}
    state.line = start + 1
    return True


def _inline(state: StateInline, silent: bool) -> bool:
    src = state.src
    if src[state.pos] != "[":
        return False
    found = _read(src, state.pos)
    if found is None:
        return False
    if not silent:
        token = state.push("docfx_include_inline", "", 0)
        token.meta |= {"title": found[0], "path": found[1], "source": src[state.pos : found[2]]}
    state.pos = found[2]
    return True


def _shown(token: Token) -> str:
    return f"[!include[{markers.strip(token.meta['title'])}]({markers.strip(token.meta['path'])})]"


def _placeholder_block(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    code = str(env.get("code", "en"))
    return placeholders.block(code, "missing_include", _shown(tokens[idx])) + "\n"


def _placeholder_inline(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return placeholders.inline(str(env.get("code", "en")), "missing_include", _shown(tokens[idx]))


def install(md: Markdown) -> None:
    md.block.ruler.before(
        "paragraph",
        "docfx_include",
        _block,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    md.inline.ruler.before("link", "docfx_include", _inline)
    md.add_render_rule("docfx_include", _placeholder_block)
    md.add_render_rule("docfx_include_inline", _placeholder_inline)


def _included(token: Token, source: Source, *, inline: bool) -> list[Token] | None:
    """The included source's tokens, or ``None`` (reported) when it cannot be read."""
    page = source.page
    where = source.where(token)
    if page.resolver is None:
        return None
    path = markers.strip(token.meta["path"])
    found = page.resolver.included(path, source.origin, where)
    if found is None:
        return None
    resolved, document = found
    if resolved in page.chain:
        page.resolver.report(
            where,
            f"include cycle: {' -> '.join([*page.chain, resolved])}",
            "an include that does not include its includer",
        )
        return None
    page.chain = (*page.chain, resolved)
    try:
        tokens, _ = read(page, document, page.source_passes, resolved, inline=inline)
    finally:
        page.chain = page.chain[:-1]
    return tokens


def _level(tokens: list[Token], level: int) -> list[Token]:
    for token in tokens:
        token.level += level
    return tokens


def expand(tokens: list[Token], source: Source) -> list[Token]:
    """Source pass: every include of the source replaced by the included source's tokens."""
    out: list[Token] = []
    for token in tokens:
        if token.type == "docfx_include":
            included = _included(token, source, inline=False)
            if included is None:
                out.append(token)
            else:
                out.extend(_level(included, token.level))
            continue
        if token.children:
            token.children = _inline_children(token.children, source, token)
        out.append(token)
    return out


def _inline_children(children: list[Token], source: Source, block: Token) -> list[Token]:
    if not any(child.type == "docfx_include_inline" for child in children):
        return children
    out: list[Token] = []
    for child in children:
        if child.type != "docfx_include_inline":
            out.append(child)
            continue
        child.map = block.map
        included = _included(child, source, inline=True)
        if included is None:
            out.append(child)
            continue
        inline: list[Token] = []
        for token in included:
            inline.extend(token.children or [])
        source.page.changed(child.meta["source"], segments.plain(inline), "include")
        out.extend(inline)
    return out


UNIT = Unit(
    name="includes",
    install=install,
    source=(SourcePass(ORDER, expand),),
    elements={"div": frozenset({"class", "role", "lang"}), "span": frozenset({"class", "lang"})},
    skeleton={f"div.{placeholders.MISSING}": "p", f"span.{placeholders.MISSING}": "*"},
    strings=("missing_include",),
)
