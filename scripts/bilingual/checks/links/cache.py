"""A cache of the URLs the online check found live, so a second run skips them for a while.

Only successes are kept, each with the time it was checked and where it landed; an entry older
than the maximum age is checked again. Failures are never cached: a dead or unknown link is asked
again on every run. The cache is a JSON file (by default ``.cache/links.json``, git-ignored),
written whole through a temporary file. Entries made through a host remap (a local mock server)
are kept apart from real ones: the file records the remap it was filled under, and a run under
another remap starts with an empty cache.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

VERSION = 1
DEFAULT_PATH = Path(".cache") / "links.json"
DEFAULT_MAX_AGE = 7 * 24 * 3600.0


@dataclass(frozen=True, slots=True)
class Entry:
    """A URL found live: when, and where it landed."""

    checked: float
    """Seconds since the epoch."""
    final_url: str


@dataclass(slots=True)
class SuccessCache:
    """Live URLs by ``urls.key``, read from and written to ``path`` (``None``: memory only)."""

    path: Path | None
    max_age: float = DEFAULT_MAX_AGE
    remap: Mapping[str, str] = field(default_factory=dict)
    clock: Callable[[], float] = time.time
    entries: dict[str, Entry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.path is None or not self.path.exists():
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("version") != VERSION or data.get("remap") != dict(self.remap):
                return
            self.entries = {
                url: Entry(float(entry["checked"]), str(entry["final_url"]))
                for url, entry in data["entries"].items()
            }
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            print(f"{self.path}: unreadable link cache ({error}); starting afresh", file=sys.stderr)
            self.entries = {}

    def fresh(self, url: str) -> Entry | None:
        """The entry for ``url`` when it is younger than the maximum age."""
        entry = self.entries.get(url)
        if entry is None or self.clock() - entry.checked > self.max_age:
            return None
        return entry

    def remember(self, url: str, final_url: str) -> None:
        """Record that ``url`` was found live now."""
        self.entries[url] = Entry(self.clock(), final_url)

    def forget(self, url: str) -> None:
        """Drop ``url`` (it failed this time)."""
        self.entries.pop(url, None)

    def save(self) -> None:
        """Write the cache, dropping entries past the maximum age."""
        if self.path is None:
            return
        now = self.clock()
        entries = {
            url: {"checked": entry.checked, "final_url": entry.final_url}
            for url, entry in sorted(self.entries.items())
            if now - entry.checked <= self.max_age
        }
        data = {"version": VERSION, "remap": dict(self.remap), "entries": entries}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        os.replace(temporary, self.path)
