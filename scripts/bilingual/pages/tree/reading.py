"""Reading one source of a page into tokens: parse, then the source passes.

``read`` is the one way a source becomes tokens, for the page's own source and for every source
it includes (``docfx.includes`` calls it again): the source's text in the page's language, its
segments numbered on from the page's counter, parsed once (``parser``), its markers made segment
tokens (``segments``), then every unit's source passes in order.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from bilingual.errors import SourceError
from bilingual.model import Document
from bilingual.pages.tree import parser, segments
from bilingual.pages.tree.language import LanguageText
from bilingual.pages.tree.unit import Page, Source, SourcePass


def read(
    page: Page,
    document: Document,
    passes: Sequence[SourcePass],
    origin: str | None = None,
    *,
    inline: bool = False,
) -> tuple[list[Token], Source]:
    """``document``'s tokens on ``page`` (``inline``: read as inline text only, as DocFX reads
    an inline include), and the ``Source`` they were read as."""
    where = origin if origin is not None else document.path
    text = LanguageText.of(document, page.language, page.counter, where)
    if inline:  # DocFX reads an inline include's text without the line break that ends it
        text.text = text.text.rstrip()
    page.counter += len(text.places)
    for place in text.places:
        page.origins[place.index] = (where, place.segment.id)
    env: dict[str, object] = {}
    if inline:
        run = parser.Parse(text, where, inline_only=True)
        env[parser.KEY] = run
        before = page.md.current
        page.md.current = run
        try:
            tokens = page.md.parseInline(text.text, env)
        finally:
            page.md.current = before
    else:
        tokens = parser.parse(page.md, text, where, env)
        run = env[parser.KEY]  # type: ignore[assignment]
    assert isinstance(run, parser.Parse)
    page.parses.append(run)
    source = Source(page, where, text, run)
    for offset in text.replaced:
        line, column = text.position(offset)
        page.reports.append(
            SourceError(
                where,
                line,
                column,
                "a private-use character of planes 15-16 (U+F0000-U+10FFFF), which the writer "
                "keeps for its own marks: shown as U+FFFD",
                "text without supplementary private-use characters",
            )
        )
    for line, what, expected in run.problems:
        holder = Token("paragraph_open", "p", 1)
        holder.map = [line, line + 1]
        source.report(holder, what, expected)
    for step in passes:
        tokens = step.run(tokens, source)
    return tokens, source


def to_tokens_rule(state: object) -> None:
    """Core rule (after the inline parse): markers -> segment tokens."""
    from markdown_it.rules_core import StateCore

    assert isinstance(state, StateCore)
    run = state.env.get(parser.KEY)
    if isinstance(run, parser.Parse):
        segments.to_tokens(state.tokens, run)
