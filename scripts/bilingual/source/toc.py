"""A source's ``TOC.yml`` (DocFX's table of contents) -> sections of the home page's index.

DocFX writes a table of contents as a YAML list of entries, each with a ``name`` and optionally
an ``href`` (a page, relative to the TOC file) and ``items`` (child entries). The site keeps no
global navigation (its weight would grow with every article); instead the TOC's entries become
headed groups of the home page's index. ``read_toc`` never fails the split: a TOC that is not
valid YAML or not a list of entries is reported as one ``SourceError`` and left out.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bilingual.errors import SourceError

TOC_NAMES = ("TOC.yml", "toc.yml")


@dataclass(frozen=True, slots=True)
class TocEntry:
    """One entry of a table of contents."""

    name: str
    """The entry's text, in the source's language."""
    href: str | None
    """The page it points at, relative to the source folder (``/``-separated), if any."""
    items: list[TocEntry] = field(default_factory=list)
    """Child entries, in order."""

    def articles(self) -> list[str]:
        """Every page path of this entry and its children, in order."""
        own = [self.href] if self.href else []
        return own + [path for item in self.items for path in item.articles()]


def _entries(value: Any, folder: str, path: str) -> list[TocEntry]:
    if not isinstance(value, list):
        raise SourceError(path, 1, 1, "the table of contents is not a list", "'- name: …' entries")
    entries = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str | int | float):
            raise SourceError(path, 1, 1, f"TOC entry {item!r} has no name", "'name: text'")
        href = item.get("href")
        target = None
        if isinstance(href, str) and href.endswith(".md") and "://" not in href:
            target = posixpath.normpath(posixpath.join(folder, href.lstrip("/")))
        entries.append(
            TocEntry(str(item["name"]), target, _entries(item.get("items", []), folder, path))
        )
    return entries


def parse_toc(text: str, path: str = "TOC.yml") -> list[TocEntry]:
    """The entries of a ``TOC.yml`` at ``path`` (relative to the source folder)."""
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        raise SourceError(
            path, line, column, "TOC is not valid YAML", "'- name: …' entries"
        ) from None
    return _entries(value or [], posixpath.dirname(path), path)


def read_toc(source: Path, problems: list[SourceError]) -> list[TocEntry]:
    """The source folder's top-level table of contents (empty when it has none)."""
    for name in TOC_NAMES:
        toc = source / name
        if toc.is_file():
            try:
                return parse_toc(toc.read_text(encoding="utf-8-sig"), name)
            except SourceError as error:
                problems.append(error)
                return []
    return []
