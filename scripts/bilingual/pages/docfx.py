"""DocFX markdown -> what MkDocs (Python-Markdown, Material) renders.

- ``> [!NOTE]``, ``[!TIP]``, ``[!IMPORTANT]``, ``[!WARNING]``, ``[!CAUTION]`` -> a Material
  admonition titled in the page's language (``alerts``, used by ``blocks.normalize``);
- ``> [!VIDEO https://…]`` -> a responsive embedded player, only for http(s) URLs;
- ``[!INCLUDE[title](path)]``, on a line of its own or inside a sentence -> the included source's
  text in the page's language (``expand``, through a ``Resolver``);
- ``:::image type=… source=… alt-text=…:::`` -> a markdown image;
- ``<xref:uid>`` and ``[text](xref:uid)`` -> plain text (there is no cross-reference map).

``expand`` works on the page body before block normalisation; its output is also the text
``make parity`` renders with CommonMark as the reference.
"""

from __future__ import annotations

import html
import re
from typing import Protocol
from urllib.parse import unquote, urlsplit

from bilingual import ui_text
from bilingual.pages import blocks
from bilingual.source.includes import INCLUDE

ALERT_TYPES = {
    "NOTE": "note",
    "TIP": "tip",
    "TIPS": "tip",
    "IMPORTANT": "info",
    "WARNING": "warning",
    "CAUTION": "danger",
}
ALERT_MARKER = re.compile(r"\[!(" + "|".join(ALERT_TYPES) + r")\][ \t]*", re.IGNORECASE)
VIDEO_MARKER = re.compile(r"\[!VIDEO[ \t]+([^\]\s]+)[ \t]*\][ \t]*$", re.IGNORECASE)
VIDEO_CLASS = "docfx-video"

