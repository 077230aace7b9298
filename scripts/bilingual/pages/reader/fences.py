"""Code blocks: fenced and indented code, highlighted as Material shows it.

Each code block is highlighted with Pygments through pymdownx.highlight (the same markup
SuperFences writes: ``<div class="language-x highlight"><pre><span></span><code>``), its
language the first word of a fence's info string (character references resolved, as CommonMark
reads it); a language Pygments does not know is shown as plain text. Highlighted lines come from
a code snippet's ``highlight`` (``docfx.code``) or a fence's ``hl_lines="2 5-7"``. Code is the
same on both pages: no segment is wrapped in it.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Sequence

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from pymdownx.highlight import Highlight  # type: ignore[import-untyped]

from bilingual.pages.tree.parser import Markdown
from bilingual.pages.tree.unit import Unit

HIGHLIGHTED_LINES = re.compile(r'(?<!\S)hl_lines="([0-9]+(?:[ -][0-9]+)*)"(?!\S)')
LANGUAGE_UNSAFE = re.compile(r"[^\w#.+-]")


@functools.cache
def highlighter() -> Highlight:
    return Highlight(None, guess_lang=False, pygments_lang_class=True, stripnl=False)


def lines_of(spec: str) -> list[int]:
    """``"2 5-7"`` -> ``[2, 5, 6, 7]``."""
    found: list[int] = []
    for part in spec.split():
        first, _, last = part.partition("-")
        if first.isdigit() and (not last or last.isdigit()):
            found.extend(range(int(first), int(last or first) + 1))
    return found


def language_of(info: str) -> tuple[str, list[int]]:
    """A fence's language and highlighted lines, from its info string."""
    text = html.unescape(info)
    words = text.split()
    language = LANGUAGE_UNSAFE.sub("", words[0]) if words else ""
    lines = HIGHLIGHTED_LINES.search(text)
    return language, lines_of(lines.group(1)) if lines else []


def code_html(code: str, language: str, highlight: Sequence[int] = ()) -> str:
    """A code block's HTML: highlighted, the lines ``highlight`` marked."""
    if code.endswith("\n"):
        code = code[:-1]
    out: str = highlighter().highlight(code, language, hl_lines=list(highlight) or None)
    return out + "\n"


def _fence(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    language, lines = language_of(token.info)
    if token.meta.get("language") is not None:
        language = token.meta["language"]
    highlight = token.meta.get("highlight", lines)
    return code_html(token.content, language, highlight)


def _code_block(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return code_html(tokens[idx].content, "")


def install(md: Markdown) -> None:
    md.add_render_rule("fence", _fence)
    md.add_render_rule("code_block", _code_block)


UNIT = Unit(
    name="fences",
    install=install,
    elements={"div": frozenset({"class"}), "span": frozenset({"class"})},
    skeleton={"highlight": "*"},
)
