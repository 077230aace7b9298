"""The files of a docset, each read from disk once per split.

A split asks for some files many times: ``docfx.json`` for the docset's root, its content globs,
its title and its redirects; a TOC file to find what it nests and again to read it; a YAML page to
find its type and again to write it. ``Reader`` reads each file once and keeps the bytes of those
asked for again (``keep``: small files of the docset's navigation and data); markdown sources and
code files, read once each by their own stage, are read through it but not kept.
``tests/source/test_reader.py`` counts every file a split opens, and holds each to one.

The reader belongs to the docset (``source.docset.Docset.reader``): every stage that holds the
docset reads through it. What it keeps is bounded (``KEEP_TOTAL``: a docset of thousands of YAML
reference pages is read again past it, rather than held in memory), and a worker process gets a
reader of its own, empty (the bytes kept are the parent's stages' to read, not sent to each
worker).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

KEEP_LIMIT = 1_000_000
"""The largest file whose bytes are kept for a second reader, in bytes."""
KEEP_TOTAL = 64_000_000
"""The most bytes kept at once; a file read past it is read again by its next reader."""


@dataclass(slots=True)
class Reader:
    """Files by absolute path, read once; the bytes of the kept ones."""

    kept: dict[Path, bytes] = field(default_factory=dict)
    failed: dict[Path, OSError] = field(default_factory=dict)
    """Files that could not be read (missing, a folder, no permission): the error, raised again."""
    budget: int = KEEP_TOTAL
    """Bytes that may still be kept."""

    def __getstate__(self) -> dict[str, object]:
        """A worker's reader starts empty: the bytes kept stay in this process."""
        return {"kept": {}, "failed": {}, "budget": KEEP_TOTAL}

    def __setstate__(self, state: dict[str, object]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)

    def data(self, path: Path, *, keep: bool = True) -> bytes:
        """The bytes of the file at ``path``; raises ``OSError`` as reading it does. ``keep``:
        keep them for the next reader (if small)."""
        found = self.kept.get(path)
        if found is not None:
            return found
        failed = self.failed.get(path)
        if failed is not None:
            raise failed
        try:
            data = path.read_bytes()
        except OSError as error:
            self.failed[path] = error
            raise
        if keep and len(data) <= min(KEEP_LIMIT, self.budget):
            self.kept[path] = data
            self.budget -= len(data)
        return data

    def text(self, path: Path, *, keep: bool = True) -> str:
        """The text of the UTF-8 file at ``path`` (a byte order mark dropped); raises ``OSError``
        or ``UnicodeDecodeError``."""
        return self.data(path, keep=keep).decode("utf-8-sig")
