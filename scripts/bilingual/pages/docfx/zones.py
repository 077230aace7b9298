"""Zones: variants of one article, one shown at a time, chosen with a pivot selector.

- ``:::zone pivot="csharp":::`` … ``:::zone-end:::`` (also ``::: zone pivot="a,b"`` …
  ``::: zone-end``): a ``div.docfx-zone`` with ``data-pivot`` (the pivot ids, space-separated)
  and ``data-label`` (their titles). The site's script shows only the zones of the chosen pivots;
  without it every zone is shown, labelled with its pivot (the label is the stylesheet's, read from
  ``data-label``).
- ``:::zone pivot="a" inline :::text:::zone-end`` inside a sentence: a ``span.docfx-zone``.
- ``:::zone target="docs":::``: content for the site, shown as it is; ``target="chromeless"``:
  content Learn shows only in its embedded (chromeless) views, kept in the page but ``hidden``.
- ``selector``: the page's pivot selector, after its H1: one ``div.docfx-pivots`` per pivot
  group, a link per pivot (``?pivots=id``, as on Learn), titled from the docset's
  ``zone-pivot-groups.yml`` for the groups the page names (``zone_pivot_groups``), else by the
  pivot ids its zones use.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from urllib.parse import quote

from bilingual import ui_text
from bilingual.pages.docfx.containers import FENCE_OPEN, Context, Kind
from bilingual.pages.docfx.context import Resolver
from bilingual.pages.docfx.images import attributes
from bilingual.pages.docfx.inline import Construct

ZONE_CLASS = "docfx-zone"
SELECTOR_CLASS = "docfx-pivots"
PIVOT_SEPARATOR = re.compile(r"[\s,]+")
INLINE = re.compile(
    r":::[ \t]*zone(?P<attrs>(?:[ \t]+[A-Za-z][\w-]*=(?:\"[^\"\n]*\"|'[^'\n]*'))*)[ \t]+inline[ \t]*:::"
    r"(?P<text>.*?):::[ \t]*zone-end(?:[ \t]*:::(?![ \t]*[A-Za-z]))?",
    re.IGNORECASE,
)
"""An inline zone, on one line; closing colons followed by a name open the next zone
(``:::zone-end:::zone pivot="b" inline :::``)."""
ZONE_PIVOTS = re.compile(r'<(?:div|span) class="docfx-zone" data-pivot="([^"]*)"')
H1 = re.compile(r"#[ \t]+\S")


def pivot_titles(resolver: Resolver | None) -> dict[str, str]:
    """Each pivot id of the page's groups -> its title."""
    if resolver is None:
        return {}
    return {pivot: title for group in resolver.pivot_groups() for pivot, title in group.pivots}


def zone_attributes(values: dict[str, str], resolver: Resolver | None) -> tuple[str, bool]:
    """The data attributes of a zone (`` data-pivot="…" data-label="…"``), and whether it
    has a pivot or target at all."""
    pivots = [pivot for pivot in PIVOT_SEPARATOR.split(values.get("pivot", "")) if pivot]
    target = values.get("target", "").strip().lower()
    out = ""
    if pivots:
        titles = pivot_titles(resolver)
        label = ", ".join(titles.get(pivot, pivot) for pivot in pivots)
        out += f' data-pivot="{html.escape(" ".join(pivots))}" data-label="{html.escape(label)}"'
    if target:
        out += f' data-target="{html.escape(target)}"'
    return out, bool(pivots or target)


def zone_open(values: dict[str, str], context: Context, line: int) -> str:
    data, known = zone_attributes(values, context.resolver)
    if not known:
        context.report(
            line,
            "':::zone' without a pivot or target; shown as it is",
            "':::zone pivot=\"id\":::' or ':::zone target=\"docs\":::'",
        )
    if values.get("target", "").strip().lower() == "chromeless":
        return f'<div class="{ZONE_CLASS} docfx-zone--chromeless"{data} hidden markdown="1">'
    return f'<div class="{ZONE_CLASS}"{data} markdown="1">'


