"""A FAQ page's schema.org ``FAQPage`` block (``scripts/bilingual/site/faq_data.py``): read off
the sanitised HTML, written as JSON no text in it can break out of."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from bilingual.site.csp import theme_scripts
from bilingual.site.faq_data import faq_block, json_ld, questions

HOSTILE = "</script><script>alert(1)</script><!--"
PAGE = (
    '<h1 id="faq">FAQ<a class="headerlink" href="#faq">¶</a></h1>\n'
    '<div class="help-faq__summary"><p>About.</p></div>\n'
    '<h2 id="one" class="help-faq__question">How do I sign in?'
    '<a class="headerlink" href="#one" title="Permalink">¶</a></h2>\n'
    '<div class="help-faq__answer">\n<p>Open <a href="../settings/#a">settings</a>.</p>\n'
    '<div class="note"><p>Nested.</p></div>\n</div>\n'
    '<h2 id="two" class="help-faq__question">&lt;/script&gt;&lt;script&gt;alert(1)'
    "&lt;/script&gt;&lt;!--"
    '<a class="headerlink" href="#two">¶</a></h2>\n'
    '<div class="help-faq__answer"><p>A &amp; B &lt;b&gt; \u2028 \u2029</p></div>\n'
    '<h2 id="three" class="help-faq__question">Unanswered</h2>\n'
)


def test_the_json_escapes_every_character_that_could_close_or_open_markup() -> None:
    data = {"text": f"{HOSTILE} & > \u2028\u2029 ok"}
    written = json_ld(data)
    for character in ("<", ">", "&", "\u2028", "\u2029"):
        assert character not in written
    assert "\\u003c/script\\u003e" in written
    assert "\\u2028\\u2029" in written
    assert json.loads(written) == data  # the same data: only the spelling changed
    assert json_ld({"name": "Kā atiestatīt?"}) == '{"name":"Kā atiestatīt?"}'  # text as it is


def test_questions_are_read_in_order_with_their_answers_html() -> None:
    assert questions(PAGE) == [
        (
            "How do I sign in?",
            '<p>Open <a href="../settings/#a">settings</a>.</p>\n'
            '<div class="note"><p>Nested.</p></div>',
        ),
        (HOSTILE, "<p>A &amp; B &lt;b&gt; \u2028 \u2029</p>"),
    ]


def test_answer_links_are_absolute_from_the_page_s_address() -> None:
    found = questions(PAGE, "https://help.example/lv/faq/")
    assert 'href="https://help.example/lv/settings/#a"' in found[0][1]


def test_the_block_is_one_data_block_the_policy_does_not_hash() -> None:
    block = faq_block(PAGE)
    scripts = BeautifulSoup(f"<body>{block}</body>", "html.parser")("script")
    assert len(scripts) == 1
    assert scripts[0]["type"] == "application/ld+json"
    data = json.loads(scripts[0].string or "")
    assert data["@type"] == "FAQPage"
    assert [q["name"] for q in data["mainEntity"]] == ["How do I sign in?", HOSTILE]
    assert all(q["acceptedAnswer"]["@type"] == "Answer" for q in data["mainEntity"])
    assert block.count("</script>") == 1
    assert block.count("<") == 2
    assert theme_scripts(f"<html><head>{block}</head><body></body></html>") == []
    assert faq_block("<h1>No questions</h1><p>Text.</p>") == ""
