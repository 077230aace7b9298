"""Benchmark: splitting a source folder against a bare regex pass over the same files.

Run on demand (``make bench-split SOURCE=dir``), never by pytest. Both sides start from the same
list of files and read and decode every one of them, so reading costs the same on both sides:

- *regex*: read, decode, and ``re.findall`` of the pair pattern over the text;
- *split*: read, decode, ``parse`` into the document model (checked: ids, spans, pairs) and
  ``body_text`` in both languages: the split itself, every segment in its language and the
  text between them in both;
- *page*: the split, then ``render_page`` in both languages: what the site's writer adds to a
  split page (the one parse into tokens, DocFX's constructs, links, the hover spans, the HTML),
  in memory.

The three are run alternately, ``--repeat`` times, and the medians compared. Then the full page
writing, ``tree.split_tree`` into a fresh temporary folder (includes, links, pages, home pages
and media written), is timed ``--write-repeat`` times in one process and in ``workers.jobs()``
processes, alternately. Prints one line per pass, then one line of JSON with the figures,
``ratio`` = split / regex (target: <= 2.0) and ``page_ratio`` = page / regex (no target: the
writer's work, beyond splitting).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bilingual.errors import SourceError
from bilingual.model import Document, Language
from bilingual.pages.page import render_page
from bilingual.pages.tree.language import body_text
from bilingual.source.folder import source_files
from bilingual.source.parse import decode, parse
from bilingual.split import workers
from bilingual.split.full import split_tree

PAIR = re.compile(
    r'<span data-ttu-id="([^"]*)">(.*?)</span><span class="sxs-lookup">'
    r'<span data-stu-id="([^"]*)">(.*?)</span></span>',
    re.DOTALL,
)


def regex_pass(files: list[tuple[Path, str]]) -> int:
    """Read, decode and find every pair with one regular expression; the number of pairs."""
    pairs = 0
    for path, _ in files:
        pairs += len(PAIR.findall(path.read_bytes().decode("utf-8")))
    return pairs


def each_language(
    files: list[tuple[Path, str]], make: Callable[[Document, Language], object]
) -> int:
    """Read, decode and parse every file, then ``make`` each language from the document; the
    number of articles."""
    articles = 0
    for path, name in files:
        try:
            document = parse(decode(path.read_bytes(), name), name)
        except SourceError:
            continue
        make(document, Language.TRANSLATION)
        make(document, Language.ENGLISH)
        articles += 1
    return articles


def split_pass(files: list[tuple[Path, str]]) -> int:
    """The split: each language's text (``body_text``)."""
    return each_language(files, body_text)


def page_pass(files: list[tuple[Path, str]]) -> int:
    """The pages: each language's page as the writer makes it (``render_page``)."""
    return each_language(files, render_page)


def count_segments(files: list[tuple[Path, str]]) -> int:
    """Segments in the sources that parse (for the printout, not timed)."""
    segments = 0
    for path, name in files:
        try:
            segments += len(parse(decode(path.read_bytes(), name), name).segments)
        except SourceError:
            continue
    return segments


def timed(run: Callable[[list[tuple[Path, str]]], int], files: list[tuple[Path, str]]) -> float:
    start = time.perf_counter()
    run(files)
    return time.perf_counter() - start


def timed_write(source: Path, jobs: int) -> float:
    """Seconds of one ``split_tree`` of ``source`` into a fresh folder (removed after, untimed)."""
    folder = Path(tempfile.mkdtemp(prefix="bench-split-"))
    try:
        start = time.perf_counter()
        split_tree(source, folder / "docs", jobs=jobs)
        return time.perf_counter() - start
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("source", type=Path, help="folder of bilingual sources")
    options.add_argument("--repeat", type=int, default=9, help="runs of each side (median)")
    options.add_argument(
        "--write-repeat", type=int, default=3, help="runs of the full page writing (median)"
    )
    args = options.parse_args(argv)
    files = [(p, p.relative_to(args.source).as_posix()) for p in source_files(args.source)]
    if not files:
        print(f"{args.source}: no markdown sources here", file=sys.stderr)
        return 1
    pairs, segments = regex_pass(files), count_segments(files)  # warms the caches too
    page_pass(files)
    regex_times: list[float] = []
    split_times: list[float] = []
    page_times: list[float] = []
    for _ in range(args.repeat):
        regex_times.append(timed(regex_pass, files))
        split_times.append(timed(split_pass, files))
        page_times.append(timed(page_pass, files))
    regex, split = statistics.median(regex_times), statistics.median(split_times)
    page = statistics.median(page_times)
    jobs = workers.jobs()
    one_times: list[float] = []
    jobs_times: list[float] = []
    for _ in range(args.write_repeat):
        one_times.append(timed_write(args.source, 1))
        jobs_times.append(timed_write(args.source, jobs))
    one, parallel = statistics.median(one_times), statistics.median(jobs_times)
    megabytes = sum(path.stat().st_size for path, _ in files) / 1e6
    print(f"regex: {regex * 1000:8.1f} ms median of {args.repeat}  ({pairs} pairs)")
    print(f"split: {split * 1000:8.1f} ms median of {args.repeat}  ({segments} segments)")
    print(f"page:  {page * 1000:8.1f} ms median of {args.repeat}  (both languages' pages)")
    print(f"write: {one * 1000:8.1f} ms median of {args.write_repeat}  (1 process)")
    print(f"write: {parallel * 1000:8.1f} ms median of {args.write_repeat}  ({jobs} processes)")
    figures = {
        "files": len(files),
        "megabytes": round(megabytes, 2),
        "repeat": args.repeat,
        "regex_ms": round(regex * 1000, 1),
        "split_ms": round(split * 1000, 1),
        "ratio": round(split / regex, 2),
        "page_ms": round(page * 1000, 1),
        "page_ratio": round(page / regex, 2),
        "write_repeat": args.write_repeat,
        "write_ms": round(one * 1000, 1),
        "jobs": jobs,
        "write_jobs_ms": round(parallel * 1000, 1),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
