"""A FAQ page described to search engines: schema.org ``FAQPage`` structured data (JSON-LD).

The FAQ writer (``pages.faq``) marks its page in the front matter (``help_faq: true``) and its markup
with a class per question and per answer; ``events.on_page_content`` hands this module the
page's HTML *after* the sanitiser, and appends what ``faq_block`` returns. So the data is built
from what the page shows, never from the source: a question's ``name`` is its heading's text
(the permalink left out), an answer's ``text`` its sanitised HTML, as Google documents the
property ("the full answer … may contain HTML content such as links and lists"), its links
absolute (the page's ``canonical_url``): a search result shows the answer away from the page.

The block is a ``<script type="application/ld+json">``: a data block, which no browser runs and
the Content-Security-Policy does not govern (``csp.theme_scripts`` hashes executable scripts
only, and none of the article's). Its JSON is written with ``<``, ``>``, ``&``, U+2028 and
U+2029 as ``\\u`` escapes (``json_ld``), so no text in it can close the element (``</script>``)
or open a comment, whatever a question says.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from bilingual.pages.faq import ANSWER, QUESTION

ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def json_ld(data: Any) -> str:
    """``data`` as JSON safe inside an HTML ``<script>`` element: ``<``, ``>``, ``&``, U+2028
    and U+2029 written as ``\\u`` escapes (JSON allows them only inside strings, where an escape
    means the same character)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return "".join(ESCAPES.get(character, character) for character in text)


def questions(html: str, base: str | None = None) -> list[tuple[str, str]]:
    """Each question of a FAQ page's ``html`` with its answer, in order: the question's text,
    the answer's HTML, its links and images absolute from ``base`` (the page's address) when
    given. A question without an answer after it is left out."""
    tree = LexborHTMLParser(html)
    if base:  # the answer is read away from the page (a search result): no relative address
        for name, selector in (("href", "a[href]"), ("src", "img[src]")):
            for node in tree.css(f".{ANSWER} {selector}"):
                node.attrs[name] = urljoin(base, node.attributes.get(name) or "")
    found: list[tuple[str, str]] = []
    asked: str | None = None
    for node in tree.css(f".{QUESTION}, .{ANSWER}"):
        classes = (node.attributes.get("class") or "").split()
        if QUESTION in classes:
            for permalink in node.css("a.headerlink"):
                permalink.decompose()
            asked = " ".join(node.text(deep=True).split())
        elif asked:
            found.append((asked, (node.inner_html or "").strip()))
            asked = None
    return found


def faq_page(entries: list[tuple[str, str]]) -> dict[str, Any]:
    """The schema.org ``FAQPage`` of ``entries`` (question text, answer HTML)."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": question,
                "acceptedAnswer": {"@type": "Answer", "text": answer},
            }
            for question, answer in entries
        ],
    }


def faq_block(html: str, base: str | None = None) -> str:
    """The JSON-LD block of the FAQ page at ``base`` whose sanitised HTML is ``html`` ("" without
    questions)."""
    entries = questions(html, base)
    if not entries:
        return ""
    return f'<script type="application/ld+json">{json_ld(faq_page(entries))}</script>\n'
