"""What the last split saw: each source file's stamp, each article's titles and uid.

``split.full.split_tree`` saves a snapshot beside the pages (``docs/.sources.json``); the next
incremental split (``split.incremental.update_tree``) compares the source folder with it and redoes
only the files whose stamp (modification time and size) changed. The cross reference map
(``uids``: every article with a ``uid:``, its titles and ``fullName``) lets the update resolve
xrefs on the pages it writes exactly as the full split did, without reading every article.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from bilingual.pages.docfx.context import XrefTarget

SNAPSHOT = ".sources.json"
TREES = ".trees.json"
"""A site of several trees (one docset): one snapshot per tree, in the site's order."""
VERSION = 5


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
    xref_targets: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Every article with a ``uid:`` (relative path) -> its cross reference target
    (``target_record``)."""
    reads: dict[str, list[str]] = field(default_factory=dict)
    """Each article (relative path) -> the includes and code files its pages read."""
    version: int = VERSION

    def targets(self) -> list[XrefTarget]:
        """The cross reference targets the last split saw."""
        return [target_from(record) for record in self.xref_targets.values()]


def target_record(target: XrefTarget) -> dict[str, Any]:
    """A cross reference target as the snapshot keeps it (JSON)."""
    return {
        "uid": target.uid,
        "path": target.path,
        "titles": [target.translation_title, target.english_title],
        "fullName": target.full_name,
        "nameWithType": target.name_with_type,
    }


def target_from(record: dict[str, Any]) -> XrefTarget:
    """The target of a snapshot's record."""
    translation, english = record["titles"]
    return XrefTarget(
        record["uid"],
        record["path"],
        translation,
        english,
        record["fullName"],
        record["nameWithType"],
    )


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
    targets: Iterable[XrefTarget] = (),
    reads: dict[str, list[str]] | None = None,
) -> Snapshot:
    """The snapshot of a full split of ``source`` whose translation has site code
    ``translation``; with ``given`` (``navigation.NavigationInput``) and ``navigation`` (its
    ``NavigationReport``), what the navigation needs to be brought up to date; ``targets`` the
    articles with a uid (``uids.target_of``); ``reads`` each article's includes and code files."""
    snap = Snapshot(str(source.resolve()), translation, stamps(source), titles, docset_paths)
    if given is not None:
        snap.locale, snap.uids = given.locale, dict(given.uids)
    if navigation is not None:
        snap.inputs = {str(path): file_stamp(path) for path in navigation.inputs}
        snap.navigation = list(navigation.pages)
    snap.xref_targets = {target.path: target_record(target) for target in targets}
    snap.reads = dict(reads or {})
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


def save_trees(docs: Path, snaps: list[Snapshot]) -> None:
    """Save the snapshots of a site of several trees (``incremental_trees``)."""
    data = [{name: getattr(snap, name) for name in SNAPSHOT_FIELDS} for snap in snaps]
    (docs / TREES).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def load_trees(docs: Path) -> list[Snapshot] | None:
    """The saved snapshots of a site of several trees, or ``None`` (none, or another version)."""
    try:
        data = json.loads((docs / TREES).read_text(encoding="utf-8"))
        snaps = [Snapshot(**item) for item in data]
    except (OSError, ValueError, TypeError):
        return None
    return snaps if snaps and all(snap.version == VERSION for snap in snaps) else None
