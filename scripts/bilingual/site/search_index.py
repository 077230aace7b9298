"""One search index per site language, with error codes kept as single tokens.

MkDocs builds the whole site's index into ``search/search_index.json``; mkdocs-static-i18n merges
every language into it. ``language_index`` keeps one language's entries (its pages live under
its URL prefix, the default language's at the root) with locations relative to that language's
root, where the language's pages look for it (``with_search_base``).

``SEPARATOR`` splits words on white space and punctuation but keeps ``401``, ``403``,
``0x80070005``, ``AADSTS50011`` and ``5.7.750`` whole: a ``/`` or parenthesis splits
(``401/403``, ``(0x80070005)``), a dot splits only where no digit follows (``5.7.750.``).
Languages without a lunr stemmer (Latvian, among others) get no stemmer, stop words or trimmer;
English none of lunr's stemming (the site's worker searches its words as written); the others
(German, Japanese, Arabic …) lunr's stemmer and stop words for their language.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from typing import Any

from bilingual.site.internals import CONFIG_SCRIPT, MATERIAL_WORKER

SEPARATOR = r"""[\s\-,:;!?=\[\](){}"'`/|\\\u00ab\u00bb\u201c\u201d\u201e\u2018\u2019\u2026]+|\.(?!\d)|&[lg]t;"""
ENGLISH_PIPELINE = ["stopWordFilter"]
"""English is searched by the site's own worker from postings built here: words as written."""
STEMMED_PIPELINE = ["stemmer", "stopWordFilter"]
"""The languages handed to Material's lunr worker (de, ja, ar …) keep their own stemmer."""


def belongs(location: str, prefix: str, other_prefixes: list[str]) -> bool:
    """Whether a search entry's location is a page of the language under ``prefix``."""
    if prefix:
        return location.startswith(prefix)
    return not location.startswith(tuple(other_prefixes))


def language_index(
    index: dict[str, Any], prefix: str, other_prefixes: list[str], stemmer: str | None
) -> dict[str, Any]:
    """The entries of one language, located from its root, with its own lunr settings.

    ``prefix`` is the language's URL prefix (``en/``; ``""`` for the default language);
    ``other_prefixes`` are the other languages' prefixes; ``stemmer`` is the lunr language
    to stem with (``en``, ``de``), or ``None`` where lunr has none.
    """
    config = dict(index.get("config", {}))
    config["separator"] = SEPARATOR
    if stemmer is None:
        # lunr's English functions are the defaults; naming them with an empty pipeline removes them.
        config["lang"], config["pipeline"] = ["en"], []
    else:
        config["lang"] = [stemmer]
        config["pipeline"] = ENGLISH_PIPELINE if stemmer == "en" else STEMMED_PIPELINE
    docs = [
        {**entry, "location": entry["location"][len(prefix) :]}
        for entry in index.get("docs", [])
        if belongs(entry["location"], prefix, other_prefixes)
    ]
    if config["lang"] == ["en"]:
        # The site's worker reads these instead of indexing the pages in the reader's browser.
        config["postings"] = postings(docs, list(config.get("fields", {})))
    return {**index, "config": config, "docs": docs}


TAG = re.compile(r"<[^>]*>")


def words(text: str) -> list[str]:
    """The lower-cased words of ``text`` (HTML), split as the site's search splits them."""
    plain = html.unescape(TAG.sub(" ", text)).lower()
    return [word for word in re.split(SEPARATOR, plain) if word]


def postings(docs: list[dict[str, Any]], fields: list[str]) -> dict[str, list[int]]:
    """word -> flat ``[entry, field, count, ...]`` over the entries' fields, for the worker."""
    found: dict[str, list[int]] = {}
    for number, doc in enumerate(docs):
        for field_number, field in enumerate(fields):
            value = doc.get(field)
            if value is None:
                continue
            text = " ".join(map(str, value)) if isinstance(value, list) else str(value)
            counts: dict[str, int] = {}
            for word in words(text):
                counts[word] = counts.get(word, 0) + 1
            for word, count in counts.items():
                found.setdefault(word, []).extend((number, field_number, count))
    return found


def with_search_base(page: str, code: str) -> str:
    """A page whose Material ``__config`` ``base`` is its language's root (``…/en/``)."""
    return CONFIG_SCRIPT.sub(lambda match: _rebased(match.group(0), code), page, count=1)


@lru_cache(maxsize=256)
def _rebased(script: str, code: str) -> str:
    # Cached, as _with_worker: the pages of one folder depth carry the same config.
    opening, config_text, closing = CONFIG_SCRIPT.fullmatch(script).groups()  # type: ignore[union-attr]
    config = json.loads(config_text)
    # A trailing slash: the browser resolves the index and result URLs against it.
    config["base"] = str(config.get("base", ".")).rstrip("/") + f"/{code}/"
    text = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
    return opening + text + closing


HELP_WORKER = "help-search.js"
"""The site's own search worker (``overrides/assets/javascripts/workers/``): Material's message
protocol over a plain inverted index; it hands languages that need lunr to Material's worker."""


def with_search_worker(page: str) -> str:
    """A page whose search runs in the site's own worker, which knows Material's as a fallback."""
    return CONFIG_SCRIPT.sub(lambda match: _with_worker(match.group(0)), page, count=1)


@lru_cache(maxsize=256)
def _with_worker(script: str) -> str:
    # Cached: every page of a folder depth carries the same config (its ``base`` differs by depth).
    opening, config_text, closing = CONFIG_SCRIPT.fullmatch(script).groups()  # type: ignore[union-attr]
    config = json.loads(config_text)
    worker = MATERIAL_WORKER.match(str(config.get("search", "")))
    if worker is None:
        return script
    config["search"] = f"{worker['folder']}{HELP_WORKER}?material={worker['material']}"
    text = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
    return opening + text + closing
