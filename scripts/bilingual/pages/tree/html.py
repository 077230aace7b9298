"""The token tree -> the page's HTML (markdown-it-py's renderer, with each unit's rules).

HTML5 (no ``/>``); raw HTML of the source is written as it is (the site's sanitizer reads every
page's HTML before a reader gets it). A ``segment_open`` / ``segment_close`` pair writes the
hover span the hover pass gave it (``attrs``), else nothing.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from bilingual.pages.tree.parser import Markdown
from bilingual.pages.tree.segments import CLOSE, OPEN, is_placeholder


def attributes(values: dict[str, Any]) -> str:
    """`` name="value"`` for each attribute (``True``: the name alone; ``None``: left out)."""
    out = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        if value is True:
            out.append(f" {name}")
        else:
            out.append(f' {name}="{html.escape(str(value), quote=True)}"')
    return "".join(out)


def _segment_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    if not token.attrs:
        return ""
    return f"<span{attributes(dict(token.attrs))}>"


def _segment_close(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return "</span>" if tokens[idx].meta.get("wrapped") else ""


def _html_inline(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    content = tokens[idx].content
    return html.escape(content, quote=False) if is_placeholder(content) else content


def install(md: Markdown) -> None:
    """The renderer's options and the segment tokens' rules; a tag-like placeholder in a
    sentence (``<email>``: no HTML element) is written as the text it is."""
    md.options["xhtmlOut"] = False
    md.options["html"] = True
    md.add_render_rule(OPEN, _segment_open)
    md.add_render_rule(CLOSE, _segment_close)
    md.add_render_rule("html_inline", _html_inline)


def render_parts(md: Markdown, tokens: list[Token], env: EnvType | None = None) -> list[str]:
    """Each token's HTML, in order (a line's token writes its children): markdown-it-py's
    ``render`` without the join, so that a range of tokens' HTML can be read off the page's."""
    renderer = md.renderer
    assert isinstance(renderer, RendererHTML)
    options = md.options
    env = env if env is not None else {}
    rules = renderer.rules
    out: list[str] = []
    for index, token in enumerate(tokens):
        if token.type == "inline":
            out.append(
                renderer.renderInline(token.children, options, env) if token.children else ""
            )
        elif token.type in rules:
            out.append(rules[token.type](tokens, index, options, env))
        else:
            out.append(renderer.renderToken(tokens, index, options, env))
    return out


def render(md: Markdown, tokens: list[Token], env: EnvType | None = None) -> str:
    """``tokens`` as HTML."""
    return "".join(render_parts(md, tokens, env))
