"""Progress of long runs: a counter on stderr when a person is watching, silence otherwise.

The counter is shown when stderr is a terminal and the ``CI`` environment variable is unset;
it rewrites one line (``split: writing 1200/2910``) at most a few times a second.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
INTERVAL = 0.2
"""Seconds between two updates of the counter."""


def shown() -> bool:
    """Whether progress is shown: stderr is a terminal and this is not CI."""
    return not os.environ.get("CI") and sys.stderr.isatty()


def counted(items: Iterable[T], label: str, total: int | None = None) -> Iterator[T]:
    """Yield ``items``, counting them on stderr as ``label done/total`` when ``shown()``;
    ``total`` is ``len(items)`` unless given (for an iterator)."""
    if total is None:
        items = list(items)
        total = len(items)
    if not shown() or not total:
        yield from items
        return
    last = 0.0
    for done, item in enumerate(items, 1):
        now = time.monotonic()
        if now - last >= INTERVAL:
            last = now
            print(f"\r{label} {done}/{total}", end="", file=sys.stderr, flush=True)
        yield item
    print(f"\r{label} {total}/{total}", file=sys.stderr, flush=True)
