"""Build the same sources twice and compare the two sites byte for byte.

    python -m bilingual.reproduce --source DIR [--work DIR]

The second build runs as if on another day (``SOURCE_DATE_EPOCH`` a year later, which MkDocs
reads as the build date), so dates taken from the clock rather than from the sources show up as
differences. Prints one line per differing file, then ``reproducible: N files compared, N differ``;
exit 0 when the two sites are byte-identical.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ANOTHER_DAY = 1_900_000_000
"""The clock of the second build (2030), a year or more away from any real build."""


def tree_files(root: Path) -> set[str]:
    """Every file under ``root``, as a ``/``-separated path relative to it."""
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


def compare_trees(first: Path, second: Path) -> tuple[int, list[str]]:
    """How many files the two trees hold together, and one line per difference between them."""
    ours, theirs = tree_files(first), tree_files(second)
    differences = [f"{name}: only in {first}" for name in sorted(ours - theirs)]
    differences += [f"{name}: only in {second}" for name in sorted(theirs - ours)]
    for name in sorted(ours & theirs):
        if not filecmp.cmp(first / name, second / name, shallow=False):
            differences.append(f"{name}: differs")
    return len(ours | theirs), differences


def build_once(source: Path, output: Path, epoch: int | None) -> None:
    """Split ``source`` and build it into ``output/site`` (``epoch``: the clock MkDocs sees)."""
    from bilingual.site.build import build
    from bilingual.split.full import split_tree

    saved = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None:
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        split = split_tree(source, output / "docs")
        build(split.translation, output / "docs", output / "site")
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bilingual.reproduce", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--source", type=Path, required=True, help="bilingual sources")
    parser.add_argument(
        "--work", type=Path, default=None, help="where to build (default: a temporary folder)"
    )
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="reproduce-"))
    build_once(args.source, work / "first", None)
    build_once(args.source, work / "second", ANOTHER_DAY)
    count, differences = compare_trees(work / "first" / "site", work / "second" / "site")
    for line in differences:
        print(line)
    print(f"reproducible: {count} files compared, {len(differences)} differ (builds in {work})")
    return 1 if differences else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
