"""Search in Chromium on a cold page, per language: bytes before the first result, and the time
from the first keystroke to the first result on loopback and on a throttled connection.

    python tests/benchmarks/bench_search.py --site SITE [--page PATH] [--runs N] [QUERY ...]
    python tests/benchmarks/bench_search.py --source SOURCE --scale N [...]

The site is served on 127.0.0.1 as a static host serves it (``webserver.StaticHostHandler``:
HTTP/1.1 kept open, text gzip-compressed), from a process of its own. For each language of the site (the translation at
the root, every other under ``<code>/``) and each query (error codes and words of that
language), a fresh browser context (empty cache) opens a page, waits for its ``load`` event,
then types the query at 30 ms a key (a letter no key gives, like ``ā`` or ``パ``, is inserted as
text, then the End key pressed: Material reads the box on a key's release). Measured in the page (``performance.now()``): the first
key's ``keydown`` to the first result in the list (a query nothing matches: to "no matching
documents"). Run twice: on loopback, and throttled with Chromium's network emulation
(``Network.emulateNetworkConditions``: 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency).

Bytes: every request of the search (the worker, ``search/…`` files, lunr's stemmer) that had
finished when the first result showed, as the browser's network events report its body on the
wire (gzip-compressed); the worker's own script, whose size Chromium does not report, is
counted as its file gzip-compressed at level 6. Each figure is printed against its target
(``TARGETS``). ``--scale N``: the same on a site built from a copy of ``SOURCE`` with every
article N times (``bench_site.scaled_copy``), in a temporary folder.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, Request, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from chromium import executable, launch
from webserver import serve_apart

CODES = ["0x8004de40", "AADSTS50011", "5.7.750", "0x80070005", "401", "403"]
WORDS = {
    "lv": ["autentifikacijas kluda", "kļūda", "parole", "paroli", "parolēm"],
    "en": ["authentication error", "passwords", "mailbox"],
    "de": ["fur", "Kennwort", "Einstellungen"],
    "ja": ["パスワード", "メール"],
    "ar": ["كلمة المرور"],
}
TARGETS = {"bytes_kb": 150.0, "loopback_ms": 300.0, "throttled_ms": 1500.0}
SCALED_BYTES_KB = 300.0
THROTTLE = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1_600_000 / 8,
    "uploadThroughput": 750_000 / 8,
}

WATCH = """() => {
  window.__bench = {};
  const output = document.querySelector(".md-search-result");
  const meta = output.querySelector(".md-search-result__meta");
  let placeholder = meta.textContent;
  new MutationObserver(() => {
    const now = performance.now();
    if (!("key" in window.__bench)) {
      placeholder = meta.textContent;  // "Initializing search" -> "Type to start searching"
      return;
    }
    if (output.querySelector(".md-search-result__item") && !("results" in window.__bench)) {
      window.__bench.results = now;
      window.__bench.wall = Date.now();
    }
    if (meta.textContent !== placeholder && !("answer" in window.__bench)) {
      window.__bench.answer = now;
      window.__bench.answerWall = Date.now();
    }
  }).observe(output, { childList: true, subtree: true, characterData: true });
  document.addEventListener("keydown", () => {
    if (!("key" in window.__bench)) window.__bench.key = performance.now();
  }, { capture: true });
}"""


@dataclass(frozen=True, slots=True)
class Run:
    """One cold search: first result (ms), bytes before it, bytes in all, the result links."""

    ms: float
    bytes_before: int
    bytes_total: int
    links: list[str]


def is_search(url: str) -> bool:
    path = urlsplit(url).path
    return "/search/" in path or "/javascripts/workers/" in path or "/javascripts/lunr/" in path


def body_bytes(site: Path, base: str, request: Request) -> int:
    """The compressed body of a finished request; the file gzipped where Chromium says 0."""
    size = int(request.sizes()["responseBodySize"])
    if size:
        return size
    path = site / unquote(urlsplit(request.url).path).removeprefix(urlsplit(base).path)
    return len(gzip.compress(path.read_bytes(), compresslevel=6)) if path.is_file() else 0


def measure(browser: Browser, site: Path, base: str, url: str, query: str, throttled: bool) -> Run:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        finished: list[Request] = []
        page.on("requestfinished", lambda request: finished.append(request))
        if throttled:
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", THROTTLE)
        pending: set[str] = set()
        page.on("request", lambda request: pending.add(request.url))
        page.on("requestfinished", lambda request: pending.discard(request.url))
        page.on("requestfailed", lambda request: pending.discard(request.url))
        try:
            page.goto(url, wait_until="load", timeout=120_000)
        except PlaywrightTimeoutError:
            raise SystemExit(
                f"bench-search: {url} did not load in 120 s; not answered: {sorted(pending)}"
            ) from None
        page.evaluate(WATCH)
        page.locator("input.md-search__input").focus()
        for letter in query:
            page.keyboard.type(letter)
            if not letter.isascii():  # typed as text, no key events: Material reads on keyup
                page.keyboard.press("End")
            page.wait_for_timeout(30)
        # a function, not a string: a string is eval'd in the page, which its policy refuses
        page.wait_for_function("() => 'answer' in window.__bench", timeout=120_000)
        page.wait_for_timeout(30 * len(query) + (4000 if throttled else 1000))  # the last results
        bench = page.evaluate("() => window.__bench")
        links = page.locator(".md-search-result__item > a").evaluate_all(
            "links => links.map(link => link.href)"
        )
        first = bench.get("results", bench["answer"])
        cut = bench.get("wall", bench["answerWall"])
        before = total = 0
        for request in finished:
            if not is_search(request.url):
                continue
            size = body_bytes(site, base, request)
            total += size
            timing = request.timing
            if timing["startTime"] + max(timing["responseEnd"], 0) <= cut:
                before += size
        return Run(first - bench["key"], before, total, links)
    finally:
        context.close()


def top_three(site: Path, base: str, root: str, links: list[str], query: str) -> bool:
    """Whether one of the first three results is a page that contains ``query``."""
    for link in links[:3]:
        path = urlsplit(link).path.removeprefix(urlsplit(base).path)
        page = site / unquote(path) / "index.html"
        if page.exists() and query.lower() in page.read_text(encoding="utf-8").lower():
            return True
    return False


def languages(site: Path) -> list[tuple[str, str]]:
    """``(root, code)`` of each language of the site: the translation first, at the root."""
    found = []
    for index in [
        site / "search" / "search_index.json",
        *sorted(site.glob("*/search/search_index.json")),
    ]:
        if index.is_file():
            config = json.loads(index.read_text(encoding="utf-8"))["config"]
            root = index.parent.parent.relative_to(site).as_posix()
            found.append(("" if root == "." else f"{root}/", str(config["lang"][0])))
    return found


def verdict(value: float, target: float) -> str:
    return f"{value:.0f} (target {target:.0f}: {'ok' if value <= target else 'OVER'})"


def bench_site(
    site: Path, page_path: str, runs: int, queries: list[str], bytes_target: float
) -> bool:
    """Bench every language of ``site``; print the figures; whether every target holds."""
    chromium = executable()
    if chromium is None:
        raise SystemExit(
            "bench-search: Debian's chromium is not installed (apt-get install chromium)"
        )
    found = languages(site)
    if not found:
        raise SystemExit(f"bench-search: {site} has no search index; build it with 'make site'")
    held = True
    summary: list[str] = []
    with serve_apart(site) as base, sync_playwright() as playwright:
        browser = launch(playwright, chromium)
        try:
            for root, code in found:
                language = code.split("-")[0]
                words = queries or [*CODES, *WORDS.get(language, [])]
                figures: dict[str, list[float]] = {"bytes": [], "loopback": [], "throttled": []}
                for query in words:
                    for _ in range(runs):
                        url = f"{base}{root}{page_path}"
                        fast = measure(browser, site, base, url, query, throttled=False)
                        slow = measure(browser, site, base, url, query, throttled=True)
                        figures["bytes"].append(fast.bytes_before / 1024)
                        figures["loopback"].append(fast.ms)
                        figures["throttled"].append(slow.ms)
                        others = [f"{base}{r}" for r, _ in found if r and r != root]
                        own = all(
                            link.startswith(f"{base}{root}")
                            and not any(link.startswith(o) for o in others)
                            for link in fast.links
                        )
                        extra = ""
                        if query in CODES:
                            hit = top_three(site, base, root, fast.links, query)
                            extra = f", code in top 3: {'yes' if hit else 'NO'}"
                        print(
                            f"search {code} {query!r}: first result {fast.ms:.0f} ms loopback, "
                            f"{slow.ms:.0f} ms throttled; {fast.bytes_before / 1024:.1f} KB before "
                            f"it ({fast.bytes_total / 1024:.1f} KB in all); {len(fast.links)} "
                            f"results{extra}, only this language: {'yes' if own else 'NO'}",
                            flush=True,
                        )
                worst = {name: max(values) for name, values in figures.items()}
                line = (
                    f"search {code}: bytes before the first result, worst "
                    f"{verdict(worst['bytes'], bytes_target)} KB gzip; first result, worst "
                    f"{verdict(worst['loopback'], TARGETS['loopback_ms'])} ms loopback "
                    f"(median {statistics.median(figures['loopback']):.0f}), "
                    f"{verdict(worst['throttled'], TARGETS['throttled_ms'])} ms throttled "
                    f"(median {statistics.median(figures['throttled']):.0f})"
                )
                held &= (
                    worst["bytes"] <= bytes_target
                    and worst["loopback"] <= TARGETS["loopback_ms"]
                    and worst["throttled"] <= TARGETS["throttled_ms"]
                )
                summary.append(line)
        finally:
            browser.close()
    for line in summary:
        print(line)
    print(f"search targets: {'all held' if held else 'NOT all held'}")
    return held


def scaled_site(source: Path, scale: int, work: Path) -> Path:
    """A site built from ``source`` with every article ``scale`` times, in ``work``."""
    from benchmarks.bench_site import scaled_copy
    from bilingual.locales import site_language
    from bilingual.site.build import build
    from bilingual.split.full import split_tree

    copy = scaled_copy(source, work / "source", scale)
    split = split_tree(copy, work / "docs")
    build(site_language(split.translation.code), work / "docs", work / "site")
    return work / "site"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site")
    parser.add_argument("--source", type=Path, help="bilingual sources (with --scale)")
    parser.add_argument("--scale", type=int, default=1, help="bench a copy with N x the articles")
    parser.add_argument(
        "--page", default="", help="page to search from, relative to a language root"
    )
    parser.add_argument("--runs", type=int, default=1, help="cold runs per language and query")
    parser.add_argument("queries", nargs="*", help="default: error codes and words per language")
    args = parser.parse_args(argv)
    if args.scale > 1:
        if args.source is None or not args.source.is_dir():
            print("bench-search: --scale needs --source (make bench-search SOURCE=… SCALE=N)")
            return 2
        with tempfile.TemporaryDirectory(prefix="bench-search-") as work:
            site = scaled_site(args.source, args.scale, Path(work))
            # The build just wrote hundreds of megabytes: the system writes them out to disk
            # now, not during the first searches (that is the build's cost, not the search's).
            os.sync()
            print(f"bench-search: {args.source} with every article {args.scale} times", flush=True)
            held = bench_site(site, args.page, args.runs, args.queries, SCALED_BYTES_KB)
    else:
        if args.site is None:
            print("bench-search: give --site (make bench-search SITE=…)")
            return 2
        held = bench_site(args.site, args.page, args.runs, args.queries, TARGETS["bytes_kb"])
    del held  # a benchmark: its verdict is printed, not an exit status
    return 0


if __name__ == "__main__":
    sys.exit(main())
