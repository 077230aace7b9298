"""Visible placeholders: what a page shows where a construct could not be rendered.

A construct the writer cannot render (an include that cannot be read, an image missing from the
source, a code file that is not there) is never dropped silently: the page shows a placeholder
at that place, saying so in the page's own language, then the construct as the source wrote it;
the problem is reported at ``file:line:column``. The label is the generator's own (``ui_text``,
``docfx-missing__label``); the source's words are escaped.
"""

from __future__ import annotations

import html

from bilingual import ui_text

MISSING = "docfx-missing"
"""The class of every placeholder (styled as a dashed box; the link check counts them)."""
LABEL = "docfx-missing__label"
"""The class of a placeholder's own words (not the source's)."""
MISSING_MEDIA = "missing-media"
"""The class of an image missing from the source; ``data-missing-src`` holds its path."""


def message(code: str, key: str) -> str:
    """The placeholder label ``key`` in site language ``code``, escaped."""
    return ui_text.html_text(code, key)


def block(code: str, key: str, shown: str, tag: str = "div") -> str:
    """A placeholder standing for a block: the label, then ``shown`` (the construct as written);
    ``tag`` ``pre`` where it stands for a code block."""
    return (
        f'<{tag} class="{MISSING}" role="note" lang="{html.escape(code)}">'
        f'<span class="{LABEL}">{message(code, key)}</span> {html.escape(shown, quote=False)}'
        f"</{tag}>"
    )


def inline(code: str, key: str, shown: str) -> str:
    """A placeholder standing inside a sentence."""
    return (
        f'<span class="{MISSING}" lang="{html.escape(code)}"><span class="{LABEL}">'
        f"{message(code, key)}</span> {html.escape(shown, quote=False)}</span>"
    )


def missing_image(code: str, source: str, alt: str) -> str:
    """An image missing from the source: its alt text, in a box that says so."""
    label = message(code, "image_missing")
    shown = (
        html.escape(alt, quote=False) if alt.strip() else f'<span class="{LABEL}">{label}</span>'
    )
    return (
        f'<span class="{MISSING_MEDIA}" data-missing-src="{html.escape(source)}" '
        f'title="{label}">{shown}</span>'
    )
