"""Benchmark of ``make links``: the offline check of a built site, and the online check.

Run on demand (``make bench-links SITE=…``), never as a test. It prints what it measured:

- offline: ``SiteCheck(site).run()`` over every page of ``--site``, timed once (wall clock), with
  the pages, bytes and links it read; target: the full lv-corpus site within 10 s;
- with ``--lean DIR``: the same site copied to DIR with each page's primary navigation (the list of
  every article, most of a page's bytes while the navigation lists all 2,900 articles) cut out,
  then checked the same way: what the check costs on pages that carry their article only;
- online: ``--urls`` distinct live fwlinks (each a redirect to a Learn article: two requests)
  checked by ``online.check_online`` with the default settings against ``tests/mock_microsoft.py``
  run in its own process on 127.0.0.1; target: 200 or more unique URLs per second.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bilingual.checks.links.built_site import SiteCheck, html_pages
from bilingual.checks.links.cache import SuccessCache
from bilingual.checks.links.online import Settings, check_online

HERE = Path(__file__).resolve().parent
MOCK = HERE.parent / "mock_microsoft.py"
NAV_OPEN = b'<nav class="md-nav md-nav--primary"'


def bench_offline(site: Path, label: str) -> None:
    pages = list(html_pages(site))
    size = sum(page.stat().st_size for page in pages)
    started, cpu = time.perf_counter(), time.process_time()
    check = SiteCheck(site)
    problems = check.run()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    links = sum(len(places) for places in check.occurrences.values())
    verdict = "met" if seconds <= 10 else "missed"
    print(
        f"offline {label}: {check.pages} pages, {size / 1e6:,.0f} MB, {len(check.external):,} "
        f"distinct external URLs ({links:,} occurrences), {len(problems):,} problems in "
        f"{seconds:.2f} s = {check.pages / seconds:,.0f} pages/s, {size / 1e6 / seconds:,.0f} MB/s "
        f"(target 10 s: {verdict}); CPU {cpu:.2f} s"
    )


def without_primary_nav(html: bytes) -> bytes:
    """``html`` with its ``md-nav--primary`` element (nested navs included) cut out."""
    start = html.find(NAV_OPEN)
    if start < 0:
        return html
    depth, position = 0, start
    while True:
        opening = html.find(b"<nav", position)
        closing = html.find(b"</nav>", position)
        if closing < 0:
            return html
        if 0 <= opening < closing:
            depth, position = depth + 1, opening + 4
            continue
        depth, position = depth - 1, closing + 6
        if depth == 0:
            return html[:start] + html[position:]


def lean_copy(site: Path, target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    for path in sorted(site.rglob("*")):
        copy = target / path.relative_to(site)
        if path.is_dir():
            copy.mkdir(parents=True, exist_ok=True)
        elif path.suffix == ".html":
            copy.write_bytes(without_primary_nav(path.read_bytes()))
        else:
            shutil.copyfile(path, copy)


def bench_online(count: int) -> None:
    server = subprocess.Popen(
        [sys.executable, str(MOCK)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert server.stdout is not None
        address = server.stdout.readline().strip()
        urls = [f"https://go.microsoft.com/fwlink/?linkid={1_000_000 + n}" for n in range(count)]
        settings = Settings(remap={"*": address})
        started, cpu = time.perf_counter(), time.process_time()
        verdicts, requests = check_online(urls, settings, SuccessCache(None))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        server.terminate()
        server.wait(timeout=10)
    live = sum(v.outcome.value == "live" for v in verdicts.values())
    verdict = "met" if count / seconds >= 200 else "missed"
    print(
        f"online: {len(verdicts)} unique URLs ({live} live), {requests} requests in {seconds:.2f} s "
        f"= {len(verdicts) / seconds:,.0f} URLs/s, {requests / seconds:,.0f} requests/s "
        f"(per host {settings.per_host} in flight; target 200 URLs/s: {verdict}); the checker's own "
        f"CPU: {cpu:.2f} s = {cpu / len(verdicts) * 1000:.2f} ms per URL, "
        f"{len(verdicts) / cpu:,.0f} URLs per CPU-second"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="a built site")
    parser.add_argument("--lean", type=Path, help="also check a copy without the primary nav")
    parser.add_argument("--urls", type=int, default=2000, help="distinct URLs for online")
    parser.add_argument("--only-lean", action="store_true", help="check the lean copy only")
    parser.add_argument("--skip-offline", action="store_true")
    parser.add_argument("--skip-online", action="store_true")
    args = parser.parse_args(argv)
    if not args.skip_offline:
        if not args.site.is_dir():
            print(f"{args.site}: no built site here; run 'make site' first", file=sys.stderr)
            return 1
        if not (args.lean and args.only_lean):
            bench_offline(args.site, str(args.site))
        if args.lean:
            lean_copy(args.site, args.lean)
            bench_offline(args.lean, f"{args.lean} (primary nav cut out)")
    if not args.skip_online:
        bench_online(args.urls)
    return 0


if __name__ == "__main__":
    sys.exit(main())
