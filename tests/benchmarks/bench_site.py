"""Benchmark: split + build of a whole source folder against a plain MkDocs build of its pages.

    python tests/benchmarks/bench_site.py --source DIR [DIR …] [--scale N] [--work DIR] [--keep]

Run on demand (``make bench``), never by pytest. In one run, side by side, it measures

* ``split_s``: ``python -m bilingual split`` of the source into fresh pages (wall time);
* ``build_s``: the project's MkDocs build of those pages (``mkdocs_site.build``);
* ``baseline_s``: a plain ``mkdocs build`` of the same pages with Material and search and no
  navigation (a nav of the two home pages only; no i18n plugin, no extensions);

each phase in its own process, which reports its own peak memory (``ru_maxrss`` of itself and
its largest child: the build's languages are built by worker processes beside it, ``jobs``
of them at once). It prints one line per phase on stderr and, last, one JSON line with
``split_s``, ``build_s``, ``baseline_s``, ``ratio`` ((split + build) / baseline), ``pages``
(HTML pages), ``site_mb`` (everything under the site, media included), ``median_page_kb``,
``max_page_kb``, ``search_index_kb`` and ``home_kb`` (the home page) per language and ``peak_rss_mb`` (split or build), and
the CPU time of each phase (``cpu_s``, ``cpu_ratio``): less disturbed than wall time when other
work shares the machine. ``--repeat N`` runs the three phases N times in turn and keeps the
fastest of each.

With ``--scale N`` (N > 1) it first measures the source as it is, then a copy with every article
N times under new names (generated into the work folder), and adds ``scale`` and
``time_ratio`` ((split + build) at N x over at 1 x) to the last line.

With several sources (one site of several locales) it first measures the first source alone,
then the whole site, and adds ``locales`` and ``locale_time_ratio`` ((split + build) of every
locale over that of one) to the last line.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[2]
SCRIPTS = PROJECT / "scripts"
BASELINE_CONFIG = """\
site_name: baseline
docs_dir: {docs}
site_dir: {site}
theme:
  name: material
plugins:
  - search
nav:
{nav}
not_in_nav: |
  *.md
