"""Learn's hub pages: a ``### YamlMime:Hub`` YAML file -> a ``Hub``.

The schema, as public docsets use it (a docset's root ``index.yml`` is often one)::

    ### YamlMime:Hub
    title: Office Add-ins documentation
    summary: Build solutions that extend Office …
    metadata: …                   # the page's metadata (ms.date, ms.topic: hub-page …)
    highlightedContent:           # a row of links, each with its kind
      items:
      - title: Office Add-ins platform overview
        itemType: overview        # overview, quickstart, learn, whats-new, how-to-guide …
        url: overview/office-add-ins.md
    conceptualContent:            # a section of cards
      title: Developer's journey
      summary: …
      items:
      - title: Explore
        summary: …
        links:
        - text: Get started
          url: overview/learning-path-beginner.md
          itemType: get-started
        footerLink:
          text: More
          url: overview/index.md
    productDirectory:             # a section of cards with an image each
      title: …
      summary: …
      items:
      - title: Design
        imageSrc: images/icon-design.png
        summary: …
        links: [{url: design/design.md, text: Design and prototype}]
    additionalContent:            # sections of cards
      sections:
      - title: …
        summary: …
        items: [{title: …, summary: …, links: […], footerLink: {…}}]
    tools:                        # a section of linked tiles
      title: …
      items:
      - title: Visual Studio Code
        imageSrc: …
        url: https://code.visualstudio.com/

``parse_hub`` raises a ``SourceError`` when the file cannot be a page (not YAML, not a mapping,
no ``title``); a part, card or link of the wrong shape is reported into ``problems`` at
``file:line:column`` and left out, the rest kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bilingual.errors import SourceError
from bilingual.source import yamlnodes
from bilingual.source.yamlpage import PartReader, metadata, page_mapping, plain

MIME = "### YamlMime:Hub"
SHAPE = (
    "'### YamlMime:Hub' then 'title:', 'summary:', 'highlightedContent:', 'conceptualContent:', "
    "'productDirectory:', 'additionalContent:', 'tools:'"
)
LINK_SHAPE = "'text:' (or 'title:') and 'url:'"
CARD_SHAPE = "'title:', 'summary:', 'links:' of 'text:' and 'url:'"
SECTION_SHAPE = "'title:', 'summary:' and 'items:' cards"


@dataclass(frozen=True, slots=True)
class HubLink:
    text: str
    url: str
    kind: str = ""
    """Its ``itemType`` (``overview``, ``quickstart`` …; ``""`` when it has none)."""


@dataclass(frozen=True, slots=True)
class HubCard:
    title: str
    summary: str = ""
    links: tuple[HubLink, ...] = ()
    footer: HubLink | None = None
    """Its ``footerLink``."""
    image: str = ""
    """Its ``imageSrc`` as written."""
    url: str = ""
    """Where the card itself leads (a ``tools`` tile's ``url``)."""


@dataclass(frozen=True, slots=True)
class HubSection:
    title: str
    summary: str = ""
    cards: tuple[HubCard, ...] = ()


@dataclass(frozen=True, slots=True)
class Hub:
    """One hub page of the docset."""

    path: str
    title: str
    summary: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    highlighted: tuple[HubLink, ...] = ()
    """``highlightedContent``'s items."""
    sections: tuple[HubSection, ...] = ()
    """``conceptualContent``, ``productDirectory``, ``additionalContent``'s sections and
    ``tools``, in that order (Learn's)."""


@dataclass(slots=True)
class _HubReader:
    parts: PartReader

    def link(self, container: Any, key: Any) -> HubLink | None:
        item = container[key] if isinstance(container, list) else container.get(key)
        at = yamlnodes.place(container, key)
        text = plain(item.get("text") or item.get("title")) if isinstance(item, dict) else None
        url = plain(item.get("url")) if isinstance(item, dict) else None
        if text is None or url is None:
            self.parts.report(at, f"hub link {item!r} has no text or url", LINK_SHAPE)
            return None
        return HubLink(text, url, plain(item.get("itemType")) or "")

    def links(self, container: Any, key: str) -> tuple[HubLink, ...]:
        found = []
        entries = container.get(key)
        for index, _ in self.parts.items(container, key, f"'{key}'", LINK_SHAPE):
            link = self.link(entries, index)
            if link is not None:
                found.append(link)
        return tuple(found)

    def card(self, entries: Any, index: int) -> HubCard | None:
        item = entries[index]
        title = plain(item.get("title")) if isinstance(item, dict) else None
        if not isinstance(item, dict) or title is None:
            self.parts.report(
                yamlnodes.place(entries, index), "a hub card has no title", CARD_SHAPE
            )
            return None
        footer = self.link(item, "footerLink") if item.get("footerLink") is not None else None
        return HubCard(
            title,
            plain(item.get("summary")) or "",
            self.links(item, "links"),
            footer,
            plain(item.get("imageSrc")) or "",
            plain(item.get("url")) or "",
        )

    def section(self, value: Any, key: Any, name: str) -> HubSection | None:
        part = self.parts.mapping(value, key, name, SECTION_SHAPE)
        if part is None:
            return None
        cards = []
        entries = part.get("items")
        for index, _ in self.parts.items(part, "items", f"{name}'s items", CARD_SHAPE):
            card = self.card(entries, index)
            if card is not None:
                cards.append(card)
        title = plain(part.get("title")) or ""
        if not title and not cards:
            self.parts.report(yamlnodes.place(value, key), f"{name} is empty", SECTION_SHAPE)
            return None
        return HubSection(title, plain(part.get("summary")) or "", tuple(cards))


def parse_hub(text: str, path: str, problems: list[SourceError]) -> Hub:
    """The hub page in ``text`` (the file at ``path``); raises ``SourceError`` when it cannot be
    one, reports malformed parts, cards and links into ``problems``."""
    value, title = page_mapping(text, path, "the hub page", SHAPE)
    reader = _HubReader(PartReader(path, problems))
    highlighted = reader.parts.mapping(value, "highlightedContent", "highlightedContent", SHAPE)
    links = reader.links(highlighted, "items") if highlighted is not None else ()
    sections = [
        reader.section(value, "conceptualContent", "conceptualContent"),
        reader.section(value, "productDirectory", "productDirectory"),
    ]
    additional = reader.parts.mapping(value, "additionalContent", "additionalContent", SHAPE)
    if additional is not None:
        entries = additional.get("sections")
        sections += [
            reader.section(entries, index, "an additionalContent section")
            for index, _ in reader.parts.items(
                additional, "sections", "additionalContent's sections", SECTION_SHAPE
            )
        ]
    sections.append(reader.section(value, "tools", "tools"))
    return Hub(
        path,
        title,
        plain(value.get("summary")) or "",
        metadata(value.get("metadata")),
        links,
        tuple(section for section in sections if section is not None),
    )
