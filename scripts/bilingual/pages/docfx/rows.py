"""Rows and columns: ``:::row:::`` holding ``:::column span="2":::`` … ``:::column-end:::`` …
``:::row-end:::``.

A row is a ``div.docfx-row``, laid out by the stylesheet as a flexible row of its columns that
stacks them on a narrow screen; a column is a ``div.docfx-column`` whose ``span`` (a whole number
from 1 to 12, else left out) is its relative width, ``data-span``. As in DocFX, a column's content
is read without the indentation its lines share (it is no indented code). A column outside a row
is reported and kept as a column.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from bilingual.pages.docfx import colons
from bilingual.pages.tree.parser import Markdown
from bilingual.pages.tree.unit import Unit

ROW_CLASS = "docfx-row"
COLUMN_CLASS = "docfx-column"
SPANS = range(2, 13)


def check_row(values: dict[str, str]) -> str | None:
    return "no attributes" if values else None


def check_column(values: dict[str, str]) -> str | None:
    return "only span" if set(values) - {"span"} else None


def _row_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return f'<div class="{ROW_CLASS}">\n'


def _column_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    span = tokens[idx].meta["attrs"].get("span", "").strip()
    if span.isdigit() and int(span) in SPANS:
        return f'<div class="{COLUMN_CLASS}" data-span="{int(span)}">\n'
    return f'<div class="{COLUMN_CLASS}">\n'


def _close(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return "</div>\n"


def install(md: Markdown) -> None:
    colons.register(md, colons.Directive("row", "container", check_row, dedent=True))
    colons.register(
        md, colons.Directive("column", "container", check_column, dedent=True, inside="row")
    )
    md.add_render_rule("docfx_row_open", _row_open)
    md.add_render_rule("docfx_row_close", _close)
    md.add_render_rule("docfx_column_open", _column_open)
    md.add_render_rule("docfx_column_close", _close)


UNIT = Unit(
    name="rows",
    install=install,
    elements={"div": frozenset({"data-span"})},
    skeleton={ROW_CLASS: "*", COLUMN_CLASS: "*"},
    stylesheets=("assets/stylesheets/docfx.css",),
)
