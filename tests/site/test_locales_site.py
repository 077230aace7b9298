"""One site of several trees (issue 16): three small trees, lv, de and ar-SA, built into one site.

``tests/fixtures/locales/<code>/`` hold the same articles in three locales; the German
``sign-in.md`` was translated from an older English than the Latvian one, and one article is only
in the Latvian tree. Asserted on the built HTML, the audit, parity, the link check, and a site
assembled from parts built one language at a time.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bilingual.checks.audit import audit_trees
from bilingual.checks.links.built_site import check_site
from bilingual.checks.parity import compare
from bilingual.checks.reproduce import compare_trees
from bilingual.cli import main
from bilingual.site.build import build_part, merge_parts
from bilingual.site.search import shards
from bilingual.split.full import split_trees
from conftest import FIXTURES, LOCALE_PREFIX, LOCALE_TREES

pytestmark = pytest.mark.site

TREES = LOCALE_TREES
CODES = ["lv", "de", "ar-SA", "en"]
PREFIX = LOCALE_PREFIX


@pytest.fixture(scope="module")
def built(locales_site: Path) -> Path:
    return locales_site


def test_the_trees_split_into_four_languages_one_behind(tmp_path: Path) -> None:
    split = split_trees(TREES, tmp_path / "docs")
    assert [language.code for language in split.languages] == CODES
    assert split.behind == {"de": {"sign-in.md": 1}}


def page(site: Path, code: str, article: str) -> BeautifulSoup:
    html = (site / f"{PREFIX[code]}{article}/index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("code", CODES)
def test_every_language_lists_every_language_on_the_same_article(built: Path, code: str) -> None:
    html = page(built / "site", code, "sign-in")
    assert html.html is not None
    assert html.html["lang"] == code
    assert html.html["dir"] == ("rtl" if code == "ar-SA" else "ltr")
    alternates = {link["hreflang"]: link["href"] for link in html.select("link[rel=alternate]")}
    assert sorted(alternates) == sorted([*CODES, "x-default"])
    switcher = html.select(".md-select__link")
    assert [link["hreflang"] for link in switcher] == CODES
    assert [link.get_text(strip=True) for link in switcher] == [
        "Latviešu",
        "Deutsch",
        "العربية (المملكة العربية السعودية)",
        "English",
    ]
    here = built / "site" / f"{PREFIX[code]}sign-in"
    for link in switcher:
        target = (here / str(link["href"]) / "index.html").resolve()
        assert target == (built / "site" / f"{PREFIX[str(link['hreflang'])]}sign-in/index.html")


def test_english_once_from_the_newest_tree_and_the_older_translation_says_so(built: Path) -> None:
    english = page(built / "site", "en", "sign-in").get_text()
    assert "Enter your email address and your password." in english  # lv's newer English
    german = page(built / "site", "de", "sign-in")
    (notice,) = german.select(".english-changed-notice")
    assert "Das englische Original wurde seit dieser Übersetzung geändert." in notice.get_text()
    link = notice.select_one("a")
    assert link is not None
    assert link["href"] == "../../en/sign-in/"
    for code in ("lv", "ar-SA"):
        assert not page(built / "site", code, "sign-in").select(".english-changed-notice")


def test_a_missing_translation_is_the_fallback_page_with_its_notice(built: Path) -> None:
    for code in ("de", "ar-SA"):
        html = page(built / "site", code, "only-in-latvian")
        assert html.select(".fallback-notice")
        assert "Šis raksts ir tikai latviešu kokā." in html.get_text()
        article = html.select_one("article")
        assert article is not None
        assert article["lang"] == "lv"
        # the page's own words inside the Latvian article: marked with the page's language
        ours = article.select(".help-date, .fallback-notice, .sxs-bar")
        assert len(ours) == 3
        assert {str(block["lang"]) for block in ours} == {code}


def test_one_sitemap_with_every_alternate_and_a_404_per_language(built: Path) -> None:
    sitemap = ET.parse(built / "site" / "sitemap.xml").getroot()
    namespace = {"x": "http://www.w3.org/1999/xhtml", "s": sitemap.tag.split("}")[0][1:]}
    for url in sitemap.findall("s:url", namespace):
        hreflangs = {link.get("hreflang") for link in url.findall("x:link", namespace)}
        assert hreflangs == {*CODES, "x-default"}
    for code in CODES:
        not_found = built / "site" / PREFIX[code] / "404.html"
        assert f'<html lang="{code}"' in not_found.read_text(encoding="utf-8")


@pytest.mark.parametrize("code", CODES)
def test_each_language_searches_only_its_own_pages(built: Path, code: str) -> None:
    folder = built / "site" / PREFIX[code] / "search"
    docs = shards.read_language(folder)
    locations = [doc["location"] for doc in docs]
    assert any(location.startswith("sign-in/") for location in locations)
    assert not any(location.startswith(tuple(f"{c}/" for c in CODES)) for location in locations)
    words = {"lv": "Ievadiet", "de": "Geben", "ar-SA": "أدخل", "en": "Enter"}
    assert words[code] in json.dumps(docs, ensure_ascii=False)
    # each language's own analysis: Latvian's stemmer, Snowball's German, lunr's Arabic
    analysis = {"lv": "latvian", "de": "snowball", "ar-SA": "arabic", "en": "english"}
    index = json.loads((folder / "search_index.json").read_text("utf-8"))
    assert index["config"]["help"]["analysis"] == analysis[code]


def test_audit_parity_and_links_of_the_site(built: Path) -> None:
    audit = audit_trees(TREES)
    summary = audit.summary()
    assert summary["lost_segments"] == 0, audit.problems
    assert summary["behind"] == {"de": {"articles": 1, "segments": 1}}
    report = compare(TREES, built / "site")
    assert report.mismatches == []
    assert sorted(report.pages) == sorted(CODES)
    problems = [p for p in check_site(built / "site") if p.kind in ("internal", "anchor")]
    assert problems == []


def test_parts_built_one_language_at_a_time_merge_into_the_same_site(
    built: Path, tmp_path: Path
) -> None:
    split = split_trees(TREES, tmp_path / "docs")
    for code in reversed(CODES):  # any order, as runners finish
        build_part(split.translation, tmp_path / "docs", tmp_path / "parts", code)
    assert merge_parts(tmp_path / "parts", tmp_path / "site") == CODES
    count, differences = compare_trees(built / "site", tmp_path / "site")
    assert count > 40
    assert differences == []


def test_site_part_and_site_merge_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = [str(tree) for tree in TREES]
    assert main(["languages", "--source", *sources, "--default", "de"]) == 0
    assert json.loads(capsys.readouterr().out) == ["de", "lv", "ar-SA", "en"]
    docs, parts = str(tmp_path / "docs"), str(tmp_path / "parts")
    for code in CODES:
        args = ["site-part", "--source", *sources, "--docs", docs, "--parts", parts]
        assert main([*args, "--language", code]) == 0
    assert main(["site-merge", "--parts", parts, "--site", str(tmp_path / "site")]) == 0
    assert "site-merge: lv, de, ar-SA, en merged into" in capsys.readouterr().out
    assert (tmp_path / "site" / "ar-SA" / "sign-in" / "index.html").is_file()


@pytest.mark.parametrize(
    ("trees", "default", "message"),
    [
        (["lv", "lv"], None, "are both the site language lv (lv-LV and lv-LV); expected one"),
        (["lv", "de"], "ja", "DEFAULT=ja: no source tree is in it; expected one of lv, de"),
    ],
)
def test_trees_that_cannot_make_one_site_are_one_line_errors(
    trees: list[str],
    default: str | None,
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sources = [str(FIXTURES / "locales" / code) for code in trees]
    args = ["split", "--source", *sources, "--docs", str(tmp_path / "docs")]
    assert main([*args, *(["--default", default] if default else [])]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith("error: ")
    assert message in error
    assert "\n" not in error


def test_a_tree_whose_files_disagree_on_its_locale_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    for name in ("reset-password.md", "sign-in.md"):
        (mixed / name).write_bytes((FIXTURES / "locales" / "lv" / name).read_bytes())
    german = (FIXTURES / "locales" / "de" / "sign-in.md").read_text(encoding="utf-8")
    (mixed / "anmelden.md").write_text(german, encoding="utf-8")
    assert main(["split", "--source", str(mixed), "--docs", str(tmp_path / "docs")]) == 1
    error = capsys.readouterr().err.strip()
    assert error == (
        f"error: {mixed / 'anmelden.md'}: ms.contentlocale de-DE differs from its tree's lv "
        "(2 files); expected one locale per source tree"
    )


def test_a_locale_static_i18n_cannot_serve_is_built_under_a_folder_it_takes(
    tmp_path: Path,
) -> None:
    """Filipino's code has three letters (``fil``), which mkdocs-static-i18n refuses: its pages
    are built under ``tl/`` (CLDR's alias of fil, which static-i18n takes), and still say
    ``lang="fil"``, named "Filipino" in the language menu."""
    filipino = tmp_path / "fil"
    filipino.mkdir()
    for name in ("sign-in.md", "reset-password.md"):
        text = (FIXTURES / "locales" / "lv" / name).read_text(encoding="utf-8")
        (filipino / name).write_text(text.replace("lv-LV", "fil-PH"), encoding="utf-8")
    args = ["site", "--source", str(FIXTURES / "locales" / "de"), str(filipino)]
    args += ["--docs", str(tmp_path / "docs"), "--site", str(tmp_path / "site")]
    assert main(args) == 0
    built = tmp_path / "site" / "tl" / "sign-in" / "index.html"
    page = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser")
    assert page.html is not None
    assert page.html["lang"] == "fil"
    names = [link.get_text(strip=True) for link in page.select(".md-select__link")]
    assert "Filipino" in names
    # every hreflang and the menu say fil, not the folder's tl
    hreflangs = [str(link["hreflang"]) for link in page.select("[hreflang]")]
    assert "fil" in hreflangs
    assert "tl" not in hreflangs
    menu = next(link for link in page.select(".md-select__link") if link["hreflang"] == "fil")
    assert menu["lang"] == "fil"
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="fil"' in sitemap
    assert 'hreflang="tl"' not in sitemap


def copy_tree(code: str, target: Path, rename: dict[str, str] | None = None) -> Path:
    """The fixture tree ``code`` copied to ``target`` (files renamed by ``rename``)."""
    target.mkdir(parents=True)
    for path in (FIXTURES / "locales" / code).iterdir():
        name = (rename or {}).get(path.name, path.name)
        (target / name).write_bytes(path.read_bytes())
    return target


def split_lines(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = main(["split", *args])
    captured = capsys.readouterr()
    return status, (captured.err + captured.out).strip().splitlines()


@pytest.mark.parametrize(
    ("locale", "message"),
    [
        (None, "no source names its locale; expected 'ms.contentlocale: ll-CC'"),
        ("lv LV!", "no source names its locale; expected 'ms.contentlocale: ll-CC'"),
    ],
)
def test_a_tree_without_a_known_locale_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], locale: str | None, message: str
) -> None:
    tree = copy_tree("lv", tmp_path / "tree")
    for page in tree.iterdir():
        text = page.read_text(encoding="utf-8")
        replaced = "" if locale is None else f"ms.contentlocale: {locale}\n"
        page.write_text(text.replace("ms.contentlocale: lv-LV\n", replaced), encoding="utf-8")
    args = ["--source", str(tree), str(TREES[1]), "--docs", str(tmp_path / "docs")]
    status, lines = split_lines(args, capsys)
    assert status == 1
    assert len(lines) == 1
    assert lines[0].startswith("error: ")
    assert message in lines[0]


def test_a_locale_cldr_does_not_know_is_built_under_its_tag_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = copy_tree("lv", tmp_path / "tree")
    for page in tree.iterdir():
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("lv-LV", "qx-QX"), encoding="utf-8")
    status, lines = split_lines(["--source", str(tree), "--docs", str(tmp_path / "docs")], capsys)
    assert status == 0
    said = [line for line in lines if "no language CLDR knows" in line]
    assert len(said) == 1
    assert said[0].startswith(f"{tree}/")
    assert (
        ":5:1: ms.contentlocale qx-QX: no language CLDR knows, so its pages are built as" in said[0]
    )
    assert (tmp_path / "docs" / "qx-QX" / "sign-in.md").is_file()


def test_a_file_whose_locale_is_not_a_tag_is_built_in_its_trees_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = copy_tree("lv", tmp_path / "tree")
    page = tree / "sign-in.md"
    page.write_text(page.read_text(encoding="utf-8").replace("lv-LV", "lv LV!"), encoding="utf-8")
    status, lines = split_lines(["--source", str(tree), "--docs", str(tmp_path / "docs")], capsys)
    assert status == 0
    said = [line for line in lines if "is not a BCP 47 language tag" in line]
    assert len(said) == 1
    assert said[0].startswith(f"{page}:")
    assert "built in its tree's language, lv" in said[0]
    assert (tmp_path / "docs" / "lv" / "sign-in.md").is_file()


def test_two_files_one_address_once_case_is_folded_leave_the_later_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = copy_tree("lv", tmp_path / "lv")
    (tree / "Sign-In.md").write_bytes((tree / "sign-in.md").read_bytes())
    args = ["--source", str(tree), "--docs", str(tmp_path / "docs")]
    status, lines = split_lines(args, capsys)
    assert status == 0
    assert f"{tree / 'sign-in.md'}:1:1: its page address is that of Sign-In.md once" in lines[0]
    assert lines[-1].endswith(", 1 skipped")
    assert (tmp_path / "docs" / "lv" / "Sign-In.md").is_file()
    assert not (tmp_path / "docs" / "lv" / "sign-in.md").exists()
    assert main(["split", *args, "--strict"]) == 1


def test_an_article_another_tree_spells_otherwise_is_the_same_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latvian = copy_tree("lv", tmp_path / "lv")
    german = copy_tree("de", tmp_path / "de", rename={"sign-in.md": "Sign-In.md"})
    args = ["--source", str(latvian), str(german), "--docs", str(tmp_path / "docs")]
    status, lines = split_lines(args, capsys)
    assert status == 0
    (warning,) = [line for line in lines if "Sign-In.md" in line]
    assert warning.startswith(f"{german / 'Sign-In.md'}:1:1: spelled sign-in.md in {latvian}")
    assert (tmp_path / "docs" / "de" / "sign-in.md").is_file()
    assert not (tmp_path / "docs" / "de" / "Sign-In.md").exists()


def test_two_englishes_of_one_date_are_a_reported_choice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latvian = copy_tree("lv", tmp_path / "lv")
    german = copy_tree("de", tmp_path / "de")
    date = next(
        line
        for line in (latvian / "sign-in.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("ms.date:")
    )
    page = german / "sign-in.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        "\n".join(date if line.startswith("ms.date:") else line for line in text.splitlines()),
        encoding="utf-8",
    )
    args = ["--source", str(latvian), str(german), "--docs", str(tmp_path / "docs")]
    status, lines = split_lines(args, capsys)
    assert status == 0
    assert (
        "split: de: 1 articles have another English than the site's of the same date "
        "(sign-in.md first); the site's English is the earlier tree's"
    ) in "\n".join(lines)
    english = (tmp_path / "docs" / "en" / "sign-in.md").read_text(encoding="utf-8")
    assert "Enter your email address and your password." in english  # the Latvian tree's


def relabelled_site(tmp_path: Path, locale: str) -> BeautifulSoup:
    """The lv tree given ``locale`` as its ``ms.contentlocale``, built alone: its sign-in page."""
    tree = copy_tree("lv", tmp_path / locale)
    for source in tree.iterdir():
        source.write_text(
            source.read_text(encoding="utf-8").replace("lv-LV", locale), encoding="utf-8"
        )
    args = ["site", "--source", str(tree), "--docs", str(tmp_path / "docs")]
    assert main([*args, "--site", str(tmp_path / "site")]) == 0
    built = tmp_path / "site" / "sign-in" / "index.html"
    return BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser")


def test_a_language_material_lacks_reads_the_projects_own_words_for_the_theme(
    tmp_path: Path,
) -> None:
    """Kazakh: Material ships no words for it; the project's (overrides/partials/languages/kk.html)
    name the search box, and the project's catalog the alert titles and notices."""
    page = relabelled_site(tmp_path, "kk-KZ")
    assert page.html is not None
    assert page.html["lang"] == "kk"
    box = page.select_one("input.md-search__input")
    assert box is not None
    assert box["placeholder"] == "Іздеу"
    assert page.select_one(".sxs-toggle") is not None
    # nothing fell back to English (the side-by-side view's English twins, and the theme's credit
    # in the footer, are English by design, and marked so)
    assert not page.select(
        "[lang=en]:not(.md-select__link, template.help-sbs, .md-copyright > span)"
    )
    assert page.select("template.help-sbs[lang=en]")


def test_a_tag_whose_region_static_i18n_refuses_keeps_it_in_every_lang(tmp_path: Path) -> None:
    """Latin American Spanish (es-419): static-i18n takes no number for a region, so its folder
    is a private-use one; the split records the tag beside it and the pages say es-419."""
    page = relabelled_site(tmp_path, "es-419")
    assert page.html is not None
    assert page.html["lang"] == "es-419"
    hreflangs = {str(link["hreflang"]) for link in page.select("[hreflang]")}
    assert hreflangs == {"es-419", "en", "x-default"}
