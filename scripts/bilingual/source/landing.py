"""Learn's landing pages: a ``### YamlMime:Landing`` YAML file -> a ``Landing``.

The schema, as public docsets use it::

    ### YamlMime:Landing
    title: Dynamics 365 Customer Insights documentation
    summary: Find resources to get started …
    metadata:                     # the page's metadata (ms.date, ms.contentlocale, …)
      title: …
    landingContent:               # one card each
    - title: Get started
      linkLists:
      - linkListType: overview    # overview, how-to-guide, tutorial, get-started, …
        links:
        - text: Product overview
          url: overview.md        # an article, another landing page (index.yml), /a/Learn/path, a URL

Landing pages are not bilingual: their text is the translation's only. ``parse_landing`` raises
a ``SourceError`` when the file cannot be a page (not YAML, not a mapping, no ``title``,
``landingContent`` not a list); a malformed card, list or link is reported into ``problems`` at
``file:line:column`` and left out, the rest of the page kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bilingual.errors import SourceError
from bilingual.source import yamlnodes

MIME = "### YamlMime:Landing"
SHAPE = "'### YamlMime:Landing' then 'title:', 'summary:' and 'landingContent:' cards"


YAML_MIME = re.compile(r"### YamlMime:(?P<kind>[A-Za-z][\w.-]*)")


def yaml_kind(text: str) -> str | None:
    """The type a YAML file's first line names (``### YamlMime:Landing``: ``Landing``)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    found = YAML_MIME.fullmatch(first)
    return found.group("kind") if found else None


def is_landing(text: str) -> bool:
    """Whether a YAML file's text is a landing page (its first line names the Landing type)."""
    return yaml_kind(text) == "Landing"


@dataclass(frozen=True, slots=True)
class LandingLink:
    text: str
    url: str
    line: int = 1
    column: int = 1


@dataclass(frozen=True, slots=True)
class LinkList:
    kind: str
    """Its ``linkListType`` (``overview``, ``how-to-guide`` …; ``""`` when it has none)."""
    links: tuple[LandingLink, ...]


@dataclass(frozen=True, slots=True)
class Card:
    title: str
    lists: tuple[LinkList, ...]


@dataclass(frozen=True, slots=True)
class Landing:
    """One landing page of the docset."""

    path: str
    """Its file, ``SOURCE``-relative (``audience-insights/index.yml``)."""
    title: str
    summary: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    """The scalar values of its ``metadata`` (``ms.date``, ``ms.contentlocale`` …)."""
    cards: tuple[Card, ...] = ()


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


@dataclass(slots=True)
class _Reader:
    path: str
    problems: list[SourceError]

    def report(self, value: Any, what: str, expected: str) -> None:
        line, column = yamlnodes.position(value)
        self.problems.append(SourceError(self.path, line, column, what, expected))

    def links(self, value: Any) -> tuple[LandingLink, ...]:
        if not isinstance(value, list):
            self.report(
                value, "a link list's links are not a list", "'links:' of 'text:' and 'url:'"
            )
            return ()
        found = []
        for item in value:
            text = _text(item.get("text")) if isinstance(item, dict) else None
            url = item.get("url") if isinstance(item, dict) else None
            if text is None or not isinstance(url, str) or not url.strip():
                self.report(item, f"landing link {item!r} has no text or url", "'text:' and 'url:'")
                continue
            line, column = yamlnodes.position(item)
            found.append(LandingLink(text, url.strip(), line, column))
        return tuple(found)

    def lists(self, value: Any) -> tuple[LinkList, ...]:
        if not isinstance(value, list):
            self.report(value, "a card's linkLists are not a list", "'linkLists:' entries")
            return ()
        found = []
        for item in value:
            if not isinstance(item, dict):
                self.report(
                    item, f"link list {item!r} is not a mapping", "'linkListType:', 'links:'"
                )
                continue
            kind = _text(item.get("linkListType")) or ""
            found.append(LinkList(kind, self.links(item.get("links", []))))
        return tuple(found)

    def cards(self, value: Any) -> tuple[Card, ...]:
        found = []
        for item in value:
            title = _text(item.get("title")) if isinstance(item, dict) else None
            if title is None:
                self.report(item, f"landing card {item!r} has no title", "'title:', 'linkLists:'")
                continue
            found.append(Card(title, self.lists(item.get("linkLists", []))))
        return tuple(found)


def parse_landing(text: str, path: str, problems: list[SourceError]) -> Landing:
    """The landing page in ``text`` (the file at ``path``); raises ``SourceError`` when it cannot
    be one, reports malformed cards and links into ``problems``."""
    value = yamlnodes.load(text, path, SHAPE)
    if not isinstance(value, dict):
        raise SourceError(path, 1, 1, "the landing page is not a YAML mapping", SHAPE)
    title = _text(value.get("title"))
    if title is None:
        line, column = yamlnodes.position(value)
        raise SourceError(path, line, column, "the landing page has no title", SHAPE)
    content = value.get("landingContent", [])
    if not isinstance(content, list):
        line, column = yamlnodes.position(content) if content is not None else (1, 1)
        raise SourceError(path, line, column, "landingContent is not a list of cards", SHAPE)
    raw = value.get("metadata")
    metadata = {
        str(key): item
        for key, item in (raw.items() if isinstance(raw, dict) else ())
        if isinstance(item, str | int | float | bool) and key != "title"
    }
    reader = _Reader(path, problems)
    return Landing(path, title, _text(value.get("summary")) or "", metadata, reader.cards(content))
