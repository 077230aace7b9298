"""Media files of a source folder (images, video): the files ``source.files`` classifies as
``media``, by their suffix.

Articles reference media by relative path (``media/x.png``, ``../media/x.png``); the split copies
every media file into each language's docs folder at its source-relative path
(``split.writer.copy_media``). A symlink whose target lies outside the source folder is refused,
not followed (``source.files.read_files`` reports it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from bilingual.errors import SourceError
from bilingual.source.files import MEDIA_SUFFIXES, Kind, SourceFiles, read_files


def is_media(path: Path) -> bool:
    """Whether ``path`` names a media file (by its suffix)."""
    return path.suffix.lower() in MEDIA_SUFFIXES


def media_files(
    source: Path, problems: list[SourceError], files: SourceFiles | None = None
) -> Iterator[Path]:
    """The media files under ``source`` (of ``files``, its files read once; by default read
    now); outside symlinks reported into ``problems``."""
    files = read_files(source) if files is None else files
    problems.extend(problem for problem in files.problems if is_media(Path(problem.path)))
    for path in files.paths(Kind.MEDIA):
        yield source / path
