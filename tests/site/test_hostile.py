"""Hostile sources built into a real site: nothing in them may run, the text around them stays.

Each folder of ``tests/fixtures/hostile`` is one case: ``source.md`` (a bilingual source with
payloads inside segments and between them) and ``keep.txt`` (``lv: text`` / ``en: text`` lines
that must still be read on that language's page). All cases and the seed are built into one
site; every page is parsed as a browser parses it (``executable``) and checked element by
element and attribute by attribute against the seed's page in the same language.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bilingual.site.sanitize import is_video_player
from conftest import HOSTILE_CASES as CASES
from conftest import PREFIX, SEED_ARTICLE
from executable import active_elements, executable, parse
from search_worker import needs_node, render

pytestmark = pytest.mark.site


def page(site: Path, code: str, article: str) -> BeautifulSoup:
    return parse((site / PREFIX[code] / article / "index.html").read_text(encoding="utf-8"))


def kept_text(case: Path, code: str) -> list[str]:
    lines = (case / "keep.txt").read_text(encoding="utf-8").splitlines()
    return [line.split(": ", 1)[1] for line in lines if line.startswith(f"{code}: ")]


@pytest.mark.parametrize("code", ["lv", "en"])
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_nothing_in_the_page_can_run(hostile_site: Path, case: Path, code: str) -> None:
    hostile = page(hostile_site, code, case.name)
    assert executable(hostile) == []
    benign = active_elements(page(hostile_site, code, SEED_ARTICLE))
    assert active_elements(hostile) - benign == {}


@pytest.mark.parametrize("code", ["lv", "en"])
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_article_holds_only_content(hostile_site: Path, case: Path, code: str) -> None:
    article = page(hostile_site, code, case.name).select_one("article")
    assert article is not None
    names = {element.name for element in article.find_all(True)}
    assert not names & {"script", "style", "svg", "math", "object", "embed", "form", "base"}
    for frame in article.find_all("iframe"):
        assert is_video_player(str(frame["src"]))


@pytest.mark.parametrize("code", ["lv", "en"])
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_text_around_is_kept(hostile_site: Path, case: Path, code: str) -> None:
    article = page(hostile_site, code, case.name).select_one("article")
    assert article is not None
    text = re.sub(r"\s+", " ", article.get_text())
    missing = [wanted for wanted in kept_text(case, code) if wanted not in text]
    assert missing == []
    assert kept_text(case, code), "keep.txt names no text for this language"


@pytest.mark.parametrize("code", ["lv", "en"])
def test_the_video_player_is_the_only_iframe(hostile_site: Path, code: str) -> None:
    frames = page(hostile_site, code, "iframe-video-player").select("article iframe")
    assert [frame.attrs for frame in frames] == [
        {
            "src": "https://www.microsoft.com/videoplayer/embed/RE1FOfN?autoplay=false",
            "allowfullscreen": "",
        }
    ]
    assert frames[0].contents == []
    assert page(hostile_site, code, "iframe-foreign").select("iframe") == []


@pytest.mark.parametrize("code", ["lv", "en"])
def test_placeholders_are_text_and_app_links_stay(hostile_site: Path, code: str) -> None:
    article = page(hostile_site, code, "placeholders").select_one("article")
    assert article is not None
    # the generator's own (the English twins' template is checked as the other pages are)
    for own in article.select(".sxs-bar, .bilingual-notice, .help-date, template.help-sbs"):
        own.decompose()
    for sentence in article.select("span.sxs"):  # a segment carrying its English original
        sentence.unwrap()
    assert {el.name for el in article.find_all(True)} <= {"h1", "a", "p", "code", "ul", "li"}
    assert [a["href"] for a in article.select("a[href^='ms-settings:']")] == [
        "ms-settings:windowsupdate"
    ]
    raw = (hostile_site / PREFIX[code] / "placeholders" / "index.html").read_text(encoding="utf-8")
    assert "&lt;CustomDomain&gt;" in raw


@pytest.mark.parametrize("code", ["lv", "en"])
def test_inlined_image_becomes_a_file(hostile_site: Path, code: str) -> None:
    images = page(hostile_site, code, "data-urls").select("article img[src]")
    sources = [str(image["src"]) for image in images]
    assert len(sources) == 1
    assert sources[0].startswith(("../assets/inline/", "../../assets/inline/"))
    here = hostile_site / PREFIX[code] / "data-urls"
    assert (here / sources[0]).read_bytes().startswith(b"GIF89a")


def test_front_matter_is_text_in_the_head(hostile_site: Path) -> None:
    head = page(hostile_site, "lv", "front-matter").head
    assert head is not None
    assert head.title is not None
    assert head.title.get_text().startswith('Virsraksts ">')
    author = head.select_one("meta[name=author]")
    assert author is not None
    assert author["content"] == 'x" onmouseover="document.documentElement.dataset.pwned=1'


@needs_node
@pytest.mark.parametrize("code", ["lv", "en"])
def test_search_results_hold_nothing_that_runs(hostile_site: Path, code: str) -> None:
    """Material shows a result's title and text as HTML: the worker makes it from the
    fragments' plain text, escaped; a query matching the payloads' words changes nothing."""
    folder = hostile_site / PREFIX[code] / "search"
    config = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))["config"]
    fragments = [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted((folder / "fragment").glob("*.json"))
    ]
    hostile = [fragment for fragment in fragments if fragment["l"].split("/")[0] != SEED_ARTICLE]
    assert len(hostile) >= len(CASES)
    query = "script alert onerror javascript img svg iframe style onload"
    for fragment, items in zip(hostile, render(config, query, hostile), strict=True):
        for item in items:
            for field in ("title", "text"):
                tree = parse(f"<div>{item[field]}</div>")
                assert executable(tree) == [], fragment["l"]
                assert active_elements(tree) == {}, fragment["l"]


@pytest.mark.parametrize("code", ["lv", "en"])
def test_docfx_constructs_write_no_attribute_of_the_source(hostile_site: Path, code: str) -> None:
    """A hostile ``[!div class]``, uid, xref title or selector title becomes no attribute: classes
    are the writer's or safe words, an xref to a ``javascript:`` uid links to its page."""
    article = page(hostile_site, code, "docfx-constructs").select_one("article")
    assert article is not None
    classes = {
        name
        for element in article.find_all(True)
        for name in element.get_attribute_list("class")
        if name
    }
    assert all(re.fullmatch(r"[A-Za-z][\w-]*", name) for name in classes), classes
    assert "docfx-div" in classes
    assert "op_multi_selector" in classes
    hrefs = {
        str(a["href"])
        for a in article.select("a[href]")
        if "headerlink" not in a.get_attribute_list("class")
    }
    assert hrefs == {"./"}
    titles = [str(a["title"]) for a in article.select("a[title]")]
    assert all("<" not in title for title in titles)
    assert not [element for element in article.find_all(True) if element.has_attr("onmouseover")]
