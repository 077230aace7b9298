"""Command line: ``python -m bilingual COMMAND``.

    split  SOURCE DOCS      bilingual sources -> one page per language under DOCS
    site   --source --site  split, then build the site with MkDocs
    site-part --language    split, then build one language of the site into --parts
    site-merge --parts      assemble the site from its languages' parts
    languages --source      the site's languages, as JSON (for a CI matrix)
    serve  --source         build the site, serve it, and keep it up to date as sources change
    links  --site [--source] [--online] check the links of a built site (and of the sources)
    audit  --source         round trip and segments in = segments out, for every source
    parity --source [--site] compare each built page's block structure with CommonMark's
    tm     --source [--format tmx|xliff] [--out]  every segment pair as a translation memory

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
from bilingual.errors import BilingualError, SourceError
from bilingual.locales import ENGLISH_CODE, SiteLanguage
from bilingual.source.files import files_summary
from bilingual.split.docsets import split_docsets
from bilingual.split.report import Split

DEFAULT_SOURCE = Path("source")
DEFAULT_DOCS = Path("docs")
DEFAULT_SITE = Path("site")
DEFAULT_PARTS = Path("parts")


def _report(split: Split, strict: bool) -> int:
    for problem in split.problems:
        print(problem, file=sys.stderr)
    for warning in split.warnings:
        print(warning, file=sys.stderr)
    for file in split.not_on_site:
        print(file, file=sys.stderr)
    for code, counts in split.files.items():
        print(f"files: {code}: {files_summary(counts)}", file=sys.stderr)
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
        for code, count in sorted(navigation.foreign_labels.items()):
            if count:
                print(
                    f"navigation: {count} TOC labels shown in {code} on the English tree "
                    "(their pages have no English title)",
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
    for code, behind in split.behind.items():
        print(
            f"split: {code}: {len(behind)} articles translated from an older English than the "
            f"site's ({sum(behind.values())} segments changed); their pages say so",
            file=sys.stderr,
        )
    for code, paths in split.ties.items():
        print(
            f"split: {code}: {len(paths)} articles have another English than the site's of the "
            f"same date ({paths[0]} first); the site's English is the earlier tree's "
            "(the default's, then in the order given), and their pages say it changed",
            file=sys.stderr,
        )
    others = "".join(f", {language.code}" for language in split.others)
    included = (
        f" (+{split.include_segments} in {split.includes} includes)" if split.includes else ""
    )
    print(
        f"split: {len(split.articles)} articles, {split.segments} segments{included}, "
        f"languages {split.translation.code} (default){others} and {split.english.code}"
        + (f", {len(split.problems)} skipped" if split.problems else "")
    )
    return 1 if strict and (split.problems or split.warnings or split.missing_xrefs) else 0


def _split_all(args: argparse.Namespace, docs: Path | None = None) -> Split:
    """The split of every ``--source`` (one site) into ``docs`` (default ``--docs``)."""
    target = args.docs if docs is None else docs
    return split_docsets(args.source, target, default=args.default, jobs=args.jobs)


def _split(args: argparse.Namespace) -> int:
    return _report(_split_all(args), args.strict)


def _site(args: argparse.Namespace) -> int:
    from bilingual.site.build import build
    from bilingual.site.warm import FIRST, warm_build

    translation, status = _split_for_site(args)
    if status:
        return status
    reason = "--whole" if args.whole else warm_build(translation, args.docs, args.site)
    if reason is None:
        print(f"site: brought up to date in {args.site}/ (only what changed was built)")
        return 0
    if reason not in (*FIRST, "--whole"):
        print(f"site: built whole: {reason}", file=sys.stderr)
    build(translation, args.docs, args.site, jobs=args.jobs, record=True)
    print(f"site: built into {args.site}/")
    return 0


def _split_for_site(args: argparse.Namespace) -> tuple[SiteLanguage, int]:
    """The split of ``make site``: only what changed when the last split's snapshot of the same
    sources is there (``update_tree``, ``update_trees``: each splits whole when it must), else
    every source; the site's default language and the exit status of its report. Strict mode
    splits whole: every source's problems are its verdict."""
    from bilingual.site.languages import split_languages
    from bilingual.split import snapshot
    from bilingual.split.incremental import update_tree
    from bilingual.split.incremental_trees import update_trees

    given = sorted(str(source.resolve()) for source in args.source)
    one = snapshot.load(args.docs)
    several = snapshot.load_trees(args.docs)
    if (
        args.strict
        or getattr(args, "whole", False)
        or not (
            (one is not None and [one.source] == given)
            or (several is not None and sorted(snap.source for snap in several) == given)
        )
    ):
        split = _split_all(args)
        return split.translation, _report(split, args.strict)
    if one is not None:
        update = update_tree(args.source[0], args.docs)
    else:
        update = update_trees(args.source, args.docs, args.default)
    if update.full is not None:
        return update.full.translation, _report(update.full, args.strict)
    for problem in [*update.problems, *update.warnings]:
        print(problem, file=sys.stderr)
    print(
        f"split: {len(update.written)} pages written, {len(update.removed)} removed "
        "(only the sources changed since the last split)",
        file=sys.stderr,
    )
    languages = split_languages(args.docs)
    if not languages:
        split = _split_all(args)
        return split.translation, _report(split, args.strict)
    return languages[0], 0


def _site_part(args: argparse.Namespace) -> int:
    from bilingual.site.build import build_part

    split = _split_all(args)
    status = _report(split, args.strict)
    if status:
        return status
    part = build_part(split.translation, args.docs, args.parts, args.language)
    print(f"site-part: {args.language} built into {part}/")
    return 0


