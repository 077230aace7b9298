"""Side-by-side reading (issue 28) in real MkDocs builds, asserted on the HTML a reader gets: the
translation's marked blocks, the English twins in their inert template at the article's end
(sanitised apart, no ids), the toggle beside the hover's, nothing on English pages or on the
English address of a fallback page; search reads no twin, the link check counts no link twice
and every relative link of a twin resolves from the translation's page; hostile English in a
twin cannot run. (YAML pages have no view: ``test_yaml_pages_site``; the audit and parity of a
site with twins: ``test_locales_site``.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, TemplateString

from bilingual.checks.links.built_site import check_site, page_links
from bilingual.site.search.shards import read_language
from conftest import LOCALE_PREFIX, SEED_ARTICLE
from executable import executable, parse

pytestmark = pytest.mark.site


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def one(root: Tag, selector: str) -> Tag:
    found = root.select_one(selector)
    assert found is not None, selector
    return found


def words(tag: Tag) -> str:
    """The text of ``tag``, a template's content included (Beautiful Soup leaves it out)."""
    return " ".join(tag.get_text(" ", types=(NavigableString, TemplateString)).split())


def template_of(soup: BeautifulSoup) -> Tag:
    return one(soup, "article > template.help-sbs")


def test_the_seed_carries_its_english_twins_at_the_articles_end(seed_site: Path) -> None:
    soup = page(seed_site, SEED_ARTICLE)
    article = one(soup, "article")
    template = template_of(soup)
    assert article.find_all(True, recursive=False)[-1] is template  # after the body, notices
    assert template.attrs == {
        "class": ["help-sbs"],
        "lang": "en",
        "dir": "ltr",
        "data-search-exclude": "",
    }
    holders = template.find_all("div", recursive=False)
    assert [holder["data-sbs"] for holder in holders] == [str(n) for n in range(7)]
    marked = [tag for tag in article.select("[data-sbs]") if tag.find_parent("template") is None]
    assert [tag["data-sbs"] for tag in marked] == [str(n) for n in range(7)]
    assert [tag.name for tag in marked] == ["h1", "p", "li", "li", "li", "li", "p"]
    # the page's ids are its own once: a twin carries none
    assert template.select("[id]") == []
    assert template.select("a[name]") == []
    assert words(holders[5]).startswith("Verify your credentials")


def test_the_toggle_stands_beside_the_hovers_in_the_pages_language(seed_site: Path) -> None:
    bar = one(page(seed_site, SEED_ARTICLE), "article .sxs-bar")
    buttons = bar.select("button")
    assert [button["class"] for button in buttons] == [["sxs-toggle"], ["sbs-toggle"]]
    toggle = buttons[1]
    assert toggle["type"] == "button"
    assert toggle["aria-pressed"] == "false"
    assert toggle.get_text() == "Rādīt oriģinālu angļu valodā blakus tulkojumam"
    assert toggle["data-on"] == "Oriģināls angļu valodā tiek rādīts blakus tulkojumam."
    assert toggle["data-off"] == "Oriģināls angļu valodā vairs netiek rādīts."
    status = one(bar, ".sbs-status")
    assert status["role"] == "status"
    assert status.get_text() == ""


def test_english_pages_have_no_view(seed_site: Path, locales_site: Path) -> None:
    for site, path in [(seed_site, f"en/{SEED_ARTICLE}"), (locales_site / "site", "en/sign-in")]:
        soup = page(site, path)
        assert soup.select("template.help-sbs, .sbs-toggle, [data-sbs]") == []


@pytest.mark.parametrize("code", ["lv", "de", "ar-SA"])
def test_every_translation_of_the_three_locale_site_has_its_view(
    locales_site: Path, code: str
) -> None:
    soup = page(locales_site / "site", f"{LOCALE_PREFIX[code]}sign-in")
    template = template_of(soup)
    assert template["lang"] == "en"
    assert template.select("div[data-sbs]")
    assert one(soup, ".sbs-toggle")["aria-pressed"] == "false"
    assert one(soup, "html")["lang"] == code


def test_a_fallback_page_has_no_twins_where_the_page_is_english(locales_site: Path) -> None:
    """An article only in Latvian is the Latvian page at the German and English addresses: the
    German page keeps the reader's toggles; the English one is for a reader of English."""
    english = page(locales_site / "site", "en/only-in-latvian")
    assert english.select("template.help-sbs, .sbs-toggle") == []


def test_search_indexes_no_twin(seed_site: Path) -> None:
    docs = read_language(seed_site / "search")
    text = json.dumps(docs, ensure_ascii=False)
    assert "Daudzu iemeslu dēļ" in text
    for english in ("Verify your credentials", "Troubleshooting a flow", "Troubleshoot Flow"):
        assert english not in text


def test_the_link_check_reads_each_link_once(seed_site: Path) -> None:
    html = (seed_site / SEED_ARTICLE / "index.html").read_text(encoding="utf-8")
    fwlink = "https://go.microsoft.com/fwlink/?linkid=872110"
    assert html.count(fwlink) == 2  # the translation's link and its twin's
    urls = [link.url for link in page_links(html).links]
    assert urls.count(fwlink) == 1  # the template's content is no part of the page
    assert [p for p in check_site(seed_site) if p.kind in ("internal", "anchor")] == []


def test_a_twins_relative_links_resolve_from_the_translation_page(
    docfx_blocks_site: tuple[Path, Path],
) -> None:
    """A twin is the English page's block, its links made for the English page's address: the
    same depth under each language's folder, so a relative link lands on the same file of the
    translation's folder (the media are copied into each)."""
    site = docfx_blocks_site[1]
    for folder in ("div/source", "image/source", "xref/source"):
        soup = page(site, folder)
        for link in template_of(soup).select("a[href], img[src]"):
            target = str(link.get("href") or link.get("src")).split("#")[0]
            if not target or re.match(r"[a-z]+:", target):
                continue
            found = (site / folder / target).resolve()
            assert found.is_file() or (found / "index.html").is_file(), (folder, target)


def test_tab_groups_in_twins_are_groups_of_their_own(docfx_site: Path) -> None:
    soup = page(docfx_site, "tabs")
    twins = template_of(soup).select("input[type=radio]")
    assert twins
    assert all(str(radio["name"]).startswith("sbs-en-docfx-tabs-") for radio in twins)
    assert all(str(radio["id"]).startswith("sbs-en-docfx-tabs-") for radio in twins)
    labels = template_of(soup).select("label[for]")
    assert {str(label["for"]) for label in labels} == {str(radio["id"]) for radio in twins}


def test_english_payloads_in_twins_cannot_run(hostile_site: Path) -> None:
    raw = (hostile_site / "side-by-side" / "index.html").read_text(encoding="utf-8")
    soup = parse(raw)  # as a browser parses it (html5lib: a template's content too)
    templates = soup.select("template")
    assert len(templates) == 1  # the site's own; the source's forged one is gone
    assert executable(soup) == []
    assert (
        soup.select("template script, template svg, template [onerror], template [onclick]") == []
    )
    text = words(templates[0])
    for kept in ("First", "A step", "with a script.", "a link", "Cell", "note", "The last"):
        assert kept in text
    assert "javascript:" not in str(templates[0])
