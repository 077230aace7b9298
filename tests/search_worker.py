"""The site's search worker (``overrides/…/help-search.js``) run under Node by
``tests/search_worker.js``: its analysis of words, and results rendered from fragments."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bilingual.site.internals import LUNR
from bilingual.site.search.text import SEPARATOR

RUNNER = Path(__file__).with_name("search_worker.js")
KNOWN_ITEMS = Path(__file__).with_name("search_known_item.js")
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="Node.js is not installed (CI installs it)")


def run(request: dict[str, Any]) -> Any:
    request = {"lunrFolder": LUNR.as_uri() + "/", "separator": SEPARATOR, **request}
    done = subprocess.run(
        [str(NODE), str(RUNNER)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    )
    return json.loads(done.stdout)


def analyse(analysis: str, lunr: str | None, texts: list[str]) -> dict[str, list[Any]]:
    """The worker's terms, folds and Latvian stems of ``texts``."""
    return dict(run({"analysis": analysis, "lunr": lunr, "texts": texts}))


def render(config: dict[str, Any], query: str, fragments: list[Any]) -> list[list[dict[str, str]]]:
    """Each section of each fragment as the worker renders it as a result of ``query``."""
    out = run({"render": {"config": config, "query": query, "fragments": fragments}})
    return list(out)


def known_items(site: Path, prefix: str, queries: list[str], most: int = 5) -> list[list[str]]:
    """The first ``most`` results (page locations) of each query, as the site's own worker in
    ``site`` answers it for the language at ``prefix`` (``""``, ``de/``), from the built files."""
    if NODE is None:
        raise RuntimeError("Node.js is needed to run the site's search worker")
    workers = sorted((site / "assets" / "javascripts" / "workers").glob("help-search*.js"))
    request = {
        "site": str(site),
        "prefix": prefix,
        "worker": workers[0].relative_to(site).as_posix(),
        "lunrFolder": LUNR.as_uri() + "/",
        "queries": queries,
        "most": most,
    }
    done = subprocess.run(
        [NODE, str(KNOWN_ITEMS)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    )
    return list(json.loads(done.stdout))