"""


def cpu_s() -> float:
    """CPU time (user and system) of this process and its waited-for children, in seconds."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def peak_rss_mb() -> float:
    """Peak resident memory of this process plus that of its largest waited-for child, in MB:
    the build's worker processes run beside it, so the sum is the bound (an upper one: the two
    peaks need not be at the same moment)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024


def jobs() -> int:
    """The processes the split and the build may use (``--jobs``' default)."""
    sys.path.insert(0, str(SCRIPTS))
    from bilingual.split import workers

    return workers.jobs()


def phase(name: str, sources: list[Path], work: Path) -> None:
    """Run one phase in this process; print its peak memory as the last line of stdout."""
    sys.path.insert(0, str(SCRIPTS))
    docs, site = work / "docs", work / "site"
    if name == "split":
        from bilingual.cli import main

        status = main(["split", "--source", *map(str, sources), "--docs", str(docs)])
        if status:
            raise SystemExit(status)
    elif name == "build":
        from bilingual.site.build import build
        from bilingual.site.languages import split_languages

        languages = split_languages(docs)
        assert languages is not None, "split first"
        build(languages[0], docs, site)
    else:
        from mkdocs.commands.build import build as mkdocs_build
        from mkdocs.config import load_config

        config = load_config(str(work / "baseline.yml"))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    print(json.dumps({"peak_rss_mb": peak_rss_mb(), "cpu_s": cpu_s()}))


def run_phase(name: str, sources: list[Path], work: Path) -> tuple[float, float, float]:
    """Wall time, peak memory and CPU time of one phase, run in a fresh process."""
    env = dict(os.environ, CI="1", NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(SCRIPTS))
    command = [sys.executable, __file__, "--phase", name, "--source", *map(str, sources)]
    start = time.perf_counter()
    done = subprocess.run(
        [*command, "--work", str(work)], env=env, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"bench: phase {name} failed with exit code {done.returncode}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return seconds, float(figures["peak_rss_mb"]), float(figures["cpu_s"])


def search_index_kb(site: Path, codes: list[str]) -> dict[str, float]:
    """Size of the search index per language (the default's at the site's root): everything
    under its ``search/`` folder (the small index Material fetches, the chunks, the fragments),
    the other languages' folders left out."""
    sizes: dict[str, float] = {}
    for index, code in enumerate(codes):
        folder = site / ("" if index == 0 else code) / "search"
        files = [path for path in folder.rglob("*") if path.is_file()] if folder.is_dir() else []
        if files:
            sizes[code] = sum(path.stat().st_size for path in files) / 1024
    return {code: round(kb, 1) for code, kb in sizes.items()}


def site_figures(site: Path, codes: list[str]) -> dict[str, Any]:
    pages = [path.stat().st_size for path in site.rglob("*.html")]
    total = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    return {
        "pages": len(pages),
        "site_mb": round(total / 2**20, 1),
        "median_page_kb": round(statistics.median(pages) / 1024, 1),
        "max_page_kb": round(max(pages) / 1024, 1),
        "search_index_kb": search_index_kb(site, codes),
        "home_kb": home_kb(site, codes),
    }


def home_kb(site: Path, codes: list[str]) -> dict[str, float]:
    """Size of each language's home page (the default's at the site's root)."""
    homes = {code: site / ("" if i == 0 else code) / "index.html" for i, code in enumerate(codes)}
    return {
        code: round(path.stat().st_size / 1024, 1) for code, path in homes.items() if path.is_file()
    }


def scaled_copy(source: Path, target: Path, scale: int) -> Path:
    """``source`` with every article ``scale`` times (``name.md``, ``name-x2.md``, …); media,
    ``includes/``, ``index.md`` and tables of contents once."""
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if not path.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        once = (
            path.suffix != ".md"
            or "includes" in relative.parts[:-1]
            or relative.as_posix() == "index.md"
        )
        for copy in range(1 if once else scale):
            name = relative if copy == 0 else relative.with_name(f"{path.stem}-x{copy + 1}.md")
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / name)
    return target


def bench(sources: list[Path], work: Path, repeat: int = 1) -> dict[str, Any]:
    """Split, build and baseline of ``sources`` side by side, ``repeat`` times in turn; the
    figures (the fastest of each phase: the least disturbed by other work on the machine)."""
    runs: dict[str, list[tuple[float, float, float]]] = {"split": [], "build": [], "baseline": []}
    codes: list[str] = []
    for _ in range(repeat):
        for name in ("docs", "site", "site-baseline"):
            shutil.rmtree(work / name, ignore_errors=True)
        for name in ("split", "build", "baseline"):
            if name == "baseline":
                manifest = json.loads((work / "docs" / ".pages.json").read_text(encoding="utf-8"))
                codes = [str(code) for code in manifest["languages"]]
                nav = "\n".join(f"  - {code}/index.md" for code in codes)
                config = BASELINE_CONFIG.format(
                    docs=work / "docs", site=work / "site-baseline", nav=nav
                )
                (work / "baseline.yml").write_text(config, encoding="utf-8")
            seconds, memory, cpu = run_phase(name, sources, work)
            runs[name].append((seconds, memory, cpu))
            print(
                f"bench: {name} {seconds:.1f} s ({cpu:.1f} s CPU), {memory:.0f} MB",
                file=sys.stderr,
            )
    split_s, build_s, baseline_s = (min(r[0] for r in runs[n]) for n in runs)
    split_cpu, build_cpu, baseline_cpu = (min(r[2] for r in runs[n]) for n in runs)
    return {
        "source": " ".join(map(str, sources)),
        "split_s": round(split_s, 2),
        "build_s": round(build_s, 2),
        "baseline_s": round(baseline_s, 2),
        "ratio": round((split_s + build_s) / baseline_s, 3),
        **site_figures(work / "site", codes),
        "peak_rss_mb": round(max(r[1] for n in ("split", "build") for r in runs[n])),
        "cpu_s": {
            "split": round(split_cpu, 2),
            "build": round(build_cpu, 2),
            "baseline": round(baseline_cpu, 2),
        },
        "cpu_ratio": round((split_cpu + build_cpu) / baseline_cpu, 3),
        "jobs": jobs(),
        "repeat": repeat,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--source", type=Path, nargs="+", required=True, help="bilingual source trees: one site"
    )
    parser.add_argument("--scale", type=int, default=1, help="also bench N copies of each article")
    parser.add_argument("--work", type=Path, default=None, help="work folder (default: in /tmp)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument(
        "--repeat", type=int, default=1, help="run each phase N times, keep the fastest"
    )
    parser.add_argument("--phase", choices=["split", "build", "baseline"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        phase(args.phase, args.source, args.work)
        return 0
    missing = [source for source in args.source if not source.is_dir()]
    if missing:
        print(f"bench: {missing[0]}: no such folder", file=sys.stderr)
        return 2
    sources = [source.resolve() for source in args.source]
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-site-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if len(sources) > 1:
            one = bench(sources[:1], work / "one-locale", args.repeat)
            print(json.dumps(one), flush=True)
        figures = bench(sources, work / "x1", args.repeat)
        if len(sources) > 1:
            figures["locales"] = len(sources)
            figures["locale_time_ratio"] = round(
                (figures["split_s"] + figures["build_s"]) / (one["split_s"] + one["build_s"]), 3
            )
        if args.scale > 1:
            print(json.dumps(figures), flush=True)
            copies = [
                scaled_copy(source, work / f"source-x{args.scale}" / source.name, args.scale)
                for source in sources
            ]
            scaled = bench(copies, work / f"x{args.scale}", args.repeat)
            time_1 = figures["split_s"] + figures["build_s"]
            scaled["scale"] = args.scale
            scaled["time_ratio"] = round((scaled["split_s"] + scaled["build_s"]) / time_1, 3)
            figures = scaled
        print(json.dumps(figures), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