KIND = Kind("zone", zone_open)


def inline_construct(expand_text: Callable[[str, Resolver | None], str]) -> Construct:
    """The inline zone construct; ``expand_text`` expands the span-level constructs of its
    text (an image, an xref inside a zone)."""

    def replace(body: str, match: re.Match[str], resolver: Resolver | None) -> str:
        data, _ = zone_attributes(attributes(match["attrs"]), resolver)
        return f'<span class="{ZONE_CLASS}"{data}>{expand_text(match["text"], resolver)}</span>'

    return Construct("inline-zone", INLINE, replace)


def page_pivots(text: str) -> list[str]:
    """The pivot ids the zones of an expanded page use, in order of first use."""
    seen: dict[str, None] = {}
    for found in ZONE_PIVOTS.finditer(text):
        for pivot in html.unescape(found.group(1)).split():
            seen.setdefault(pivot, None)
    return list(seen)


def selector_rows(
    used: list[str], resolver: Resolver | None
) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """``(group id, group title, [(pivot, title)])`` per row of the selector: the page's groups
    as the docset defines them (one it does not define is reported), then the pivots its zones
    use that no group has."""
    rows: list[tuple[str, str, list[tuple[str, str]]]] = []
    grouped: set[str] = set()
    for group in resolver.pivot_groups() if resolver is not None else []:
        if not group.pivots:
            assert resolver is not None
            resolver.report(
                0,
                f"zone pivot group '{group.id}' is not defined in zone-pivot-groups.yml",
                "the group in the docset's zone-pivot-groups.yml (or no zone_pivot_groups)",
            )
            continue
        rows.append((group.id, group.title, list(group.pivots)))
        grouped.update(pivot for pivot, _ in group.pivots)
    rest = [(pivot, pivot) for pivot in used if pivot not in grouped]
    if rest:
        rows.append(("", "", rest))
    return rows


def selector_html(code: str, rows: list[tuple[str, str, list[tuple[str, str]]]]) -> list[str]:
    """One line of HTML per row: a group of links, ``?pivots=id`` each."""
    prompt = ui_text.text(code, "pivot_prompt")
    lines = []
    for group, title, pivots in rows:
        label = title if len(rows) > 1 and title else prompt
        links = " ".join(
            f'<a class="docfx-pivot" href="?pivots={quote(pivot, safe="")}" '
            f'data-pivot="{html.escape(pivot)}">{html.escape(name)}</a>'
            for pivot, name in pivots
        )
        lines.append(
            f'<div class="{SELECTOR_CLASS}" role="group" aria-label="{html.escape(label)}" '
            f'data-group="{html.escape(group)}"><span class="docfx-pivots__prompt">'
            f"{html.escape(label)}</span> {links}</div>"
        )
    return lines


def heading_line(lines: list[str]) -> int | None:
    """The index of the page's first level-1 ATX heading at the start of a line (outside
    fenced code), if there is one."""
    fence = ""
    for index, line in enumerate(lines):
        opening = FENCE_OPEN.match(line.lstrip(" "))
        if fence:
            if (
                opening is not None
                and opening["fence"].startswith(fence)
                and not opening["info"].strip()
            ):
                fence = ""
            continue
        if opening is not None:
            fence = opening["fence"][0] * len(opening["fence"])
        elif H1.match(line):
            return index
    return None


def selector(text: str, code: str, resolver: Resolver | None) -> str:
    """An expanded page with its pivot selector after its H1 (at its top without one); the
    page unchanged when no zone has a pivot."""
    used = page_pivots(text)
    if not used:
        return text
    rows = selector_rows(used, resolver)
    lines = text.split("\n")
    at = heading_line(lines)
    position = 0 if at is None else at + 1
    block = ["", *selector_html(code, rows), ""]
    return "\n".join([*lines[:position], *block, *lines[position:]])
