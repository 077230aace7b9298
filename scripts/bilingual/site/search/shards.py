"""One language's index as files loaded on demand: chunks of keys, a fragment per page.

``write_language`` takes MkDocs' merged search index, keeps the entries of one language
(``search_index.belongs``), and writes under that language's ``search/``:

* ``search_index.json``: what Material's page fetches and posts to the worker: ``config``
  (the separator Material's page highlighter reads, and ``help``: the analysis, the number of
  entries, the chunk table ``[[first key, file], …]``, the folder of the files relative to the
  worker, a version for the fragments' URLs), and no ``docs``;
* ``index/<hash>.json``: a chunk, ``[[key, spelling, postings, spelling, postings, …], …]`` in
  the order of the keys' UTF-16 code units (JavaScript's string order), about ``CHUNK_BYTES``
  each; postings are pairs ``page - previous page, section << 6 | title count << 4 | text
  count`` (counts capped at 3 and 15);
* ``fragment/<page>.json``: ``{"l": location, "s": [[anchor, title, [sentence, …]], …]}``,
  the page's own entry first (anchor ``""``); plain text, which the worker escapes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilingual.site.search.analysis import Analyzer, analyzer, word_terms
from bilingual.site.search.text import SEPARATOR, SPLIT, plain, sentences

CHUNK_BYTES = 40_000
"""A chunk's size before compression (about 12 KB gzip-compressed)."""
WORKER_TO_SITE = "../../../"
"""From the worker (``assets/javascripts/workers/``) to the site's root."""
FIELDS = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}


@dataclass(slots=True)
class Section:
    """One entry of Material's index: a page's top (anchor ``""``) or one of its sections."""

    anchor: str
    title: str
    sentences: list[str]


@dataclass(slots=True)
class Page:
    """A page's location (relative to its language's root) and its entries, top first."""

    location: str
    sections: list[Section]


def belongs(location: str, prefix: str, other_prefixes: Iterable[str]) -> bool:
    """Whether a search entry's location is a page of the language under ``prefix``."""
    if prefix:
        return location.startswith(prefix)
    return not location.startswith(tuple(other_prefixes))


def pages(docs: Iterable[dict[str, Any]]) -> list[Page]:
    """Material's entries grouped by page, in their order; a page without an entry of its own
    gets one with its first section's title."""
    found: dict[str, Page] = {}
    for doc in docs:
        location, _, anchor = str(doc.get("location", "")).partition("#")
        title = plain(str(doc.get("title", "")))
        tags = doc.get("tags")
        if isinstance(tags, list) and tags:
            title = f"{title} {' '.join(map(str, tags))}".strip()
        section = Section(
            f"#{anchor}" if anchor else "", title, sentences(str(doc.get("text", "")))
        )
        page = found.setdefault(location, Page(location, []))
        page.sections.append(section)
    for page in found.values():
        top = [index for index, section in enumerate(page.sections) if not section.anchor]
        if not top:
            page.sections.insert(0, Section("", page.sections[0].title, []))
        elif top[0] != 0:
            page.sections.insert(0, page.sections.pop(top[0]))
    return list(found.values())


def code(section: int, title: int, text: int) -> int:
    """A posting's second number: the section, the counts in its title and text (capped)."""
    return section << 6 | min(title, 3) << 4 | min(text, 15)


Table = dict[str, dict[str, list[int]]]
"""key -> spelling -> ``[page, code, page, code, …]``."""


def postings(found: list[Page], analysis: Analyzer) -> Table:
    """Every key of the pages' titles and sentences, with its spellings' postings."""
    known: dict[str, list[tuple[str, str]]] = {}  # a word recurs on many pages: analysed once
    table: Table = {}
    for number, page in enumerate(found):
        for index, section in enumerate(page.sections):
            counts: dict[tuple[str, str], list[int]] = {}
            # the sentences split as one text: SPLIT splits at their joining space as well
            texts = (section.title, " ".join(section.sentences))
            for field, text in enumerate(texts):
                for word, times in Counter(SPLIT.split(text.lower())).items():
                    pairs = known.get(word)
                    if pairs is None:
                        pairs = known[word] = word_terms(analysis.key, word) if word else []
                    for pair in pairs:
                        counts.setdefault(pair, [0, 0])[field] += times
            for (word_key, spelling), (title, body) in counts.items():
                table.setdefault(word_key, {}).setdefault(spelling, []).extend(
                    (number, code(index, title, body))
                )
    return table


def utf16(text: str) -> bytes:
    """The sort key that orders strings as JavaScript compares them (by UTF-16 code units)."""
    return text.encode("utf-16-be")


