"""``:::form action="…" submitText="…":::``: a form of Learn's embedded (chromeless) views.

It stands in ``:::zone target="chromeless"``, content the site keeps hidden. The site submits
nothing: the form is shown as what it is, its button's text in a ``div.docfx-form`` (no form, no
button, no field), so its words stay in the page.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from bilingual.pages.docfx import colons
from bilingual.pages.tree.parser import Markdown
from bilingual.pages.tree.unit import Unit

FORM_CLASS = "docfx-form"
KNOWN = frozenset({"model", "action", "submittext"})


def check(values: dict[str, str]) -> str | None:
    if set(values) - KNOWN:
        return "only model, action and submitText"
    if not values.get("action") or not values.get("submittext"):
        return 'action="…" submitText="…"'
    return None


def _render(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    values = tokens[idx].meta["attrs"]
    return (
        f'<div class="{FORM_CLASS}" data-action="{html.escape(values["action"])}">'
        f'<span class="docfx-form__submit">{html.escape(values["submittext"])}</span></div>\n'
    )


def install(md: Markdown) -> None:
    colons.register(md, colons.Directive("form", "block", check))
    md.add_render_rule("docfx_form", _render)


UNIT = Unit(
    name="forms",
    install=install,
    elements={"div": frozenset({"data-action"})},
    skeleton={FORM_CLASS: "p"},
)
