"""Watch a source folder while the site is served: re-split what changed, at once.

``make serve`` serves the pages in ``docs/``; MkDocs watches ``docs/`` and reloads the browser
when a page changes. ``watch_source`` closes the loop: a change under the source folder runs an
incremental split (``incremental.update_tree``) shortly after the last event of a burst, which
rewrites only the pages of the changed sources; MkDocs then sees them change.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from bilingual.split.docsets import split_docsets
from bilingual.split.incremental import Update, update_tree

QUIET = 0.2
"""Seconds without a further event before the update runs (editors save in several steps)."""


class _SourceHandler(FileSystemEventHandler):
    def __init__(self, run: Callable[[], None]) -> None:
        self.run = run
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in ("opened", "closed_no_write"):
            return
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(QUIET, self.run)
            self.timer.daemon = True
            self.timer.start()


def watch_source(source: Path, docs: Path, report: Callable[[Update, float], None]) -> BaseObserver:
    """Start watching ``source``; each update of ``docs`` is passed to ``report`` with its
    duration in seconds. Stop the returned observer when done."""
    return watch_sources([source], docs, report)


def watch_sources(
    sources: list[Path],
    docs: Path,
    report: Callable[[Update, float], None],
    default: str | None = None,
) -> BaseObserver:
    """Start watching ``sources``: one tree is brought up to date incrementally; a site of
    several trees is split again whole (its English comes from every tree). Each update of
    ``docs`` is passed to ``report`` with its duration in seconds. Stop the observer when done."""
    lock = threading.Lock()

    def run() -> None:
        with lock:
            start = time.perf_counter()
            if len(sources) == 1:
                update = update_tree(sources[0], docs)
            else:
                update = Update(full=split_docsets(sources, docs, default=default, jobs=1))
            report(update, time.perf_counter() - start)

    observer = Observer()
    for source in sources:
        observer.schedule(_SourceHandler(run), str(source), recursive=True)
    observer.daemon = True
    observer.start()
    return observer


def report_update(update: Update, seconds: float) -> None:
    """One line on stderr per update: what was re-split, and how long it took."""
    for problem in update.problems:
        print(problem, file=sys.stderr)
    if update.full is not None:
        what = f"full split, {len(update.full.articles)} articles"
    else:
        what = f"{len(update.written)} written, {len(update.removed)} removed"
    print(f"split: {what} in {seconds:.2f} s", file=sys.stderr, flush=True)
