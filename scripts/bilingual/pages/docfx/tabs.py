"""Tabs: ``# [Linux](#tab/linux)`` … ``# [Windows](#tab/windows)`` … ``---``.

A tab group starts at a heading (any level) whose only content is a link to ``#tab/id``; each
such heading at the same prefix starts the next tab; a thematic break (``---``) ends the group,
else the end of the container it stands in (``containers``). ``#tab/a+b`` is one tab for either
id; ``#tab/id/condition`` is a *dependent* variant: the tab ``id`` shows the variant whose
condition is the id chosen in another group (DocFX's rule). Anchors before the link
(``# <a name="http"></a>[HTTP](#tab/http)``, as localized sources write them) stay, at the top of
the tab's content.

A group is written in the markup of pymdownx.tabbed's alternate style, which Material styles: a
``div.tabbed-set`` holding the labels (``div.tabbed-labels``, one ``label`` per tab, its title as
plain text — the translation page's hover spans and emphasis left out) and a
``div.tabbed-content`` with one ``div.tabbed-block`` per tab (a region named by its title, so
the tab shown is a landmark a screen reader names). The radio inputs that make the labels work are written into the built HTML by the site's
Markdown extension (``site.tabbed``), which numbers them across the page; the site's script
selects tabs of the same id together and follows dependent variants.
"""

from __future__ import annotations

import html
import re

from bilingual.pages.docfx.containers import (
    HOVER,
    Context,
    Heading,
    TabGroup,
    Write,
    blank,
    closer,
    prefix_of,
)
from bilingual.pages.hover import plain_text

HEADING = re.compile(r"#{1,6}[ \t]+(?P<body>.*?)(?:[ \t]+#+)?[ \t]*")
ANCHORS = re.compile(r"(?:<a\s+(?:name|id)\s*=\s*\"[^\"<>]*\"\s*>\s*</a>\s*)*")
LINK = re.compile(
    r"\[(?P<title>.*)\]\(#tab/(?P<ids>[A-Za-z0-9-]+(?:\+[A-Za-z0-9-]+)*)"
    r"(?:/(?P<condition>[A-Za-z0-9-]*))?\)"
)
HOVER_SPAN = re.compile(r'<span class="sxs" tabindex="0" data-en="[^"]*">(.*?)</span>', re.S)
SET_CLASS = "tabbed-set tabbed-alternate docfx-tabs"
LABELS_CLASS = "tabbed-labels docfx-tab-labels"
CONTENT_CLASS = "tabbed-content docfx-tab-content"
BLOCK_CLASS = "tabbed-block docfx-tab"


def heading(content: str) -> Heading | None:
    """The tab heading ``content`` (a line after its prefix) is, or ``None``."""
    match = HEADING.fullmatch(content.rstrip())
    if match is None:
        return None
    body = match["body"]
    anchors = ANCHORS.match(body)
    before = anchors.group() if anchors else ""
    rest = body[len(before) :].strip()
    wrapped = HOVER.fullmatch(rest)
    if wrapped is not None:
        inner = wrapped["inner"]
        more = ANCHORS.match(inner)
        if more is not None and more.group():
            before += more.group()
            inner = inner[more.end() :]
        rest = inner.strip()
    link = LINK.fullmatch(rest)
    if link is None:
        return None
    ids = tuple(link["ids"].split("+"))
    return Heading(
        ids=ids,
        condition=link["condition"] or "",
        title=link["title"],
        text=plain_text(link["title"]) or ids[0],
        link=rest,
        anchors=before.strip(),
    )


def unwrapped(markup: str) -> str:
    """A title with the translation page's hover spans taken off (their text kept)."""
    return HOVER_SPAN.sub(r"\1", markup)


def label(tab: Heading, titles: dict[str, str]) -> str:
    data = f' data-tab="{html.escape(" ".join(tab.ids))}"'
    if tab.condition:
        condition = titles.get(tab.condition, tab.condition)
        data += (
            f' data-condition="{html.escape(tab.condition)}"'
            f' data-condition-title="{html.escape(condition)}"'
        )
    return f"<label{data}>{html.escape(tab.text, quote=False)}</label>"


def write_group(group: TabGroup, lines: list[str], write: Write, context: Context) -> list[str]:
    """A tab group's lines: the tabbed set around each tab's content."""
    prefix = prefix_of(lines[group.tabs[0].line])
    bare = blank(prefix)
    labels = "".join(label(tab.heading, context.tab_titles) for tab in group.tabs)
    out = [
        bare,
        f'{prefix}<div class="{SET_CLASS}" markdown="1">',
        bare,
        f'{prefix}<div class="{LABELS_CLASS}">{labels}</div>',
        bare,
        f'{prefix}<div class="{CONTENT_CLASS}" markdown="1">',
        bare,
    ]
    for tab in group.tabs:
        title = tab.heading.text
        for original in {tab.heading.link, unwrapped(tab.heading.title)}:
            context.changed(unwrapped(original), title, "tab")
        out += [
            f'{prefix}<div class="{BLOCK_CLASS}" role="region" aria-label="{html.escape(title)}"'
            ' markdown="1">',
            bare,
        ]
        if tab.heading.anchors:
            out += [prefix + tab.heading.anchors, bare]
        out += [*write(tab.children), bare, prefix + closer("tab"), bare]
    return [*out, prefix + closer("tab-content"), bare, prefix + closer("tabs"), bare]
