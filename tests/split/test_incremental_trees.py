"""The incremental split of a site of several trees (``tests/fixtures/locales``: lv, de, ar-SA):
an edited article written again in every tree that has it, as the full split writes it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bilingual.split.full import split_trees
from bilingual.split.incremental_trees import update_trees
from conftest import LOCALE_TREES

RECORDS = frozenset({".trees.json", ".links.json"})
"""What the split keeps for itself, not for the site: its snapshot, its links audit."""


@pytest.fixture
def trees(tmp_path: Path) -> tuple[list[Path], Path]:
    sources = []
    for tree in LOCALE_TREES:
        shutil.copytree(tree, tmp_path / "sources" / tree.name)
        sources.append(tmp_path / "sources" / tree.name)
    split_trees(sources, tmp_path / "docs")
    return sources, tmp_path / "docs"


def same_as_full(sources: list[Path], docs: Path, root: Path) -> None:
    """Every page of ``docs`` is the page the full split of the same trees writes."""
    full = root / "full"
    split_trees(sources, full)
    pages = sorted(path.relative_to(full) for path in full.rglob("*") if path.is_file())
    pages = [page for page in pages if page.name not in RECORDS]
    kept = sorted(path.relative_to(docs) for path in docs.rglob("*") if path.is_file())
    assert pages == [page for page in kept if page.name not in RECORDS]
    for page in pages:
        assert (docs / page).read_bytes() == (full / page).read_bytes(), page


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_nothing_changed_writes_nothing(trees: tuple[list[Path], Path]) -> None:
    sources, docs = trees
    update = update_trees(sources, docs)
    assert update.full is None
    assert update.written == []


def test_a_translation_edit_writes_its_one_page(
    trees: tuple[list[Path], Path], tmp_path: Path
) -> None:
    sources, docs = trees
    edit(sources[1] / "sign-in.md", "Geben Sie", "Bitte geben Sie")
    update = update_trees(sources, docs)
    assert update.full is None
    assert update.written == ["de/sign-in.md"]
    same_as_full(sources, docs, tmp_path)


def test_an_english_edit_writes_the_english_page_and_the_notices_it_changes(
    trees: tuple[list[Path], Path], tmp_path: Path
) -> None:
    sources, docs = trees
    # lv gives sign-in its English (the newest, first of a tie): its edit is the site's English,
    # and leaves the other trees' translations behind it
    edit(sources[0] / "sign-in.md", "and your password.", "and your passkey.")
    update = update_trees(sources, docs)
    assert update.full is None
    assert "en/sign-in.md" in update.written
    assert "and your passkey." in (docs / "en" / "sign-in.md").read_text("utf-8")
    same_as_full(sources, docs, tmp_path / "first")
    # de's English is older: an edit of it changes no English page
    edit(sources[1] / "sign-in.md", "Enter your email address.", "Type your email address.")
    update = update_trees(sources, docs)
    assert update.full is None
    assert "en/sign-in.md" not in update.written
    same_as_full(sources, docs, tmp_path / "second")


@pytest.mark.parametrize("change", ["title", "english title", "toc"])
def test_a_title_or_a_toc_writes_the_navigation_as_the_full_split_does(
    trees: tuple[list[Path], Path], tmp_path: Path, change: str
) -> None:
    sources, docs = trees
    if change == "title":
        edit(sources[1] / "sign-in.md", "title: Anmelden", "title: Einloggen")
    elif change == "english title":  # lv gives sign-in its English: its heading is the title
        edit(sources[0] / "sign-in.md", '"s-101">Sign in<', '"s-101">Sign in to your account<')
    else:  # a TOC the last split read, edited
        toc = sources[0] / "TOC.yml"
        toc.write_text("- name: Pierakstīšanās\n  href: sign-in.md\n", encoding="utf-8")
        split_trees(sources, docs)
        toc.write_text(
            "- name: Sākums\n  items:\n  - name: Pierakstīšanās\n    href: sign-in.md\n"
            "  - name: Parole\n    href: reset-password.md\n",
            encoding="utf-8",
        )
    update = update_trees(sources, docs)
    assert update.full is None
    assert update.written
    same_as_full(sources, docs, tmp_path)


@pytest.mark.parametrize(
    "change", ["added", "removed", "removed everywhere", "newer english", "image", "no image"]
)
def test_articles_and_media_added_or_removed_are_placed_as_the_full_split_places_them(
    trees: tuple[list[Path], Path], tmp_path: Path, change: str
) -> None:
    sources, docs = trees
    if change == "added":
        shutil.copyfile(sources[1] / "sign-in.md", sources[1] / "sign-in-again.md")
    elif change == "removed":  # ar-SA's page goes; the others keep theirs
        (sources[2] / "reset-password.md").unlink()
    elif change == "removed everywhere":  # the only tree with it: its English page goes too
        (sources[0] / "only-in-latvian.md").unlink()
    elif change == "newer english":  # de's English becomes the newest: the choice moves
        edit(sources[1] / "sign-in.md", "ms.date: 01/15/2020", "ms.date: 07/01/2021")
    elif change == "image":
        (sources[1] / "media").mkdir()
        (sources[1] / "media" / "new.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    else:
        (sources[1] / "media").mkdir()
        (sources[1] / "media" / "new.png").write_bytes(b"\x89PNG\r\n\x1a\n")
        split_trees(sources, docs)
        (sources[1] / "media" / "new.png").unlink()
    update = update_trees(sources, docs)
    assert update.full is None
    assert update.written or update.removed
    same_as_full(sources, docs, tmp_path)


@pytest.mark.parametrize("change", ["a file no page reads", "uid"])
def test_what_other_pages_show_falls_back_to_the_full_split(
    trees: tuple[list[Path], Path], tmp_path: Path, change: str
) -> None:
    sources, docs = trees
    if change == "uid":
        edit(sources[1] / "sign-in.md", "title: Anmelden", "title: Anmelden\nuid: sign.in")
    else:
        (sources[0] / "docfx.json").write_text('{"build": {}}', encoding="utf-8")
    assert update_trees(sources, docs).full is not None
    same_as_full(sources, docs, tmp_path)


def test_a_malformed_save_keeps_the_previous_pages(trees: tuple[list[Path], Path]) -> None:
    sources, docs = trees
    before = (docs / "de" / "sign-in.md").read_text("utf-8")
    (sources[1] / "sign-in.md").write_bytes(b"Geben Sie Ihre E-Mai"[:-1] + b"\xc3")
    update = update_trees(sources, docs)
    assert update.full is None
    assert [str(problem).split(":")[0] for problem in update.problems] == ["sign-in.md"]
    assert (docs / "de" / "sign-in.md").read_text("utf-8") == before
