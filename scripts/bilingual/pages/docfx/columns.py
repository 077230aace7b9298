"""Rows and columns: ``:::row:::`` holding ``:::column span="2":::`` … ``:::column-end:::`` …
``:::row-end:::``.

A row is a ``div.docfx-row``, laid out by the stylesheet as a flexible row of its columns that
stacks them on a narrow screen; a column is a ``div.docfx-column`` whose ``span`` (a whole number
from 1 to 12, else left out) is its relative width, ``data-span``. The columns' content, written
indented under their markers, is dedented by the container pass (``containers``), so it is no
indented code. A column outside a row is reported and kept as a column.
"""

from __future__ import annotations

from bilingual.pages.docfx.containers import Context, Kind

ROW_CLASS = "docfx-row"
COLUMN_CLASS = "docfx-column"
SPANS = range(1, 13)


def row_open(values: dict[str, str], context: Context, line: int) -> str:
    return f'<div class="{ROW_CLASS}" markdown="1">'


def column_open(values: dict[str, str], context: Context, line: int) -> str:
    span = values.get("span", "").strip()
    if span.isdigit() and int(span) in SPANS and int(span) > 1:
        return f'<div class="{COLUMN_CLASS}" data-span="{int(span)}" markdown="1">'
    return f'<div class="{COLUMN_CLASS}" markdown="1">'


ROW = Kind("row", row_open)
COLUMN = Kind("column", column_open, inside="row")
