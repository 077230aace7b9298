"""A split reads each file of the source from disk once (``source.reader``): the docset's
``docfx.json``, TOCs, YAML pages, includes, code, pivots, redirects and media alike, however many
stages ask for it. Counted where every read goes (``io.open``), not where the reader says."""

from __future__ import annotations

import builtins
import io
import os
import pickle
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bilingual.source.reader import Reader
from bilingual.split.full import split_tree, split_trees
from bilingual.split.incremental import update_tree
from conftest import CORPUS

EVERY_KIND = Path(__file__).parent.parent / "fixtures" / "every-kind"
PIVOTS = """---
title: Platformas
ms.contentlocale: lv-LV
zone_pivot_groups: platform
---

# <span data-ttu-id="k3-101">Platformas</span><span class="sxs-lookup"><span data-stu-id="k3-101">Platforms</span></span>

:::zone pivot="windows"

<span data-ttu-id="k3-102">Logi.</span><span class="sxs-lookup"><span data-stu-id="k3-102">Windows.</span></span>

:::zone-end
"""
REDIRECTS = '{"redirections": [{"source_path": "old.md", "redirect_url": "/article"}]}'


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Counter[Path]:
    """Every file opened while the test runs, by resolved path, counted."""
    counts: Counter[Path] = Counter()
    real = io.open

    def spy(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, (str, os.PathLike)):
            counts[Path(os.fsdecode(file)).resolve()] += 1
        return real(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", spy)
    monkeypatch.setattr(builtins, "open", spy)
    return counts


def docset(tmp_path: Path) -> Path:
    """``every-kind`` with what it lacks to exercise every reader: a page naming a zone pivot
    group (the pivots file read) and a redirection file."""
    source = tmp_path / "source"
    shutil.copytree(EVERY_KIND, source)
    (source / "pivots.md").write_text(PIVOTS, encoding="utf-8")
    (source / ".openpublishing.redirection.json").write_text(REDIRECTS, encoding="utf-8")
    return source


def source_reads(opened: Counter[Path], source: Path) -> dict[str, int]:
    return {
        path.relative_to(source).as_posix(): count
        for path, count in opened.items()
        if path.is_relative_to(source)
    }


def test_a_split_reads_each_file_of_the_source_once(tmp_path: Path, opened: Counter[Path]) -> None:
    source = docset(tmp_path).resolve()
    opened.clear()  # the copy made the docset
    split_tree(source, tmp_path / "docs", jobs=1)
    reads = source_reads(opened, source)
    read_again = {path: count for path, count in reads.items() if count > 1}
    assert read_again == {}
    for path in (
        "docfx.json",
        "TOC.yml",
        "breadcrumb/toc.yml",
        "faq.yml",
        "index.yml",
        "includes/note.md",
        "code/sample.cs",
        "media/picture.png",
        "zone-pivot-groups.yml",
        ".openpublishing.redirection.json",
        "article.md",
    ):
        assert reads.get(path) == 1, path


def test_an_update_reads_each_file_once(tmp_path: Path, opened: Counter[Path]) -> None:
    source = docset(tmp_path).resolve()
    split_tree(source, tmp_path / "docs", jobs=1)
    article = source / "article.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    toc = source / "TOC.yml"
    toc.write_text(toc.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    opened.clear()
    update = update_tree(source, tmp_path / "docs")
    assert update.full is None
    reads = source_reads(opened, source)
    assert {path: count for path, count in reads.items() if count > 1} == {}
    assert reads.get("article.md") == 1
    assert reads.get("TOC.yml") == 1


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus (its de and ja samples)")
def test_a_site_of_two_trees_reads_each_of_their_files_once(
    tmp_path: Path, opened: Counter[Path]
) -> None:
    sources = [(CORPUS / f"alchemy-{code}-sample").resolve() for code in ("de-DE", "ja-JP")]
    split_trees(sources, tmp_path / "docs", jobs=1)
    for source in sources:
        reads = source_reads(opened, source)
        assert len(reads) > 100
        assert {path: count for path, count in reads.items() if count > 1} == {}


def test_the_reader_reads_a_file_once_and_keeps_it_when_asked(
    tmp_path: Path, opened: Counter[Path]
) -> None:
    path = tmp_path / "toc.yml"
    path.write_bytes(b"\xef\xbb\xbf- name: A\n")
    reader = Reader()
    assert reader.text(path) == "- name: A\n"
    path.write_bytes(b"- name: B\n")
    assert reader.text(path) == "- name: A\n"  # kept: read once
    other = tmp_path / "page.md"
    other.write_bytes(b"# B\n")
    opened.clear()
    assert reader.text(path) == "- name: A\n"
    assert reader.text(other, keep=False) == "# B\n"
    assert reader.text(other) == "# B\n"  # not kept: read again
    assert opened == Counter({other.resolve(): 2})


def test_a_file_that_cannot_be_read_is_tried_once(tmp_path: Path, opened: Counter[Path]) -> None:
    reader = Reader()
    missing = tmp_path / "missing.yml"
    for _ in range(2):
        with pytest.raises(FileNotFoundError):
            reader.data(missing)
    assert opened == Counter({missing.resolve(): 1})


def test_what_the_reader_keeps_is_bounded(tmp_path: Path, opened: Counter[Path]) -> None:
    files = [tmp_path / f"{n}.yml" for n in range(3)]
    for path in files:
        path.write_bytes(b"x" * 10)
    opened.clear()
    reader = Reader(budget=25)
    for path in files:
        reader.data(path)
    assert sorted(path.name for path in reader.kept) == ["0.yml", "1.yml"]  # 20 of 25 bytes
    reader.data(files[2])  # not kept: read again
    assert opened[files[2].resolve()] == 2


def test_a_worker_gets_a_reader_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "toc.yml"
    path.write_bytes(b"- name: A\n")
    reader = Reader()
    reader.data(path)
    copy = pickle.loads(pickle.dumps(reader))
    assert copy.kept == {}
    assert copy.data(path) == b"- name: A\n"
    assert reader.kept == {path: b"- name: A\n"}  # the parent's, as it was
