"""A page's title without writing the page: what cross references and indexes show.

``document_title`` is the title the page writer gives a page (``page.page_title``): the source's
``title`` for the translation, the first level-1 heading's plain text for English. It reads only
the blocks (CommonMark's block parse, no inline parse of the whole body) and the one heading's
inline text, so a docset's uid map is made without parsing every article twice.
"""

from __future__ import annotations

import functools

from markdown_it import MarkdownIt
from markdown_it.token import Token

from bilingual.model import Document, Language
from bilingual.pages.tree import segments
from bilingual.pages.tree.language import LanguageText


@functools.cache
def _blocks() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").disable("inline")


@functools.cache
def _inline() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("strikethrough")


def plain(children: list[Token]) -> str:
    """Inline tokens as the text a reader sees, white space collapsed."""
    return " ".join(segments.plain(children).split())


def heading_text(markdown: str) -> str:
    """A heading's inline markdown as the plain text a reader sees."""
    inline = _inline().parseInline(markdown)
    return plain(inline[0].children or []) if inline else ""


def heading_title(text: str) -> str | None:
    """The plain text of the first level-1 heading of a markdown text, if it has one."""
    if "#" not in text and "=" not in text:
        return None
    tokens = _blocks().parse(text)
    for position, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1":
            inline = _inline().parseInline(tokens[position + 1].content)
            title = plain(inline[0].children or []) if inline else ""
            return title or None
    return None


def document_title(document: Document, language: Language) -> str:
    """The title of ``document``'s page in ``language``."""
    if language is Language.TRANSLATION:
        title = document.metadata.get("title")
        if title:
            return str(title)
    found = heading_title(LanguageText.of(document, language).text)
    return found or document.path.rsplit("/", 1)[-1].removesuffix(".md")
