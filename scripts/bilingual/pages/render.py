"""``Document`` x language -> page markdown.

A page is the document's shared text with every segment replaced by its text in one language,
under a front matter that carries the source's metadata with the page's own ``title``: the
source's ``title`` for the translation, the first heading's English text for English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bilingual.errors import SourceError
from bilingual.locales import ENGLISH_CODE, site_code
from bilingual.model import Document, Language, inline_text
from bilingual.pages import docfx
from bilingual.pages.anchors import with_english_anchors
from bilingual.pages.docfx.context import Shifted
from bilingual.pages.docfx.inline import Span, source_offset
from bilingual.pages.hover import hover_body
from bilingual.pages.link_rewrite import LinkContext, Rewrite, resolve_links
from bilingual.source import frontmatter

H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
TAG = re.compile(r"<[^>]*>")
EMPHASIS = re.compile(r"(\*\*|__|\*|`)(.+?)\1")


def render_body(document: Document, language: Language) -> str:
    """The document's body (front matter left out) in one language."""
    parts = document.parts  # the class test is the hot loop's cheapest (see bench-site)
    if language is Language.TRANSLATION:
        return "".join([p if p.__class__ is str else inline_text(p.translation) for p in parts])  # type: ignore[union-attr]
    return "".join([p if p.__class__ is str else inline_text(p.english) for p in parts])  # type: ignore[union-attr]


def heading_title(body: str) -> str | None:
    """Plain text of the first level-1 heading of a markdown body, if it has one."""
    match = H1.search(body)
    if match is None:
        return None
    title = EMPHASIS.sub(r"\2", TAG.sub("", match.group(1))).strip()
    return title or None


def page_title(document: Document, body: str, language: Language) -> str:
    """The page's title: front matter ``title`` for the translation, the H1 for English."""
    if language is Language.TRANSLATION:
        title = document.metadata.get("title")
        if title:
            return str(title)
    return heading_title(body) or document.path.rsplit("/", 1)[-1].removesuffix(".md")


def front_matter(metadata: dict[str, Any]) -> str:
    """Metadata as a YAML front matter block."""
    return f"---\n{frontmatter.dump(metadata)}---\n"


@dataclass(frozen=True, slots=True)
class PageText:
    """One language's page of a document."""

    title: str
    """The page's title in its language."""
    markdown: str
    """The page's markdown, front matter first."""
    links: tuple[Rewrite, ...] = ()
    """The links the writer changed (``link_rewrite.resolve_links``), each with its original target."""
    warnings: tuple[SourceError, ...] = ()
    """What the page shows a placeholder for (an include or image it could not find …)."""
    outside: tuple[str, ...] = ()
    """Repository media outside ``SOURCE`` the page shows (``SOURCE``-relative paths)."""


def page_code(document: Document, language: Language) -> str:
    """The site language code of ``document``'s page in ``language`` (``lv``, ``en``)."""
    if language is Language.TRANSLATION and document.content_locale:
        return site_code(document.content_locale)
    return ENGLISH_CODE


def render_page(
    document: Document,
    language: Language,
    resolver: docfx.Resolver | None = None,
    links: LinkContext | None = None,
) -> PageText:
    """The page of ``document`` in ``language``.

    ``resolver`` resolves includes and media; ``link_rewrite`` (when given) resolves the page's links.
    """
    body = render_body(document, language)
    metadata = dict(document.metadata)
    title = page_title(document, body, language)
    metadata["title"] = title
    inserted: list[Span] = []
    body = hover_body(document, language, body, inserted)
    anchors: list[Span] = []
    if language is Language.TRANSLATION and "#" in body:
        body = with_english_anchors(body, render_body(document, Language.ENGLISH), anchors)
    if resolver is not None and (inserted or anchors):  # reports point at the source
        resolver = Shifted(
            resolver, lambda offset: source_offset(source_offset(offset, anchors), inserted)
        )
    body = docfx.convert(body, page_code(document, language), resolver)
    rewrites: list[Rewrite] = []
    if links is not None:
        body, rewrites = resolve_links(body, document.path, links)
    markdown = front_matter(metadata) + body.lstrip("\r\n")
    return PageText(title=title, markdown=markdown, links=tuple(rewrites))
