"""What the last split saw: each source file's stamp and each article's titles.

``split.full.split_tree`` saves a snapshot beside the pages (``docs/.sources.json``); the next
incremental split (``split.incremental.update_tree``) compares the source folder with it and redoes
only the files whose stamp (modification time and size) changed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields
from pathlib import Path

SNAPSHOT = ".sources.json"
VERSION = 2


@dataclass(slots=True)
class Snapshot:
    """The source folder as the pages in ``docs/`` were made from it."""

    source: str
    """The source folder, resolved."""
    translation: str
    """The translation's site code (the site's default language)."""
    stamps: dict[str, list[int]] = field(default_factory=dict)
    """Every file under the source (relative path) -> ``[mtime_ns, size]``."""
    titles: dict[str, dict[str, str]] = field(default_factory=dict)
    """Every article written (relative path) -> its title per site code."""
    docset_paths: list[str] = field(default_factory=list)
    """The docset's paths on Learn, as the full split found them (``Writer.of``)."""
    version: int = VERSION


def stamps(source: Path) -> dict[str, list[int]]:
    """``[mtime_ns, size]`` of every file under ``source`` (hidden files and folders skipped)."""
    found: dict[str, list[int]] = {}
    folders = [(str(source), "")]
    while folders:
        folder, prefix = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir():
                    folders.append((entry.path, f"{prefix}{entry.name}/"))
                elif entry.is_file():
                    stat = entry.stat()
                    found[prefix + entry.name] = [stat.st_mtime_ns, stat.st_size]
    return found


def snapshot(
    source: Path, titles: dict[str, dict[str, str]], translation: str, docset_paths: list[str]
) -> Snapshot:
    """The snapshot of a full split of ``source`` whose translation has site code
    ``translation``."""
    return Snapshot(str(source.resolve()), translation, stamps(source), titles, docset_paths)


def save(docs: Path, snap: Snapshot) -> None:
    data = {name: getattr(snap, name) for name in SNAPSHOT_FIELDS}
    (docs / SNAPSHOT).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def load(docs: Path) -> Snapshot | None:
    """The saved snapshot, or ``None`` when there is none or it is from another version."""
    try:
        data = json.loads((docs / SNAPSHOT).read_text(encoding="utf-8"))
        snap = Snapshot(**data)
    except (OSError, ValueError, TypeError):
        return None
    return snap if snap.version == VERSION else None


SNAPSHOT_FIELDS = tuple(f.name for f in fields(Snapshot))
