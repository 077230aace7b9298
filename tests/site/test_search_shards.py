"""The sharded index: chunks of keys in JavaScript's order, a fragment per page, a small index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilingual.site.search import shards
from bilingual.site.search.text import SEPARATOR, sentences
from search_worker import needs_node, render

DOCS = [
    {"location": "a/", "title": "Kļūda 401/403", "text": "<p>Kods (0x80070005). Otrs teikums.</p>"},
    {"location": "a/#b", "title": "Sadaļa", "text": "<p>Kods 5.7.750.</p><ul><li>Punkts</li></ul>"},
    {"location": "c/#d", "title": "Tikai sadaļa", "text": "<p>Paroles &lt;script&gt;</p>"},
]


def test_pages_group_sections_under_their_page_top_first() -> None:
    found = shards.pages(DOCS)
    assert [page.location for page in found] == ["a/", "c/"]
    assert [section.anchor for section in found[0].sections] == ["", "#b"]
    assert found[0].sections[0].sentences == ["Kods (0x80070005).", "Otrs teikums."]
    assert found[0].sections[1].sentences == ["Kods 5.7.750.", "Punkts"]
    # a page without an entry of its own gets one, titled as its first section
    assert [(s.anchor, s.title, s.sentences) for s in found[1].sections] == [
        ("", "Tikai sadaļa", []),
        ("#d", "Tikai sadaļa", ["Paroles <script>"]),
    ]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>One. Two? Three!</p>", ["One.", "Two?", "Three!"]),
        ("<p>Code 5.7.750. Next</p>", ["Code 5.7.750.", "Next"]),
        ("<p>パスワードを変更します。次に</p>", ["パスワードを変更します。", "次に"]),
        ("<p>a <code>x</code>y</p><li>&amp;</li>", ["a xy", "&"]),
    ],
)
def test_sentences(html: str, expected: list[str]) -> None:
    assert sentences(html) == expected


def test_postings_hold_page_section_and_counts() -> None:
    from bilingual.site.search.analysis import analyzer

    table = shards.postings(shards.pages(DOCS), analyzer("lv"))
    assert table["401"] == {"401": [0, shards.code(0, 1, 0)]}
    assert table["0x80070005"] == {"0x80070005": [0, shards.code(0, 0, 1)]}
    assert table["kod"] == {"kods": [0, shards.code(0, 0, 1), 0, shards.code(1, 0, 1)]}
    assert table["5.7.750"] == {"5.7.750": [0, shards.code(1, 0, 1)]}
    assert table["klud"] == {"kļūda": [0, shards.code(0, 1, 0)]}
    assert table["parol"] == {"paroles": [1, shards.code(1, 0, 1)]}
    assert shards.deltas([3, 10, 3, 11, 7, 12, 20, 13]) == [3, 10, 0, 11, 4, 12, 13, 13]


def test_chunks_follow_javascripts_order_and_their_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shards, "CHUNK_BYTES", 60)
    table = {key: {key: [0, 1]} for key in ["b", "a", "\U0001f600", "\uffee", "ā", "c" * 50]}
    found = shards.chunks(table)
    keys = [entry[0] for _, text in found for entry in json.loads(text)]
    # UTF-16 code units: the emoji's surrogates (U+D83D …) come before U+FFEE
    assert keys == ["a", "b", "c" * 50, "ā", "\U0001f600", "\uffee"]
    assert [first for first, _ in found] == [json.loads(text)[0][0] for _, text in found]
    assert len(found) > 1
    assert all(len(text) <= 60 or len(json.loads(text)) == 1 for _, text in found)


def test_language_files(tmp_path: Path) -> None:
    index, files = shards.language_files(DOCS, "lv", "../../../search/")
    config = index["config"]
    assert index["docs"] == []
    assert config["separator"] == SEPARATOR
    help_config = config["help"]
    assert help_config["analysis"] == "latvian"
    assert (help_config["entries"], help_config["pages"]) == (4, 2)
    assert help_config["folder"] == "../../../search/"
    for first, name in help_config["chunks"]:
        assert json.loads(files[f"index/{name}"])[0][0] == first
    fragment = json.loads(files["fragment/1.json"])
    assert fragment == {
        "l": "c/",
        "s": [["", "Tikai sadaļa", []], ["#d", "Tikai sadaļa", ["Paroles <script>"]]],
    }
    assert shards.language_files(DOCS, "lv", "../../../search/") == (index, files)


def test_write_and_read_back_one_language(tmp_path: Path) -> None:
    merged = {"docs": [*DOCS, {"location": "en/a/", "title": "Error", "text": "<p>Code.</p>"}]}
    shards.write_language(merged, tmp_path, "", ["en/"], "lv")
    shards.write_language(merged, tmp_path, "en/", [], "en")
    assert [doc["location"] for doc in shards.read_language(tmp_path / "search")] == [
        "a/",
        "a/#b",
        "c/",
        "c/#d",
    ]
    english = shards.read_language(tmp_path / "en" / "search")
    assert english == [{"location": "a/", "title": "Error", "text": "Code."}]
    index = json.loads((tmp_path / "en" / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["help"]["folder"] == "../../../en/search/"
    assert index["config"]["help"]["analysis"] == "english"


HOSTILE = [
    '<img src=x onerror="alert(1)">',
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "&lt;b&gt; &amp;amp; </mark><mark>",
    "javascript:alert(1) 'x' \"y\"",
]


@needs_node
@pytest.mark.parametrize("text", HOSTILE)
def test_the_worker_escapes_what_it_shows(text: str) -> None:
    """Fragments are source text: the worker's result HTML holds it as text, with only its own
    ``<mark>`` and ``<p>`` around; a query matching inside it changes nothing of that."""
    from executable import active_elements, executable, parse

    index, _ = shards.language_files([], "lv", "../../../search/")
    fragment = {"l": "a/", "s": [["", f"Kļūda {text}", [f"Teikums {text} beigas."]]]}
    for query in ["kluda teikums", "img onerror alert script svg mark", text]:
        [[item]] = render(index["config"], query, [fragment])
        for html in (item["title"], item["text"]):
            tree = parse(f"<div>{html}</div>")
            assert executable(tree) == []
            assert active_elements(tree) == {}
            assert {element.name for element in tree.find_all(True)} <= {
                "html", "head", "body", "div", "p", "mark",
            }  # fmt: skip
        assert parse(item["title"]).get_text() == f"Kļūda {text}"
        assert parse(item["text"]).get_text() == f"Teikums {text} beigas."


@needs_node
def test_a_result_address_never_becomes_a_scheme() -> None:
    index, _ = shards.language_files([], "lv", "../../../search/")
    fragments = [
        {"l": "javascript:alert(1)/", "s": [["", "x", []]]},
        {"l": "a:b/c/", "s": [["", "y", []]]},
    ]
    fragments.append({"l": "ok/x:y/", "s": [["#z", "z", []]]})
    locations = [items[0]["location"] for items in render(index["config"], "x", fragments)]
    assert locations == ["./javascript:alert(1)/", "./a:b/c/", "ok/x:y/#z"]
