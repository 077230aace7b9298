"""Property-based tests: generated segment texts and layouts round-trip and split exactly.

Documents are built from pieces seen in real sources: shared layout (headings, list markers,
alerts, table pipes, anchors, links around segments) and segment texts holding markdown, nested
spans, ``<a>``, placeholders and entities; with or without a BOM, front matter and CRLF.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bilingual.checks.audit import page_body
from bilingual.checks.losses import lost, page_words
from bilingual.model import Language, inline_text
from bilingual.pages.page import render_page
from bilingual.pages.tree.language import body_text
from bilingual.site.sanitize import sanitize_html
from bilingual.source import frontmatter
from bilingual.source.pairs import render_source
from bilingual.source.parse import parse
from bilingual_text import pair

SETTINGS = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])

# Prose: any character but the ones that make markup ('<', '>', '"', '=') and CR (added by CRLF).
prose = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters='<>"=\r'), max_size=12
)
inline = st.sampled_from(
    [
        "**bold**",
        "<span>https:</span>",
        '<span class="x"><span>nested</span> twice</span>',
        "<email>",
        "<mailboxname>",
        "<br/>",
        '<a href="https://x.example/a?b=1">link</a>',
        "&amp;",
        "&#8220;",
        "[link](https://go.microsoft.com/fwlink/?linkid=872110)",
        "\n",
    ]
)
segment_text = st.lists(st.one_of(prose, inline), max_size=6).map("".join)
layout = st.sampled_from(
    [
        "",
        " ",
        "\n",
        "\n\n",
        "# ",
        "\n## ",
        "\n- ",
        "\n1. ",
        "\n    - ",
        "\n> [!NOTE]\n> ",
        "\n| ",
        " | ",
        " |\n|---|---|\n| ",
        "[",
        "](https://x.example)",
        '<a name="anchor"></a>',
        "<span>shared</span>",
    ]
)
shared_text = st.lists(st.one_of(layout, prose), max_size=4).map("".join)
front_matter = st.sampled_from(
    [
        "",
        "---\ntitle: Virsraksts\nms.contentlocale: lv-LV\n---\n",
        '---\ntitle: "1:1 zvani"\nms.custom:\n- "9002530"\n- 7648\nms.date: 12/18/2020\n---\n',
    ]
)


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[tuple[str, str, str]], dict[Language, str]]:
    """A source text, its segments (id, translation, English) and each language's body."""
    head = draw(front_matter)
    count = draw(st.integers(min_value=1, max_value=6))
    texts = [(f"h{n}-{100 + n}", draw(segment_text), draw(segment_text)) for n in range(count)]
    shared = [draw(shared_text) for _ in range(count + 1)]
    source = head + shared[0]
    bodies = {Language.TRANSLATION: shared[0], Language.ENGLISH: shared[0]}
    for (segment_id, translation, english), after in zip(texts, shared[1:], strict=True):
        source += pair(segment_id, translation, english) + after
        bodies[Language.TRANSLATION] += inline_text(translation) + after  # its examples:
        bodies[Language.ENGLISH] += inline_text(english) + after  # tests/pages/test_render.py
    assume(head or not source.startswith("---"))
    if draw(st.booleans()):  # CRLF line ends everywhere
        source = source.replace("\n", "\r\n")
        texts = [(i, t.replace("\n", "\r\n"), e.replace("\n", "\r\n")) for i, t, e in texts]
        bodies = {lang: body.replace("\n", "\r\n") for lang, body in bodies.items()}
    if draw(st.booleans()):
        source = "\ufeff" + source
    return source, texts, bodies


@SETTINGS
@given(documents())
def test_round_trip_is_byte_for_byte(
    case: tuple[str, list[tuple[str, str, str]], dict[Language, str]],
) -> None:
    source, texts, _ = case
    document = parse(source)
    assert [(s.id, s.translation, s.english) for s in document.segments] == texts
    assert render_source(document) == source
    for segment in document.segments:
        offset = source.index(f'<span data-ttu-id="{segment.id}">')
        line_start = source.rfind("\n", 0, offset) + 1
        assert (segment.line, segment.column) == (
            source.count("\n", 0, offset) + 1,
            offset - line_start + 1,
        )


@SETTINGS
@given(documents())
def test_split_gives_each_language_its_text(
    case: tuple[str, list[tuple[str, str, str]], dict[Language, str]],
) -> None:
    source, _, bodies = case
    document = parse(source)
    for language in Language:
        assert body_text(document, language) == as_read(bodies[language])
        rendered = render_page(document, language)
        page = page_words(sanitize_html(page_body(rendered.markdown)))
        if PRIVATE.search(bodies[language]) is None:
            assert lost(document.segments, page, language) == []
        else:  # shown as U+FFFD: not the source's text, so reported at its place
            assert any("private-use character" in str(w) for w in rendered.warnings)


PRIVATE = re.compile("[\U000f0000-\U0010ffff]")


def as_read(text: str) -> str:
    """``text`` as CommonMark reads it: line ends ``\\n``, NUL as U+FFFD; the writer's own
    marks' characters (planes 15-16 private use) are U+FFFD too."""
    return PRIVATE.sub("\ufffd", text.replace("\r\n", "\n").replace("\x00", "\ufffd"))


# Front matter: the fast reader and writer give exactly what PyYAML gives.
keys = st.from_regex(r"[A-Za-z_][\w.\-]{0,8}", fullmatch=True)
raw_values = st.one_of(
    st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\n"), max_size=15),
    st.from_regex(
        r'"[^"\\\n]{0,8}"|\'(?:[^\'\n]|\'\'){0,8}\'|[0-9]{1,6}|[0-9/:.-]{1,10}', fullmatch=True
    ),
)


@st.composite
def flat_blocks(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        key = draw(keys)
        if draw(st.booleans()):
            lines.append(f"{key}: {draw(raw_values)}")
        else:
            lines.append(f"{key}:")
            lines.extend(f"- {draw(raw_values)}" for _ in range(draw(st.integers(0, 3))))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


def pyyaml_load(block: str) -> tuple[str, Any]:
    try:
        return "ok", yaml.load(block, Loader=frontmatter.YamlLoader)  # the loader it falls back to
    except yaml.YAMLError as error:
        return "error", type(error)


def fast_load(block: str) -> tuple[str, Any]:
    try:
        return "ok", frontmatter.load(block)
    except yaml.YAMLError as error:
        return "error", type(error)


@SETTINGS
@given(flat_blocks())
def test_front_matter_reads_as_pyyaml_reads_it(block: str) -> None:
    assert fast_load(block) == pyyaml_load(block)


scalars = st.one_of(
    st.text(max_size=20),
    st.integers(-5, 10**9),
    st.none(),
    st.booleans(),
    st.sampled_from(
        ["1:1 zvani", "12/18/2020", "2020-12-18", "yes", "Off", "9002530", "a: b", " x", "x #y"]
    ),
)
metadata = st.dictionaries(
    st.one_of(keys, st.text(max_size=8), st.sampled_from(["a:b", "k: v", "on", "1"])),
    st.one_of(
        scalars,
        st.lists(scalars, max_size=3),
        st.lists(st.lists(scalars, max_size=2), max_size=2),
        st.dictionaries(keys, scalars, max_size=2),
    ),
    max_size=6,
)


@SETTINGS
@given(metadata)
def test_front_matter_writes_as_pyyaml_writes_it(value: dict[str, Any]) -> None:
    expected = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=1000)
    assert frontmatter.dump(value) == expected
