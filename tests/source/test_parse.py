"""The parser: segments, positions, exact shared text, and errors at file:line:column."""

from __future__ import annotations

import pytest

from bilingual.errors import ParseError
from bilingual.model import Language
from bilingual.source.pairs import render_source
from bilingual.source.parse import decode, parse
from bilingual_text import pair


def test_segments_carry_both_texts_and_their_position() -> None:
    text = (
        "---\ntitle: T\n---\n# " + pair("a-1", "Sveiki", "Hello") + "\n\nx " + pair("a-2", "b", "c")
    )
    document = parse(text, "doc.md")
    first, second = document.segments
    assert (first.id, first.translation, first.english) == ("a-1", "Sveiki", "Hello")
    assert (first.line, first.column) == (4, 3)
    assert (second.line, second.column) == (6, 3)
    assert document.metadata == {"title": "T"}
    assert document.parts[0] == "# "
    assert second.text(Language.ENGLISH) == "c"


def test_nested_spans_and_placeholders_stay_inside_the_segment() -> None:
    inner = "Iet uz <span>https:</span>//x.example un rakstiet <email>"
    document = parse(pair("n-1", inner, "Go to <span>https:</span>//x.example, write <email>"))
    (segment,) = document.segments
    assert segment.translation == inner
    assert segment.english.endswith("<email>")


def test_writing_back_gives_the_same_bytes() -> None:
    text = "\ufeff---\r\ntitle: T\r\n---\r\n" + pair("a", "x", "y") + " tail\r\n"
    assert render_source(parse(text)) == text


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        (
            '<span data-ttu-id="a-1">x</span><span class="sxs-lookup"><span data-stu-id="a-2">y</span></span>',
            "doc.md:1:58:",
            "ttu/stu id mismatch",
        ),
        ('x\n  <span data-ttu-id="a-1">x</span> tail', "doc.md:2:35:", "no sxs-lookup half"),
        ('<span data-ttu-id="a-1">x <span>open</span>', "doc.md:1:1:", "not closed"),
        ("text </span> more", "doc.md:1:6:", "stray '</span>'"),
        ("---\ntitle: [unclosed\n---\nbody", "doc.md:", "not valid YAML"),
        ("---\ntitle: x\nbody", "doc.md:1:1:", "front matter is not closed"),
    ],
)
def test_malformed_markup_is_reported_at_its_place(text: str, where: str, what: str) -> None:
    document = parse(text, "doc.md")
    assert render_source(document) == text
    message = str(document.warnings[0])
    assert message.startswith(where), message
    assert what in message
    assert "; expected " in message
    assert "\n" not in message


def test_duplicate_ids_with_different_text_are_kept_and_reported() -> None:
    text = pair("d-1", "a", "b") + "\n" + pair("d-1", "a", "other")
    document = parse(text, "doc.md")
    (warning,) = document.warnings
    assert str(warning).startswith("doc.md:2:1: duplicate segment id d-1")
    assert [segment.english for segment in document.segments] == ["b", "other"]


def test_repeated_ids_with_the_same_text_are_fine() -> None:
    text = pair("d-1", "a", "b") + "\n" + pair("d-1", "a", "b")
    assert len(parse(text).segments) == 2


def test_invalid_utf8_names_the_byte() -> None:
    with pytest.raises(ParseError, match=r"bad.md:2:3: invalid UTF-8"):
        decode(b"ok\nab\xff", "bad.md")


def test_segments_built_through_their_slots_equal_the_dataclass() -> None:
    from bilingual.model import Segment
    from bilingual.source.parse import _segment

    made = _segment("a-1", "x", "y", 3, 4)
    assert made == Segment("a-1", "x", "y", 3, 4)
    assert type(made) is Segment
    assert hash(made) == hash(Segment("a-1", "x", "y", 3, 4))
