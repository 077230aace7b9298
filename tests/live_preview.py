"""A live preview session for tests: ``make serve``'s ``Session`` over a copy of a tree, on a
free loopback port, with the helpers an author's edits need (save as an editor saves, wait until
the change is served and settled)."""

from __future__ import annotations

import json
import os
import shutil
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bilingual.live.session import Session
from bilingual.split.full import split_trees
from conftest import FIXTURES


@dataclass
class Served:
    """A running session over a copy of ``tests/fixtures/tree``."""

    source: Path
    url: str
    session: Session
    log: list[str] = field(default_factory=list)

    def status(self) -> dict[str, object]:
        with urllib.request.urlopen(self.url + ".live/status", timeout=10) as answer:
            found: dict[str, object] = json.loads(answer.read())
        return found

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def settle(self, after: int, timeout: float = 90) -> dict[str, object]:
        """The status once a change after generation ``after`` is served and settled, and no
        other change follows within half a second (the watcher's bursts)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = self.status()
            if int(str(status["generation"])) > after and status["settled"]:
                time.sleep(0.5)
                again = self.status()
                if again == status:
                    return status
            time.sleep(0.05)
        raise AssertionError(f"no settled change after {after}: {self.status()}; {self.log}")

    def save(self, relative: str, text: str) -> dict[str, object]:
        """Save a source as an editor does (a temporary file renamed over it), and wait for it."""
        before = int(str(self.status()["generation"]))
        path = self.source / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.swp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
        return self.settle(before)

    def edit(self, relative: str, old: str, new: str) -> dict[str, object]:
        text = (self.source / relative).read_text(encoding="utf-8")
        assert old in text, (relative, old)
        return self.save(relative, text.replace(old, new, 1))


@contextmanager
def serving(root: Path, tree: Path = FIXTURES / "tree") -> Iterator[Served]:
    """``make serve`` of a copy of ``tree`` (under ``root``) on a free loopback port."""
    with serving_trees(root, [tree]) as served:
        yield served


@contextmanager
def serving_trees(root: Path, trees: list[Path]) -> Iterator[Served]:
    """``make serve`` of copies of ``trees`` (one site; the first tree's is ``source``)."""
    sources = []
    for tree in trees:
        source = root / "source" if len(trees) == 1 else root / "sources" / tree.name
        shutil.copytree(tree, source)
        sources.append(source)
    split = split_trees(sources, root / "docs")
    log: list[str] = []
    session = Session(sources, root / "docs", root / "site", split.translation)
    session.report = log.append
    url = session.start("127.0.0.1:0")
    try:
        yield Served(sources[0], url, session, log)
    finally:
        session.stop()
