"""One language's units -> an XLIFF 1.2 file, through translate-toolkit
(``translate.storage.xliff.xlifffile``).

XLIFF is bilingual: one file per target language, ``source-language="en-US"`` and its
``target-language`` on the ``<file>``, whose ``original`` names the trees it was read from. A
``<trans-unit>`` holds the English as ``<source>``, the translation as ``<target
state="translated">``, its first segment id as ``resname``, and one ``<context-group
purpose="location">`` per place the pair was read at: ``sourcefile`` (the source's path, relative
to its ``SOURCE``) and ``linenumber``, which translate-toolkit, Virtaal and Poedit show as the
unit's locations, and ``x-segment-id`` and ``x-locfileid`` (XLIFF 1.2's ``x-`` context types).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lxml import etree
from translate.storage.xliff import xlifffile

from bilingual.tm.tmx import ENGLISH_TAG
from bilingual.tm.units import Unit

SKELETON = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
    '<file original="NoName" datatype="plaintext"><body/></file>'
    "</xliff>"
)
"""An empty XLIFF 1.2 file (translate-toolkit's own empty file is XLIFF 1.1)."""
OCCURRENCE = "x-occurrence"
"""The name of each place's context group."""


def xliff_store(units: Sequence[Unit], tag: str, original: str) -> Any:
    """An ``xlifffile`` of ``units``' translations into ``tag`` (units without one are left
    out), its ``<file original>`` ``original``."""
    store = xlifffile.parsestring(SKELETON.encode("utf-8"))
    store.setsourcelanguage(ENGLISH_TAG)
    store.settargetlanguage(tag)
    store.setfilename(next(store.document.getroot().iterchildren()), original)
    number = 0
    for unit in units:
        entry = unit.translations.get(tag)
        if entry is None:
            continue
        number += 1
        trans_unit = store.UnitClass(unit.english)
        trans_unit.setid(str(number))
        store.addunit(trans_unit)
        trans_unit.settarget(entry.translation)
        trans_unit.xmlelement.set("resname", entry.occurrences[0].segment_id)
        for occurrence in entry.occurrences:
            contexts = [
                ("sourcefile", occurrence.path),
                ("linenumber", str(occurrence.line)),
                ("x-segment-id", occurrence.segment_id),
                ("x-locfileid", occurrence.locfileid),
            ]
            trans_unit.createcontextgroup(OCCURRENCE, contexts, "location")
    etree.cleanup_namespaces(store.document)  # the XLIFF 1.1 namespace new units are made in
    return store
