"""Several docsets in one site (``split.docsets``): each docset under its own folder of every
language it has, a home page per language listing them, two docsets of one locale side by side,
and two trees of one docset in one locale still one error line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bilingual.checks.audit import audit_trees
from bilingual.cli import main
from bilingual.source.folder import source_files
from bilingual.split.docsets import group_docsets, split_docsets
from bilingual.split.trees import LocaleError
from conftest import FIXTURES

NAVSITE = FIXTURES / "navsite" / "docset"  # lv, docfx.json's dest: navsite
EVERY_KIND = FIXTURES / "every-kind"  # lv, a docfx.json without dest
LV, DE = FIXTURES / "locales" / "lv", FIXTURES / "locales" / "de"  # one docset, no docfx.json
SOURCES = [NAVSITE, EVERY_KIND, LV, DE]


def test_trees_are_grouped_by_docset() -> None:
    groups = group_docsets(SOURCES)
    assert [(group.slug, group.sources) for group in groups] == [
        ("navsite", [NAVSITE]),
        ("every-kind", [EVERY_KIND]),
        ("lv", [LV, DE]),  # de shares lv's articles: the same docset in another locale
    ]


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = tmp_path_factory.mktemp("docsets") / "docs"
    split = split_docsets(SOURCES, docs, jobs=1)
    assert [language.code for language in split.languages] == ["lv", "de", "en"]
    assert not split.problems
    return docs


def test_each_docset_is_under_its_folder_in_each_of_its_languages(docs: Path) -> None:
    assert (docs / "lv" / "navsite" / "get-started.md").is_file()
    assert (docs / "en" / "navsite" / "get-started.md").is_file()
    assert (docs / "lv" / "every-kind" / "article.md").is_file()
    assert (docs / "lv" / "every-kind" / "faq.md").is_file()
    assert (docs / "lv" / "lv" / "sign-in.md").is_file()
    assert (docs / "de" / "lv" / "sign-in.md").is_file()
    assert not (docs / "de" / "navsite").exists()  # navsite has no German
    assert (docs / "lv" / "navsite" / "toc.json").is_file()  # its tree, for its pages
    manifest = json.loads((docs / ".pages.json").read_text(encoding="utf-8"))
    assert manifest["languages"] == ["lv", "de", "en"]


def links(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return [part.split('"', 1)[0] for part in text.split('<a href="')[1:]]


def test_each_language_s_home_lists_the_docsets_it_has(docs: Path) -> None:
    assert links(docs / "lv" / "index.md") == ["navsite/", "every-kind/", "lv/"]
    assert links(docs / "de" / "index.md") == ["lv/"]
    assert links(docs / "en" / "index.md") == ["navsite/", "every-kind/", "lv/"]
    lv_home = (docs / "lv" / "index.md").read_text(encoding="utf-8")
    assert ">Katrs veids</a>" in lv_home  # the docset's name, its breadcrumb's in Latvian
    assert ">Every kind</a>" in (docs / "en" / "index.md").read_text(encoding="utf-8")
    assert "search:\n  exclude: true" in lv_home


def test_redirects_and_link_records_are_under_the_docset_s_folder(docs: Path) -> None:
    redirects = json.loads((docs / ".redirects.json").read_text(encoding="utf-8"))["redirects"]
    assert redirects
    assert all(str(entry["from"]).startswith("navsite/") for entry in redirects)
    internal = [t for e in redirects for t in e["to"].values() if t["internal"]]
    assert internal
    assert all(str(target["href"]).startswith("navsite/") for target in internal)
    records = json.loads((docs / ".links.json").read_text(encoding="utf-8"))
    assert all(page.split("/")[1] in ("navsite", "every-kind", "lv") for page in records)


def test_two_trees_of_one_docset_in_one_language_are_one_error(tmp_path: Path) -> None:
    again = tmp_path / "navsite-again"
    shutil.copytree(NAVSITE, again)  # its docfx.json names it navsite too
    with pytest.raises(LocaleError, match="are both the site language lv"):
        split_docsets([NAVSITE, LV, again], tmp_path / "docs", jobs=1)


def test_a_copy_of_a_docset_in_a_locale_it_has_is_a_docset_of_its_own(tmp_path: Path) -> None:
    """A sample of a tree (no docfx.json) beside the whole tree of its locale: side by side,
    while a tree of another locale still joins the docset whose articles it shares."""
    sample = tmp_path / "lv-sample"
    shutil.copytree(LV, sample)
    (sample / "only-in-latvian.md").unlink()
    groups = group_docsets([LV, DE, sample])
    assert [(group.slug, group.sources) for group in groups] == [
        ("lv", [LV, DE]),
        ("lv-sample", [sample]),
    ]
    split = split_docsets([LV, DE, sample], tmp_path / "docs", jobs=1)
    assert [language.code for language in split.languages] == ["lv", "de", "en"]
    assert (tmp_path / "docs" / "lv" / "lv-sample" / "sign-in.md").is_file()


def test_a_default_no_docset_has_is_one_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["split", "--source", str(NAVSITE), str(DE), "--docs", str(tmp_path / "docs")]
    assert main([*args, "--default", "ja"]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith("error: DEFAULT=ja: no source tree is in it; expected one of lv, de")


def test_the_languages_of_several_docsets(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["languages", "--source", *map(str, SOURCES), "--default", "de"]) == 0
    assert json.loads(capsys.readouterr().out) == ["de", "lv", "en"]


def test_the_audit_of_several_docsets_loses_nothing() -> None:
    audit = audit_trees(SOURCES)
    assert audit.files == sum(len(list(source_files(source))) for source in SOURCES)
    assert audit.yaml_pages == 4
    assert audit.lost_segments == 0, audit.problems


def test_a_tree_sharing_a_few_names_with_a_docset_is_not_of_it(tmp_path: Path) -> None:
    """Two docsets may share an article name (``index.md``, here ``only-in-latvian.md``): that
    is no reason to take one for the other."""
    other = tmp_path / "other"
    shutil.copytree(LV, other)
    for name in ("sign-in.md", "reset-password.md"):
        (other / name).rename(other / f"other-{name}")
    (other / "index.md").write_text((LV / "sign-in.md").read_text(encoding="utf-8"), "utf-8")
    groups = group_docsets([LV, other])
    assert [group.sources for group in groups] == [[LV], [other]]


def test_the_navigation_data_is_under_each_docset_s_folder(docs: Path) -> None:
    data = json.loads((docs / "lv" / ".navigation.json").read_text(encoding="utf-8"))
    assert [(d["f"], d["u"]) for d in data["docsets"]] == [
        ("navsite", "navsite/"),
        ("every-kind", "every-kind/"),
        ("lv", "lv/"),
    ]
    assert data["tocs"] == {"navsite/calendar/meetings.md": "navsite/mail"}
    assert data["crumbs"]
    assert all(crumb["f"].startswith("navsite/") for crumb in data["crumbs"])
    assert all(crumb["u"].startswith("navsite/") for crumb in data["crumbs"])
    assert not (docs / "lv" / "navsite" / ".navigation.json").exists()
    german = json.loads((docs / "de" / ".navigation.json").read_text(encoding="utf-8"))
    assert [d["f"] for d in german["docsets"]] == ["lv"]


def test_a_docset_whose_docfx_json_is_in_a_folder_below_is_named_by_it(tmp_path: Path) -> None:
    """As mixed-reality's repository folder holds ``mr-dev-docs/docfx.json``."""
    repository = tmp_path / "repository"
    shutil.copytree(EVERY_KIND, repository / "docs-folder")
    config = '{"build": {"dest": "Every-Kind-Docs", "globalMetadata": {"_appTitle": "Every"}}}'
    (repository / "docs-folder" / "docfx.json").write_text(config, encoding="utf-8")
    groups = group_docsets([NAVSITE, repository])
    assert [(group.slug, group.name) for group in groups] == [
        ("navsite", "navsite"),
        ("every-kind-docs", "Every-Kind-Docs"),
    ]


