"""Benchmark: one site of many locales, made from the shared samples by relabelling their locale.

    python tests/benchmarks/bench_locales.py --corpus DIR --locales 8 40 [--work DIR]

The samples (``alchemy-*-sample``: the same 150 articles in de, ja, zh-CN, th-TH, ko-KR, he-IL
and ru-RU) are copied, in turn, into N trees, each given one of the locales Microsoft Learn
serves (``tests/learn_locales.py``, English left out) as its ``ms.contentlocale``: N languages
of the site, each read with its own catalog, Material language and search analysis. For each N
it runs the split and the build (``bench_site.run_phase``: a fresh process each, its wall time,
CPU time and peak memory), then prints a line per N, the time and memory per locale, and the
page figures the site must hold: the median page and the largest, and on one article page in
every language, the number of ``hreflang`` alternates and of languages in its switcher (N + 1,
English included). Last, one JSON line; ``linear``: the build's CPU time per locale at the
largest N over that at the smallest (1.0 when the work per locale does not grow with N).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_site import run_phase
from learn_locales import LEARN_LOCALES

LOCALE = re.compile(r"^ms\.contentlocale:.*$", re.MULTILINE)
ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="([^"]*)"')
SWITCHER = re.compile(r'class="md-select__link"')
MEDIAN_PAGE_KB = 40.0


def locales(count: int) -> list[str]:
    """``count`` locales of distinct site languages, English left out."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    from bilingual.locales import site_code

    chosen: dict[str, str] = {}
    for locale in LEARN_LOCALES:
        code = site_code(locale)
        if code != "en" and not code.startswith("en-") and code not in chosen:
            chosen[code] = locale
    if count > len(chosen):
        raise SystemExit(f"bench: {count} locales asked, {len(chosen)} known")
    return list(chosen.values())[:count]


def relabelled(samples: list[Path], chosen: list[str], work: Path) -> list[Path]:
    """A tree per locale: a sample (in turn) with every file's locale set to it."""
    trees = []
    for index, locale in enumerate(chosen):
        sample = samples[index % len(samples)]
        tree = work / "trees" / locale
        shutil.copytree(sample, tree)
        for page in tree.rglob("*.md"):
            text = page.read_text(encoding="utf-8")
            page.write_text(LOCALE.sub(f"ms.contentlocale: {locale}", text), encoding="utf-8")
        trees.append(tree)
    return trees


def page_figures(site: Path) -> dict[str, float]:
    pages = [path.stat().st_size / 1024 for path in site.rglob("*.html")]
    article = next(
        path
        for path in sorted(site.glob("*/index.html"), key=lambda path: path.parent.name)
        if path.parent.name not in {"assets", "search", "en"}
    )
    text = article.read_text(encoding="utf-8")
    return {
        "pages": len(pages),
        "median_page_kb": round(statistics.median(pages), 1),
        "max_page_kb": round(max(pages), 1),
        "hreflang": len(set(ALTERNATE.findall(text)) - {"x-default"}),
        "switcher": len(SWITCHER.findall(text)),
    }


def bench(samples: list[Path], count: int, work: Path) -> dict[str, float]:
    trees = relabelled(samples, locales(count), work)
    split = run_phase("split", trees, work)
    build = run_phase("build", trees, work)
    figures = page_figures(work / "site")
    line = {
        "locales": count,
        "split_s": round(split[0], 1),
        "build_s": round(build[0], 1),
        "cpu_s": round(split[2] + build[2], 1),
        "build_cpu_per_locale_s": round(build[2] / count, 2),
        "peak_rss_mb": round(max(split[1], build[1])),
        **figures,
    }
    held = figures["median_page_kb"] <= MEDIAN_PAGE_KB and figures["hreflang"] == count + 1
    print(
        f"bench: {count} locales: split {split[0]:.1f} s, build {build[0]:.1f} s "
        f"({build[2] / count:.2f} s CPU a locale), {max(split[1], build[1]):.0f} MB; "
        f"{figures['pages']} pages, median {figures['median_page_kb']} KB (target "
        f"{MEDIAN_PAGE_KB:.0f}), largest {figures['max_page_kb']} KB; an article has "
        f"{figures['hreflang']} hreflang alternates and {figures['switcher']} languages in "
        f"its switcher ({'ok' if held else 'NOT held'})",
        file=sys.stderr,
        flush=True,
    )
    return line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="the shared corpus folder")
    parser.add_argument("--locales", type=int, nargs="+", default=[8, 40])
    parser.add_argument("--work", type=Path, help="a folder to work in (default: a temporary one)")
    args = parser.parse_args()
    samples = sorted(args.corpus.glob("alchemy-*-sample"))
    if not samples:
        raise SystemExit(f"bench: no alchemy-*-sample trees in {args.corpus}")
    lines = []
    for count in sorted(args.locales):
        with tempfile.TemporaryDirectory(dir=args.work) as temporary:
            lines.append(bench(samples, count, Path(temporary)))
    first, last = lines[0], lines[-1]
    linear = last["build_cpu_per_locale_s"] / first["build_cpu_per_locale_s"]
    print(json.dumps({"runs": lines, "linear": round(linear, 2)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
