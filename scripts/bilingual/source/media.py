"""Media files of a source folder (images, video), found by their suffix.

Articles reference media by relative path (``media/x.png``, ``../media/x.png``); the split copies
every media file into each language's docs folder at its source-relative path
(``split.writer.copy_media``). A symlink whose target lies outside the source folder is refused,
not followed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from bilingual.errors import SourceError
from bilingual.source.folder import is_hidden

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
        if is_hidden(relative):
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
