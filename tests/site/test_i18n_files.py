"""``site.i18n_files`` chooses each language's files as mkdocs-static-i18n's own
``reconfigure_files`` does: the same files, in the same order, with the same alternates, for the
build of every language, on a tree of every case; and the build uses it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from bilingual.locales import site_language
from bilingual.site import i18n_files, internals
from bilingual.site.build import CONFIG, environment

LANGUAGES = [("lv", "Latviešu", "Palīdzība"), ("de", "Deutsch", "Hilfe"), ("en", "English", "Help")]
TREE = {
    # an article in every language, one the German tree lacks, one only in the default
    # language, one in English only, one at the docs root (no language folder)
    **{f"{code}/everywhere.md": "# Everywhere\n" for code in ("lv", "de", "en")},
    **{f"{code}/no-german/index.md": "# No German\n" for code in ("lv", "en")},
    "lv/only-default.md": "# Only in Latvian\n",
    "en/only-english.md": "# Only in English\n",
    "root-page.md": "# At the root\n",
    # assets: one per language, one only in the default language's folder, one at the root
    **{f"{code}/media/shot.png": code for code in ("lv", "de", "en")},
    "lv/media/default-only.png": "lv",
    "shared.css": "body {}",
}


def loaded(docs: Path, code: str) -> Any:
    """mkdocs.yml as the build of language ``code`` loads it, for the site of ``LANGUAGES``."""
    saved = dict(os.environ)
    os.environ.update(environment(site_language("lv")))
    try:
        config = load_config(str(CONFIG), docs_dir=str(docs), site_dir=str(docs.parent / "site"))
    finally:
        os.environ.clear()
        os.environ.update(saved)
    internals.set_languages(config, LANGUAGES)
    internals.build_one_language(config, code)
    return config.plugins.on_config(config)


def described(files: Any) -> list[tuple[Any, ...]]:
    """Everything of each chosen file the build reads, its alternates' included."""

    def one(file: Any) -> tuple[Any, ...]:
        return (
            file.src_uri,
            file.dest_uri,
            file.url,
            file.abs_dest_path,
            getattr(file, "locale", None),
            getattr(file, "localization", None),
            getattr(file, "norm_src_uri", None),
        )

    return [
        (
            *one(file),
            [(code, *one(other)) for code, other in getattr(file, "alternates", {}).items()],
        )
        for file in files
    ]


def write_tree(docs: Path, tree: dict[str, str]) -> None:
    for path, text in tree.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("code", [code for code, _, _ in LANGUAGES])
def test_the_same_files_and_alternates_as_static_i18n_chooses(tmp_path: Path, code: str) -> None:
    docs = tmp_path / "docs"
    write_tree(docs, TREE)
    config = loaded(docs, code)
    plugin = internals.i18n(config)
    files = get_files(config)
    theirs = type(plugin).reconfigure_files(plugin, files, config)
    ours = i18n_files.reconfigure_files(plugin, files, config)
    assert described(ours) == described(theirs)
    chosen = {file.src_uri for file in ours}
    # the tree's cases are there: a fallback page, a page of another language left out
    assert ("lv/no-german/index.md" in chosen) == (code in ("lv", "de"))  # German: a fallback
    assert "lv/only-default.md" in chosen
    assert ("en/only-english.md" in chosen) == (code == "en")
    assert ("de/media/shot.png" in chosen) == (code == "de")


@pytest.mark.parametrize("code", [code for code, _, _ in LANGUAGES])
def test_files_taken_again_are_chosen_as_if_made_anew(tmp_path: Path, code: str) -> None:
    """A choice made again with the ``File`` objects of the last one (``make serve``, a page
    added and one removed) is the choice static-i18n makes from scratch, alternates included,
    and keeps the objects (and the pages on them) of the files that stayed."""
    docs = tmp_path / "docs"
    write_tree(docs, TREE)
    config = loaded(docs, code)
    plugin = internals.i18n(config)
    i18n_files.remember(plugin)
    first = i18n_files.reconfigure_files(plugin, get_files(config), config)
    # German gains the page it lacked, Latvian loses its only-default page
    write_tree(docs, {"de/no-german/index.md": "# Nicht mehr\n"})
    (docs / "lv" / "only-default.md").unlink()
    again = i18n_files.reconfigure_files(plugin, get_files(config), config)
    fresh = type(plugin).reconfigure_files(plugin, get_files(config), config)
    assert described(again) == described(fresh)
    assert described(again) != described(first)
    before: dict[str, Any] = {made.src_uri: made for made in first}
    kept = [source for made in again if before.get(source := made.src_uri) is made]
    assert any(source.endswith("everywhere.md") for source in kept)


def test_a_file_in_the_language_folder_and_at_the_root_is_the_same_error(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_tree(docs, {"lv/twice.md": "# A\n", "twice.md": "# B\n", "en/twice.md": "# C\n"})
    config = loaded(docs, "lv")
    plugin = internals.i18n(config)
    files = get_files(config)
    conflict = "Conflicting files for the default language 'lv'"
    with pytest.raises(Exception, match=conflict) as theirs:
        type(plugin).reconfigure_files(plugin, files, config)
    with pytest.raises(Exception, match=conflict) as ours:
        i18n_files.reconfigure_files(plugin, files, config)
    assert str(ours.value) == str(theirs.value)


def test_a_language_folder_is_read_as_static_i18n_reads_it() -> None:
    languages = ["lv", "de", "en"]
    assert i18n_files.file_language("de/a.md", languages, "lv") == ("de", "de")
    assert i18n_files.file_language("fr/a.md", languages, "lv") == ("fr", "fr")  # a locale
    assert i18n_files.file_language("media/a.png", languages, "lv") == ("lv", None)
    assert i18n_files.file_language("index.md", languages, "lv") == ("lv", None)


def test_the_build_chooses_its_files_with_it(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    config = loaded(docs, "de")  # the hooks' on_config has installed it
    method = internals.i18n(config).reconfigure_files
    assert getattr(method, "__func__", None) is i18n_files.reconfigure_files


def test_a_file_is_made_as_static_i18n_makes_it(tmp_path: Path) -> None:
    from mkdocs_static_i18n.folder import create_i18n_file

    docs = tmp_path / "docs"
    write_tree(
        docs,
        {
            **TREE,
            "de/README.md": "# Read me\n",  # README pages become index pages
            "lv/guide/README.md": "# Read me\n",
            "README.md": "# Read me\n",
            "fr/page.md": "# A locale folder of no site language\n",
            "media/README.html": "<p>an asset</p>",
        },
    )
    config = loaded(docs, "de")
    languages = [language for language, _, _ in LANGUAGES]

    def fields(file: Any) -> tuple[Any, ...]:
        return (
            *described([file])[0],
            file.dest_path,
            file.name,
            file.locale_alternate_of,
            file.inclusion,
        )

    made = 0
    for file in get_files(config):
        if str(file.abs_src_path).startswith(str(docs)):  # not the theme's
            made += 1
            for current in languages:
                theirs = create_i18n_file(file, current, "lv", languages, config)
                ours = i18n_files.make_file(file, current, "lv", languages, config)
                assert fields(ours) == fields(theirs), (file.src_uri, current)
    assert made == len(TREE) + 5
