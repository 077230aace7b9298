"""Benchmark: one source changed, the pages brought up to date (what ``make serve`` does on a save).

    python tests/benchmarks/bench_incremental.py SOURCE [--repeat N]

Run on demand (``make bench-incremental``), never by pytest. It copies ``SOURCE`` into a temporary
folder (the sources themselves are never touched), splits the copy in full, then ``--repeat``
times edits one article (a line added at its end; a different article each time) and times
``incremental.update_tree``, the function the serve watcher calls. Each update must rewrite that
article's two pages and nothing else, without falling back to the full split.

Prints one line per update and, last, one line of JSON: ``files``, ``full_split_s`` (the full
split of the copy, for scale), ``update_ms`` (median), ``update_max_ms``, ``pages_written``
(per update) and ``repeat``. Target: an update in 0.5 s or less.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bilingual.split.full import split_tree
from bilingual.split.incremental import update_tree


def edit(path: Path, number: int) -> None:
    """Add a line to the end of an article and move its time on (a save in an editor)."""
    text = path.read_bytes()
    path.write_bytes(text + f"\nBench edit {number}.\n".encode())
    stamp = path.stat().st_mtime + 1 + number
    os.utime(path, (stamp, stamp))


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("source", type=Path, help="folder of bilingual sources")
    options.add_argument("--repeat", type=int, default=7, help="updates timed (median)")
    args = options.parse_args(argv)
    if not args.source.is_dir():
        print(f"bench: {args.source}: no such folder", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="bench-incremental-") as temporary:
        source, docs = Path(temporary) / "source", Path(temporary) / "docs"
        shutil.copytree(args.source, source)
        start = time.perf_counter()
        split = split_tree(source, docs)
        full_split_s = time.perf_counter() - start
        articles = split.articles
        if not articles:
            print(f"bench: {args.source}: no articles", file=sys.stderr)
            return 2
        step = max(1, len(articles) // args.repeat)
        times, written = [], []
        for number in range(args.repeat):
            article = articles[(number * step) % len(articles)]
            edit(source / article, number)
            start = time.perf_counter()
            update = update_tree(source, docs)
            seconds = time.perf_counter() - start
            if update.full is not None:
                print(f"bench: {article}: the update fell back to a full split", file=sys.stderr)
                return 1
            times.append(seconds * 1000)
            written.append(len(update.written))
            print(
                f"update: {article}: {seconds * 1000:.0f} ms, {len(update.written)} pages written",
                file=sys.stderr,
            )
        figures = {
            "files": len(articles),
            "full_split_s": round(full_split_s, 2),
            "update_ms": round(statistics.median(times), 1),
            "update_max_ms": round(max(times), 1),
            "pages_written": max(written),
            "repeat": args.repeat,
        }
        print(json.dumps(figures))
        return 0 if max(written) == min(written) == 2 else 1


if __name__ == "__main__":
    sys.exit(main())
