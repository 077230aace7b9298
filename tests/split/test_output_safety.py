"""Output safety: an interrupted split leaves the previous pages intact, and two builds of the
same sources are byte-identical, whatever the day."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bilingual.checks.reproduce import ANOTHER_DAY, build_once, compare_trees
from bilingual.split.full import split_tree
from bilingual.split.staging import recover
from conftest import PROJECT, SEED_ARTICLE, SEED_SOURCE, hostile_sources

SMALL = """---
title: Mazs
ms.contentlocale: lv-LV
---
# <span data-ttu-id="s-1">Mazs</span><span class="sxs-lookup"><span data-stu-id="s-1">Small</span></span>
"""


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def two_sources(tmp_path: Path) -> Path:
    """The seed and a small article that sorts (and is written) before it."""
    source = tmp_path / "source"
    shutil.copytree(SEED_SOURCE, source)
    (source / "a-small.md").write_text(SMALL, encoding="utf-8")
    return source


def limit_file_size() -> None:
    """In the child: no file may grow past 1 KiB, so the run fails mid-way through a page."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))


KILLED_ON_SIGXFSZ = (
    "import signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_DFL); "
    "from bilingual.cli import main; sys.exit(main(sys.argv[1:]))"
)
"""The CLI with SIGXFSZ's default action (Python ignores it): the kernel kills the process."""


def split_with_small_files(
    source: Path, docs: Path, killed: bool
) -> subprocess.CompletedProcess[str]:
    """``split`` in a child that may not write files past 1 KiB (killed outright, or with an
    ``EFBIG`` error from the write)."""
    start = ["-c", KILLED_ON_SIGXFSZ] if killed else ["-m", "bilingual"]
    return subprocess.run(
        [sys.executable, *start, "split", "--source", str(source), "--docs", str(docs)],
        cwd=PROJECT,
        env={**os.environ, "PYTHONPATH": str(PROJECT / "scripts"), "PYTHONDONTWRITEBYTECODE": "1"},
        preexec_fn=limit_file_size,
        capture_output=True,
        text=True,
        check=False,
    )


def change(source: Path) -> None:
    """Edit both sources, so that a run that got through would change their pages."""
    article = source / f"{SEED_ARTICLE}.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Plūsmas", "Jaunās"), "utf-8")
    (source / "a-small.md").write_text(SMALL.replace("Mazs", "Mazāks"), encoding="utf-8")


def test_a_run_killed_mid_write_leaves_the_previous_pages(tmp_path: Path) -> None:
    source = two_sources(tmp_path)
    docs = tmp_path / "docs"
    split_tree(source, docs)
    before = snapshot(docs)
    change(source)

    run = split_with_small_files(source, docs, killed=True)
    assert run.returncode == -signal.SIGXFSZ
    staged = [p for p in docs.iterdir() if p.name.startswith(".staging-")]
    assert len(staged) == 1, "the killed run had begun writing pages"
    assert (staged[0] / "lv" / "a-small.md").read_text(encoding="utf-8").count("Mazāks") == 2
    assert {k: v for k, v in snapshot(docs).items() if not k.startswith(".staging-")} == before

    split_tree(source, docs)
    assert "Jaunās" in (docs / "lv" / f"{SEED_ARTICLE}.md").read_text(encoding="utf-8")
    assert not [p for p in docs.iterdir() if p.name.startswith((".staging-", ".old-"))]


def test_a_failing_write_is_one_line_and_leaves_the_previous_pages(tmp_path: Path) -> None:
    source = two_sources(tmp_path)
    docs = tmp_path / "docs"
    split_tree(source, docs)
    before = snapshot(docs)
    change(source)

    run = split_with_small_files(source, docs, killed=False)
    assert run.returncode == 1
    assert run.stderr.startswith("error: ")
    assert "File too large" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert snapshot(docs) == before


def test_recover_undoes_a_swap_cut_between_its_two_renames(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    split_tree(SEED_SOURCE, docs)
    before = snapshot(docs / "en")
    os.replace(docs / "en", docs / ".old-en")  # the first rename of swap_in, then the cut
    dead = docs / ".staging-999999999"
    (dead / "lv").mkdir(parents=True)
    recover(docs)
    assert snapshot(docs / "en") == before
    assert not dead.exists()
    assert not (docs / ".old-en").exists()


@pytest.mark.site
def test_two_builds_on_different_days_are_byte_identical(tmp_path: Path) -> None:
    source = hostile_sources(tmp_path / "source")
    build_once(source, tmp_path / "first", None)
    build_once(source, tmp_path / "second", ANOTHER_DAY)
    count, differences = compare_trees(tmp_path / "first" / "site", tmp_path / "second" / "site")
    assert differences == []
    assert count > 50
    sitemap = (tmp_path / "first" / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2020-04-21</lastmod>" in sitemap  # the seed's ms.date


def test_compare_trees_names_every_difference(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name / "sub").mkdir(parents=True)
        (tmp_path / name / "same.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "sub" / "page.html").write_text("one", encoding="utf-8")
    (tmp_path / "b" / "sub" / "page.html").write_text("two", encoding="utf-8")
    (tmp_path / "b" / "extra.txt").write_text("", encoding="utf-8")
    count, differences = compare_trees(tmp_path / "a", tmp_path / "b")
    assert count == 3
    assert differences == [f"extra.txt: only in {tmp_path / 'b'}", "sub/page.html: differs"]
