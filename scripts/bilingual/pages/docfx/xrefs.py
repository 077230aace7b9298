"""Cross references: ``<xref:uid>`` and ``[text](xref:uid)``, shown as text for now."""

from __future__ import annotations

import re
from urllib.parse import unquote

from bilingual.pages.docfx.context import Resolver
from bilingual.pages.docfx.inline import Construct

XREF_AUTOLINK = re.compile(r"<xref:(?P<uid>[^>\s]+)>")
XREF_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\(xref:[^)\s]*\)")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def xref_text(uid: str) -> str:
    """The plain text shown for an unresolved cross reference."""
    shown = unquote(uid.split("?", 1)[0]).replace("*", "")
    return MARKDOWN_SPECIAL.sub(r"\\\1", shown)


def replace_autolink(body: str, match: re.Match[str], resolver: Resolver | None) -> str:
    return xref_text(match.group("uid"))


def replace_link(body: str, match: re.Match[str], resolver: Resolver | None) -> str:
    return match.group("text")


CONSTRUCTS = [
    Construct("xref", XREF_AUTOLINK, replace_autolink),
    Construct("xref-link", XREF_LINK, replace_link),
]
