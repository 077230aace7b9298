"""Reading Learn's YAML pages (``tests/fixtures/yamlpages/docset``, written from DocFX's
documented schemas): a Hub, a FAQ, a Tutorial, a type the site cannot show and a malformed FAQ,
whose wrong parts are reported at ``file:line:column`` while the rest is kept."""

from __future__ import annotations

import pytest

from bilingual.errors import SourceError
from bilingual.pages.yaml_pages import read_page
from bilingual.source.faq import Faq, parse_faq
from bilingual.source.hub import Hub, HubLink, parse_hub
from bilingual.source.tutorial import Step, Tutorial, parse_tutorial
from bilingual.source.yamlnodes import Origin
from bilingual.source.yamlpage import OtherPage
from conftest import FIXTURES

DOCSET = FIXTURES / "yamlpages" / "docset"


def read(path: str) -> str:
    return (DOCSET / path).read_text(encoding="utf-8")


def test_a_faq_is_its_sections_of_questions_with_markdown_answers() -> None:
    problems: list[SourceError] = []
    faq = parse_faq(read("faq.yml"), "faq.yml", problems)
    assert problems == []
    assert faq.title == "Bieži uzdotie jautājumi"
    assert faq.metadata == {"ms.topic": "faq", "ms.date": "03/06/2021"}
    assert [section.name for section in faq.sections] == ["Pierakstīšanās", "Dati"]
    first = faq.sections[0].questions[0]
    assert (first.question, first.line, first.column) == ("Kā atiestatīt paroli?", 12, 5)
    assert first.answer.splitlines()[2] == "1. Ievadiet e-pastu."  # markdown kept as written
    assert faq.post == "Vēl jautājumi? Rakstiet atbalsta dienestam."


def test_a_malformed_faq_reports_each_wrong_part_where_it_stands_and_keeps_the_rest() -> None:
    problems: list[SourceError] = []
    faq = parse_faq(read("broken-faq.yml"), "broken-faq.yml", problems)
    assert [str(p).split(";")[0] for p in problems] == [
        "broken-faq.yml:8:5: a FAQ entry has no answer",
        "broken-faq.yml:9:5: a FAQ entry has no question",
        "broken-faq.yml:10:5: FAQ entry 'just a string' is not a mapping",
        "broken-faq.yml:11:3: a FAQ section has no name",
        "broken-faq.yml:15:14: a section's 'questions' is not a list",
        "broken-faq.yml:16:3: FAQ section 42 is not a mapping",
        "broken-faq.yml:18:3: 'postContent' is not markdown text",
    ]
    assert all("; expected '" in str(p) for p in problems)
    kept = [(s.name, [q.question for q in s.questions]) for s in faq.sections]
    assert kept == [("Labā sadaļa", ["Vai šis paliek?"]), ("", ["Sadaļa bez nosaukuma?"])]


@pytest.mark.parametrize(
    ("text", "what", "at"),
    [
        ("### YamlMime:FAQ\ntitle: [unclosed\n", "not valid YAML", (3, 1)),
        ("### YamlMime:FAQ\n- a list\n", "the FAQ page is not a YAML mapping", (1, 1)),
        ("### YamlMime:FAQ\nsummary: no title\n", "the FAQ page has no title", (2, 1)),
    ],
)
def test_a_file_that_cannot_be_a_faq_raises(text: str, what: str, at: tuple[int, int]) -> None:
    with pytest.raises(SourceError) as raised:
        parse_faq(text, "faq.yml", [])
    assert (raised.value.line, raised.value.column) == at
    assert what in str(raised.value)


def test_a_hub_is_its_highlighted_links_and_sections_of_cards_in_learns_order() -> None:
    problems: list[SourceError] = []
    hub = parse_hub(read("index.yml"), "index.yml", problems)
    assert problems == []
    assert hub.highlighted[0] == HubLink("Darba sākšana", "get-started.md", "get-started")
    titles = [section.title for section in hub.sections]
    assert titles == ["Izpētiet", "Produkti", "Vairāk resursu", "Rīki"]
    data = hub.sections[0].cards[0]
    assert data.footer == HubLink("Savienojuma izveide", "guides/connect.md")
    assert [link.kind for link in data.links] == ["tutorial", "concept"]
    assert hub.sections[1].cards[0].image == "media/icon.png"
    assert hub.sections[3].cards[0].url == "course.yml"


