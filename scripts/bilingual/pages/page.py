"""``Document`` x language -> the page: its title, and its front matter over its HTML.

``render_page`` reads the document once into tokens (``tree.reading``: the parse, then every
unit's source passes, includes spliced in with their own), runs every unit's page passes in
order (the hover pass last), and writes the tokens as HTML. The page's front matter carries the
source's metadata with the page's own ``title``: the source's ``title`` for the translation, the
first level-1 heading's text for English. The English page is written first: its segments' texts
are the translation page's hover text (``english``), its heading ids the translation's, and its
blocks' HTML the English twins of the translation's blocks (``reader.side_by_side``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from bilingual.errors import SourceError
from bilingual.locales import ENGLISH_CODE
from bilingual.model import Document, Language
from bilingual.pages import units
from bilingual.pages.link_rewrite import LinkContext, Rewrite
from bilingual.pages.reader import side_by_side
from bilingual.pages.reader.side_by_side import BlockText
from bilingual.pages.tree import html, segments
from bilingual.pages.tree.reading import read
from bilingual.pages.tree.unit import Page
from bilingual.source import frontmatter
from bilingual.source.folder import known_code


def front_matter(metadata: dict[str, Any]) -> str:
    """Metadata as a YAML front matter block."""
    return f"---\n{frontmatter.dump(metadata)}---\n"


@dataclass(frozen=True, slots=True)
class PageText:
    """One language's page of a document."""

    title: str
    """The page's title in its language."""
    markdown: str
    """The page as MkDocs reads it: front matter, then the page's HTML."""
    links: tuple[Rewrite, ...] = ()
    """What the writer changed: links (each with its original target) and constructs."""
    warnings: tuple[SourceError, ...] = ()
    """What the page shows a placeholder for (an include or image it could not find …)."""
    outside: tuple[str, ...] = ()
    """Repository media outside ``SOURCE`` the page shows (``SOURCE``-relative paths)."""
    reads: tuple[str, ...] = ()
    """The includes and code files the page read (``SOURCE``-relative paths)."""
    texts: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """Each segment's text on the page, by (source path, segment id)."""
    headings: tuple[str, ...] = ()
    """The page's heading ids, in order."""
    aliases: tuple[str, ...] = ()
    """Each heading's id from its text where an anchor of its own gave it another ("" else)."""
    outcomes: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """Segments whose text is not in the page's text, by (source path, id): where it went."""
    blocks: tuple[BlockText, ...] = ()
    """The page's blocks as side-by-side reading lines them up (``tree.blocks``); on the English
    page with each one's HTML: the twins of the translation's blocks."""


def page_code(document: Document, language: Language) -> str:
    """The site language code of ``document``'s page in ``language`` (``lv``, ``en``)."""
    if language is Language.TRANSLATION and document.content_locale:
        return known_code(document.content_locale) or ENGLISH_CODE
    return ENGLISH_CODE


def first_heading(tokens: list[Token]) -> str | None:
    """The plain text of the page's first level-1 heading, if it has one."""
    for position, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1":
            inline = tokens[position + 1]
            text = " ".join(segments.plain(inline.children or []).split())
            return text or None
    return None


def page_title(document: Document, tokens: list[Token] | None, language: Language) -> str:
    """The page's title: front matter ``title`` for the translation, the H1 for English."""
    if language is Language.TRANSLATION:
        title = document.metadata.get("title")
        if title:
            return str(title)
    found = first_heading(tokens) if tokens is not None else None
    return found or document.path.rsplit("/", 1)[-1].removesuffix(".md")


def render_tokens(page: Page) -> list[Token]:
    """The page's tokens: its source read, then every page pass."""
    tokens, _ = read(page, page.document, page.source_passes)
    for step in units.page_passes():
        tokens = step.run(tokens, page)
    return tokens


UNSEEN = {
    "hidden": ("is inside an HTML comment: the page does not show it", "its text outside <!-- -->"),
    "attribute": (
        "is inside a link's target or title: the page does not show it as text",
        "its text in the link's text, [text](target)",
    ),
}
"""Where a segment's text can go that no reader reads: each such segment is reported."""


def unseen(page: Page) -> list[SourceError]:
    """A report for each segment of the page whose text no reader sees (``UNSEEN``)."""
    found: list[SourceError] = []
    for parse in page.parses:
        for index, where in parse.outcomes.items():
            place = parse.place(index)
            if where not in UNSEEN or place is None or index not in page.origins:
                continue
            line, column = place.segment.line, place.segment.column
            what, expected = UNSEEN[where]
            segment = page.origins[index][1]
            found.append(
                SourceError(parse.origin, line, column, f"segment {segment} {what}", expected)
            )
    return found


def render_page(
    document: Document,
    language: Language,
    resolver: Any = None,
    links: LinkContext | None = None,
    english: PageText | None = None,
) -> PageText:
    """The page of ``document`` in ``language``; ``resolver`` reads includes, media, code and
    cross references, ``links`` rewrites the page's links, ``english`` (the English page,
    for a translation page) gives each segment's English and the headings' ids."""
    page = Page(
        document,
        language,
        page_code(document, language),
        units.markdown(),
        resolver,
        links,
        english.texts if english is not None else {},
        list(english.headings) if english is not None else [],
        list(english.aliases) if english is not None else [],
        chain=(document.path,),
        source_passes=units.source_passes(),
    )
    tokens = render_tokens(page)
    parts = html.render_parts(page.md, tokens, {"code": page.code, **page.data})
    blocks = side_by_side.block_texts(page, parts)
    if english is not None and english.blocks and page.translation:
        body = side_by_side.side_by_side(page, tokens, parts, english.blocks)
    else:
        body = "".join(parts)
    metadata = dict(document.metadata)
    title = page_title(document, tokens, language)
    metadata["title"] = title
    outcomes = {
        page.origins[index]: where
        for parse in page.parses
        for index, where in parse.outcomes.items()
        if index in page.origins
    }
    changes = tuple(Rewrite(original, shown, rule) for original, shown, rule in page.changes)
    warnings = sorted(
        [*page.reports, *unseen(page), *(getattr(resolver, "warnings", None) or [])],
        key=lambda warning: (warning.path, warning.line, warning.column),
    )
    outside = getattr(resolver, "outside", None) or set()
    return PageText(
        title=title,
        markdown=front_matter(metadata) + body,
        links=(*changes, *page.data.get("links", ())),
        warnings=tuple(warnings),
        outside=tuple(sorted(outside)),
        reads=tuple(sorted(getattr(resolver, "reads", None) or ())),
        texts=segments.texts(tokens, page.origins),
        headings=tuple(page.data.get("headings", ())),
        aliases=tuple(page.data.get("aliases", ())),
        outcomes=outcomes,
        blocks=blocks,
    )
