"""Where each page's search looks: its language's index, the site's worker.

MkDocs builds the whole site's index into ``search/search_index.json``; mkdocs-static-i18n merges
every language into it. ``search.shards.write_language`` writes one language's index (its pages
live under its URL prefix, the default language's at the root) with locations relative to that
language's root, where the language's pages look for it (``with_search_base``); the site's worker
reads it (``with_search_worker``). The words are split as ``search.text.SEPARATOR`` splits them.
"""

from __future__ import annotations

import json
from functools import lru_cache

from bilingual.site.internals import CONFIG_SCRIPT, MATERIAL_WORKER
from bilingual.site.search.text import SEPARATOR

__all__ = ["SEPARATOR", "with_search_base", "with_search_worker"]


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
protocol over the index ``search.shards`` writes; an index it cannot read (one Material's own
search wrote) goes to Material's worker, named in its URL."""


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
