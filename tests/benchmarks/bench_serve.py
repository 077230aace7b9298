"""Benchmark: ``make serve`` as an author uses it, save to screen, on a copy of SOURCE.

    python tests/benchmarks/bench_serve.py --source SOURCE [SOURCE …] [--edits N]

Run on demand (``make bench-serve``), never by pytest. It copies each SOURCE tree into a
temporary folder (the sources themselves are never touched), then:

1. times ``bilingual site`` of the copy (what ``make site`` does), for scale;
2. starts ``bilingual serve`` of the copy on a free loopback port, a real server in its own
   process, and times its startup (until ``/.live/status`` answers);
3. saves real edits of the copy, as an editor saves (a temporary file renamed over the source),
   and polls the served page until the change appears: ``--edits`` translations of different
   articles, then the English of one, a title, an include, the TOC, a new image, an article
   added and one deleted. Each is one line: its kind, the file, the seconds from the save to
   the served change, and the server's log line for it;
4. brings that first site up to date with the edits (``bilingual site``, untimed), then
   times ``bilingual site`` after one more edit (a warm ``make site``).

Prints one line of JSON last: ``startup_s`` and ``site_s`` (their ratio against 1.25),
``median_s`` of the article edits (against 1 s), ``worst_s`` of every edit, whatever its kind
(against 2 s, ``worst_kind`` naming it), every edit's seconds,
and ``warm_site_s`` (against 3 s).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
PYTHON = [sys.executable, "-m", "bilingual"]
ENV = {**os.environ, "PYTHONPATH": str(PROJECT / "scripts")}
TRANSLATION = re.compile(r'<span data-ttu-id="([^"]+)">([^<]{8,})</span>')
ENGLISH = re.compile(r'<span data-stu-id="([^"]+)">([^<]{8,})</span>')
TITLE = re.compile(r"^title: *(.+)$", re.M)
TIMEOUT = 300.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def save(path: Path, text: str) -> None:
    """Save as an editor does: a temporary file beside, renamed over the source."""
    temporary = path.with_name(f".{path.name}.bench")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.status, answer.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_for(check: Callable[[], bool], started: float) -> float:
    """Seconds from ``started`` until ``check`` holds (polled every 10 ms)."""
    while time.perf_counter() - started < TIMEOUT:
        if check():
            return time.perf_counter() - started
        time.sleep(0.01)
    raise SystemExit(f"bench: no change served within {TIMEOUT:.0f} s")


def address(article: str, prefix: str = "") -> str:
    """The page of ``article`` (a source path) under a language's ``prefix``."""
    return f"{prefix}{article.removesuffix('.md')}/"