def test_the_audit_of_several_docsets_sums_each_locale_s_articles_behind() -> None:
    from bilingual.checks.audit import Audit, merged

    one = Audit(behind={"de": {"articles": 2, "segments": 5}})
    two = Audit(behind={"de": {"articles": 1, "segments": 1}, "ja": {"articles": 3, "segments": 4}})
    assert merged([one, two]).behind == {
        "de": {"articles": 3, "segments": 6},
        "ja": {"articles": 3, "segments": 4},
    }


def test_one_folder_given_twice_is_one_docset_and_one_error(tmp_path: Path) -> None:
    groups = group_docsets([LV, DE, LV])
    assert [group.sources for group in groups] == [[LV, DE, LV]]
    with pytest.raises(LocaleError, match="are both the site language lv"):
        split_docsets([LV, DE, LV], tmp_path / "docs", jobs=1)


def test_each_docset_s_counts_reach_the_report(tmp_path: Path) -> None:
    """A later docset's TOC labels without English are counted too, not only the first's."""
    alone = split_docsets([NAVSITE], tmp_path / "alone", jobs=1)
    assert alone.navigation is not None
    labels = alone.navigation.foreign_labels["lv"]
    assert labels > 0
    together = split_docsets([LV, DE, NAVSITE], tmp_path / "docs", jobs=1)
    assert together.navigation is not None
    assert together.navigation.foreign_labels.get("lv", 0) == labels
