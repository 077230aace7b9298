"""Media files (images, PDFs) of a source folder -> the translation's folder of the pages.

Articles link their images relatively (``media/picture.png``). The files are copied once, into
the translation's folder at the same relative path; the English pages find them there through
static-i18n's fallback to the default language, so no file is stored twice.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

MEDIA_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".ico", ".pdf", ".mp4", ".webm"}
)


def is_media(path: Path) -> bool:
    """A file the site serves as it is (by its suffix, case ignored)."""
    return path.suffix.lower() in MEDIA_SUFFIXES


def media_files(source: Path) -> Iterator[Path]:
    """The media files under ``source``, relative to it (hidden folders skipped), sorted."""
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if path.is_file() and is_media(path) and not any(p.startswith(".") for p in relative.parts):
            yield relative


def copy_media(source: Path, folder: Path) -> list[str]:
    """Copy every media file of ``source`` to the same relative path under ``folder``."""
    copied = []
    for relative in media_files(source):
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / relative, target)
        copied.append(relative.as_posix())
    return copied
