"""Alerts: ``> [!NOTE]``, ``[!TIP]``, ``[!IMPORTANT]``, ``[!WARNING]``, ``[!CAUTION]``.

DocFX's alert types (its ``QuoteSectionNoteExtension``), in any letter case. An alert is a
Material admonition (``note``, ``tip``, ``info``, ``warning``, ``danger``) titled in the page's
language. A ``[!WORD]`` of another word is no alert: the quote keeps it as text, reported as a
marker DocFX does not know.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from bilingual import ui_text
from bilingual.pages.docfx import quotes
from bilingual.pages.tree.parser import Markdown
from bilingual.pages.tree.unit import Source, SourcePass, Unit

TYPES = {
    "NOTE": "note",
    "TIP": "tip",
    "IMPORTANT": "info",
    "WARNING": "warning",
    "CAUTION": "danger",
}
"""DocFX's alert types -> Material's admonition types."""
UNKNOWN = re.compile(r"^\s{0,3}>[ \t]?\[!([A-Za-z]+)\][ \t]*$", re.MULTILINE)
ORDER = 5


def read(info: str) -> quotes.Marker | None:
    if info.startswith("!") and info[1:].upper() in TYPES:
        return quotes.Marker("alert", info, info[1:].upper())
    return None


def _open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    kind = tokens[idx].meta["marker"].value
    heading = ui_text.html_text(str(env.get("code", "en")), f"alert.{kind}")
    return f'<div class="admonition {TYPES[kind]}">\n<p class="admonition-title">{heading}</p>\n'


def _close(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return "</div>\n"


def install(md: Markdown) -> None:
    quotes.register(md, read)
    md.add_render_rule("docfx_alert_open", _open)
    md.add_render_rule("docfx_alert_close", _close)


def unknown(tokens: list[Token], source: Source) -> list[Token]:
    """Source pass: a quote line ``[!WORD]`` of a word no construct reads is reported."""
    text = source.text.text
    if "[!" not in text:
        return tokens
    known = {*TYPES, "DIV", "VIDEO", "INCLUDE"}
    for match in UNKNOWN.finditer(text):
        word = match.group(1).upper()
        if word in known or word.startswith("CODE"):
            continue
        path, line, column = source.where(None, match.start())
        source.page.reports.append(
            quotes.UnknownMarker(
                path,
                line,
                column,
                f"'[!{match.group(1)}]' is no alert DocFX knows; shown as text",
                "[!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION]",
            )
        )
    return tokens


UNIT = Unit(
    name="alerts",
    install=install,
    source=(SourcePass(ORDER, unknown),),
    elements={"div": frozenset({"class"}), "p": frozenset({"class"})},
    skeleton={"admonition": "admonition", "admonition-title": ""},
    strings=tuple(f"alert.{kind}" for kind in TYPES),
)
