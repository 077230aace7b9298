"""Watch source folders: after a burst of changes, run one function once.

An editor saves in several steps (a temporary file written, renamed over the old one), a
formatter saves again, ``git checkout`` touches hundreds of files: ``SourceHandler`` waits until
no event has come for ``quiet`` seconds, then runs its function once (in a timer thread), so a
burst is one refresh. ``watch`` starts watching folders; ``make serve``'s session
(``live.session``) runs the incremental split and the live site's update this way.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

QUIET = 0.2
"""Seconds without a further event before the function runs (editors save in several steps)."""


class SourceHandler(FileSystemEventHandler):
    """Runs ``run`` once ``quiet`` seconds after the last change of a burst."""

    def __init__(self, run: Callable[[], object], quiet: float = QUIET) -> None:
        self.run, self.quiet = run, quiet
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in ("opened", "closed_no_write"):
            return
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(self.quiet, self.run)
            self.timer.daemon = True
            self.timer.start()


def watch(folders: Iterable[Path], run: Callable[[], object], quiet: float = QUIET) -> BaseObserver:
    """Start watching ``folders`` (and everything below them); ``run`` after each burst of
    changes. Stop the returned observer when done."""
    observer = Observer()
    for folder in folders:
        observer.schedule(SourceHandler(run, quiet), str(folder), recursive=True)
    observer.daemon = True
    observer.start()
    return observer
