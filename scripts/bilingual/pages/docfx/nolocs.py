"""``:::no-loc text="…":::``: a string the translation left untranslated, shown as its text.

As DocFX's ``NolocParser`` reads it: ``:::no-loc`` exactly (lower case, no space after the
colons), ``text="…"`` on one line (``\\"`` a quote, ``\\\\`` a backslash), ``:::``. The text is
literal: nothing in it is markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from bilingual.pages.tree.parser import Markdown
from bilingual.pages.tree.unit import Source, SourcePass, Unit

NO_LOC = re.compile(r""":::no-loc\s+text\s*=\s*"((?:\\.|[^"\\\n])*)"\s*:::""")
ESCAPE = re.compile(r"\\(.)")


def _inline(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith(":::no-loc", state.pos):
        return False
    found = NO_LOC.match(state.src, state.pos)
    if found is None:
        return False
    if not silent:
        token = state.push("docfx_no_loc", "", 0)
        token.content = ESCAPE.sub(r"\1", found.group(1))
        token.meta |= {"source": found.group(), "text": token.content}
    state.pos = found.end()
    return True


def _render(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return escapeHtml(tokens[idx].content)


def install(md: Markdown) -> None:
    md.inline.ruler.before("link", "docfx_no_loc", _inline)
    md.add_render_rule("docfx_no_loc", _render)


def record(tokens: list[Token], source: Source) -> list[Token]:
    """Source pass: each no-loc text recorded as the writer shows it (for the audit)."""
    for token in tokens:
        for child in token.children or []:
            if child.type == "docfx_no_loc":
                source.page.changed(child.meta["source"], child.content, "no-loc")
    return tokens


UNIT = Unit(name="nolocs", install=install, source=(SourcePass(40, record),))