def articles_with_segments(source: Path, count: int) -> list[str]:
    """``count`` articles spread over the tree, each with a translated segment to edit."""
    found = sorted(
        path.relative_to(source).as_posix()
        for path in source.rglob("*.md")
        if path.name.lower() not in ("index.md", "toc.md")
        and "includes" not in path.parts
        and TRANSLATION.search(path.read_text(encoding="utf-8", errors="replace"))
        and TITLE.search(path.read_text(encoding="utf-8", errors="replace"))
    )
    step = max(1, len(found) // (count + 4))
    return [found[(i * step) % len(found)] for i in range(count + 4)]


class Served:
    """``bilingual serve`` in a process of its own, its log collected."""

    def __init__(self, sources: list[Path], root: Path, default: str | None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        command = [*PYTHON, "serve", "--source", *map(str, sources)]
        command += ["--docs", str(root / "docs"), "--site", str(root / "site")]
        command += ["--address", f"127.0.0.1:{self.port}"]
        command += ["--default", default] if default else []
        root.mkdir(parents=True, exist_ok=True)
        self.log = root / "serve.log"
        self.process = subprocess.Popen(
            command, env=ENV, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=self.log.open("w")
        )

    def lines(self) -> list[str]:
        return [
            line
            for line in self.log.read_text(encoding="utf-8").splitlines()
            if line.startswith("serve: ")
        ]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def site(sources: list[Path], root: Path, default: str | None) -> float:
    command = [*PYTHON, "site", "--source", *map(str, sources)]
    command += ["--docs", str(root / "docs"), "--site", str(root / "site")]
    command += ["--default", default] if default else []
    started = time.perf_counter()
    subprocess.run(command, env=ENV, cwd=PROJECT, check=True, capture_output=True)
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--source", type=Path, nargs="+", required=True)
    options.add_argument("--edits", type=int, default=5, help="article edits timed (median)")
    options.add_argument("--default", default=None, help="the site's default language")
    args = options.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as temporary:
        root = Path(temporary)
        sources = []
        for number, tree in enumerate(args.source):
            copy = root / f"source-{number}" / tree.name
            shutil.copytree(tree, copy)
            sources.append(copy)
        site_s = site(sources, root / "built", args.default)
        print(f"site: {site_s:.1f} s (make site of the copy)", file=sys.stderr)
        started = time.perf_counter()
        served = Served(sources, root / "served", args.default)
        try:
            wait_for(lambda: get(served.url + ".live/status")[0] == 200, started)
            startup_s = time.perf_counter() - started
            print(f"startup: {startup_s:.1f} s", file=sys.stderr)
            times = edits(served, sources[0], args.edits)
        finally:
            served.stop()
        site(sources, root / "built", args.default)  # the serve's edits caught up: untimed
        source = sources[0]
        article = articles_with_segments(source, 1)[0]
        text = (source / article).read_text(encoding="utf-8")
        save(source / article, text + "\nWarm edit.\n")
        warm_site_s = site(sources, root / "built", args.default)
        print(
            f"warm site: {warm_site_s:.2f} s after one edit (target 3 s: "
            f"{'met' if warm_site_s <= 3 else 'MISSED'})",
            file=sys.stderr,
        )
    kinds = {kind: round(seconds, 2) for kind, seconds in times}
    edited = [seconds for kind, seconds in times if kind.startswith(("translation", "english"))]
    worst_kind, worst = max(times, key=lambda timed: timed[1])
    figures = {
        "sources": [str(s) for s in args.source],
        "site_s": round(site_s, 2),
        "startup_s": round(startup_s, 2),
        "startup_ratio": round(startup_s / site_s, 2),
        "startup_target": 1.25,
        "median_s": round(statistics.median(edited), 2),
        "worst_s": round(worst, 2),
        "worst_kind": worst_kind,
        "targets_s": [1.0, 2.0],
        "edits": kinds,
        "warm_site_s": round(warm_site_s, 2),
        "warm_site_target_s": 3.0,
    }
    print(
        f"edits: median {figures['median_s']} s (target 1 s: "
        f"{'met' if edited and statistics.median(edited) <= 1 else 'MISSED'}), worst "
        f"{figures['worst_s']} s, {worst_kind} (target 2 s: {'met' if worst <= 2 else 'MISSED'}); "
        f"startup {figures['startup_ratio']} x make site (target 1.25: "
        f"{'met' if startup_s / site_s <= 1.25 else 'MISSED'})",
        file=sys.stderr,
    )
    print(json.dumps(figures, ensure_ascii=False))
    return 0


def edits(served: Served, source: Path, count: int) -> list[tuple[str, float]]:
    """Every kind of edit, saved and timed until served; ``(kind, seconds)`` each."""
    chosen = articles_with_segments(source, count)
    times: list[tuple[str, float]] = []
    generation = 0

    def timed(kind: str, path: str, check: Callable[[], bool], started: float) -> None:
        seen = len(served.lines())
        seconds = wait_for(check, started)
        settle(served, generation)
        time.sleep(0.1)  # the log line comes as the change settles
        lines = served.lines()[seen:]
        print(f"edit: {kind} {path}: {seconds:.2f} s; {' | '.join(lines)}", file=sys.stderr)
        times.append((kind, seconds))

    for number, article in enumerate(chosen[:count]):
        text = (source / article).read_text(encoding="utf-8")
        found = TRANSLATION.search(text)
        assert found is not None
        marker = f"Benchmark{number}"
        edited = text[: found.end(2)] + f" {marker}" + text[found.end(2) :]
        url = served.url + address(article)
        generation, started = status(served), time.perf_counter()
        save(source / article, edited)
        timed(
            f"translation{number}",
            article,
            lambda marker=marker, url=url: marker in get(url)[1],  # type: ignore[misc]
            started,
        )

    article = chosen[count]
    text = (source / article).read_text(encoding="utf-8")
    found = ENGLISH.search(text)
    assert found is not None
    url = served.url + address(article, "en/")
    generation, started = status(served), time.perf_counter()
    save(source / article, text[: found.end(2)] + " EnglishEdit" + text[found.end(2) :])
    timed("english", article, lambda: "EnglishEdit" in get(url)[1], started)

    article = chosen[count + 1]
    text = (source / article).read_text(encoding="utf-8")
    title = TITLE.search(text)
    assert title is not None
    url = served.url + address(article)
    generation, started = status(served), time.perf_counter()
    save(source / article, text[: title.start(1)] + "TitleEdit " + text[title.start(1) :])
    timed("title", article, lambda: "<title>TitleEdit" in get(url)[1], started)

    includes = sorted(source.rglob("includes/*.md"))
    if includes:
        include = includes[0]
        before = status(served)
        generation, started = status(served), time.perf_counter()
        save(include, include.read_text(encoding="utf-8") + "\nIncludeEdit.\n")
        timed("include", include.relative_to(source).as_posix(), changed(served, before), started)

    tocs = sorted(source.rglob("[Tt][Oo][Cc].yml"))
    if tocs:
        toc = tocs[0]
        text = toc.read_text(encoding="utf-8")
        name = re.search(r"name: *(.+)", text)
        if name is not None:
            before = status(served)
            generation, started = status(served), time.perf_counter()
            save(toc, text[: name.start(1)] + "TocEdit " + text[name.start(1) :])
            timed("toc", toc.relative_to(source).as_posix(), changed(served, before), started)

    media = sorted(p for p in source.rglob("*.png") if "includes" not in p.parts)
    if media:
        image = media[0].with_name("bench-new-image.png")
        url = served.url + image.relative_to(source).as_posix()
        generation, started = status(served), time.perf_counter()
        shutil.copyfile(media[0], image)
        timed("image", image.relative_to(source).as_posix(), lambda: get(url)[0] == 200, started)

    article = chosen[count + 2]
    added = Path(article).with_name("bench-added.md").as_posix()
    url = served.url + address(added)
    generation, started = status(served), time.perf_counter()
    save(source / added, (source / article).read_text(encoding="utf-8"))
    timed("added", added, lambda: get(url)[0] == 200, started)

    article = chosen[count + 3]
    url = served.url + address(article)
    generation, started = status(served), time.perf_counter()
    (source / article).unlink()
    timed("deleted", article, lambda: get(url)[0] == 404, started)
    return times


def status(served: Served) -> int:
    return int(json.loads(get(served.url + ".live/status")[1])["generation"])


def changed(served: Served, before: int) -> Callable[[], bool]:
    """Whether a change after generation ``before`` is served."""
    return lambda: status(served) > before


def settle(served: Served, after: int) -> None:
    """Wait until a change after generation ``after`` is served and settled (its search files
    written), and no other follows within half a second."""
    deadline = time.perf_counter() + TIMEOUT
    while time.perf_counter() < deadline:
        found = json.loads(get(served.url + ".live/status")[1])
        if found["generation"] > after and found["settled"]:
            time.sleep(0.5)
            if json.loads(get(served.url + ".live/status")[1]) == found:
                return
        time.sleep(0.05)


if __name__ == "__main__":
    raise SystemExit(main())
