"""DocFX markdown -> what MkDocs (Python-Markdown, Material) renders, one construct per module.

``expand`` rewrites a page body's DocFX constructs into CommonMark (with HTML where markdown has
no words for it); its output is also the text ``make parity`` renders with CommonMark as the
reference. ``convert`` then rewrites the blocks for Python-Markdown (``blocks.normalize``), the
blockquote constructs through ``quotes``.

Span-level constructs (``inline.Construct``), in the order a match at one place is taken:

- ``includes``: ``[!INCLUDE[title](path)]``, block or inline;
- ``code``: ``[!code-lang[](path…)]``, ``:::code …:::``: a code file's lines, fenced;
- ``images``: ``:::image …:::``, ``![alt](path)``, ``<img src>``; a missing image's alt text;
- ``xrefs``: ``<xref:uid>``, ``[text](xref:uid)``, ``@uid``: links to the page of that uid;
- ``nolocs``: ``:::no-loc text="…":::``: the text.

Blockquote constructs (``quotes.QUOTES``): ``alerts`` (``[!NOTE]`` …, ``[!VIDEO]``), ``divs``
(``[!div class="…"]``).

Containers (``containers``, after the span-level constructs, so an included text is read whole):
``zones`` (``:::zone pivot|target``; inline zones are span-level; the page's pivot selector),
``monikers`` (``:::moniker range``), ``columns`` (``:::row:::``, ``:::column:::``) and ``tabs``
(``# [Title](#tab/id)`` … ``---``).

A construct that cannot be rendered shows a placeholder (``pages.placeholders``) and is reported
through the page's ``Resolver`` (``context``); the article is never dropped.

May import: the vocabulary, ``source``, and the rest of ``pages``.
"""

from __future__ import annotations

from bilingual.pages import blocks
from bilingual.pages.docfx import (
    code,
    columns,
    containers,
    images,
    includes,
    monikers,
    nolocs,
    tabs,
    xrefs,
    zones,
)
from bilingual.pages.docfx.alerts import (
    ALERT_MARKER,
    ALERT_TYPES,
    VIDEO_CLASS,
    VIDEO_MARKER,
    alert_title,
    video,
)
from bilingual.pages.docfx.context import Resolver
from bilingual.pages.docfx.inline import Construct, Span, expand_inline, source_offset
from bilingual.pages.docfx.paths import is_local
from bilingual.pages.docfx.quotes import quote_hook

__all__ = [
    "ALERT_MARKER",
    "ALERT_TYPES",
    "CONSTRUCTS",
    "VIDEO_CLASS",
    "VIDEO_MARKER",
    "Resolver",
    "alert_title",
    "alerts",
    "convert",
    "expand",
    "is_local",
    "video",
]

CONSTRUCTS: list[Construct] = [
    includes.CONSTRUCT,
    *code.CONSTRUCTS,
    *images.CONSTRUCTS,
    *xrefs.CONSTRUCTS,
    nolocs.CONSTRUCT,
    zones.inline_construct(lambda text, resolver: expand_inline(text, CONSTRUCTS, resolver)),
]
"""Every span-level construct; at one place, the earlier in this list wins."""

CONTAINERS: list[containers.Kind] = [zones.KIND, monikers.KIND, columns.ROW, columns.COLUMN]
"""Every triple-colon container (tab groups are the container pass's own)."""


def expand(body: str, resolver: Resolver | None, code: str | None = None) -> str:
    """``body`` with its DocFX constructs written as CommonMark (and HTML), in the site
    language ``code`` (else the resolver's)."""
    spans: list[Span] = []
    text = expand_inline(body, CONSTRUCTS, resolver, spans)
    context = containers.Context(
        code or (resolver.code if resolver is not None else "en"),
        resolver,
        lambda offset: source_offset(offset, spans),
    )
    return containers.expand_containers(text, CONTAINERS, tabs.heading, tabs.write_group, context)


def alerts(code: str) -> blocks.Alert:
    """The blockquote hook for ``blocks.normalize`` on a page in the site language ``code``."""
    return quote_hook(code)


def convert(body: str, code: str, resolver: Resolver | None) -> str:
    """A page body in site language ``code`` -> markdown for MkDocs (with the page's pivot
    selector when it has zones)."""
    expanded = zones.selector(expand(body, resolver, code), code, resolver)
    return blocks.normalize(expanded, alert=quote_hook(code))