IMAGE = re.compile(
    r":::image[ \t]+(?P<attrs>[^:]*?)[ \t]*:::(?:(?P<long>.*?):::image-end:::)?", re.DOTALL
)
ATTRIBUTE = re.compile(r"""([A-Za-z][\w-]*)=(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")
XREF_AUTOLINK = re.compile(r"<xref:(?P<uid>[^>\s]+)>")
XREF_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\(xref:[^)\s]*\)")
MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\([ \t]*<?(?P<path>[^)\s>]+)")
HTML_IMAGE = re.compile(r"""<img\b[^>]*?\bsrc=["']?(?P<path>[^"'\s>]+)""", re.IGNORECASE)
BLOCK_PREFIX = re.compile(r"[ \t>]*")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")

CONSTRUCTS = (
    ("include", INCLUDE),
    ("image", IMAGE),
    ("xref", XREF_AUTOLINK),
    ("xreflink", XREF_LINK),
    ("media", MARKDOWN_IMAGE),
    ("media", HTML_IMAGE),
)


class Resolver(Protocol):
    """What the writer needs from the source folder: included text and media checks."""

    def include(self, target: str, offset: int) -> str:
        """The text of the source ``target`` (relative to the page's source) in the page's
        language, its own includes expanded and links rebased; ``offset`` is where the
        ``[!INCLUDE`` stands in the page body (for errors)."""
        ...

    def media(self, target: str, offset: int) -> str:
        """``target`` as the page should write it (its file's own spelling where only the case
        differs); raise ``SourceError`` if the relative path leaves the source folder."""
        ...


def alert_title(code: str, kind: str) -> str:
    """The title of a ``kind`` alert (``NOTE`` …) in the site language ``code``."""
    return ui_text.alert_title(code, "TIP" if kind.upper() == "TIPS" else kind.upper())


def video(url: str, title: str) -> str | None:
    """The embedded player for ``url``; ``None`` unless it is an http(s) URL."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    source = html.escape(url, quote=True)
    return (
        f'<span class="{VIDEO_CLASS}"><iframe src="{source}" title="{html.escape(title)}" '
        'allowfullscreen loading="lazy" referrerpolicy="strict-origin-when-cross-origin" '
        'sandbox="allow-scripts allow-same-origin allow-presentation"></iframe></span>'
    )


def alerts(code: str) -> blocks.Alert:
    """The alert hook for ``blocks.normalize`` on a page in the site language ``code``."""

    def convert(first: list[str], rest: list[list[str]]) -> list[str] | None:
        text = "\n".join(first)
        found = VIDEO_MARKER.match(text)
        if found is not None:
            player = video(found.group(1), ui_text.alert_title(code, "VIDEO"))
            if player is None:
                return None
            return blocks.join_blocks([[player], *rest])
        alert = ALERT_MARKER.match(text)
        if alert is None:
            return None
        kind = alert.group(1)
        body = text[alert.end() :].strip("\n")
        title = alert_title(code, kind).replace('"', "'")
        content = blocks.join_blocks(([body.split("\n")] if body else []) + rest)
        head = f'!!! {ALERT_TYPES[kind.upper()]} "{title}"'
        return [head, "", *blocks.indent(content)] if content else [head]

    return convert


def image_markdown(attrs: str, long: str | None) -> tuple[str, str]:
    """A ``:::image:::`` as markdown, and its source path."""
    values = {
        m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
        for m in ATTRIBUTE.finditer(attrs)
    }
    source = values.get("source", "")
    alt = MARKDOWN_SPECIAL.sub(r"\\\1", values.get("alt-text", ""))
    title = " ".join((long or "").split()).replace('"', "'")
    target = f"<{source}>" if " " in source else source
    return (f'![{alt}]({target} "{title}")' if title else f"![{alt}]({target})"), source


def xref_text(uid: str) -> str:
    """The plain text shown for an unresolved cross reference."""
    shown = unquote(uid.split("?", 1)[0]).replace("*", "")
    return MARKDOWN_SPECIAL.sub(r"\\\1", shown)


def is_local(path: str) -> bool:
    """Whether ``path`` is a path inside the site (not a URL, not an anchor)."""
    parts = urlsplit(path)
    return not parts.scheme and not parts.netloc and not path.startswith("#")


def _block_include(body: str, match: re.Match[str], included: str) -> str | None:
    """``included`` in place of an include that stands alone on its line, with the line's
    prefix (indent, ``>``) repeated on every included line; ``None`` for an inline include."""
    line_start = body.rfind("\n", 0, match.start()) + 1
    prefix = body[line_start : match.start()]
    line_end = body.find("\n", match.end())
    after = body[match.end() : len(body) if line_end < 0 else line_end]
    if not BLOCK_PREFIX.fullmatch(prefix) or after.strip():
        return None
    lines = included.split("\n")
    bare = prefix.rstrip()
    return "\n".join([lines[0], *((prefix + line) if line else bare for line in lines[1:])])


def expand(body: str, resolver: Resolver | None) -> str:
    """``body`` with includes, ``:::image:::`` and xrefs replaced; media paths checked."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in CONSTRUCTS:
        found.extend((m.start(), m.end(), kind, m) for m in pattern.finditer(body))
    found.sort(key=lambda item: (item[0], -item[1]))
    out: list[str] = []
    position = 0
    for start, end, kind, match in found:
        if start < position:
            continue
        out.append(body[position:start])
        out.append(_replacement(body, kind, match, resolver))
        position = end
    out.append(body[position:])
    return "".join(out)


def _replacement(body: str, kind: str, match: re.Match[str], resolver: Resolver | None) -> str:
    if kind == "include":
        if resolver is None:
            return match.group()
        included = resolver.include(match.group("path"), match.start()).strip("\n")
        block = _block_include(body, match, included)
        return block if block is not None else " ".join(included.split())
    if kind == "image":
        attrs = match.group("attrs")
        markdown, source = image_markdown(attrs, match.group("long"))
        if resolver is not None and source and is_local(source):
            found = resolver.media(source, match.start())
            if found != source:
                markdown, _ = image_markdown(attrs.replace(source, found), match.group("long"))
        return markdown
    if kind == "xref":
        return xref_text(match.group("uid"))
    if kind == "xreflink":
        return match.group("text")
    path = match.group("path")
    if resolver is None or not is_local(path):
        return match.group()
    found = resolver.media(path, match.start())
    start, end = match.start("path") - match.start(), match.end("path") - match.start()
    return match.group()[:start] + found + match.group()[end:]


def convert(body: str, code: str, resolver: Resolver | None) -> str:
    """A page body in site language ``code`` -> markdown for MkDocs."""
    return blocks.normalize(expand(body, resolver), alert=alerts(code))
