"""Zones: variants of one article, one shown at a time, chosen with a pivot selector.

``:::zone pivot="csharp"`` … ``:::zone-end``, ``:::zone target="chromeless"`` (DocFX's
``ZoneExtension``: ``pivot`` a comma-separated list of lower-case ids, ``target`` one of
``docs``, ``chromeless``, ``pdf``, at least one of them, no pivot on ``pdf``; zones never nest;
anything else and the line is text). A zone is a ``div.docfx-zone`` with ``data-pivot`` (the
pivot ids, space-separated) and ``data-label`` (their titles, from the docset's
``zone-pivot-groups.yml``); the site's script shows the zones of the chosen pivots, and without
it every zone is shown labelled. ``target="docs"`` content is the site's, shown; ``chromeless``
content (Learn's embedded views only) is kept in the page but ``hidden``.

The page's pivot selector (a page pass) follows its first level-1 heading: one
``div.docfx-pivots`` per pivot group the page names (``zone_pivot_groups``), a link per pivot
(``?pivots=id``, as on Learn), then the pivots its zones use that no group has.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from urllib.parse import quote

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from bilingual import ui_text
from bilingual.pages.docfx import colons
from bilingual.pages.tree.parser import Markdown
from bilingual.pages.tree.unit import Page, PagePass, Unit

ZONE_CLASS = "docfx-zone"
SELECTOR_CLASS = "docfx-pivots"
PIVOTS = re.compile(r"\s*[a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*\s*")
COMMAS = re.compile(r"\s*,\s*")
TARGETS = frozenset({"docs", "chromeless", "pdf"})
ORDER = 60


def check(values: dict[str, str]) -> str | None:
    if set(values) - {"pivot", "target"}:
        return "only pivot and target"
    target, pivot = values.get("target", ""), values.get("pivot", "")
    if "target" in values and target not in TARGETS:
        return "a target of docs, chromeless or pdf"
    if "pivot" in values and PIVOTS.fullmatch(pivot) is None:
        return "a comma-separated list of lower-case pivot ids"
    if not target and not pivot:
        return "a target or a pivot"
    if target == "pdf" and pivot:
        return "no pivot on the pdf target"
    return None


def pivots_of(values: dict[str, str]) -> list[str]:
    pivot = values.get("pivot", "").strip()
    return COMMAS.split(pivot) if pivot else []


def pivot_titles(page: Page) -> dict[str, str]:
    """Each pivot id of the page's groups -> its title."""
    if page.resolver is None:
        return {}
    return {pivot: title for group in page.resolver.pivot_groups() for pivot, title in group.pivots}


def _open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    values: dict[str, str] = token.meta["attrs"]
    titles: dict[str, str] = env.get("pivot_titles", {})
    out = f'<div class="{ZONE_CLASS}'
    target = values.get("target", "")
    if target == "chromeless":
        out += f" {ZONE_CLASS}--chromeless"
    out += '"'
    pivots = pivots_of(values)
    if pivots:
        label = ", ".join(titles.get(pivot, pivot) for pivot in pivots)
        out += f' data-pivot="{html.escape(" ".join(pivots))}" data-label="{html.escape(label)}"'
    if target:
        out += f' data-target="{html.escape(target)}"'
    if target == "chromeless":
        out += " hidden"
    return out + ">\n"


def _close(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return "</div>\n"


def install(md: Markdown) -> None:
    colons.register(md, colons.Directive("zone", "container", check, nests=False))
    md.add_render_rule("docfx_zone_open", _open)
    md.add_render_rule("docfx_zone_close", _close)


def used_pivots(tokens: list[Token]) -> list[str]:
    """The pivot ids the page's zones use, in order of first use."""
    seen: dict[str, None] = {}
    for token in tokens:
        if token.type == "docfx_zone_open":
            for pivot in pivots_of(token.meta["attrs"]):
                seen.setdefault(pivot, None)
    return list(seen)


def selector_rows(used: list[str], page: Page) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """``(group id, group title, [(pivot, title)])`` per row of the selector: the page's groups
    as the docset defines them (one it does not define is reported), then the pivots its zones
    use that no group has."""
    rows: list[tuple[str, str, list[tuple[str, str]]]] = []
    grouped: set[str] = set()
    for group in page.resolver.pivot_groups() if page.resolver is not None else []:
        if not group.pivots:
            where = page.parses[0].text.position(0) if page.parses else (1, 1)
            page.resolver.report(
                (page.document.path, *where),
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


def selector_html(code: str, rows: list[tuple[str, str, list[tuple[str, str]]]]) -> str:
    """One group of links per row, ``?pivots=id`` each."""
    prompt = ui_text.message(code, "pivot_prompt")
    out = []
    for group, title, pivots in rows:
        own = len(rows) > 1 and title
        label = title if own else prompt.text
        shown = html.escape(label) if own else prompt.html(code)
        links = " ".join(
            f'<a class="docfx-pivot" href="?pivots={quote(pivot, safe="")}" '
            f'data-pivot="{html.escape(pivot)}">{html.escape(name)}</a>'
            for pivot, name in pivots
        )
        out.append(
            f'<div class="{SELECTOR_CLASS}" role="group" aria-label="{html.escape(label)}" '
            f'data-group="{html.escape(group)}"><span class="docfx-pivots__prompt">'
            f"{shown}</span> {links}</div>\n"
        )
    return "".join(out)


def selector(tokens: list[Token], page: Page) -> list[Token]:
    """Page pass: the pivot selector after the first level-1 heading (at the top without one),
    when a zone has a pivot; the pivots' titles for the zones' labels."""
    used = used_pivots(tokens)
    page.data["pivot_titles"] = pivot_titles(page) if used else {}
    if not used:
        return tokens
    block = Token("html_block", "", 0)
    block.content = selector_html(page.code, selector_rows(used, page))
    block.meta = {"generated": True}
    at = 0
    for position, token in enumerate(tokens):
        if token.type == "heading_close" and token.tag == "h1" and token.level == 0:
            at = position + 1
            break
    return [*tokens[:at], block, *tokens[at:]]


UNIT = Unit(
    name="zones",
    install=install,
    page=(PagePass(ORDER, selector),),
    elements={
        "div": frozenset(
            {
                "data-pivot",
                "data-label",
                "data-target",
                "hidden",
                "data-group",
                "role",
                "aria-label",
            }
        ),
        "span": frozenset({"data-pivot", "data-label"}),
        "a": frozenset({"data-pivot"}),
    },
    skeleton={ZONE_CLASS: "*", SELECTOR_CLASS: ""},
    stylesheets=("assets/stylesheets/docfx.css",),
    scripts=("assets/javascripts/docfx.js",),
    strings=("pivot_prompt",),
)
