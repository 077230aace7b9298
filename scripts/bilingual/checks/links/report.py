"""The ``links`` command: the offline checks, optionally the online one, and their report.

Offline, always: the site's links, anchors and images (``built_site``) and, given the sources,
their fwlinks and the links of each segment in both languages (``source_links``). Online, when
asked: every distinct external link of the site (``online``), each judged once and reported at
every place it occurs. The report is text (one line per problem, ``file:line:column: url:
reason``, then a summary) or JSON (the same problems as objects, redirect chains included).
Exit status 1 when any problem was found, dead and unknown links included. A missing anchor or
file the source itself asked for is the source's problem (``source_defects``), apart from what
the site lost.
Images missing from the source (kind ``media``: the page shows their alt text) are listed and
counted apart; they do not fail the check (localized repositories carry no media).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilingual.checks.links.built_site import MEDIA, Occurrence, Positions, Problem, SiteCheck
from bilingual.checks.links.cache import SuccessCache
from bilingual.checks.links.online import Settings, check_online
from bilingual.checks.links.source_defects import reclassified
from bilingual.checks.links.source_links import check_sources
from bilingual.checks.links.verdicts import Outcome, Verdict
from bilingual.errors import BilingualError, SourceError
from bilingual.locales import ENGLISH_CODE
from bilingual.model import Document
from bilingual.source.folder import read_documents, translation_code


@dataclass(frozen=True, slots=True)
class OnlineOptions:
    """How the online check runs, from the command line."""

    settings: Settings
    cache: Path | None
    max_age: float


@dataclass(slots=True)
class OnlineSummary:
    """Figures of one online run."""

    urls: int = 0
    live: int = 0
    dead: int = 0
    unknown: int = 0
    cached: int = 0
    requests: int = 0
    seconds: float = 0.0
    bound: float = 0.0
    """The longest one URL may take (``Settings.longest_wait``)."""

    def __str__(self) -> str:
        return (
            f"online: {self.urls} unique URLs, {self.live} live ({self.cached} from the cache), "
            f"{self.dead} dead, {self.unknown} unknown; {self.requests} requests in "
            f"{self.seconds:.1f} s (each URL at most {self.bound:.0f} s)"
        )


def online_problems(
    occurrences: dict[str, list[Occurrence]], verdicts: dict[str, Verdict]
) -> list[tuple[Problem, Verdict]]:
    """A problem at every place a dead or unknown URL occurs."""
    by_page: dict[Path, list[tuple[Occurrence, Verdict]]] = defaultdict(list)
    for url, verdict in verdicts.items():
        if verdict.outcome is not Outcome.LIVE:
            for place in occurrences[url]:
                by_page[place.page].append((place, verdict))
    found = []
    for page in sorted(by_page):
        positions = Positions(page.read_text(encoding="utf-8", errors="replace"))
        for place, verdict in by_page[page]:
            line, column = positions.find(place.url, place.occurrence)
            problem = Problem(str(page), line, column, place.url, verdict.describe(), "online")
            found.append((problem, verdict))
    return found


def run_online(
    check: SiteCheck, options: OnlineOptions
) -> tuple[list[tuple[Problem, Verdict]], OnlineSummary]:
    """Check the site's external links online; (problem, verdict) pairs and the figures."""
    cache = SuccessCache(options.cache, options.max_age, remap=options.settings.remap)
    started = time.perf_counter()
    verdicts, requests = check_online(check.occurrences, options.settings, cache)
    summary = OnlineSummary(
        urls=len(verdicts), requests=requests, bound=options.settings.longest_wait()
    )
    summary.seconds = time.perf_counter() - started
    for verdict in verdicts.values():
        summary.cached += verdict.cached
        summary.live += verdict.outcome is Outcome.LIVE
        summary.dead += verdict.outcome is Outcome.DEAD
        summary.unknown += verdict.outcome is Outcome.UNKNOWN
    return online_problems(check.occurrences, verdicts), summary


def problem_record(
    problem: Problem | SourceError, verdict: Verdict | None = None
) -> dict[str, Any]:
    """One problem as a JSON object."""
    if isinstance(problem, SourceError):
        return {
            "file": problem.path,
            "line": problem.line,
            "column": problem.column,
            "kind": "source",
            "reason": problem.what,
            "expected": problem.expected,
        }
    record: dict[str, Any] = {
        "file": problem.page,
        "line": problem.line,
        "column": problem.column,
        "kind": problem.kind,
        "url": problem.url,
        "reason": problem.reason,
    }
    if verdict is not None:
        record["outcome"] = verdict.outcome.value
        record["chain"] = [{"url": hop.url, "status": hop.status} for hop in verdict.chain]
    return record


def reclassify_source_defects(
    problems: list[Problem], site: Path, sources: list[Path], default: str | None = None
) -> list[Problem]:
    """Broken links the sources themselves ask for (``source_defects``), counted as the
    sources' problems."""
    if not any(problem.kind in ("anchor", "internal") for problem in problems):
        return problems
    documents: dict[str, list[Document]] = {}
    codes: list[str] = []
    for source in sources:
        found = read_documents(source, [])
        try:
            codes.append(translation_code(found))
        except BilingualError:
            continue
        for document in found:
            documents.setdefault(document.path, []).append(document)
    if not codes:
        return problems
    languages = {ENGLISH_CODE, *codes} - {default or codes[0]}
    return reclassified(problems, site, documents, languages, sources)


def run(
    site: Path,
    sources: list[Path],
    fmt: str,
    online: OnlineOptions | None,
    default: str | None = None,
) -> int:
    """Check, print the report in ``fmt`` (``text`` or ``json``), return the exit status."""
    if not site.is_dir():
        print(f"{site}: no built site here; run 'make site' first", file=sys.stderr)
        return 1
    source_problems: list[SourceError] = [
        problem for source in sources for problem in check_sources(source, len(sources) > 1)
    ]
    check = SiteCheck(site)
    site_problems = check.run()
    if sources:
        site_problems = reclassify_source_defects(site_problems, site, sources, default)
    media = [problem for problem in site_problems if problem.kind == MEDIA]
    site_problems = [problem for problem in site_problems if problem.kind != MEDIA]
    checked_online: list[tuple[Problem, Verdict]] = []
    summary = None
    if online is not None:
        checked_online, summary = run_online(check, online)
    broken = len(source_problems) + len(site_problems) + len(checked_online)
    if fmt == "json":
        report = {
            "pages": check.pages,
            "broken": broken,
            "problems": [problem_record(p) for p in source_problems]
            + [problem_record(p) for p in site_problems]
            + [problem_record(p, v) for p, v in checked_online],
            "media": [problem_record(p) for p in media],
            "online": None
            if summary is None
            else {
                "urls": summary.urls,
                "live": summary.live,
                "dead": summary.dead,
                "unknown": summary.unknown,
                "cached": summary.cached,
                "requests": summary.requests,
                "seconds": round(summary.seconds, 3),
            },
        }
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        for problem in [*media, *source_problems, *site_problems, *(p for p, _ in checked_online)]:
            print(problem)
        if summary is not None:
            print(summary)
        kinds = Counter(
            [*("source" for _ in source_problems), *(p.kind for p in site_problems)]
            + [p.kind for p, _ in checked_online]
        )
        by_kind = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
        print(
            f"links: {check.pages} pages checked, {broken} broken"
            + (f" ({by_kind})" if by_kind else "")
            + (
                f"; media {len(media)}: images not in the source, shown as alt text"
                if media
                else ""
            )
        )
    return 1 if broken else 0