def _site_merge(args: argparse.Namespace) -> int:
    from bilingual.site.build import merge_parts

    codes = merge_parts(args.parts, args.site)
    print(f"site-merge: {', '.join(codes)} merged into {args.site}/")
    return 0


def _languages(args: argparse.Namespace) -> int:
    from bilingual.split.docsets import group_docsets
    from bilingual.split.trees import in_site_order, read_tree

    problems: list[SourceError] = []
    codes: dict[str, None] = {}
    for group in group_docsets(args.source):  # each docset's languages, one tree each
        trees = [read_tree(source, problems) for source in group.sources]
        own = {tree.language.code for tree in trees}
        default = args.default if args.default in own else None
        codes.update((tree.language.code, None) for tree in in_site_order(trees, default))
    if args.default in codes:
        codes = {args.default: None, **codes}
    elif args.default is not None:
        from bilingual.split.trees import LocaleError

        raise LocaleError(
            f"DEFAULT={args.default}: no source tree is in it; expected one of {', '.join(codes)}"
        )
    print(json.dumps([*codes, ENGLISH_CODE]))
    return 0


def _serve(args: argparse.Namespace) -> int:
    from bilingual.live.session import serve

    split = _split_all(args)
    _report(split, strict=False)
    serve(args.source, args.docs, args.site, split.translation, args.address, args.default)
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
    return run(args.site, args.source or [], args.format, online, args.default)


def _audit(args: argparse.Namespace) -> int:
    from bilingual.checks.audit import audit_trees

    audit = audit_trees(args.source, default=args.default)
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
            split = _split_all(args, Path(temporary) / "docs")
            for problem in split.problems:
                print(problem, file=sys.stderr)
            site = Path(temporary) / "site"
            build(split.translation, Path(temporary) / "docs", site, jobs=args.jobs)
        report = compare(args.source, site, default=args.default)
    for mismatch in report.mismatches:
        print(mismatch)
    print(report.summary())
    return 0 if report.passed() else 1


def _tm(args: argparse.Namespace) -> int:
    from bilingual.tm.export import export

    done = export(args.source, args.format, args.out)
    for problem in done.problems:
        print(problem, file=sys.stderr)
    for line in done.lines():
        print(line)
    return 1 if args.strict and done.problems else 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="bilingual", description=__doc__.split("\n\n")[0])
    commands = top.add_subparsers(dest="command", required=True)

    def trees(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--source",
            type=Path,
            nargs="+",
            default=[DEFAULT_SOURCE],
            help="bilingual source trees, one per locale, for one site",
        )
        sub.add_argument(
            "--default",
            default=None,
            metavar="CODE",
            help="the language at the site's root (default: the first source's)",
        )

    def sources(sub: argparse.ArgumentParser) -> None:
        trees(sub)
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
    site.add_argument(
        "--whole",
        action="store_true",
        help="split and build everything again, whatever the last build's record says",
    )
    site.set_defaults(run=_site)

    part = commands.add_parser("site-part", help="split, then build one language of the site")
    sources(part)
    part.add_argument("--language", required=True, metavar="CODE", help="the language to build")
    part.add_argument("--parts", type=Path, default=DEFAULT_PARTS, help="where parts are built")
    part.set_defaults(run=_site_part)

    merged = commands.add_parser("site-merge", help="assemble the site from its languages' parts")
    merged.add_argument("--parts", type=Path, default=DEFAULT_PARTS, help="the built parts")
    merged.add_argument("--site", type=Path, default=DEFAULT_SITE, help="output folder")
    merged.set_defaults(run=_site_merge)

    languages = commands.add_parser("languages", help="print the site's languages as JSON")
    trees(languages)
    languages.set_defaults(run=_languages)

    serve = commands.add_parser("serve", help="build, serve, and keep the site up to date")
    sources(serve)
    serve.add_argument("--site", type=Path, default=DEFAULT_SITE, help="the site served")
    serve.add_argument(
        "--address", default="127.0.0.1:8000", help="host:port to serve on (loopback by default)"
    )
    serve.set_defaults(run=_serve)

    links = commands.add_parser("links", help="check the links of a built site")
    links.add_argument("--site", type=Path, default=DEFAULT_SITE, help="built site to check")
    links.add_argument(
        "--source", type=Path, nargs="+", default=None, help="also check these source trees"
    )
    links.add_argument("--default", default=None, help=argparse.SUPPRESS)
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
    trees(audit)
    audit.add_argument("--strict", action="store_true", help="a malformed source fails the audit")
    audit.set_defaults(run=_audit)
    parity = commands.add_parser("parity", help="compare built pages' blocks with CommonMark's")
    trees(parity)
    parity.add_argument("--jobs", type=int, default=None, metavar="N", help=argparse.SUPPRESS)
    parity.add_argument(
        "--site", type=Path, default=None, help="a site built from SOURCE (default: build one)"
    )
    parity.set_defaults(run=_parity)

    tm = commands.add_parser("tm", help="write every segment pair as a translation memory")
    tm.add_argument(
        "--source",
        type=Path,
        nargs="+",
        default=[DEFAULT_SOURCE],
        help="bilingual source trees, one per locale, for one memory",
    )
    tm.add_argument("--default", default=None, help=argparse.SUPPRESS)
    tm.add_argument(
        "--format",
        choices=["tmx", "xliff"],
        default="tmx",
        help="tmx: one TMX 1.4b file, every language in it; xliff: one XLIFF 1.2 file a language",
    )
    tm.add_argument(
        "--out",
        type=Path,
        default=None,
        help="the TMX file, or the XLIFF files' folder (default: tm/ and the trees' names)",
    )
    tm.add_argument(
        "--strict", action="store_true", help="fail on a source left out or a character dropped"
    )
    tm.set_defaults(run=_tm)
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
