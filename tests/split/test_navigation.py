"""The navigation the split writes: home pages, landing pages, the tree per language, redirects.

``tests/fixtures/navsite`` is a repository with a redirection file at its root and a docset in
``docset/``: a TOC named ``Toc.yml`` (object form) linking to a folder's ``TOC.yml`` (that
folder's own tree) and nesting a TOC file, a root landing page and one in ``guides/``, five articles (``calendar/meetings.md`` listed only by ``mail/``'s TOC). ``expected/`` holds what the
split writes of it, reviewed by hand; the incremental split must write the same.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bilingual.split.full import split_tree
from bilingual.split.incremental import update_tree
from conftest import FIXTURES

NAVSITE = FIXTURES / "navsite"
EXPECTED = NAVSITE / "expected"
GOLDEN = {
    "lv/index.md": "lv-index.md",
    "en/index.md": "en-index.md",
    "lv/guides/index.md": "lv-guides-index.md",
    ".redirects.json": "redirects.json",
}


@pytest.fixture(scope="module")
def navsite_docs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    docs = tmp_path_factory.mktemp("navsite") / "docs"
    split = split_tree(NAVSITE / "docset", docs)
    assert not split.problems
    return docs, [str(warning) for warning in split.warnings]


@pytest.mark.parametrize("page", sorted(GOLDEN))
def test_navigation_pages_are_the_golden_ones(
    navsite_docs: tuple[Path, list[str]], page: str
) -> None:
    docs, _ = navsite_docs
    expected = (EXPECTED / GOLDEN[page]).read_text(encoding="utf-8")
    assert (docs / page).read_text(encoding="utf-8") == expected


@pytest.mark.parametrize("code", ["lv", "en"])
@pytest.mark.parametrize("folder", ["", "mail/"])
def test_the_trees_of_each_language_are_the_golden_ones(
    navsite_docs: tuple[Path, list[str]], code: str, folder: str
) -> None:
    """The root's tree, and mail/'s own (the root's entry links to its folder, DocFX's link to
    another TOC, so mail/'s pages show it); guides/toc.yml is nested in the root's, no tree."""
    docs, _ = navsite_docs
    golden = f"{code}-{folder.replace('/', '-')}toc.json"
    expected = json.loads((EXPECTED / golden).read_text(encoding="utf-8"))
    assert json.loads((docs / code / folder / "toc.json").read_text(encoding="utf-8")) == expected
    assert not (docs / code / "guides" / "toc.json").exists()
    assert not (docs / code / "breadcrumb" / "toc.json").exists()


def test_what_cannot_be_used_is_reported_at_its_place(navsite_docs: tuple[Path, list[str]]) -> None:
    _, warnings = navsite_docs
    expected = (EXPECTED / "problems.txt").read_text(encoding="utf-8").splitlines()
    assert warnings == expected


def test_no_english_landing_page_is_written(navsite_docs: tuple[Path, list[str]]) -> None:
    docs, _ = navsite_docs
    assert not (docs / "en" / "guides" / "index.md").exists()  # the site falls back to lv's


def test_a_tree_of_the_home_page_alone_gives_no_tree(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "tree", tmp_path / "source")
    (tmp_path / "source" / "TOC.yml").write_text("- name: Indekss\n  href: index.md\n", "utf-8")
    split_tree(tmp_path / "source", tmp_path / "docs")
    assert not (tmp_path / "docs" / "lv" / "toc.json").exists()


def test_a_malformed_landing_page_is_reported_and_the_home_is_generated(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(NAVSITE / "docset", source)
    (source / "index.yml").write_text("### YamlMime:Landing\ntitle: [unclosed\n", "utf-8")
    split = split_tree(source, tmp_path / "docs")
    assert "index.yml:3:1: not valid YAML" in "\n".join(str(w) for w in split.warnings)
    home = (tmp_path / "docs" / "lv" / "index.md").read_text(encoding="utf-8")
    assert '<h1 id="palidzibas-raksti">Palīdzības raksti' in home
    assert "grid cards" not in home


def test_a_yaml_page_of_a_type_not_built_yet_is_a_placeholder_and_one_line(
    tmp_path: Path,
) -> None:
    """Hub and FAQ pages are pages; a type the site cannot show is a placeholder page that says
    so, named in one line each; data files (a docset's context, pivot groups, settings) are no
    pages and say nothing."""
    source = tmp_path / "source"
    shutil.copytree(NAVSITE / "docset", source)
    (source / "hub.yml").write_text("### YamlMime:Hub\ntitle: Hub\n", "utf-8")
    (source / "faq.yml").write_text("### YamlMime:FAQ\ntitle: FAQ\n", "utf-8")
    (source / "course.yml").write_text("### YamlMime:Course\ntitle: Kurss\n", "utf-8")
    (source / "module.yml").write_text("### YamlMime:Module\n- not a mapping\n", "utf-8")
    (source / "context.yml").write_text("### YamlMime:ContextObject\nbrand: x\n", "utf-8")
    (source / "settings.yml").write_text("### YamlMime:Yaml\nkey: value\n", "utf-8")
    docs = tmp_path / "docs"
    split = split_tree(source, docs)
    said = [str(w) for w in split.warnings if "YamlMime" in str(w)]
    expected = (
        "a type the site cannot show yet: it is a placeholder page that says so; expected a "
        "YamlMime:Landing, YamlMime:Hub, YamlMime:FAQ, YamlMime:Tutorial page or a markdown article"
    )
    assert said == [
        f"course.yml:1:1: a YamlMime:Course page, {expected}",
        f"module.yml:1:1: a YamlMime:Module page, {expected}",
    ]
    assert '<h1 id="hub">Hub' in (docs / "lv" / "hub.md").read_text(encoding="utf-8")
    assert '<h1 id="faq">FAQ' in (docs / "lv" / "faq.md").read_text(encoding="utf-8")
    course = (docs / "lv" / "course.md").read_text(encoding="utf-8")
    assert "title: Kurss" in course
    assert "Šāda veida lapu šajā vietnē vēl nevar parādīt." in course
    assert "title: module" in (docs / "lv" / "module.md").read_text(encoding="utf-8")
    assert not (docs / "lv" / "context.md").exists()
    assert not (docs / "lv" / "settings.md").exists()
    assert not (docs / "en" / "faq.md").exists()  # the translation's only: English falls back


def files(docs: Path) -> dict[str, bytes]:
    return {
        path.relative_to(docs).as_posix(): path.read_bytes()
        for path in sorted(docs.rglob("*"))
        if path.is_file() and path.name not in (".sources.json", ".pages.json")
    }


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_incremental_navigation_is_the_full_split_s(tmp_path: Path) -> None:
    """A TOC's name, an article's titles, a landing page removed, a landing link added: the
    incremental update writes what a full split of the changed source writes."""
    repository = tmp_path / "repository"
    shutil.copytree(NAVSITE, repository, ignore=shutil.ignore_patterns("expected"))
    source = repository / "docset"
    docs = tmp_path / "docs"
    split_tree(source, docs)
    edit(source / "mail" / "TOC.yml", "Pasta iestatīšana", "Pasts: iestatīšana")
    edit(source / "guides" / "new-users.md", "title: Jaunie lietotāji", "title: Jauni lietotāji")
    edit(source / "guides" / "new-users.md", ">New users<", ">Newcomers<")
    edit(source / "index.yml", "      url: get-started.md\n", "      url: guides/new-users.md\n")
    (source / "guides" / "index.yml").unlink()
    update = update_tree(source, docs)
    assert update.full is None
    assert "lv/guides/index.md" in update.removed
    full = tmp_path / "full"
    split_tree(source, full)
    assert files(docs) == files(full)
    tree = json.loads((docs / "en" / "toc.json").read_text(encoding="utf-8"))
    assert "Newcomers" in json.dumps(tree)


def test_a_changed_redirection_file_reaches_the_next_update(tmp_path: Path) -> None:
    repository = tmp_path / "repository"
    shutil.copytree(NAVSITE, repository, ignore=shutil.ignore_patterns("expected"))
    source = repository / "docset"
    docs = tmp_path / "docs"
    split_tree(source, docs)
    edit(
        repository / ".openpublishing.redirection.json",
        "https://example.com/legacy",
        "https://example.com/new",
    )
    edit(source / "get-started.md", "palīdz sākt darbu.", "palīdz sākt.")
    update_tree(source, docs)
    assert "https://example.com/new" in (docs / ".redirects.json").read_text(encoding="utf-8")


def test_a_markdown_toc_gives_the_tree_and_is_no_page(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(FIXTURES / "tree", source)
    (source / "TOC.yml").unlink()
    toc = "# [Indekss](index.md)\n# Pasts\n## [Pasta iestatīšana](set-up-mail.md)\n"
    (source / "TOC.md").write_text(toc, "utf-8")
    docs = tmp_path / "docs"
    split_tree(source, docs)
    tree = json.loads((docs / "lv" / "toc.json").read_text(encoding="utf-8"))
    assert [node["t"] for node in tree] == ["Indekss", "Pasts"]
    assert tree[1]["c"][0]["u"] == "set-up-mail/"
    assert not (docs / "lv" / "TOC.md").exists()
    assert not (docs / "en" / "TOC.md").exists()
    assert "TOC" not in (docs / "lv" / "index.md").read_text(encoding="utf-8")
    (source / "TOC.md").write_text(toc.replace("Pasts", "E-pasts"), "utf-8")
    update = update_tree(source, docs)
    assert update.full is None
    assert not update.problems
    tree = json.loads((docs / "lv" / "toc.json").read_text(encoding="utf-8"))
    assert [node["t"] for node in tree] == ["Indekss", "E-pasts"]
    assert not (docs / "lv" / "TOC.md").exists()


def labels_in(nodes: list[dict[str, object]], code: str) -> int:
    found = 0
    for node in nodes:
        found += node.get("l") == code
        found += labels_in(node.get("c", []), code)  # type: ignore[arg-type]
    return found


def test_the_english_tree_counts_its_labels_in_the_translation(tmp_path: Path) -> None:
    split = split_tree(NAVSITE / "docset", tmp_path / "docs")
    trees = [json.loads(p.read_text("utf-8")) for p in (tmp_path / "docs" / "en").rglob("toc.json")]
    assert len(trees) == 2  # the root's and mail/'s
    assert split.navigation is not None
    assert split.navigation.foreign_labels == {"lv": sum(labels_in(t, "lv") for t in trees)}
    assert split.navigation.foreign_labels["lv"] == 7
    english = json.loads((tmp_path / "docs" / "en" / "toc.json").read_text("utf-8"))
    titled = [node["t"] for node in english if "l" not in node]
    assert titled == ["Help articles", "Get started"]  # each page with an English title
