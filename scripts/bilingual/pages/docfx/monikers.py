"""Monikers: ``:::moniker range=">=product-2.0":::`` … ``:::moniker-end:::`` (also with spaces,
``::: moniker range="…"`` … ``::: moniker-end``).

Learn shows a moniker's content only for the product versions its range names, chosen with a
version selector. The site has no version selector: the content is always shown, in a
``div.docfx-moniker`` whose ``data-label`` (shown by the stylesheet above the content) says in the
page's language which versions it applies to (``Attiecas uz: >=product-2.0``).
"""

from __future__ import annotations

import html

from bilingual import ui_text
from bilingual.pages.docfx.containers import Context, Kind

MONIKER_CLASS = "docfx-moniker"


def moniker_open(values: dict[str, str], context: Context, line: int) -> str:
    scope = " ".join(values.get("range", "").split())
    if not scope:
        context.report(
            line,
            "':::moniker' without a range; shown as it is",
            "':::moniker range=\"…\":::'",
        )
        return f'<div class="{MONIKER_CLASS}" markdown="1">'
    label = ui_text.text(context.code, "moniker_label").format(range=scope)
    return (
        f'<div class="{MONIKER_CLASS}" data-range="{html.escape(scope)}" '
        f'data-label="{html.escape(label)}" markdown="1">'
    )


KIND = Kind("moniker", moniker_open)
