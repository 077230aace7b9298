"""The registry: every DocFX construct and reader feature, each one ``Unit`` (``tree.unit``).

``UNITS`` lists them; ``markdown`` builds the one parser with each unit's rules (once per
process); ``source_passes`` and ``page_passes`` are their passes in order. The sanitizer's
allowlist (``site.sanitize``), the site's stylesheets and scripts (``site.events``) and the
parity skeleton (``checks.skeleton``) are read from here, not kept apart.
"""

from __future__ import annotations

import functools

from bilingual.pages.docfx import (
    alerts,
    autolinks,
    code,
    divs,
    forms,
    images,
    includes,
    math,
    monikers,
    nolocs,
    rows,
    tabs,
    videos,
    xrefs,
    zones,
)
from bilingual.pages.reader import fences, headings, hover, links, side_by_side
from bilingual.pages.tree import html, parser
from bilingual.pages.tree.parser import Markdown
from bilingual.pages.tree.reading import to_tokens_rule
from bilingual.pages.tree.unit import PagePass, SourcePass, Unit

UNITS: tuple[Unit, ...] = (
    alerts.UNIT,
    divs.UNIT,
    videos.UNIT,
    includes.UNIT,
    code.UNIT,
    xrefs.UNIT,
    nolocs.UNIT,
    images.UNIT,
    zones.UNIT,
    monikers.UNIT,
    rows.UNIT,
    forms.UNIT,
    tabs.UNIT,
    math.UNIT,
    autolinks.UNIT,
    headings.UNIT,
    fences.UNIT,
    links.UNIT,
    hover.UNIT,
    side_by_side.UNIT,
)
"""Every unit. Their rules are installed in this order (a rule placed before or after another
rule names it, so the order matters only between units that name each other's rules)."""


@functools.cache
def markdown(raw_html: bool = True) -> Markdown:
    """The parser: CommonMark, segment-aware, with every unit's rules; ``raw_html=False``: raw
    HTML read as text (the markdown of a YAML page's values, ``yaml_markdown``)."""
    md = Markdown()
    html.install(md)
    md.options["html"] = raw_html
    md.core.ruler.after("block", "segment_markers", parser.insert_markers)
    md.core.ruler.after("inline", "inline_places", parser.place_inline)
    md.core.ruler.after("inline_places", "segment_tokens", to_tokens_rule)
    for unit in UNITS:
        if unit.install is not None:
            unit.install(md)
    return md


@functools.cache
def source_passes() -> tuple[SourcePass, ...]:
    return tuple(sorted((step for unit in UNITS for step in unit.source), key=lambda s: s.order))


@functools.cache
def page_passes() -> tuple[PagePass, ...]:
    return tuple(sorted((step for unit in UNITS for step in unit.page), key=lambda s: s.order))


def elements() -> dict[str, set[str]]:
    """Every element the units' markup uses, with the attributes it needs."""
    found: dict[str, set[str]] = {}
    for unit in UNITS:
        for element, names in unit.elements.items():
            found.setdefault(element, set()).update(names)
    return found


def skeleton_classes() -> dict[str, str]:
    """Every class the units' markup uses that ``make parity`` reads as a block, or not."""
    found: dict[str, str] = {}
    for unit in UNITS:
        found.update(unit.skeleton)
    return found


def assets() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The stylesheets and the scripts the units bring, each once, in order."""
    sheets = tuple(dict.fromkeys(sheet for unit in UNITS for sheet in unit.stylesheets))
    scripts = tuple(dict.fromkeys(script for unit in UNITS for script in unit.scripts))
    return sheets, scripts
