"""Incremental split: a changed source rewrites only its own pages; serve's watcher does it."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from bilingual.split.full import split_tree
from bilingual.split.incremental import Update, update_tree
from bilingual.split.watch import watch
from bilingual_text import article, pair
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
    assert '<a href="record-a-call/">Zvana ieraksts</a>' in (docs / "lv" / "index.md").read_text(
        "utf-8"
    )


def test_deleted_source_loses_its_pages_and_its_index_entry(split_copy: tuple[Path, Path]) -> None:
    source, docs = split_copy
    (source / "share-calendar.md").unlink()
    update = update_tree(source, docs)
    assert sorted(update.removed) == ["en/share-calendar.md", "lv/share-calendar.md"]
    assert "share-calendar.md" not in (docs / "en" / "index.md").read_text("utf-8")


def test_an_edited_include_writes_again_the_articles_that_read_it_and_no_other(
    split_copy: tuple[Path, Path],
) -> None:
    source, docs = split_copy
    article = source / "set-up-mail.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(
        text.replace("# <span", "[!INCLUDE [note](includes/shared-note.md)]\n\n# <span", 1), "utf-8"
    )
    assert update_tree(source, docs).full is None
    age_pages(docs)
    note = source / "includes" / "shared-note.md"
    note.write_text(
        note.read_text(encoding="utf-8").replace("Šī piezīme", "Šī jaunā piezīme"), "utf-8"
    )
    update = update_tree(source, docs)
    assert update.full is None
    assert update.written == ["lv/set-up-mail.md"]  # only the translation changed
    assert "Šī jaunā piezīme" in (docs / "lv" / "set-up-mail.md").read_text("utf-8")
    assert rewritten(docs) == {"lv/set-up-mail.md"}


def test_an_include_that_appears_mends_the_page_that_missed_it(
    split_copy: tuple[Path, Path],
) -> None:
    source, docs = split_copy
    article = source / "set-up-mail.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(
        text.replace("# <span", "[!INCLUDE [later](includes/later.md)]\n\n# <span", 1), "utf-8"
    )
    update = update_tree(source, docs)
    assert any("later.md" in str(warning) for warning in update.warnings), update.warnings
    shutil.copyfile(source / "includes" / "shared-note.md", source / "includes" / "later.md")
    update = update_tree(source, docs)
    assert update.full is None
    assert sorted(update.written) == ["en/set-up-mail.md", "lv/set-up-mail.md"]
    assert "Šī piezīme" in (docs / "lv" / "set-up-mail.md").read_text("utf-8")


def test_a_changed_file_no_page_read_falls_back_to_a_full_split(
    split_copy: tuple[Path, Path],
) -> None:
    source, docs = split_copy
    (source / "docfx.json").write_text('{"build": {}}', "utf-8")
    assert update_tree(source, docs).full is not None


def test_without_a_snapshot_the_split_is_full(tmp_path: Path) -> None:
    update = update_tree(FIXTURES / "tree", tmp_path / "docs")
    assert update.full is not None
    assert (tmp_path / "docs" / "en" / "guides" / "licenses.md").is_file()


def test_watcher_resplits_a_saved_source(split_copy: tuple[Path, Path]) -> None:
    source, docs = split_copy
    updates: list[Update] = []
    observer = watch([source], lambda: updates.append(update_tree(source, docs)))
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
    assert '<a href="guides/licenses/">licenses</a>' in english


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


def xref_tree(root: Path) -> tuple[Path, Path]:
    """Three articles: one with a uid, one linking to it by uid (and including a code file)."""
    source = root / "source"
    source.mkdir()
    (source / "target.md").write_text(
        article(
            "# " + pair("t-1", "Pasta iestatīšana", "Set up mail") + "\n",
            title="Pasta iestatīšana",
            uid="mail.setup",
            fullName="Contoso.Mail.Setup",
        ),
        encoding="utf-8",
    )
    (source / "sample.cs").write_text("// <Send>\nSend();\n// </Send>\n", encoding="utf-8")
    body = (
        "# "
        + pair("l-1", "Saites", "Links")
        + "\n\n"
        + pair(
            "l-2",
            "Skatiet <xref:mail.setup> un @mail.setup.",
            "See <xref:mail.setup> and @mail.setup.",
        )
        + "\n\n[!code-csharp[](sample.cs#Send)]\n"
    )
    (source / "linking.md").write_text(article(body, title="Saites"), encoding="utf-8")
    (source / "other.md").write_text(
        article("# " + pair("o-1", "Cits", "Other") + "\n", title="Cits"), encoding="utf-8"
    )
    docs = root / "docs"
    split_tree(source, docs)
    return source, docs


def same_pages(docs: Path, full: Path) -> None:
    """Every page of ``docs`` is the page the full split of the same sources wrote."""
    pages = sorted(path.relative_to(full) for path in full.rglob("*.md"))
    assert pages == sorted(path.relative_to(docs) for path in docs.rglob("*.md"))
    for page in pages:
        assert (docs / page).read_text("utf-8") == (full / page).read_text("utf-8"), page


def test_an_update_writes_xrefs_as_the_full_split_writes_them(tmp_path: Path) -> None:
    source, docs = xref_tree(tmp_path)
    age_pages(docs)
    linking = source / "linking.md"
    linking.write_text(
        linking.read_text("utf-8")
        + "\n"
        + pair(
            "l-3",
            "Pilns: <xref:mail.setup?displayProperty=fullName>, [solis](xref:mail.setup#steps), "
            "<xref:no.such.uid>.",
            "Full: <xref:mail.setup?displayProperty=fullName>, [step](xref:mail.setup#steps), "
            "<xref:no.such.uid>.",
        )
        + "\n",
        "utf-8",
    )
    update = update_tree(source, docs)
    assert update.full is None
    assert rewritten(docs) == {"lv/linking.md", "en/linking.md"}
    split_tree(source, tmp_path / "full")
    same_pages(docs, tmp_path / "full")
    latvian = (docs / "lv" / "linking.md").read_text("utf-8")
    assert 'href="../target/">Pasta iestatīšana</a>' in latvian
    assert 'href="../target/">Contoso.Mail.Setup</a>' in latvian
    assert 'data-xref="mail.setup#steps" class="docfx-xref-link">solis</a>' in latvian
    assert '<code class="docfx-xref" data-xref="no.such.uid">no.such.uid</code>' in latvian
    assert 'href="../target/">Set up mail</a>' in (docs / "en" / "linking.md").read_text("utf-8")


def test_a_changed_title_of_a_uid_page_falls_back_to_the_full_split(tmp_path: Path) -> None:
    """The pages that name an article by uid show its title: they change with it."""
    source, docs = xref_tree(tmp_path)
    target = source / "target.md"
    target.write_text(target.read_text("utf-8").replace("Set up mail", "Mail setup"), "utf-8")
    update = update_tree(source, docs)
    assert update.full is not None
    assert 'href="../target/">Mail setup</a>' in (docs / "en" / "linking.md").read_text("utf-8")
    split_tree(source, tmp_path / "full")
    same_pages(docs, tmp_path / "full")


@pytest.mark.parametrize("change", ["new uid", "uid removed", "uid page deleted"])
def test_a_changed_uid_map_falls_back_to_the_full_split(tmp_path: Path, change: str) -> None:
    source, docs = xref_tree(tmp_path)
    if change == "new uid":
        other = source / "other.md"
        other.write_text(
            other.read_text("utf-8").replace("title: Cits", "title: Cits\nuid: o"), "utf-8"
        )
    elif change == "uid removed":
        target = source / "target.md"
        target.write_text(target.read_text("utf-8").replace("uid: mail.setup\n", ""), "utf-8")
    else:
        (source / "target.md").unlink()
    assert update_tree(source, docs).full is not None
    split_tree(source, tmp_path / "full")
    same_pages(docs, tmp_path / "full")


def test_a_changed_code_file_writes_again_the_pages_that_show_it(tmp_path: Path) -> None:
    source, docs = xref_tree(tmp_path)
    (source / "sample.cs").write_text("// <Send>\nSendAgain();\n// </Send>\n", encoding="utf-8")
    update = update_tree(source, docs)
    assert update.full is None
    assert sorted(update.written) == ["en/linking.md", "lv/linking.md"]
    assert '<span class="n">SendAgain</span>' in (docs / "lv" / "linking.md").read_text("utf-8")
    split_tree(source, tmp_path / "full")
    same_pages(docs, tmp_path / "full")


def test_a_file_docfx_json_leaves_out_stays_no_page_when_saved(tmp_path: Path) -> None:
    """As in the full split (``source.files``: ``excluded``), a save of it writes no page."""
    source = tmp_path / "source"
    shutil.copytree(FIXTURES / "tree", source)
    config = '{"build": {"content": [{"files": ["**/*.md"], "exclude": ["drafts/**"]}]}}'
    (source / "docfx.json").write_text(config, encoding="utf-8")
    (source / "drafts").mkdir()
    draft = source / "drafts" / "draft.md"
    shutil.copy(source / "guides" / "licenses.md", draft)
    docs = tmp_path / "docs"
    split_tree(source, docs)
    age_pages(docs)
    draft.write_text(draft.read_text(encoding="utf-8") + "\nJauns teikums.\n", "utf-8")
    update = update_tree(source, docs)
    assert update.full is None
    assert rewritten(docs) == set()
    assert not (docs / "lv" / "drafts").exists()
