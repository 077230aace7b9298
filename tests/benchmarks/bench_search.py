"""Search latency in Chromium on a cold page: first keystroke to first results.

    python tests/benchmarks/bench_search.py --site SITE [--page PATH] [--runs N] [QUERY ...]

For each language (the translation at the root, English under ``en/``) and each query, a fresh
browser context (empty cache and storage) opens an article page served on 127.0.0.1, waits for
its ``load`` event, then types the query into the search box at 30 ms a key, as a reader would.
The figure is the time from the first key's ``keydown`` to the first result in the list,
measured in the page with ``performance.now()``. Prints one line per language and query, then
the median and worst over all.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from chromium import executable, launch
from webserver import serve

QUERIES = ["0x8004de40", "AADSTS50011", "5.7.750", "0x80070005", "401", "403"]
TARGET_MS = 300.0

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
    if (output.querySelector(".md-search-result__item") && !("results" in window.__bench))
      window.__bench.results = now;
    if (meta.textContent !== placeholder && !("answer" in window.__bench))
      window.__bench.answer = now;
  }).observe(output, { childList: true, subtree: true, characterData: true });
  document.addEventListener("keydown", () => {
    if (!("key" in window.__bench)) window.__bench.key = performance.now();
  }, { capture: true });
}"""


def top_three(site: Path, base: str, links: list[str], query: str) -> bool:
    """Whether one of the first three results is a page that contains ``query``."""
    for link in links[:3]:
        path = urlsplit(link).path.removeprefix(urlsplit(base).path)
        page = site / unquote(path) / "index.html"
        if page.exists() and query.lower() in page.read_text(encoding="utf-8").lower():
            return True
    return False


def measure(browser: Browser, url: str, query: str) -> tuple[float, float, list[str]]:
    """Milliseconds from the first keystroke to the first results; load time; result links.

    A query nothing matches counts until the search says so ("No matching documents").
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        loaded = page.evaluate("performance.now()")
        page.evaluate(WATCH)
        box = page.locator("input.md-search__input")
        box.focus()
        box.press_sequentially(query, delay=30)
        page.wait_for_function("'answer' in window.__bench", timeout=120_000)
        page.wait_for_timeout(30 * len(query) + 500)  # the last keystroke's results
        bench = page.evaluate("window.__bench")
        links = page.locator(".md-search-result__item > a").evaluate_all(
            "links => links.map(link => link.href)"
        )
        return bench.get("results", bench["answer"]) - bench["key"], loaded, links
    finally:
        context.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, required=True, help="a built site")
    parser.add_argument(
        "--page", default="", help="page to search from, relative to a language root"
    )
    parser.add_argument("--runs", type=int, default=1, help="cold runs per language and query")
    parser.add_argument("queries", nargs="*", default=QUERIES)
    args = parser.parse_args(argv)
    chromium = executable()
    if chromium is None:
        print("bench-search: Debian's chromium is not installed (apt-get install chromium)")
        return 1
    if not (args.site / "search" / "search_index.json").exists():
        print(f"bench-search: {args.site} has no search index; build it with 'make site' first")
        return 1
    sizes = {
        root or "translation": (args.site / root / "search" / "search_index.json").stat().st_size
        for root in ("", "en/")
    }
    print("index bytes: " + ", ".join(f"{name} {size:,}" for name, size in sizes.items()))
    figures: list[float] = []
    with serve(args.site) as base, sync_playwright() as playwright:
        browser = launch(playwright, chromium)
        try:
            for root in ("", "en/"):
                for query in args.queries:
                    for _ in range(args.runs):
                        ms, loaded, links = measure(browser, f"{base}{root}{args.page}", query)
                        figures.append(ms)
                        own = all(link.startswith(f"{base}en/") is bool(root) for link in links)
                        found = top_three(args.site, base, links, query)
                        print(
                            f"search {root or '/'} {query!r}: first keystroke to first results "
                            f"{ms:.0f} ms (page loaded at {loaded:.0f} ms); {len(links)} results, "
                            f"code in top 3: {'yes' if found else 'NO'}, "
                            f"only this language: {'yes' if own else 'NO'}"
                        )
        finally:
            browser.close()
    median, worst = statistics.median(figures), max(figures)
    print(
        f"search latency: median {median:.0f} ms, worst {worst:.0f} ms over {len(figures)} "
        f"cold pages (target {TARGET_MS:.0f} ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
