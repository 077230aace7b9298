"""Zone pivot groups: the pivots a page's selector offers, as the docset defines them.

An article that selects between variants of itself (``:::zone pivot="csharp"`` …) names its
groups in its front matter (``zone_pivot_groups: dev-lang`` or ``dev-lang, os``); the docset's
``zone-pivot-groups.yml`` (``### YamlMime:ZonePivotGroups``, at the docset root or a folder above
it within the repository) defines each group::

    groups:
    - id: dev-lang
      title: Programming languages
      prompt: Choose a programming language
      pivots:
      - id: csharp
        title: C#

The file is untrusted like every source: entries that are not of this shape are left out, text
values are kept as text (the writer escapes them).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bilingual.source.docset import Docset
from bilingual.source.frontmatter import YamlLoader

FILE = "zone-pivot-groups.yml"
FRONT_MATTER_KEY = "zone_pivot_groups"


@dataclass(frozen=True, slots=True)
class PivotGroup:
    """One group of pivots: its id, title, prompt and ``(id, title)`` pivots in order."""

    id: str
    title: str
    prompt: str
    pivots: tuple[tuple[str, str], ...]


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else str(value) if isinstance(value, int) else ""


def read_groups(text: str) -> dict[str, PivotGroup]:
    """The groups of a ``zone-pivot-groups.yml`` text by id (nothing when it is not that shape)."""
    try:
        loaded = yaml.load(text, Loader=YamlLoader)  # noqa: S506 - the safe (C) loader
    except yaml.YAMLError:
        return {}
    entries = loaded.get("groups") if isinstance(loaded, dict) else None
    groups: dict[str, PivotGroup] = {}
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or not _text(entry.get("id")):
            continue
        raw = entry.get("pivots")
        pivots = tuple(
            (_text(pivot.get("id")), _text(pivot.get("title")) or _text(pivot.get("id")))
            for pivot in (raw if isinstance(raw, list) else [])
            if isinstance(pivot, dict) and _text(pivot.get("id"))
        )
        group_id = _text(entry["id"])
        groups[group_id] = PivotGroup(
            group_id, _text(entry.get("title")), _text(entry.get("prompt")), pivots
        )
    return groups


def find_file(root: Path, repository: Path) -> Path | None:
    """The ``zone-pivot-groups.yml`` of the docset at ``root``: in it or the nearest folder above
    it, up to ``repository``."""
    folder = root
    while True:
        if (folder / FILE).is_file():
            return folder / FILE
        if folder == repository or folder.parent == folder or not folder.is_relative_to(repository):
            return None
        folder = folder.parent


def load_groups(docset: Docset) -> dict[str, PivotGroup]:
    """The docset's pivot groups by id (none when it has no readable file)."""
    found = find_file(docset.root, docset.repository)
    if found is None:
        return {}
    try:
        return read_groups(docset.reader.text(found))
    except (OSError, UnicodeDecodeError):
        return {}


def named_groups(metadata: dict[str, Any]) -> list[str]:
    """The group ids a page's front matter names (``zone_pivot_groups: a, b`` or a list)."""
    value = metadata.get(FRONT_MATTER_KEY)
    items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
    return [
        name.strip()
        for item in items
        if isinstance(item, str)
        for name in item.split(",")
        if name.strip()
    ]
