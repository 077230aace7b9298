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
from typing import Any

SNAPSHOT = ".sources.json"
VERSION = 3


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
    locale: str = ""
    """The translation's Learn locale (``lv-lv``), for the navigation's links."""
    uids: dict[str, str] = field(default_factory=dict)
    """Front matter ``uid`` -> article path (TOC entries may name an article by it)."""
    inputs: dict[str, list[int]] = field(default_factory=dict)
    """Files outside the source the navigation read (the redirection file, outside TOCs):
    absolute path -> ``[mtime_ns, size]``."""
    navigation: list[str] = field(default_factory=list)
    """The files the navigation wrote (home pages, trees, landing pages, redirects)."""
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


def file_stamp(path: Path) -> list[int]:
    """``[mtime_ns, size]`` of one file (``[0, -1]`` when it is gone)."""
    try:
        stat = path.stat()
    except OSError:
        return [0, -1]
    return [stat.st_mtime_ns, stat.st_size]


def snapshot(
    source: Path,
    titles: dict[str, dict[str, str]],
    translation: str,
    docset_paths: list[str],
    given: Any = None,
    navigation: Any = None,
) -> Snapshot:
    """The snapshot of a full split of ``source`` whose translation has site code
    ``translation``; with ``given`` (``navigation.NavigationInput``) and ``navigation`` (its
    ``NavigationReport``), what the navigation needs to be brought up to date."""
    snap = Snapshot(str(source.resolve()), translation, stamps(source), titles, docset_paths)
    if given is not None:
        snap.locale, snap.uids = given.locale, dict(given.uids)
    if navigation is not None:
        snap.inputs = {str(path): file_stamp(path) for path in navigation.inputs}
        snap.navigation = list(navigation.pages)
    return snap


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
