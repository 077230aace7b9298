"""Math: ``$…$``, ``$$…$$`` and ``\\(…\\)``, rendered by KaTeX in the reader's browser.

``$`` and ``$$`` are read as Markdig's ``MathInlineParser`` reads them (DocFX's
``UseMathematics``): the opening dollar after white space or punctuation and not before a digit;
after it, a space only if the closing dollar has one before it too; the closing dollar before
white space or punctuation; no line break inside; ``\\$`` a dollar inside. ``$$`` on lines of its
own around a formula is a display block. ``\\(…\\)`` is the delimiter MathJax and KaTeX read in a
page's text, i.e. written ``\\\\(…\\\\)`` in markdown (a single ``\\(`` is CommonMark's escaped
parenthesis, which sources use in prose: ``[From a USB device]\\(USB デバイスから\\)``).

A formula is written as pymdownx.arithmatex writes one (``<span class="arithmatex">\\(…\\)</span>``,
``<div class="arithmatex">\\[…\\]</div>``): the TeX is the page's text, which search indexes and
which a reader without scripts reads; ``math.js`` renders it with KaTeX (served from the site,
``assets/katex/``) into HTML and MathML for screen readers.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Sequence

from markdown_it.renderer import RendererHTML
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from bilingual.pages.tree import markers
from bilingual.pages.tree.parser import Markdown, block_line
from bilingual.pages.tree.unit import Unit

MATH_CLASS = "arithmatex"


def _category(char: str) -> tuple[bool, bool]:
    """(white space, punctuation) as Markdig's ``CheckUnicodeCategory`` tells them."""
    if char == "" or char.isspace():
        return True, False
    kind = unicodedata.category(char)
    return False, kind.startswith("P") or kind.startswith("S")


def _neighbour(src: str, position: int, step: int) -> str:
    while 0 <= position < len(src):
        if not markers.is_marker(src[position]):
            return src[position]
        position += step
    return ""


def _dollars(state: StateInline, silent: bool) -> bool:
    src = state.src
    start = state.pos
    if src[start] != "$" or (start > 0 and src[start - 1] == "$"):
        return False
    before = _neighbour(src, start - 1, -1)
    opening = 2 if src.startswith("$$", start) else 1
    position = start + opening
    after = src[position] if position < len(src) else ""
    space_before, punct_before = _category(before)
    if (not space_before and not punct_before) or after.isdigit():
        return False
    open_space = _category(after)[0]
    while position < len(src) and src[position] in " \t":
        position += 1
    content_start = position
    last_space = -1
    previous = "$"
    closing = 0
    while position < len(src):
        char = src[position]
        if char in "\r\n":
            return False
        if previous != "\\":
            if char in " \t":
                if last_space < 0:
                    last_space = position
            elif char == "$":
                while position < len(src) and src[position] == "$":
                    closing += 1
                    position += 1
                if closing >= opening:
                    break
                closing = 0
                last_space = -1
                previous = "$"
                continue
            else:
                last_space = -1
        previous = char
        position += 1
    if closing < opening:
        return False
    end_of_content = position - closing
    following = _neighbour(src, position, 1)
    close_space_after, close_punct_after = _category(following)
    before_close = src[end_of_content - 1] if end_of_content > 0 else ""
    close_space_before = _category(before_close)[0]
    if (not close_punct_after and not close_space_after) or open_space != close_space_before:
        return False
    content = src[
        content_start : last_space if close_space_before and last_space > 0 else end_of_content
    ]
    if not content.strip():
        return False
    if not silent:
        token = state.push("math_inline", "math", 0)
        token.content = content.strip()
        token.markup = "$" * opening
        token.meta |= {"source": src[start : position - closing + opening]}
    state.pos = position - closing + opening
    return True


def _parens(state: StateInline, silent: bool) -> bool:
    src = state.src
    start = state.pos
    if not src.startswith("\\\\(", start):
        return False
    end = src.find("\\\\)", start + 3)
    if end < 0 or "\n" in src[start:end]:
        return False
    content = src[start + 3 : end]
    if not content.strip():
        return False
    if not silent:
        token = state.push("math_inline", "math", 0)
        token.content = content.strip()
        token.markup = "\\\\("
    state.pos = end + 3
    return True


def _block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    written = block_line(state, start)
    line = written.strip() if written is not None else ""
    if not line.startswith("$$"):
        return False
    rest = line[2:]
    if rest.endswith("$$") and rest[:-2].strip():
        content, last = rest[:-2], start
    elif rest.strip():
        return False
    else:
        last = start + 1
        lines = []
        while last < end:
            text = state.src[state.bMarks[last] + state.tShift[last] : state.eMarks[last]]
            if text.strip() == "$$":
                break
            lines.append(text)
            last += 1
        if last >= end:
            return False
        content = "\n".join(lines)
    if silent:
        return True
    token = state.push("math_block", "math", 0)
    token.block = True
    token.content = content.strip()
    token.map = [start, last + 1]
    token.markup = "$$"
    state.line = last + 1
    return True


def _render_inline(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return f'<span class="{MATH_CLASS}">\\({html.escape(tokens[idx].content)}\\)</span>'


def _render_block(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return f'<div class="{MATH_CLASS}">\\[{html.escape(tokens[idx].content)}\\]</div>\n'


def install(md: Markdown) -> None:
    md.block.ruler.before(
        "fence", "math_block", _block, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
    md.inline.ruler.before("escape", "math_parens", _parens)
    md.inline.ruler.before("emphasis", "math_dollars", _dollars)
    md.inline.add_terminator_char("$")
    md.add_render_rule("math_inline", _render_inline)
    md.add_render_rule("math_block", _render_block)


UNIT = Unit(
    name="math",
    install=install,
    elements={"div": frozenset({"class"}), "span": frozenset({"class"})},
    skeleton={f"div.{MATH_CLASS}": "p", f"span.{MATH_CLASS}": "*"},
    stylesheets=("assets/katex/katex.min.css",),
    scripts=("assets/javascripts/math.js",),
)
