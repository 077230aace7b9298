"""The translation memory's pure core on small hand-made sources (``tests/fixtures/tm``): one
entry per distinct pair with every place it was read at, two translations of one English as two
entries, markup kept as text, a character XML refuses reported at its place and dropped alone,
and the languages joined into units by their English."""

from __future__ import annotations

import io

import pytest
from translate.storage.tmx import tmxfile

from bilingual.errors import SourceError
from bilingual.source.folder import NoLocaleError, read_documents
from bilingual.source.parse import parse
from bilingual.tm.export import tree_tag
from bilingual.tm.memory import Memory, Occurrence, remembered
from bilingual.tm.tmx import tmx_store
from bilingual.tm.units import joined
from bilingual.tm.xmltext import cleaned
from conftest import FIXTURES

TREES = FIXTURES / "tm"
MARKUP_EN = "Enter <email> and `Get-Mailbox` <strong>now</strong> & wait."
MARKUP_LV = "Ievadiet <email> un `Get-Mailbox` <strong>tūlīt</strong> & gaidiet."


def memory_of(name: str) -> Memory:
    problems: list[SourceError] = []
    documents = read_documents(TREES / name, problems)
    assert problems == []
    return remembered(tree_tag(documents), documents)


def test_a_pair_read_in_several_places_is_one_entry_with_every_place() -> None:
    memory = memory_of("lv")
    hello = memory.entries["Hello", "Sveiki"]
    assert hello.occurrences == [
        Occurrence("first.md", "aaaaa-101", "1001", 6, 3),
        Occurrence("includes/note.md", "ccccc-101", "", 2, 3),
        Occurrence("second.md", "bbbbb-101", "1002", 6, 3),
    ]
    assert (memory.files, memory.segments, memory.empty) == (3, 8, 1)
    assert len(memory.entries) == 5
    assert memory.duplicates == 2  # Hello twice more; the empty translation is left out


def test_one_english_translated_two_ways_is_two_entries() -> None:
    memory = memory_of("lv")
    save = [pair for pair in memory.entries if pair[0] == "Select **Save**."]
    assert save == [
        ("Select **Save**.", "Noklikšķiniet uz **Saglabāt**."),
        ("Select **Save**.", "Atlasiet **Saglabāt**."),
    ]


def test_the_tree_tag_is_the_locale_in_canonical_case() -> None:
    documents = read_documents(TREES / "lv", [])
    assert tree_tag(documents) == "lv-LV"  # first.md writes lv-lv, second.md lv-LV
    with pytest.raises(NoLocaleError):
        tree_tag([document for document in documents if document.path.startswith("includes/")])


def test_markup_inside_a_segment_is_kept_as_escaped_text() -> None:
    memory = memory_of("lv")
    assert (MARKUP_EN, MARKUP_LV) in memory.entries
    out = io.BytesIO()
    tmx_store(joined([memory])).serialize(out)
    written = out.getvalue().decode("utf-8")
    assert "&lt;strong&gt;now&lt;/strong&gt; &amp; wait." in written
    assert "<strong>" not in written
    read = tmxfile(io.BytesIO(out.getvalue()), sourcelanguage="en-US", targetlanguage="lv-LV")
    assert (MARKUP_EN, MARKUP_LV) in {(unit.source, unit.target) for unit in read.units}


def test_a_character_xml_refuses_is_reported_at_its_place_and_only_it_dropped() -> None:
    text = (
        "---\nms.contentlocale: lv-LV\n---\n"
        'Text <span data-ttu-id="x-1">Sa\x08glabāt</span><span class="sxs-lookup">'
        '<span data-stu-id="x-1">Save\nthe \x0bfile</span></span>\n'
    )
    memory = remembered("lv-LV", [parse(text, "bad.md")])
    assert list(memory.entries) == [("Save\nthe file", "Saglabāt")]
    tail = (
        "is a character XML 1.0 does not allow; dropped from the translation memory; "
        "expected text without control characters"
    )
    assert [str(problem) for problem in memory.problems] == [
        f"bad.md:4:32: U+0008 in segment x-1's translation text {tail}",
        f"bad.md:5:5: U+000B in segment x-1's english text {tail}",
    ]
    lines = text.split("\n")  # splitlines would break at U+000B
    assert lines[3][31] == "\x08"
    assert lines[4][4] == "\x0b"


def test_line_ends_are_line_feeds_and_only_refused_characters_go() -> None:
    assert cleaned("a\r\nb\rc\td\x00e\ufffff\U0001f600") == "a\nb\nc\tdef\U0001f600"


def test_languages_share_a_unit_by_english_and_a_second_translation_needs_a_second() -> None:
    units = joined([memory_of("lv"), memory_of("de")])
    shape = [
        (unit.english, {tag: e.translation for tag, e in unit.translations.items()})
        for unit in units
    ]
    assert shape == [
        ("Hello", {"lv-LV": "Sveiki", "de-DE": "Hallo"}),
        (
            "Select **Save**.",
            {"lv-LV": "Noklikšķiniet uz **Saglabāt**.", "de-DE": "Wählen Sie **Speichern** aus."},
        ),
        ("Select **Save**.", {"lv-LV": "Atlasiet **Saglabāt**."}),
        (MARKUP_EN, {"lv-LV": MARKUP_LV}),
        ("Error 0x80070005", {"lv-LV": "Kļūda 0x80070005"}),
        ("Only in German", {"de-DE": "Nur auf Deutsch"}),
    ]


def test_the_tmx_keeps_each_place_as_props_of_its_language() -> None:
    out = io.BytesIO()
    tmx_store(joined([memory_of("lv"), memory_of("de")])).serialize(out)
    read = tmxfile(io.BytesIO(out.getvalue()))
    hello = read.units[0].xmlelement
    props = [
        (p.get("type"), p.get("{http://www.w3.org/XML/1998/namespace}lang"), p.text or "")
        for p in hello.iter("prop")
    ]
    assert props == [
        ("x-path", "lv-LV", "first.md"),
        ("x-segment-id", "lv-LV", "aaaaa-101"),
        ("x-locfileid", "lv-LV", "1001"),
        ("x-path", "lv-LV", "includes/note.md"),
        ("x-segment-id", "lv-LV", "ccccc-101"),
        ("x-locfileid", "lv-LV", ""),
        ("x-path", "lv-LV", "second.md"),
        ("x-segment-id", "lv-LV", "bbbbb-101"),
        ("x-locfileid", "lv-LV", "1002"),
        ("x-path", "de-DE", "first.md"),
        ("x-segment-id", "de-DE", "ddddd-101"),
        ("x-locfileid", "de-DE", "2001"),
    ]
    assert [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in hello.iter("tuv")] == [
        "en-US",
        "lv-LV",
        "de-DE",
    ]


def test_a_tree_without_pairs_gives_no_units() -> None:
    memory = remembered("lv-LV", [parse("---\nms.contentlocale: lv-LV\n---\n# Nav\n", "a.md")])
    assert joined([memory]) == []
