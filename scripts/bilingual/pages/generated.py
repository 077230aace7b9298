"""The generator's own pages (home, landing pages) -> the HTML MkDocs is given, like an article's.

Their text is written by the generator as markdown in Material's dialect (grid cards with
``md_in_html``, ``attr_list`` ids on index headings), never by a source: it is rendered here with
Python-Markdown and those extensions, at split time, so that every page of ``docs/`` is HTML and
the site renders none. Their links to pages (``a/b.md``, relative to the page) become the built
pages' addresses (``a/b/``), as for articles (``link_rewrite``). A heading's id is its ``slug``:
in Latin letters where its text is Latin, else in its own script (an Arabic or Japanese title's
heading is not ``_1``).
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from typing import Any

import markdown  # type: ignore[import-untyped]
from markdown.extensions.toc import slugify, slugify_unicode  # type: ignore[import-untyped]

from bilingual import ui_text
from bilingual.pages.link_rewrite import built_link

LINK = re.compile(r'(?P<lead>\shref=")(?P<url>[^"#:]*\.md)(?P<fragment>#[^"]*)?"')
FRONT_MATTER = re.compile(r"---\n(?:.*\n)*?---\n")


def slug(text: str, separator: str = "-") -> str:
    """A heading's id on a generated page: Python-Markdown's ASCII slug where the text is Latin
    (``Kā atiestatīt`` -> ``ka-atiestatit``), else its slug in its own script
    (``パスワードを忘れた``); ``""`` for text with no letter or digit."""
    latin, own = slugify(text, separator), slugify_unicode(text, separator)
    plain = unicodedata.normalize("NFKD", own).encode("ascii", "ignore").decode("ascii")
    return str(latin if latin and latin == plain else own)


def to_html(text: str, page: str, code: str) -> str:
    """``text`` (a generated page: front matter, then markdown) with its markdown as HTML; its
    page links made the built pages' addresses from ``page`` (the page's path)."""
    head = FRONT_MATTER.match(text)
    front = head.group() if head is not None else ""
    body = text[len(front) :]
    extensions: list[Any] = [
        "abbr",
        "admonition",
        "attr_list",
        "md_in_html",
        "sane_lists",
        "tables",
    ]
    configs = {
        "toc": {
            "permalink": "¶",
            "permalink_title": ui_text.text(code, "permalink"),
            "slugify": slug,
        }
    }
    rendered = markdown.markdown(body, extensions=[*extensions, "toc"], extension_configs=configs)

    def link(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), match.group("url")))
        url = built_link(page, target)
        return f'{match.group("lead")}{url}{match.group("fragment") or ""}"'

    return front + LINK.sub(link, rendered) + "\n"
