"""The sanitiser, the inline-image extractor and page dates as pure functions.

The markup the page writer writes (headings with permalinks, ``<a name>`` anchors, tables,
alerts, details, highlighted code, images, videos, math, DocFX's containers) must come out of
the sanitiser as it went in: compared as parsed trees, attribute by attribute.
"""

from __future__ import annotations

import base64
import datetime
import struct
import zlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from bs4.element import Comment, NavigableString, PageElement, Tag
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual.checks.audit import page_body
from bilingual.model import Language
from bilingual.pages.page import render_page
from bilingual.pages.reader.side_by_side import SEPARATOR, TEMPLATE_CLOSE, TEMPLATE_OPEN
from bilingual.site.inline_images import extract_inline_images, image_name
from bilingual.site.sanitize import (
    PLAIN_AS_IS,
    _plain_text,
    escape_placeholders,
    is_video_player,
    plain_text,
    sanitize_html,
    url_schemes,
)
from bilingual.site.side_by_side import has_english, split_english
from bilingual.source.dates import iso_date, newest, page_date
from bilingual.source.folder import source_files
from bilingual.source.parse import decode, parse
from conftest import FIXTURES
from writer import write

Tree = tuple[object, ...] | str


def canonical(node: PageElement) -> Tree | None:
    """A parsed node as nested tuples: comments dropped (the sanitiser drops them), ``style``
    without spaces (nh3 writes it compactly)."""
    if isinstance(node, Comment):
        return None
    if isinstance(node, NavigableString):
        return str(node)
    assert isinstance(node, Tag)
    attributes = []
    for name, value in sorted(node.attrs.items()):
        text = " ".join(value) if isinstance(value, list) else str(value)
        if name == "style":
            text = text.replace(" ", "").rstrip(";")
        attributes.append((name, text))
    children: list[Tree] = []
    for child in (canonical(child) for child in node.children):
        if isinstance(child, str) and children and isinstance(children[-1], str):
            children[-1] += child  # text on both sides of a dropped comment
        elif child is not None:
            children.append(child)
    return (node.name, tuple(attributes), tuple(children))


def tree(html: str) -> Tree | None:
    body = BeautifulSoup(html, "html5lib").body
    assert body is not None
    return canonical(body)


def as_twins(html: str) -> str:
    """The English page's blocks as a translation page's twins carry them: no ids, no anchor
    names, a tab group's inputs and labels renamed (``sanitize.ENGLISH_PREFIX``)."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        for name in ("id", "name", "for"):
            if name not in tag.attrs:
                continue
            if tag.name in ("input", "label"):
                tag[name] = f"sbs-en-{tag[name]}"
            elif name == "id" or tag.name == "a":
                del tag[name]
    return str(soup)


def unchanged(html: str) -> None:
    """A page's HTML, and its English twins (sanitised apart, as the site does), come out of the
    sanitiser as they went in."""
    body, english = split_english(html)
    assert tree(sanitize_html(body)) == tree(body)
    assert tree(sanitize_html(english, english=True)) == tree(as_twins(english))


def to_html(text: str) -> str:
    """A DocFX source's page (its HTML), as the page writer writes it."""
    return write(text, {"media/picture.png": "png"}).lv


