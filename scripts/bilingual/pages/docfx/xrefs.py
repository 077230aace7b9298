"""Cross references: a link to another page of the docset by its ``uid``.

DocFX's forms (docs/docs/links-and-cross-references.md):

- ``<xref:uid>`` (also ``<xref:"uid">``): a link whose text is the target page's title;
- ``[text](xref:uid)``: a link with the source's text (an empty text takes the title);
- ``@uid`` and ``@"uid"`` (or ``@'uid'``), the shorthand: as ``<xref:uid>``. A bare ``@uid``
  starts with a letter and ends at white space, at ``"'<>[]|`` or at one of ``.,;:!?~``
  followed by white space, one of those, or the end; it is never read inside a word (an e-mail
  address), a tag, a link, an image or a directive (``masks.markup``).

``uid`` may carry a query and an anchor: ``?displayProperty=fullName`` (or ``nameWithType``;
the text is the target's ``fullName`` / ``nameWithType`` metadata, else the uid), ``?text=…``
(the text), ``?title=…`` (the link's title), ``?alt=…`` (the text when the uid is unknown) and
``#anchor`` (the section of the target page). The uid is URL-decoded.

A resolved reference is a markdown link to the target's source in the page's language,
relative to the source being expanded (``../guides/a.md#anchor``): the writer's link rules and
MkDocs resolve it like any other link. Nothing inside code is read (``masks.code``). A uid no page
defines stays readable and is reported (``Resolver.xref``): ``<xref:uid>`` and ``@"uid"`` as
the uid in inline code, ``[text](xref:uid)`` as its text; a bare ``@uid`` stays as written, not
reported (DocFX does the same: ``@`` is a common character).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote

from bilingual.pages.docfx import masks
from bilingual.pages.docfx.context import Resolver, XrefLink
from bilingual.pages.docfx.escape import inline_code
from bilingual.pages.docfx.escape import markdown_text as escaped
from bilingual.pages.docfx.inline import Construct

XREF_AUTOLINK = re.compile(r"""<xref:(?:"(?P<dq>[^"\n>]*)"|'(?P<sq>[^'\n>]*)'|(?P<uid>[^>\s]+))>""")
XREF_LINK = re.compile(
    r"\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"""\([ \t]*<?xref:(?P<uid>[^)\s>]*)>?(?:[ \t]+(?:"(?P<title>[^"\n]*)"|'(?P<stitle>[^'\n]*)'))?[ \t]*\)"""
)
STOP = r"""\s"'<>\[\]|`"""
CONTINUABLE = r".,;:!?~"
XREF_SHORTHAND = re.compile(
    rf"@(?<![\w.%+\-/\\@`]@)(?:(?P<q>[\"'])(?P<quoted>[^\n\"']+?)(?P=q)"
    rf"|(?P<bare>[A-Za-z](?:[^{STOP}{CONTINUABLE}]|[{CONTINUABLE}](?![{STOP}{CONTINUABLE}]|\Z))*))"
)
"""``@`` (not after a word character, ``.%+-/\\@`` or a backtick: it starts the pattern, so
the search skips to each ``@``), then a quoted uid or a bare one."""


@dataclass(frozen=True, slots=True)
class Reference:
    """What a cross reference asks for: the uid, its anchor and query options."""

    uid: str
    anchor: str = ""
    options: tuple[tuple[str, str], ...] = ()

    def option(self, name: str) -> str | None:
        return next((value for key, value in self.options if key.lower() == name.lower()), None)


def reference(href: str) -> Reference:
    """``uid?query#anchor`` read as DocFX reads it; the uid URL-decoded."""
    rest, _, anchor = href.partition("#")
    uid, _, query = rest.partition("?")
    options = tuple(parse_qsl(query, keep_blank_values=True)) if query else ()
    return Reference(unquote(uid).strip(), anchor, options)


def shown_text(ref: Reference, link: XrefLink) -> str:
    """The text DocFX shows for a reference without text of its own."""
    text = ref.option("text")
    if text:
        return text
    display = (ref.option("displayProperty") or "").lower()
    if display == "fullname":
        return link.target.full_name or ref.uid
    if display == "namewithtype":
        return link.target.name_with_type or ref.uid
    return link.title


def link_markdown(text: str, ref: Reference, link: XrefLink) -> str:
    """``[text](href#anchor "title")``; ``text`` is markdown already."""
    href = link.href + (f"#{ref.anchor}" if ref.anchor else "")
    target = f"<{href}>" if " " in href else href
    title = ref.option("title")
    quoted = f' "{escaped(title).replace(chr(34), "&quot;")}"' if title else ""
    return f"[{text}]({target}{quoted})"


def unresolved_text(ref: Reference) -> str:
    """An unknown uid, readable: the ``alt`` option's text, else the uid as inline code."""
    alt = ref.option("alt")
    return escaped(alt) if alt else inline_code(ref.uid)


def in_code(body: str, match: re.Match[str]) -> bool:
    return masks.inside(masks.code(body), match.start())


def replace_autolink(body: str, match: re.Match[str], resolver: Resolver | None) -> str:
    if in_code(body, match):
        return match.group()
    href = next(
        g for g in (match.group("dq"), match.group("sq"), match.group("uid")) if g is not None
    )
    ref = reference(href)
    link = resolver.xref(ref.uid, match.start()) if resolver is not None else None
    if link is None:
        return unresolved_text(ref)
    return link_markdown(escaped(shown_text(ref, link)), ref, link)


def replace_link(body: str, match: re.Match[str], resolver: Resolver | None) -> str:
    if in_code(body, match):
        return match.group()
    ref = reference(match.group("uid"))
    text = match.group("text")
    link = resolver.xref(ref.uid, match.start()) if resolver is not None else None
    if link is None:
        return text if text.strip() else unresolved_text(ref)
    if not text.strip():
        text = escaped(shown_text(ref, link))
    title = match.group("title") or match.group("stitle")
    if title and ref.option("title") is None:
        ref = Reference(ref.uid, ref.anchor, (*ref.options, ("title", title)))
    return link_markdown(text, ref, link)


def replace_shorthand(body: str, match: re.Match[str], resolver: Resolver | None) -> str:
    if masks.inside(masks.markup(body), match.start()):
        return match.group()
    quoted = match.group("quoted")
    ref = reference(quoted if quoted is not None else match.group("bare"))
    if resolver is None or not ref.uid:
        return match.group()
    link = resolver.xref(ref.uid, match.start(), report=quoted is not None)
    if link is None:
        return unresolved_text(ref) if quoted is not None else match.group()
    return link_markdown(escaped(shown_text(ref, link)), ref, link)


CONSTRUCTS = [
    Construct("xref", XREF_AUTOLINK, replace_autolink, marker="<xref:"),
    Construct("xref-link", XREF_LINK, replace_link, marker="xref:"),
    Construct("xref-shorthand", XREF_SHORTHAND, replace_shorthand, marker="@"),
]
