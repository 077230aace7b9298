"""Units -> a TMX 1.4b file, through translate-toolkit (``translate.storage.tmx.tmxfile``).

The header says ``srclang="en-US"``; each ``<tu>`` holds the English ``<tuv>`` first, then one
``<tuv xml:lang="…">`` per language that translates it. Where a pair was read is kept in
``<prop>`` elements of the ``<tu>`` (where OmegaT, Trados and memoQ read them; TMX allows props in
a ``<tuv>`` too, but those are not read), three per occurrence, in reading order and always in
this order, so that the n-th of each type belong together:

- ``x-path``: the source's path, relative to its ``SOURCE``;
- ``x-segment-id``: the pair's id (``b2fcb-104``);
- ``x-locfileid``: the source's ``ms.locfileid`` (empty for a source without one, an include).

Each prop's ``xml:lang`` names the language whose source it describes, so a unit shared by
several languages says which tree each place is in. Segment text is text: markup in it is
escaped, never read as TMX's inline elements.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from translate.misc.xml_helpers import setXMLlang
from translate.storage.tmx import tmxfile

from bilingual.tm.memory import Entry
from bilingual.tm.units import Unit

ENGLISH_TAG = "en-US"
"""The source language: the English Microsoft writes its articles in (Learn's ``en-us``)."""
PROPS = ("x-path", "x-segment-id", "x-locfileid")


def _props(tu: Any, tag: str, entry: Entry) -> None:
    """The props of ``entry``'s occurrences, before the ``<tu>``'s first ``<tuv>``."""
    element = tu.xmlelement
    index = element.index(element.find(tu.namespaced("tuv")))
    for occurrence in entry.occurrences:
        values = (occurrence.path, occurrence.segment_id, occurrence.locfileid)
        for kind, value in zip(PROPS, values, strict=True):
            prop = element.makeelement(tu.namespaced("prop"), {"type": kind})
            setXMLlang(prop, tag)
            prop.text = value
            element.insert(index, prop)
            index += 1


def tmx_store(units: Sequence[Unit]) -> Any:
    """A ``tmxfile`` holding ``units``, English as its source language."""
    store = tmxfile(sourcelanguage=ENGLISH_TAG)
    for unit in units:
        tu = store.addsourceunit(unit.english)
        for tag, entry in unit.translations.items():
            tu.settarget(entry.translation, tag, append=True)
            _props(tu, tag, entry)
    return store
