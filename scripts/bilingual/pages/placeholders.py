"""Visible placeholders: what a page shows where a construct could not be rendered.

A construct the writer cannot render (an include that cannot be read, an image missing from the
source, a code file that is not there) is never dropped silently: the page shows a placeholder
in its own language at that place, and the problem is reported at ``file:line:column``. The
text is the generator's own (``ui_text``) with the source's words escaped.
"""

from __future__ import annotations

import html

from bilingual import ui_text

MISSING = "docfx-missing"
"""The class of every placeholder (styled as a dashed box; the link check counts them)."""
MISSING_MEDIA = "missing-media"
"""The class of an image missing from the source; ``data-missing-src`` holds its path."""


def message(code: str, key: str, **values: str) -> str:
    """The placeholder text ``key`` in site language ``code``, its values escaped."""
    return html.escape(ui_text.text(code, key).format(**values), quote=False)


def block(code: str, key: str, **values: str) -> str:
    """A placeholder standing for a block (an HTML block: blank lines around it)."""
    text = message(code, key, **values)
    return f'<div class="{MISSING}" role="note" lang="{html.escape(code)}">{text}</div>'


def inline(code: str, key: str, **values: str) -> str:
    """A placeholder standing inside a sentence."""
    return (
        f'<span class="{MISSING}" lang="{html.escape(code)}">{message(code, key, **values)}</span>'
    )


def missing_image(code: str, source: str, alt: str) -> str:
    """An image missing from the source: its alt text, in a box that says so."""
    label = message(code, "image_missing")
    shown = html.escape(alt, quote=False) if alt.strip() else label
    return (
        f'<span class="{MISSING_MEDIA}" data-missing-src="{html.escape(source)}" '
        f'title="{label}">{shown}</span>'
    )
