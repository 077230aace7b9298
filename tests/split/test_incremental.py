"""Incremental split: a changed source rewrites only its own pages; serve's watcher does it."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from bilingual.split.full import split_tree
from bilingual.split.incremental import update_tree
from bilingual.split.watch import watch_source
from bilingual_text import pair
from conftest import FIXTURES

OLD = 1_000_000_000_000_000_000  # 2001, in nanoseconds


@pytest.fixture
def split_copy(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "source"
    shutil.copytree(FIXTURES / "tree", source)
    docs = tmp_path / "docs"
    split_tree(source, docs)
    return source, docs


def age_pages(docs: Path) -> None:
    for path in docs.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(OLD, OLD))


def rewritten(docs: Path) -> set[str]:
    return {
        path.relative_to(docs).as_posix()
        for path in docs.rglob("*")
        if path.is_file() and path.stat().st_mtime_ns != OLD and not path.name.startswith(".")
    }


def test_unchanged_sources_rewrite_nothing(split_copy: tuple[Path, Path]) -> None:
    source, docs = split_copy
    age_pages(docs)
    update = update_tree(source, docs)
    assert update.full is None
    assert update.written == []
    assert rewritten(docs) == set()


def test_changed_source_rewrites_only_its_two_pages(split_copy: tuple[Path, Path]) -> None:
    source, docs = split_copy
    age_pages(docs)
    article = source / "guides" / "licenses.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nKods 0x80070005.\n", "utf-8")
    update = update_tree(source, docs)
    assert update.full is None
    assert rewritten(docs) == {"lv/guides/licenses.md", "en/guides/licenses.md"}
    assert "Kods 0x80070005." in (docs / "en" / "guides" / "licenses.md").read_text("utf-8")


def test_new_title_rewrites_the_home_page_too(split_copy: tuple[Path, Path]) -> None:
    source, docs = split_copy
    age_pages(docs)
    article = source / "record-a-call.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("title: Zvanu ierakstīšana", "title: Zvana ieraksts"), "utf-8")
    update_tree(source, docs)
    assert rewritten(docs) == {"lv/record-a-call.md", "lv/index.md"}
    assert "[Zvana ieraksts](record-a-call.md)" in (docs / "lv" / "index.md").read_text("utf-8")


def test_deleted_source_loses_its_pages_and_its_index_entry(split_copy: tuple[Path, Path]) -> None:
    source, docs = split_copy
    (source / "share-calendar.md").unlink()
    update = update_tree(source, docs)
    assert sorted(update.removed) == ["en/share-calendar.md", "lv/share-calendar.md"]
    assert "share-calendar.md" not in (docs / "en" / "index.md").read_text("utf-8")


def test_changed_include_falls_back_to_a_full_split(split_copy: tuple[Path, Path]) -> None:
    source, docs = split_copy
    note = source / "includes" / "shared-note.md"
    note.write_text(note.read_text(encoding="utf-8") + "\n", "utf-8")
    assert update_tree(source, docs).full is not None


def test_without_a_snapshot_the_split_is_full(tmp_path: Path) -> None:
    update = update_tree(FIXTURES / "tree", tmp_path / "docs")
    assert update.full is not None
    assert (tmp_path / "docs" / "en" / "guides" / "licenses.md").is_file()


def test_watcher_resplits_a_saved_source(split_copy: tuple[Path, Path]) -> None:
    source, docs = split_copy
    updates: list[float] = []
    observer = watch_source(source, docs, lambda update, seconds: updates.append(seconds))
    try:
        article = source / "set-up-mail.md"
        text = article.read_text(encoding="utf-8").replace("Open the settings.", "Open Settings.")
        page = docs / "en" / "set-up-mail.md"
        deadline = time.monotonic() + 20
        while "Open Settings." not in page.read_text("utf-8") and time.monotonic() < deadline:
            article.write_text(text, "utf-8")  # again: the watcher starts asynchronously
            time.sleep(1)
    finally:
        observer.stop()
        observer.join()
    assert "Open Settings." in page.read_text("utf-8")
    assert updates


def test_a_saved_index_md_is_written_as_the_full_split_writes_it(
    split_copy: tuple[Path, Path], tmp_path: Path
) -> None:
    """``make serve`` and ``make site`` write the same home page: a saved ``index.md`` with an
    include and a docset link goes through the one page writer, includes and links resolved."""
    source, docs = split_copy
    index = source / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8")
        + "\n[!INCLUDE[note](includes/shared-note.md)]\n\n"
        + pair(
            "h-9",
            "Sk. [licences](/Docset/guides/licenses).",
            "See [licenses](/Docset/guides/licenses).",
        )
        + "\n",
        encoding="utf-8",
    )
    update = update_tree(source, docs)
    assert update.full is None
    assert sorted(update.written) == ["en/index.md", "lv/index.md"]
    split_tree(source, tmp_path / "full")
    for code in ("lv", "en"):
        served = (docs / code / "index.md").read_text(encoding="utf-8")
        assert served == (tmp_path / "full" / code / "index.md").read_text(encoding="utf-8")
    english = (docs / "en" / "index.md").read_text(encoding="utf-8")
    assert "This note is included in other articles." in english
    assert "[licenses](guides/licenses.md)" in english


def test_a_changed_title_rewrites_the_home_page_as_the_full_split_writes_it(
    split_copy: tuple[Path, Path], tmp_path: Path
) -> None:
    """A home page rewritten for another article's new title keeps ``index.md``'s include."""
    source, docs = split_copy
    index = source / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8") + "\n[!INCLUDE[note](includes/shared-note.md)]\n",
        encoding="utf-8",
    )
    split_tree(source, docs)
    article = source / "record-a-call.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("title: Zvanu ierakstīšana", "title: Zvana ieraksts"), "utf-8")
    update_tree(source, docs)
    split_tree(source, tmp_path / "full")
    for code in ("lv", "en"):
        served = (docs / code / "index.md").read_text(encoding="utf-8")
        assert served == (tmp_path / "full" / code / "index.md").read_text(encoding="utf-8")