def deltas(flat: list[int]) -> list[int]:
    """``[page, code, …]`` with each page as the difference from the one before."""
    out = list(flat)
    for i in range(len(out) - 2, 0, -2):
        out[i] -= out[i - 2]
    return out


def chunks(table: Table) -> list[tuple[str, str]]:
    """The chunks of ``table``: ``(first key, JSON text)`` each, in key order."""
    found: list[tuple[str, str]] = []
    entries: list[str] = []
    first = ""
    size = 0
    for key in sorted(table, key=utf16):
        item: list[Any] = [key]
        for spelling in sorted(table[key], key=utf16):
            item += [spelling, deltas(table[key][spelling])]
        text = json.dumps(item, ensure_ascii=False, separators=(",", ":"))
        if entries and size + len(text) > CHUNK_BYTES:
            found.append((first, f"[{','.join(entries)}]"))
            entries, size = [], 0
        if not entries:
            first = key
        entries.append(text)
        size += len(text) + 1
    if entries:
        found.append((first, f"[{','.join(entries)}]"))
    return found


def fragment(page: Page) -> str:
    """A page's result fragment as JSON text."""
    sections = [[section.anchor, section.title, section.sentences] for section in page.sections]
    return json.dumps(
        {"l": page.location, "s": sections}, ensure_ascii=False, separators=(",", ":")
    )


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def language_files(
    docs: list[dict[str, Any]], code: str, folder: str
) -> tuple[dict[str, Any], dict[str, str]]:
    """The small index Material fetches, and every other file by its path under ``search/``,
    of the entries ``docs`` of language ``code``; ``folder``: that ``search/`` from the worker."""
    analysis = analyzer(code)
    found = pages(docs)
    files: dict[str, str] = {}
    table = []
    for first, text in chunks(postings(found, analysis)):
        name = f"{digest(text)}.json"
        files[f"index/{name}"] = text
        table.append([first, name])
    for number, page in enumerate(found):
        files[f"fragment/{number}.json"] = fragment(page)
    version = digest("\n".join(f"{path}\n{text}" for path, text in files.items()))
    help_config = {
        "version": version,
        "analysis": analysis.name,
        "lunr": analysis.lunr,
        "folder": folder,
        "entries": sum(len(page.sections) for page in found),
        "pages": len(found),
        "chunks": table,
    }
    config = {
        "lang": [code],
        "separator": SEPARATOR,
        "pipeline": [],
        "fields": FIELDS,
        "help": help_config,
    }
    return {"config": config, "docs": []}, files


def write_language(
    merged: dict[str, Any],
    site: Path,
    prefix: str,
    other_prefixes: list[str],
    code: str,
    reuse: Path | None = None,
) -> None:
    """Write language ``code``'s index (its pages under ``prefix``) into ``site``; with
    ``reuse`` (the language's ``search/`` folder as it is published), each file the same as
    there is linked to it rather than written (a change of a page or two rewrites little)."""
    docs = [
        {**doc, "location": str(doc["location"])[len(prefix) :]}
        for doc in merged.get("docs", [])
        if belongs(str(doc.get("location", "")), prefix, other_prefixes)
    ]
    index, files = language_files(docs, code, f"{WORKER_TO_SITE}{prefix}search/")
    target = site / prefix / "search"
    for kept in ("index", "fragment"):
        shutil.rmtree(target / kept, ignore_errors=True)
        (target / kept).mkdir(parents=True)
    for path, text in files.items():
        if reuse is None or not _linked(reuse / path, target / path, text, path):
            (target / path).write_text(text, encoding="utf-8")
    (target / "search_index.json").write_text(
        json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )


def _linked(old: Path, new: Path, text: str, path: str) -> bool:
    """Link ``new`` to ``old`` when ``old`` holds ``text`` (a chunk's name is its digest: the
    same name, the same text); whether it did."""
    try:
        if not path.startswith("index/") and old.read_text(encoding="utf-8") != text:
            return False
        os.link(old, new)
    except OSError:
        return False
    return True


def read_language(folder: Path) -> list[dict[str, str]]:
    """The entries written into a language's ``search/`` folder, as Material's index held them
    (``location``, ``title``, ``text`` of plain sentences): for tests and checks."""
    index = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    docs = []
    for number in range(int(index["config"]["help"]["pages"])):
        data = json.loads((folder / "fragment" / f"{number}.json").read_text(encoding="utf-8"))
        for anchor, title, found in data["s"]:
            docs.append({"location": data["l"] + anchor, "title": title, "text": " ".join(found)})
    return docs
