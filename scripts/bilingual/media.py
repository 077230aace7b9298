"""Media files of a source folder (images, video) -> the same relative place in each language.

Articles reference media by relative path (``media/x.png``, ``../media/x.png``). Copying every
media file into each language's docs folder at its source-relative path keeps those paths valid
from both languages' pages, at any folder depth, and lets MkDocs rewrite them for directory URLs.
A symlink whose target lies outside the source folder is refused, not followed.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

from .errors import SourceError

MEDIA_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".ico", ".mp4", ".webm"}
)


class MediaError(SourceError):
    """A media file that cannot be published (a symlink pointing out of the source folder)."""


def is_media(path: Path) -> bool:
    """Whether ``path`` names a media file (by its suffix)."""
    return path.suffix.lower() in MEDIA_SUFFIXES


def media_files(source: Path, problems: list[SourceError]) -> Iterator[Path]:
    """The media files under ``source`` (hidden folders skipped); outside symlinks reported."""
    root = source.resolve()
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() not in MEDIA_SUFFIXES or not path.is_file():
            continue
        if not path.resolve().is_relative_to(root):
            problems.append(
                MediaError(
                    relative.as_posix(),
                    1,
                    1,
                    "symlink points outside the source folder",
                    "a media file inside the source folder",
                )
            )
            continue
        yield path


def copy_media(source: Path, targets: list[Path], problems: list[SourceError]) -> int:
    """Copy every media file of ``source`` into each folder of ``targets``; the count copied."""
    count = 0
    for path in media_files(source, problems):
        relative = path.relative_to(source)
        for target in targets:
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
        count += 1
    return count
