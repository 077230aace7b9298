"""A warm ``make site``: after each kind of edit, the command builds only what changed, and its
site is byte for byte the one a clean build of the same sources makes."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from bilingual import cli
from bilingual.site import record as site_record
from conftest import FIXTURES, LOCALE_TREES

pytestmark = pytest.mark.site

WARM = "only what changed was built"


def make_site(sources: list[Path], root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """``python -m bilingual site`` of ``sources`` into ``root/docs`` and ``root/site``: its
    output (stdout, then stderr)."""
    command = ["site", "--source", *map(str, sources), "--docs", str(root / "docs")]
    assert cli.main([*command, "--site", str(root / "site"), "--jobs", "2"]) == 0
    out = capsys.readouterr()
    return out.out + out.err


def files_of(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def same_as_clean(
    sources: list[Path], site: Path, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = root / f"clean-{len(list(root.glob('clean-*')))}"
    made = make_site(sources, clean, capsys)
    assert WARM not in made
    built, warm = files_of(clean / "site"), files_of(site)
    assert sorted(built) == sorted(warm)
    assert [path for path in built if built[path] != warm[path]] == []


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS: dict[str, Callable[[Path], object]] = {
    "translation": lambda s: edit(s / "set-up-mail.md", "Atveriet iestatījumus.", "Atveriet tos."),
    "english": lambda s: edit(s / "set-up-mail.md", "Open the settings.", "Open Settings."),
    "title": lambda s: edit(s / "share-calendar.md", "title: Kalendāra", "title: Kalendārs"),
    "toc": lambda s: edit(s / "TOC.yml", "name: Rokasgrāmatas", "name: Ceļveži"),
    "include": lambda s: edit(
        s / "set-up-mail.md", "# <span", "[!INCLUDE [note](includes/shared-note.md)]\n\n# <span"
    ),
    "added": lambda s: shutil.copyfile(s / "guides" / "new-users.md", s / "guides" / "more.md"),
    "removed": lambda s: (s / "record-a-call.md").unlink(),
    "image": lambda s: shutil.copyfile(s / "media" / "settings.png", s / "media" / "new.png"),
    "older date": lambda s: edit(s / "share-calendar.md", "01/02/2021", "12/24/2020"),
}


def test_each_kind_of_edit_is_built_warm_as_a_clean_build_makes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "source"
    shutil.copytree(FIXTURES / "tree", source)
    made = make_site([source], tmp_path, capsys)
    assert WARM not in made  # the first build is whole, and keeps its record
    assert site_record.published(site_record.folder_of(tmp_path / "site")) is not None
    for kind, change in EDITS.items():
        change(source)
        made = make_site([source], tmp_path, capsys)
        assert WARM in made, (kind, made)
        same_as_clean([source], tmp_path / "site", tmp_path, capsys)


def test_a_newer_date_than_any_builds_whole_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "source"
    shutil.copytree(FIXTURES / "tree", source)
    make_site([source], tmp_path, capsys)
    edit(source / "share-calendar.md", "01/02/2021", "03/04/2022")
    made = make_site([source], tmp_path, capsys)
    assert WARM not in made
    assert "site: built whole: the newest page's date changed" in made
    same_as_clean([source], tmp_path / "site", tmp_path, capsys)


def test_another_configuration_builds_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "source"
    shutil.copytree(FIXTURES / "tree", source)
    make_site([source], tmp_path, capsys)
    monkeypatch.setenv("SITE_URL", "https://help.example/")
    made = make_site([source], tmp_path, capsys)
    assert "site: built whole: the project, its configuration" in made
    assert "https://help.example/" in (tmp_path / "site" / "index.html").read_text("utf-8")


def test_a_site_of_three_trees_is_built_warm(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = []
    for tree in LOCALE_TREES:
        shutil.copytree(tree, tmp_path / "sources" / tree.name)
        sources.append(tmp_path / "sources" / tree.name)
    make_site(sources, tmp_path, capsys)
    edit(sources[1] / "sign-in.md", "Geben Sie", "Bitte geben Sie")
    edit(sources[0] / "sign-in.md", "and your password.", "and your passkey.")
    made = make_site(sources, tmp_path, capsys)
    assert WARM in made
    same_as_clean(sources, tmp_path / "site", tmp_path, capsys)