def test_a_malformed_hub_part_is_reported_and_the_rest_kept() -> None:
    text = (
        "### YamlMime:Hub\ntitle: Centrs\nhighlightedContent:\n  items:\n  - title: Bez saites\n"
        "  - title: Ar saiti\n    url: a.md\nconceptualContent: teksts\nproductDirectory:\n"
        "  title: Produkti\n  items:\n  - summary: bez virsraksta\n  - title: Labs\n"
    )
    problems: list[SourceError] = []
    hub = parse_hub(text, "hub.yml", problems)
    assert [str(p).split(";")[0] for p in problems] == [
        "hub.yml:5:5: hub link {'title': 'Bez saites'} has no text or url",
        "hub.yml:8:20: conceptualContent is not a mapping",
        "hub.yml:12:5: a hub card has no title",
    ]
    assert hub.highlighted == (HubLink("Ar saiti", "a.md"),)
    assert [(s.title, [c.title for c in s.cards]) for s in hub.sections] == [("Produkti", ["Labs"])]


def test_a_tutorial_is_its_steps_in_order_with_their_minutes() -> None:
    problems: list[SourceError] = []
    tutorial = parse_tutorial(read("guides/tutorial.yml"), "guides/tutorial.yml", problems)
    assert problems == []
    assert [(s.title, s.minutes) for s in tutorial.steps] == [
        ("", 1),
        ("Savienojiet datus", 5),
        ("Publicējiet", None),
    ]


def test_a_tutorial_step_without_content_or_with_a_bad_duration_is_reported() -> None:
    text = (
        "### YamlMime:Tutorial\ntitle: T\nitems:\n- durationInMinutes: 3\n"
        "- durationInMinutes: drīz\n  content: Saturs.\n"
    )
    problems: list[SourceError] = []
    tutorial = parse_tutorial(text, "t.yml", problems)
    assert [str(p).split(";")[0] for p in problems] == [
        "t.yml:4:3: a tutorial step has no content",
        "t.yml:5:22: a step's durationInMinutes 'drīz' is no number of minutes",
    ]
    assert tutorial.steps == (
        Step("Saturs.", None, at=Origin(6, 12)),
    )  # its text: line 6, column 12


@pytest.mark.parametrize(
    ("path", "kind"),
    [("index.yml", Hub), ("faq.yml", Faq), ("guides/tutorial.yml", Tutorial)],
)
def test_the_registry_reads_each_type_with_its_reader(path: str, kind: type) -> None:
    problems: list[SourceError] = []
    assert isinstance(read_page(read(path), path, problems), kind)
    assert problems == []


def test_a_type_the_site_cannot_show_is_a_placeholder_reported_in_one_line() -> None:
    problems: list[SourceError] = []
    page = read_page(read("course.yml"), "course.yml", problems)
    assert page == OtherPage(
        "course.yml",
        "Course",
        "Paraugu kurss",
        {"ms.date": "03/08/2021"},
        ("Kurss par <b>paraugiem</b>.", "Pirmais modulis"),  # its text, for the placeholder
    )
    assert len(problems) == 1
    assert str(problems[0]).startswith("course.yml:1:1: a YamlMime:Course page, a type the site")
    assert str(problems[0]).endswith(
        "expected a YamlMime:Landing, YamlMime:Hub, YamlMime:FAQ, "
        "YamlMime:Tutorial page or a markdown article"
    )


@pytest.mark.parametrize("kind", ["ContextObject", "ZonePivotGroups", "Yaml", "TOC"])
def test_data_types_are_no_page_and_say_nothing(kind: str) -> None:
    problems: list[SourceError] = []
    assert read_page(f"### YamlMime:{kind}\ntitle: x\n", "data.yml", problems) is None
    assert problems == []
