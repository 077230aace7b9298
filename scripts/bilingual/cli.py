"""Command line: ``python -m bilingual COMMAND``.

    split  SOURCE DOCS      bilingual sources -> one page per language under DOCS
    site   --source --site  split, then build the site with MkDocs
    serve  --source         split, then serve the site with live reload
    links  --site [--source] [--online] check the links of a built site (and of the sources)
    audit  --source         round trip and segments in = segments out, for every source
    parity --source [--site] compare each built page's block structure with CommonMark's

Problems are printed one per line as ``file:line:column: what; expected shape``; the exit code
is 0 when all is well, 1 when something failed, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from bilingual.checks.links.cache import DEFAULT_PATH as CACHE
from bilingual.errors import BilingualError
from bilingual.split.full import Split, split_tree

DEFAULT_SOURCE = Path("source")
DEFAULT_DOCS = Path("docs")
DEFAULT_SITE = Path("site")


def _report(split: Split, strict: bool) -> int:
    for problem in split.problems:
        print(problem, file=sys.stderr)
    for warning in split.warnings:
        print(warning, file=sys.stderr)
    for include in split.unused_includes:
        print(f"{include}: included by no article, so on no page of the site", file=sys.stderr)
    for code, count in sorted(split.missing_media.items()):
        print(
            f"split: {code}: {count} images are not in the source; their pages show the alt text "
            "(make links lists each)",
            file=sys.stderr,
        )
    navigation = split.navigation
    if navigation is not None:
        for code, count in sorted(navigation.unlinked.items()):
            if count:
                print(
                    f"navigation: {code}: {count} TOC entries and landing links name nothing "
                    "the site has; shown as text",
                    file=sys.stderr,
                )
        if navigation.redirects.file:
            print(navigation.redirects.summary(), file=sys.stderr)
    for uid, (uses, first) in sorted(split.missing_xrefs.items()):
        print(
            f"split: xref '{uid}' names no article of the docset ({uses} "
            f"{'reference' if uses == 1 else 'references'}, shown as text; first at "
            f"{first.path}:{first.line}:{first.column}); expected the uid: of an article",
            file=sys.stderr,
        )
    print(
        f"split: {len(split.articles)} articles, {split.segments} segments, "
        f"languages {split.translation.code} (default) and {split.english.code}"
        + (f", {len(split.problems)} skipped" if split.problems else "")
    )
    return 1 if strict and (split.problems or split.warnings or split.missing_xrefs) else 0


def _split(args: argparse.Namespace) -> int:
    return _report(split_tree(args.source, args.docs, jobs=args.jobs), args.strict)


def _site(args: argparse.Namespace) -> int:
    from bilingual.site.build import build

    split = split_tree(args.source, args.docs, jobs=args.jobs)
    status = _report(split, args.strict)
    if status:
        return status
    build(split.translation, args.docs, args.site, jobs=args.jobs)
    print(f"site: built into {args.site}/")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from bilingual.site.build import serve

    split = split_tree(args.source, args.docs, jobs=args.jobs)
    _report(split, strict=False)
    serve(split.translation, args.docs, args.address, source=args.source)
    return 0


def _links(args: argparse.Namespace) -> int:
    from bilingual.checks.links.online import Settings, parse_remap
    from bilingual.checks.links.report import OnlineOptions, run

    online = None
    if args.online:
        settings = Settings(
            per_host=args.per_host,
            timeout=args.timeout,
            retries=args.retries,
            remap=parse_remap(args.remap),
        )
        cache = None if args.no_cache else args.cache
        online = OnlineOptions(settings, cache, args.cache_max_age * 3600)
    return run(args.site, args.source, args.format, online)


def _audit(args: argparse.Namespace) -> int:
    from bilingual.checks.audit import audit_tree

    audit = audit_tree(args.source)
    for problem in audit.problems:
        print(problem)
    print(json.dumps(audit.summary()))
    return 0 if audit.passed(args.strict) else 1


def _parity(args: argparse.Namespace) -> int:
    import tempfile

    from bilingual.checks.parity import compare
    from bilingual.site.build import build

    with tempfile.TemporaryDirectory(prefix="parity-") as temporary:
        site = args.site
        if site is None:
            split = split_tree(args.source, Path(temporary) / "docs")
            for problem in split.problems:
                print(problem, file=sys.stderr)
            site = Path(temporary) / "site"
            build(split.translation, Path(temporary) / "docs", site)
        report = compare(args.source, site)
    for mismatch in report.mismatches:
        print(mismatch)
    print(report.summary())
    return 0 if report.passed() else 1


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="bilingual", description=__doc__.split("\n\n")[0])
    commands = top.add_subparsers(dest="command", required=True)

    def sources(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="bilingual sources")
        sub.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="generated pages")
        sub.add_argument("--strict", action="store_true", help="fail on any malformed source")
        sub.add_argument(
            "--jobs",
            type=int,
            default=None,
            metavar="N",
            help="processes working at once (default: $BILINGUAL_JOBS, else the CPUs)",
        )

    split = commands.add_parser("split", help="write one page per language")
    sources(split)
    split.set_defaults(run=_split)

    site = commands.add_parser("site", help="split, then build the site")
    sources(site)
    site.add_argument("--site", type=Path, default=DEFAULT_SITE, help="output folder")
    site.set_defaults(run=_site)

    serve = commands.add_parser("serve", help="split, then serve with live reload")
    sources(serve)
    serve.add_argument("--address", default="127.0.0.1:8000")
    serve.set_defaults(run=_serve)

    links = commands.add_parser("links", help="check the links of a built site")
    links.add_argument("--site", type=Path, default=DEFAULT_SITE, help="built site to check")
    links.add_argument("--source", type=Path, default=None, help="also check these sources")
    links.add_argument("--format", choices=["text", "json"], default="text", help="report format")
    links.add_argument("--json", dest="format", action="store_const", const="json")
    links.add_argument("--online", action="store_true", help="also ask every external link")
    links.add_argument(
        "--remap",
        action="append",
        default=[],
        metavar="HOST=ADDRESS",
        help="online: send HOST's requests to ADDRESS (* for every host)",
    )
    links.add_argument(
        "--per-host", type=int, default=6, help="online: requests in flight per host"
    )
    links.add_argument(
        "--timeout", type=float, default=15.0, help="online: seconds a request may take, whole"
    )
    links.add_argument(
        "--retries",
        type=int,
        default=3,
        help="online: tries after a timeout, a reset, 429 or a server error (backoff doubling)",
    )
    links.add_argument("--cache", type=Path, default=CACHE, help="online: cache of live links")
    links.add_argument(
        "--cache-max-age",
        type=float,
        default=168.0,
        metavar="HOURS",
        help="online: recheck live links older than this",
    )
    links.add_argument(
        "--no-cache", action="store_true", help="online: neither read nor write the cache"
    )
    links.set_defaults(run=_links)

    audit = commands.add_parser(
        "audit", help="check that nothing is lost between sources and pages"
    )
    audit.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="bilingual sources")
    audit.add_argument("--strict", action="store_true", help="a malformed source fails the audit")
    audit.set_defaults(run=_audit)
    parity = commands.add_parser("parity", help="compare built pages' blocks with CommonMark's")
    parity.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="bilingual sources")
    parity.add_argument(
        "--site", type=Path, default=None, help="a site built from SOURCE (default: build one)"
    )
    parity.set_defaults(run=_parity)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except BilingualError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except OSError as error:  # e.g. a full disk while writing pages: the previous pages stay
        print(f"error: {error}", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
