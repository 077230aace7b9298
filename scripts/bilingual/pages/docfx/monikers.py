"""Monikers: ``::: moniker range=">= product-2.0"`` … ``::: moniker-end``.

Learn shows a moniker's content only for the product versions its range names, chosen with a
version selector. The site has none: the content is always shown, in a ``div.docfx-moniker``
whose ``data-label`` (shown by the stylesheet above it) says in the page's language which
versions it applies to (``Attiecas uz: >= product-2.0``). A moniker needs its ``range``, as in
DocFX; without it, or with an attribute DocFX does not read, the line is text.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from bilingual import ui_text
from bilingual.pages.docfx import colons
from bilingual.pages.tree.parser import Markdown
from bilingual.pages.tree.unit import Unit

MONIKER_CLASS = "docfx-moniker"


def check(values: dict[str, str]) -> str | None:
    if set(values) != {"range"} or not values["range"].strip():
        return 'range="…"'
    return None


def _open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    scope = " ".join(tokens[idx].meta["attrs"]["range"].split())
    label = ui_text.text(str(env.get("code", "en")), "moniker_label").format(range=scope)
    return (
        f'<div class="{MONIKER_CLASS}" data-range="{html.escape(scope)}" '
        f'data-label="{html.escape(label)}">\n'
    )


def _close(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return "</div>\n"


def install(md: Markdown) -> None:
    colons.register(md, colons.Directive("moniker", "container", check))
    md.add_render_rule("docfx_moniker_open", _open)
    md.add_render_rule("docfx_moniker_close", _close)


UNIT = Unit(
    name="monikers",
    install=install,
    elements={"div": frozenset({"data-range", "data-label"})},
    skeleton={MONIKER_CLASS: "*"},
    stylesheets=("assets/stylesheets/docfx.css",),
    strings=("moniker_label",),
)
