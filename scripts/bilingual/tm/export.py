"""``make tm``: the trees of ``SOURCE`` read, their translation memory written.

Each tree is read as the split reads it (``source.tree.read_tree``: its articles and includes,
the files its ``docfx.json`` leaves out skipped, its files' locales checked to agree; YAML pages
hold no pairs and give no units). A tree's language is its translation's
locale (``source.folder.translation_code``, the most common ``ms.contentlocale`` as the split
takes it), written as that locale's canonical BCP 47 tag (``lv-LV``, ``de-DE``): the full tag is
what TMX and XLIFF tools pair a project's languages with. Trees of one language make one
memory.

``tmx`` writes one file for all the languages (``units.joined``); ``xliff``, bilingual, one file
per language, ``<tag>.xlf``, in the folder ``out`` names. By default both go under ``tm/``,
named after the trees' folders (``tm/alchemy-lv-LV.tmx``, ``tm/alchemy-lv-LV+alchemy-de-DE/``).
A file is written beside its place and renamed into it: a reader never sees half of one.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bilingual.errors import SourceError
from bilingual.locales import canonical
from bilingual.model import Document
from bilingual.source.folder import known_code, translation_code
from bilingual.source.tree import read_tree
from bilingual.tm.memory import Memory
from bilingual.tm.tmx import ENGLISH_TAG, tmx_store
from bilingual.tm.units import joined
from bilingual.tm.xliff import xliff_store

FOLDER = Path("tm")
"""Where the memories go by default (git-ignored; ``make clean`` removes it)."""


@dataclass(frozen=True, slots=True)
class Written:
    """One language of a memory written: the summary's line."""

    memory: Memory
    path: Path
    size: int
    """The file's bytes."""
    seconds: float
    """Reading the language's trees and writing its file."""

    @property
    def units(self) -> int:
        """Its translations in the file (its distinct pairs)."""
        return len(self.memory.entries)

    def summary(self) -> str:
        memory = self.memory
        empty = f", {memory.empty} empty left out" if memory.empty else ""
        return (
            f"tm: {memory.tag}: {self.units} units written, {memory.segments} segments read, "
            f"{memory.duplicates} duplicates merged{empty}; {self.path} "
            f"({size_text(self.size)}, {self.seconds:.2f} s)"
        )


@dataclass(slots=True)
class Export:
    """What ``make tm`` wrote, and the problems it met on the way."""

    written: list[Written] = field(default_factory=list)
    problems: list[SourceError] = field(default_factory=list)
    """Sources that do not parse (left out), characters dropped."""
    shared: str = ""
    """For a TMX file of several languages: its own line (its units, its languages)."""

    def lines(self) -> list[str]:
        """The summary: a line per language, then the shared file's line, if any."""
        return [written.summary() for written in self.written] + (
            [self.shared] if self.shared else []
        )


def size_text(size: int) -> str:
    """``2.4 MB``, ``870.1 kB``."""
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.1f} kB"


def tree_tag(documents: list[Document]) -> str:
    """The BCP 47 tag of a tree's translation: its locale as the split takes it
    (``translation_code``), spelled as its sources spell it most, in canonical letter case
    (``lv-lv`` -> ``lv-LV``). Raises ``NoLocaleError`` when no source names one."""
    code = translation_code(documents)
    tags = Counter(
        canonical(document.content_locale)
        for document in documents
        if document.content_locale and known_code(document.content_locale) == code
    )
    return tags.most_common(1)[0][0]


def memories_of(
    sources: Sequence[Path], problems: list[SourceError]
) -> tuple[list[Memory], dict[str, float]]:
    """Every tree read into the memory of its language, in the order the trees were given, and
    the seconds each language's reading took. Sources that do not parse go to ``problems``."""
    memories: dict[str, Memory] = {}
    seconds: dict[str, float] = {}
    for source in sources:
        start = time.perf_counter()
        documents = read_tree(source, problems).documents
        tag = tree_tag(documents)
        memories.setdefault(tag, Memory(tag)).add_all(documents)
        seconds[tag] = seconds.get(tag, 0.0) + time.perf_counter() - start
    return list(memories.values()), seconds


def trees_name(sources: Sequence[Path]) -> str:
    """The trees' folder names, joined by ``+``: a memory's default name, an XLIFF file's
    ``original``."""
    return "+".join(source.resolve().name for source in sources)


def default_out(sources: Sequence[Path], format: str) -> Path:
    """``tm/<trees_name>`` (``.tmx`` for a TMX file)."""
    name = trees_name(sources)
    return FOLDER / (f"{name}.tmx" if format == "tmx" else name)


def write_store(store: Any, path: Path) -> int:
    """``store`` serialised into ``path`` (written beside it, then renamed); its bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    with part.open("wb") as file:
        store.serialize(file)
    os.replace(part, path)
    return path.stat().st_size


def export(sources: Sequence[Path], format: str = "tmx", out: Path | None = None) -> Export:
    """The translation memory of ``sources`` written in ``format`` (``tmx``: the file ``out``;
    ``xliff``: a file per language in the folder ``out``)."""
    target = default_out(sources, format) if out is None else out
    done = Export()
    memories, seconds = memories_of(sources, done.problems)
    for memory in memories:
        done.problems.extend(memory.problems)
    if format == "tmx":
        start = time.perf_counter()
        units = joined(memories)
        size = write_store(tmx_store(units), target)
        writing = time.perf_counter() - start
        for memory in memories:
            done.written.append(Written(memory, target, size, seconds[memory.tag] + writing))
        if len(memories) > 1:
            tags = ", ".join(memory.tag for memory in memories)
            done.shared = f"tm: {target}: {len(units)} units, {ENGLISH_TAG} and {tags}"
        return done
    original = trees_name(sources)
    for memory in memories:
        start = time.perf_counter()
        path = target / f"{memory.tag}.xlf"
        size = write_store(xliff_store(joined([memory]), memory.tag, original), path)
        took = seconds[memory.tag] + time.perf_counter() - start
        done.written.append(Written(memory, path, size, took))
    return done
