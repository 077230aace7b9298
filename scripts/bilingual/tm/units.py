"""The units of a translation memory file: one English text, and a translation per language.

With one language, a unit is an entry (one distinct pair). With several (``SOURCE`` naming a
tree per locale), the units are keyed by their English: the languages that translate the same
English share a unit, which holds the English and one translation of each. A language that
translates that English in two ways needs a second unit: the n-th unit of an English holds the
n-th distinct translation of every language that has that many (in the order each was first
read), so an English has as many units as its most varied language has translations, and each
entry is in exactly one unit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bilingual.tm.memory import Entry, Memory


@dataclass(frozen=True, slots=True)
class Unit:
    """One English text and at most one translation per language."""

    english: str
    translations: dict[str, Entry]
    """By language tag, in the memories' order."""


def joined(memories: Sequence[Memory]) -> list[Unit]:
    """The units of ``memories`` (one per language), in the order their English was first read
    (the first memory's first, then what the next ones add)."""
    by_english: dict[str, dict[str, list[Entry]]] = {}
    for memory in memories:
        for entry in memory.entries.values():
            by_english.setdefault(entry.english, {}).setdefault(memory.tag, []).append(entry)
    units = []
    for english, languages in by_english.items():
        for rank in range(max(len(entries) for entries in languages.values())):
            translations = {
                tag: entries[rank] for tag, entries in languages.items() if rank < len(entries)
            }
            units.append(Unit(english, translations))
    return units
