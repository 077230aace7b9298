"""What one DocFX construct or reader feature brings, declared in one place: a ``Unit``.

A unit holds its parser rules and renderers (``install``), its passes over the tree (``source``:
over each source a page is made of, the page's own and each include, where paths are the
source's; ``page``: over the whole page once its includes are in), the elements and attributes
it lets through the sanitizer, the block names ``make parity`` gives its classes, its
stylesheets and scripts, and the interface strings it shows. The registry (``pages.units``)
lists every unit; the sanitizer, the site's configuration and ``checks.skeleton`` read their
lists from it. A pass is ``(tokens, context) -> tokens``; a pass's ``order`` places it among the
others of its stage.

``Page`` is one page being written (its language, its resolver, what it reports); ``Source`` is
one parsed source of it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from bilingual.errors import SourceError
from bilingual.model import Document, Language
from bilingual.pages.tree.language import LanguageText
from bilingual.pages.tree.parser import Markdown, Parse


@dataclass(frozen=True, slots=True)
class SourcePass:
    """A pass over each source of a page, before its includes are spliced in."""

    order: int
    run: Callable[[list[Token], Source], list[Token]]


@dataclass(frozen=True, slots=True)
class PagePass:
    """A pass over a whole page."""

    order: int
    run: Callable[[list[Token], Page], list[Token]]


@dataclass(frozen=True, slots=True)
class Unit:
    """One construct or reader feature: everything it brings."""

    name: str
    install: Callable[[Markdown], None] | None = None
    """Adds its parser rules and render rules."""
    source: tuple[SourcePass, ...] = ()
    page: tuple[PagePass, ...] = ()
    elements: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Element -> the attributes the sanitizer keeps on it, for this unit's markup."""
    skeleton: Mapping[str, str] = field(default_factory=dict)
    """A class of its markup -> the block name ``make parity`` reads it as (``""``: left out,
    ``"*"``: transparent, its children in its place)."""
    stylesheets: tuple[str, ...] = ()
    scripts: tuple[str, ...] = ()
    strings: tuple[str, ...] = ()
    """The interface strings it shows (``ui_text`` keys; each must be in the catalogs)."""


def placed(child: Token, block: Token) -> Token:
    """The token whose place a report about ``child`` (inline, in ``block``) names: its own
    when the parse knows it (``parser.place_inline``), else its block's."""
    return child if "offset" in child.meta else block


Where = tuple[str, int, int]
"""A place in a source: its path, 1-based line and column."""


@dataclass(slots=True)
class Page:
    """One page being written: what its passes read and what they report."""

    document: Document
    language: Language
    code: str
    """The page's site language code (``lv``, ``en``)."""
    md: Markdown
    resolver: Any = None
    """The page's ``docfx.context.Resolver`` (``None``: nothing outside the text is read)."""
    links: Any = None
    """The page's ``link_rewrite.LinkContext`` (``None``: links kept as written)."""
    english: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """Each segment's text on the English page, by (origin, segment id): the hover's."""
    english_headings: list[str] = field(default_factory=list)
    """The English page's heading ids, in order (the translation's headings keep them)."""
    english_aliases: list[str] = field(default_factory=list)
    """The English page's headings' ids from their text, where an anchor gave another id."""
    counter: int = 0
    """The next segment number on the page (an include's segments continue the page's)."""
    origins: dict[int, tuple[str, str]] = field(default_factory=dict)
    """A segment's number -> (its source's path, its id)."""
    parses: list[Parse] = field(default_factory=list)
    """Every parse the page is made of (its own and its includes')."""
    chain: tuple[str, ...] = ()
    """The sources being read, outermost first (an include cycle is refused)."""
    source_passes: tuple[SourcePass, ...] = ()
    """Every unit's source passes, in order (an include is read with them too)."""
    reports: list[SourceError] = field(default_factory=list)
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    """Constructs written otherwise than the source wrote them: (source text, shown, rule)."""
    data: dict[str, Any] = field(default_factory=dict)
    """What a unit's passes keep for the page (by the unit's name)."""

    @property
    def translation(self) -> bool:
        return self.language is Language.TRANSLATION

    def changed(self, original: str, shown: str, rule: str) -> None:
        if original != shown:
            self.changes.append((original, shown, rule))


@dataclass(slots=True)
class Source:
    """One parsed source of a page: the page's own, or an include."""

    page: Page
    origin: str
    """Its ``SOURCE``-relative path."""
    text: LanguageText
    parse: Parse
    line_starts: list[int] = field(default_factory=list)

    def where(self, token: Token | None, offset: int = 0) -> Where:
        """The source position of ``token`` (an inline token's own, a block's first line's
        text), or of ``offset``."""
        if token is not None and "offset" in token.meta:
            offset = token.meta["offset"]
        elif token is not None and token.map is not None:
            if not self.line_starts:
                from bilingual.pages.tree.parser import line_starts

                self.line_starts = line_starts(self.text.text)
            row = min(token.map[0], len(self.line_starts) - 1)
            offset = self.line_starts[row]
            text = self.text.text
            while offset < len(text) and text[offset] in " \t>":
                offset += 1
        line, column = self.text.position(min(offset, len(self.text.text)))
        return self.origin, line, column

    def report(
        self,
        token: Token | None,
        what: str,
        expected: str,
        kind: type[SourceError] = SourceError,
    ) -> None:
        path, line, column = self.where(token)
        self.page.reports.append(kind(path, line, column, what, expected))
