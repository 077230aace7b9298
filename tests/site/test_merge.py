"""``site.merge`` moves a language built apart into the site: its own folder in one rename, the
files the site shares file by file, the default language's root files kept."""

from __future__ import annotations

from pathlib import Path

from bilingual.site.merge import merge


def write(root: Path, files: dict[str, str]) -> None:
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")


def tree(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_a_language_folder_is_moved_whole_and_shared_files_one_by_one(tmp_path: Path) -> None:
    site, part = tmp_path / "site", tmp_path / "de-part"
    write(
        site,
        {
            "index.html": "lv",
            "404.html": "lv 404",
            "assets/app.js": "old",
            "search/search_index.json": "lv index",
            "a/index.html": "lv a",
        },
    )
    write(
        part,
        {
            "404.html": "de 404",
            "assets/app.js": "new",
            "assets/extra/new.css": "css",
            "search/search_index.json": "de index",
            "de/index.html": "de",
            "de/a/index.html": "de a",
            "de/search/index/1.json": "chunk",
        },
    )
    folder = (part / "de").stat().st_ino
    merge(part, site)
    assert tree(site) == {
        "404.html": "lv 404",  # the default language's, kept
        "a/index.html": "lv a",
        "assets/app.js": "new",
        "assets/extra/new.css": "css",
        "de/a/index.html": "de a",
        "de/index.html": "de",
        "de/search/index/1.json": "chunk",
        "index.html": "lv",
        "search/search_index.json": "lv index",
    }
    assert (site / "de").stat().st_ino == folder  # renamed, not copied file by file
    assert not (part / "de").exists()


def test_a_folder_holding_a_kept_file_is_not_moved_whole(tmp_path: Path) -> None:
    site, part = tmp_path / "site", tmp_path / "de-part"
    write(site, {"index.html": "lv"})
    write(part, {"search/search_index.json": "de index", "search/other.json": "other"})
    merge(part, site)
    assert tree(site) == {"index.html": "lv", "search/other.json": "other"}
