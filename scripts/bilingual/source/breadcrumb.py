"""A docset's breadcrumb TOC (``breadcrumb/toc.yml`` at its root): Learn's breadcrumb, the places
of the site above a docset's pages, each entry naming a Learn path.

Its entries are a tree of ``name`` (the translation's, in a localized docset), ``tocHref`` (the
Learn path the entry covers: a page whose address starts with it shows the entry) and
``topicHref`` (the page the entry opens), ``items`` the entries below::

    - name: Docs
      tocHref: /
      topicHref: /
      items:
        - name: Dynamics 365
          tocHref: /dynamics365/
          topicHref: /dynamics365/
          items:
            - name: Customer Insights
              tocHref: /dynamics365/customer-insights/
              topicHref: /dynamics365/customer-insights/index

The docset's own path on Learn is its ``docfx.json``'s ``breadcrumb_path`` above ``breadcrumb/``
(``Docset.learn_paths``). An entry whose ``tocHref`` is that path, or below it, covers a folder
of the docset (``Crumb.folder``): the docset's root is the site's home page, a folder below it a
place between the home page and the pages of that folder. Entries above the docset (``Docs``,
``Dynamics 365``) are Learn's, not the site's. The breadcrumb TOCs of the corpus name the docset
itself and nothing below it; a larger docset's names its sections too.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import urlsplit

import yaml

from bilingual.source.docset import Docset

BREADCRUMB_TOC = "breadcrumb/toc.yml"
"""The breadcrumb TOC, relative to the docset's root."""
MAX_ENTRIES = 10_000
"""Entries read at most (a breadcrumb TOC has a handful)."""


@dataclass(frozen=True, slots=True)
class Crumb:
    """One entry of the breadcrumb TOC that covers a folder of the docset."""

    name: str
    """Its text, in the translation's language."""
    folder: str
    """The folder it covers, ``SOURCE``-relative (``""``: the docset's root, the home page)."""
    topic: str | None = None
    """The file its ``topicHref`` names, ``SOURCE``-relative, without a suffix (``a/overview``:
    ``a/overview.md`` or ``a/overview.yml``); None when it names none of the docset's."""


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def learn_relative(url: object, base: str) -> str | None:
    """A Learn path (``/dynamics365/customer-insights/a/``) relative to the docset's path on
    Learn ``base`` (``a``; ``""`` for the docset itself), or None when it is not below it.
    A path ending in a TOC file (``a/toc.json``) names that file's folder."""
    if not isinstance(url, str) or not base:
        return None
    parts_of = urlsplit(url.strip())
    path = parts_of.path
    if parts_of.scheme or parts_of.netloc or not path.startswith("/"):
        return None
    parts = [part for part in posixpath.normpath(path).split("/") if part not in ("", ".")]
    root = [part for part in base.split("/") if part]
    if [part.lower() for part in parts[: len(root)]] != [part.lower() for part in root]:
        return None
    rest = parts[len(root) :]
    if ".." in rest:
        return None
    if rest and rest[-1].lower() in ("toc.json", "toc.yml"):
        rest = rest[:-1]
    return "/".join(rest)


def _source_path(relative: str, docset: Docset) -> str | None:
    """A path relative to the docset's root, relative to ``SOURCE`` (None: outside it)."""
    joined = posixpath.normpath(posixpath.join(docset.root_relative, relative or "."))
    if joined == ".":
        return ""
    return None if joined == ".." or joined.startswith("../") else joined


def read_crumbs(docset: Docset) -> list[Crumb]:
    """The entries of the docset's breadcrumb TOC that cover a folder of it (depth first, a
    parent before its children); empty without a breadcrumb TOC, a Learn path in
    ``docfx.json`` or a readable file."""
    bases = docset.learn_paths()
    if not bases:
        return []
    try:
        text = docset.reader.text(docset.root / BREADCRUMB_TOC)
        entries = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []
    found: list[Crumb] = []
    stack = list(reversed(entries)) if isinstance(entries, list) else []
    seen = 0
    while stack and seen < MAX_ENTRIES:
        entry = stack.pop()
        seen += 1
        if not isinstance(entry, dict):
            continue
        items = entry.get("items")
        if isinstance(items, list):
            stack.extend(reversed(items))
        name = _text(entry.get("name"))
        covered = learn_relative(entry.get("tocHref"), bases[0])
        folder = _source_path(covered, docset) if covered is not None else None
        if not name or folder is None:
            continue
        topic = learn_relative(entry.get("topicHref"), bases[0])
        topic_path = _source_path(topic, docset) if topic else None
        found.append(Crumb(name, folder, topic_path or None))
    return found