def png(width: int = 1, height: int = 1) -> bytes:
    """A real, minimal PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\x00" * width for _ in range(height)))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_benign_markup_comes_out_unchanged() -> None:
    html = to_html((FIXTURES / "sanitize" / "benign.md").read_text(encoding="utf-8"))
    for construct in ('class="admonition note"', "<details", "<table", "<abbr", 'id="top"'):
        assert construct in html
    for construct in ('class="arithmatex"', 'class="tabbed-set', 'class="sxs"', "<img"):
        assert construct in html
    assert 'class="headerlink"' in html
    assert "<iframe" in html
    assert 'class="help-sbs"' in html
    unchanged(html)


@pytest.mark.corpus
@pytest.mark.parametrize("sample", ["alchemy-de-DE-sample", "alchemy-ja-JP-sample"])
def test_real_articles_come_out_unchanged(corpus: Path, sample: str) -> None:
    changed = []
    for path in source_files(corpus / sample):
        relative = path.relative_to(corpus / sample).as_posix()
        document = parse(decode(path.read_bytes(), relative), relative)
        for language in Language:
            page = page_body(render_page(document, language).markdown)
            html, _ = extract_inline_images(page, "inline/")
            if tree(sanitize_html(html)) != tree(html):
                changed.append(f"{relative} ({language.value})")
    assert changed == []


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Enter <email> here</p>", "<p>Enter &lt;email&gt; here</p>"),
        ("a <your mailbox name> b", "a &lt;your mailbox name&gt; b"),
        ("<CustomDomain></CustomDomain>", "&lt;CustomDomain&gt;&lt;/CustomDomain&gt;"),
        ('<a name="x"></a><BR/><Span>t</Span>', '<a name="x"></a><BR/><Span>t</Span>'),
        ("<script>x</script><svg onload=y>", "<script>x</script><svg onload=y>"),
    ],
)
def test_placeholders_become_text_and_tags_stay_tags(html: str, expected: str) -> None:
    assert escape_placeholders(html) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="javascript:alert(1)">x</a> y', "<a>x</a> y"),
        ('<a href="&#106;avascript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="data:text/html,hi">x</a>', "<a>x</a>"),
        ('<a href="vbscript:msgbox(1)">x</a>', "<a>x</a>"),
        ('<a href="ms-settings:windowsupdate">x</a>', '<a href="ms-settings:windowsupdate">x</a>'),
        ('<img src="a.png" onerror="alert(1)">', '<img src="a.png">'),
        ("a<script>alert(1)</script>b<style>p{}</style>c", "abc"),
        ('<p style="position:fixed;text-align:right">t</p>', '<p style="text-align:right">t</p>'),
        ('<iframe src="https://evil.example/">x</iframe>after', "after"),
        (
            '<iframe src="https://www.youtube.com/embed/v" onload="x()">fallback</iframe>',
            '<iframe src="https://www.youtube.com/embed/v"></iframe>',
        ),
        ("<p>Use <email></p>", "<p>Use &lt;email&gt;</p>"),
    ],
)
def test_sanitize_html(html: str, expected: str) -> None:
    assert sanitize_html(html) == expected


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://www.microsoft.com/videoplayer/embed/RE1FOfN?autoplay=false", True),
        ("https://www.youtube-nocookie.com/embed/abc", True),
        ("https://player.vimeo.com/video/1", True),
        ("http://www.microsoft.com/videoplayer/embed/RE1FOfN", False),
        ("https://www.microsoft.com/en-us/evil", False),
        ("https://www.youtube.com.evil.example/embed/x", False),
        ("https://www.youtube.com@evil.example/embed/x", False),
        ("https://user@www.youtube.com/embed/x", False),
        ("https://www.youtube.com:8443/embed/x", False),
        ("javascript:alert(1)//https://www.youtube.com/embed/", False),
    ],
)
def test_video_players(url: str, allowed: bool) -> None:
    assert is_video_player(url) is allowed


def test_app_schemes_are_kept_but_never_script_schemes() -> None:
    schemes = url_schemes('<a href="ms-settings:x">s</a> <a href="javascript:y">j</a> data:z')
    assert "ms-settings" in schemes
    assert not schemes & {"javascript", "data", "vbscript"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('Title "quoted" & <b>bold</b>', "Title &quot;quoted&quot; &amp; bold"),
        ('x"><script>alert(1)</script>', "x&quot;&gt;"),
        ("Replace <CustomDomain>", "Replace &lt;CustomDomain&gt;"),
        ("Can't sign in", "Can't sign in"),
    ],
)
def test_plain_text(value: str, expected: str) -> None:
    assert plain_text(value) == expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_plain_text_shortcut_is_the_full_path(value: str) -> None:
    # Values that need no rewriting skip the HTML parser; the result must be the parser's.
    assert plain_text(value) == _plain_text(value)


def test_plain_text_shortcut_is_taken_only_for_plain_values() -> None:
    assert PLAIN_AS_IS.fullmatch("12/12/2019")
    assert PLAIN_AS_IS.fullmatch("Microsoft 365")
    for value in ("a<b", "a&b", 'a"b', "a\rb", "a\x00b", "a\xa0b", "a>b"):
        assert not PLAIN_AS_IS.fullmatch(value), value


def test_inline_raster_images_become_files() -> None:
    image = png()
    encoded = base64.b64encode(image).decode()
    html = f"<p>a <img src='data:image/png;base64,{encoded}'> b</p>"
    out, images = extract_inline_images(html, "../assets/inline/")
    name = image_name("png", image)
    assert images == {name: image}
    assert out == f'<p>a <img src="../assets/inline/{name}"> b</p>'


@pytest.mark.parametrize(
    "source",
    [
        "data:image/png;base64," + base64.b64encode(b"<script>alert(1)</script>").decode(),
        "data:image/svg+xml;base64," + base64.b64encode(b"<svg onload=alert(1)>").decode(),
        "data:image/png;base64,not*base64",
    ],
)
def test_other_inline_data_is_left_for_the_sanitiser(source: str) -> None:
    html = f'<img src="{source}">'
    assert extract_inline_images(html, "x/") == (html, {})
    assert sanitize_html(html) == "<img>"


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        ({"ms.date": "04/21/2020", "ms.lasthandoff": "09/14/2020"}, "2020-04-21"),
        ({"ms.lasthandoff": "09/14/2020"}, "2020-09-14"),
        ({"ms.date": datetime.date(2021, 3, 1)}, "2021-03-01"),
        ({"ms.date": "2021-03-01"}, "2021-03-01"),
        ({"ms.date": "not a date"}, None),
        ({"title": "no date"}, None),
    ],
)
def test_page_date(metadata: dict[str, object], expected: str | None) -> None:
    assert page_date(metadata) == expected


def test_newest_date() -> None:
    assert newest(["2020-04-21", None, "2021-01-02"]) == "2021-01-02"
    assert newest([None]) is None
    assert iso_date(12) is None


GOLDEN = sorted(
    page
    for folder in ("docfx", "docfx-blocks", "split")
    for page in (FIXTURES / folder).glob("*/??.html")
)


@pytest.mark.parametrize("page", GOLDEN, ids=lambda page: str(page.relative_to(FIXTURES)))
def test_golden_pages_come_out_unchanged(page: Path) -> None:
    """The golden pages (zones, the pivot selector, monikers, columns, tab groups with their
    radio inputs, code, images, cross references …) pass the allowlist as they are."""
    unchanged(page_body(page.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<input type="radio" name="t" id="t-1" checked>',
            '<input type="radio" name="t" id="t-1" checked="">',
        ),
        (
            '<input type="RADIO" name="t" data-tab="a">',
            '<input type="RADIO" name="t" data-tab="a">',
        ),
        ('<input type="text" name="q" value="x">', ""),
        ('<input name="q">', ""),
        ('<input type="image" src="javascript:alert(1)">', ""),
        (
            '<input type="radio" formaction="javascript:alert(1)" onclick="alert(1)" value="v">',
            '<input type="radio">',
        ),
        ('<label for="t-1" onclick="alert(1)">T</label>', '<label for="t-1">T</label>'),
        ('<form action="x"><input type="radio"></form>', '<input type="radio">'),
    ],
)
def test_only_radio_inputs_are_kept(html: str, expected: str) -> None:
    assert sanitize_html(html) == expected


@pytest.mark.parametrize(
    ("html", "offered"),
    [
        (
            f'<p>a</p>{SEPARATOR}{TEMPLATE_OPEN}<div data-sbs="0">\n<p>A</p></div>\n{TEMPLATE_CLOSE}',
            True,
        ),
        (f"<p>a</p>{SEPARATOR}{TEMPLATE_OPEN}{TEMPLATE_CLOSE}", False),  # no twin in it
        (f"<p>a</p>{SEPARATOR}<p>not the writer's template</p>", False),
        ("<p>a</p>", False),
    ],
)
def test_the_view_is_offered_where_the_page_keeps_its_english(html: str, offered: bool) -> None:
    """The toggle (``has_english``, on the page's markdown) and the template the page keeps
    (``split_english``, on its HTML) say the same of every page."""
    assert has_english(html) is offered
    assert bool(split_english(html)[1].strip()) is offered
