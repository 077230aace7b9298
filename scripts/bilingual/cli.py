"""Command line: ``python -m bilingual COMMAND``.

    split  SOURCE DOCS      bilingual sources -> one page per language under DOCS
    site   --source --site  split, then build the site with MkDocs
    serve  --source         split, then serve the site with live reload
    links  --site [--source] check the links of a built site (and the sources' fwlinks)

Problems are printed one per line as ``file:line:column: what; expected shape``; the exit code
is 0 when all is well, 1 when something failed, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import BilingualError
from .linkcheck import check_site
from .sourcelinks import check_sources
from .tree import Split, split_tree

DEFAULT_SOURCE = Path("source")
DEFAULT_DOCS = Path("docs")
DEFAULT_SITE = Path("site")


def _report(split: Split, strict: bool) -> int:
    for problem in split.problems:
        print(problem, file=sys.stderr)
    for include in split.unused_includes:
        print(f"{include}: included by no article, so on no page of the site", file=sys.stderr)
    print(
        f"split: {len(split.articles)} articles, {split.segments} segments, "
        f"languages {split.translation.code} (default) and {split.english.code}"
        + (f", {len(split.problems)} skipped" if split.problems else "")
    )
    return 1 if strict and split.problems else 0


def _split(args: argparse.Namespace) -> int:
    return _report(split_tree(args.source, args.docs), args.strict)


def _site(args: argparse.Namespace) -> int:
    from .mkdocs_site import build

    split = split_tree(args.source, args.docs)
    status = _report(split, args.strict)
    if status:
        return status
    build(split.translation, args.docs, args.site)
    print(f"site: built into {args.site}/")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from .mkdocs_site import serve

    split = split_tree(args.source, args.docs)
    _report(split, strict=False)
    serve(split.translation, args.docs, args.address, source=args.source)
    return 0


def _links(args: argparse.Namespace) -> int:
    problems: list[str] = []
    if args.source is not None:
        problems.extend(str(p) for p in check_sources(args.source))
    if not args.site.is_dir():
        print(f"{args.site}: no built site here; run 'make site' first", file=sys.stderr)
        return 1
    site_problems = check_site(args.site)
    problems.extend(str(p) for p in site_problems)
    for problem in problems:
        print(problem)
    pages = sum(1 for _ in args.site.rglob("*.html"))
    print(f"links: {pages} pages checked, {len(problems)} broken")
    return 1 if problems else 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="bilingual", description=__doc__.split("\n\n")[0])
    commands = top.add_subparsers(dest="command", required=True)

    def sources(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="bilingual sources")
        sub.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="generated pages")
        sub.add_argument("--strict", action="store_true", help="fail on any malformed source")

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
    links.set_defaults(run=_links)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except BilingualError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
