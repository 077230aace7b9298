"""A real MkDocs build of ``tests/fixtures/yamlpages`` (a root Hub, a FAQ, a Tutorial, a page of a
type the site cannot show, a malformed FAQ), asserted on its built HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

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
    assert faq.select("script") == []
    assert faq.select("[onerror]") == []
    assert "alert(" not in "".join(str(s) for s in BeautifulSoup(built, "html.parser")("script"))
    assert 'href="javascript:' not in built
    assert '<script>alert("answer")</script>' in faq.get_text()


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
