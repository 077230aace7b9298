"""A real MkDocs build of ``tests/fixtures/yamlpages`` (a root Hub, a FAQ, a Tutorial, a page of a
type the site cannot show, a malformed FAQ), asserted on its built HTML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from bilingual.site.csp import META_POLICY, hashes_of
from conftest import FIXTURES, build_source

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def yaml_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_source(FIXTURES / "yamlpages" / "docset", tmp_path_factory.mktemp("yamlpages"))


def article(site: Path, page: str) -> Tag:
    found = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser").article
    assert found is not None, page
    return found


def target(site: Path, page: str, href: str) -> Path:
    found = ((site / page).parent / href.split("#")[0]).resolve()
    return found / "index.html" if found.is_dir() else found


def test_the_root_hub_is_the_translation_home_page_and_its_cards_lead_to_built_pages(
    yaml_site: Path,
) -> None:
    home = article(yaml_site, "index.html")
    h1 = home.find("h1")
    assert h1 is not None
    assert h1.get_text().strip("¶ ") == "Paraugu palīdzības centrs"
    links = {a.get_text(): str(a["href"]) for a in home.select(".grid.cards a[href]")}
    for text, page in [
        ("Bieži uzdotie jautājumi", "faq/index.html"),
        ("Pirmā atskaite", "guides/tutorial/index.html"),
        ("Savienojuma izveide", "guides/connect/index.html"),
        ("Kurss", "course/index.html"),
    ]:
        assert target(yaml_site, "index.html", links[text]) == yaml_site / page
        assert (yaml_site / page).is_file()
    for img in home.select("img.help-card__image"):
        assert target(yaml_site, "index.html", str(img["src"])).is_file()
    assert "<img src=x" not in (yaml_site / "index.html").read_text(encoding="utf-8")


def test_faq_questions_are_anchors_answers_are_rendered_and_hostile_markup_is_text(
    yaml_site: Path,
) -> None:
    built = (yaml_site / "faq" / "index.html").read_text(encoding="utf-8")
    faq = article(yaml_site, "faq/index.html")
    ids = [str(h["id"]) for h in faq.select("h3.help-faq__question")]
    assert ids == [
        "ka-atiestatit-paroli",
        "vai-varu-pierakstities-ar-scriptalert1script-kontu",
        "kur-tiek-glabati-dati",
        "ka-atiestatit-paroli-2",
    ]
    for found in ids:  # each addressable: its permalink is its own anchor
        assert faq.select_one(f'h3[id="{found}"] a.headerlink[href="#{found}"]') is not None
    answer = faq.select(".help-faq__answer")[0]
    assert [li.get_text() for li in answer.select("ol > li")] == [
        "Ievadiet e-pastu.",
        "Izpildiet norādījumus.",
    ]
    # the one script of the article is the FAQPage data block (test_faq_page_structured_data)
    assert [s.get("type") for s in faq.select("script")] == ["application/ld+json"]
    assert faq.select("[onerror]") == []
    executable = [
        s for s in BeautifulSoup(built, "html.parser")("script") if s.get("type") != LD_JSON
    ]
    assert "alert(" not in "".join(str(s) for s in executable)
    assert 'href="javascript:' not in built
    assert '<script>alert("answer")</script>' in faq.get_text()


LD_JSON = "application/ld+json"
HOSTILE_QUESTION = "Vai varu pierakstīties ar <script>alert(1)</script> kontu?"


def structured_data(site: Path, page: str) -> list[dict[str, Any]]:
    """The JSON-LD blocks of a built page, parsed as a browser splits its HTML."""
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    return [json.loads(block.string or "") for block in soup("script", type=LD_JSON)]


def test_faq_page_structured_data_holds_its_questions_in_order_hostile_text_inside(
    yaml_site: Path,
) -> None:
    """One schema.org FAQPage per FAQ page, in the translation and the English fallback: each
    question's text and its answer's sanitised HTML (links absolute); the hostile question
    is a JSON string, its ``</script>`` written as ``\u003c/script\u003e``; no other page has
    one, and the FAQ page's policy hashes no more scripts than the Hub's."""
    built = (yaml_site / "faq" / "index.html").read_text(encoding="utf-8")
    for page, prefix in [("faq/index.html", ""), ("en/faq/index.html", "en/")]:
        (data,) = structured_data(yaml_site, page)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "FAQPage"
        entities = data["mainEntity"]
        assert [q["name"] for q in entities] == [
            "Kā atiestatīt paroli?",
            HOSTILE_QUESTION,
            "Kur tiek glabāti dati?",
            "Kā atiestatīt paroli?",
        ]
        assert {q["@type"] for q in entities} == {"Question"}
        answers = [q["acceptedAnswer"] for q in entities]
        assert {a["@type"] for a in answers} == {"Answer"}
        first = BeautifulSoup(answers[0]["text"], "html.parser")
        assert [li.get_text() for li in first.select("ol > li")] == [
            "Ievadiet e-pastu.",
            "Izpildiet norādījumus.",
        ]
        hostile = BeautifulSoup(answers[1]["text"], "html.parser")
        assert hostile.find(["script", "img"]) is None  # sanitised: the source's tags are text
        assert '<script>alert("answer")</script>' in hostile.get_text()
        assert [a["href"] for a in hostile("a")] == [
            f"http://127.0.0.1:8000/{prefix}guides/connect/#dati",
            f"http://127.0.0.1:8000/{prefix}faq/#ka-atiestatit-paroli",
        ]
    assert built.count("</script>") == built.count("<script")  # nothing closed a block early
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in built
    for page in ["index.html", "guides/tutorial/index.html", "course/index.html"]:
        assert structured_data(yaml_site, page) == []
    home = (yaml_site / "index.html").read_text(encoding="utf-8")
    assert hashes(built) == hashes(home)


def hashes(html: str) -> set[str]:
    """The script hashes of a built page's policy."""
    found = META_POLICY.search(html)
    assert found is not None
    return hashes_of(found.group(1))


def test_tutorial_and_placeholder_pages_are_built_and_english_falls_back(
    yaml_site: Path,
) -> None:
    tutorial = article(yaml_site, "guides/tutorial/index.html")
    assert [h.get("id") for h in tutorial.select("h2.help-tutorial__step")] == [
        "step-1",
        "step-2",
        "step-3",
    ]
    assert tutorial.select("script") == []
    course = article(yaml_site, "course/index.html")
    notice = course.select_one(".help-yaml-placeholder")
    assert notice is not None
    assert "vēl nevar parādīt" in notice.get_text()
    english = article(yaml_site, "en/faq/index.html")
    assert english.select_one(".fallback-notice") is not None
    assert english.select("h3.help-faq__question")


def test_yaml_pages_are_translated_only_no_side_by_side_view(yaml_site: Path) -> None:
    """A YAML page (hub, FAQ, tutorial, one the site cannot show) is written in its translation
    alone: no English twins, no toggle. An article of the docset has both."""
    for name in ("index.html", "faq/index.html", "guides/tutorial/index.html", "course/index.html"):
        html = (yaml_site / name).read_text(encoding="utf-8")
        assert "help-sbs" not in html, name
        assert "sbs-toggle" not in html, name
    connect = (yaml_site / "guides/connect/index.html").read_text(encoding="utf-8")
    assert '<template class="help-sbs"' in connect
    assert 'class="sbs-toggle"' in connect
