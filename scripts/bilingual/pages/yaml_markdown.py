"""The markdown inside a YAML page (a FAQ's answers, a tutorial's steps) -> HTML.

It is DocFX's markdown, as in an article: the page writer reads it (``page.render_tokens``:
every unit's rules and passes, so an alert is an alert, ``<xref:…>`` a cross reference, a
``:::no-loc`` text, in the page's language), as the translation's text (it has no pairs). It is
the source's text, so nothing in it may become markup it did not mean: raw HTML is off
(``units.markdown(raw_html=False)``), so ``<script>`` or ``<img onerror=…>`` in it is shown as
text, and ``javascript:`` links are refused by the renderer (the site's sanitiser checks the
built page again). Nothing outside the text is read (``TextOnly``: an include or a code file is
a placeholder, reported; a cross reference names an article by its ``uid``). Its links go where the same link on a landing page would (``Navigation.link``,
relative to the YAML file): a link to nothing the site has is its text, counted in
``navigation.unlinked``; a link to the page's own ``#anchor`` is kept. What the writer reports
goes into ``navigation.reports`` at the value's place in the YAML file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it.token import Token

from bilingual.errors import SourceError
from bilingual.model import Document, Language
from bilingual.pages import units
from bilingual.pages.docfx.context import Where, XrefTarget
from bilingual.pages.landing import destination
from bilingual.pages.link_rewrite import Rewrite, built_link
from bilingual.pages.navigation import Navigation
from bilingual.pages.page import render_tokens
from bilingual.pages.tree import html
from bilingual.pages.tree.unit import Page
from bilingual.source.pivots import PivotGroup
from bilingual.source.yamlnodes import START, Origin

OUTSIDE = "a YAML page's markdown is read as text alone: the page shows a placeholder"
"""Why an include or a code file in a YAML page's markdown is not shown."""


@dataclass(slots=True)
class TextOnly:
    """The ``Resolver`` of a YAML value's markdown: it reads nothing outside the text. Media
    stay as written (``_linked`` places them), a cross reference names an article by its
    ``uid``, an include or a code file is reported."""

    navigation: Navigation
    reports: list[SourceError] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.navigation.code

    def included(self, target: str, origin: str, where: Where) -> None:
        self.report(where, f"include {target}: {OUTSIDE}", "an article to include it from")

    def media(self, target: str, origin: str, where: Where) -> str:
        return target

    def code_file(self, target: str, origin: str, where: Where) -> None:
        self.report(where, f"code file {target}: {OUTSIDE}", "an article to show it in")

    def xref(self, uid: str, where: Where, *, report: bool = True) -> XrefTarget | None:
        path = self.navigation.uids.get(uid)
        if path is None:
            if report:
                self.report(where, f"no article has uid {uid}", "the uid of an article")
            return None
        title = self.navigation.titles.get(path, uid)
        return XrefTarget(uid, path, title, title)

    def report(
        self, where: Where, what: str, expected: str, kind: type[SourceError] = SourceError
    ) -> None:
        self.reports.append(kind(*where, what, expected))

    def pivot_groups(self) -> list[PivotGroup]:
        return []


def image_src(src: str, base: str, page: str, navigation: Navigation) -> str | None:
    """An image of the YAML file ``base`` as a ``src`` on the built page of ``page``; ``None``
    when the site does not have it."""
    target = navigation.link(src, base)
    if target is None:
        return None
    if target.url is not None:
        return target.url
    assert target.page is not None
    return built_link(page, target.page)


def _linked(children: list[Token], base: str, page: str, navigation: Navigation) -> list[Token]:
    """``children`` with each link and image pointing where the site has it; links to nothing
    the site has left as their text (links do not nest, so a dropped link's close is the next)."""
    kept: list[Token] = []
    dropping = False
    for token in children:
        if token.type == "link_open":
            href = str(token.attrGet("href") or "")
            target = None if href.startswith("#") else navigation.link(href, base)
            if target is not None:
                token.attrSet("href", destination(target, page).strip("<>"))
            elif not href.startswith("#"):
                navigation.unlinked += 1
                dropping = True
                continue
        elif token.type == "link_close" and dropping:
            dropping = False
            continue
        elif token.type == "image":
            src = image_src(str(token.attrGet("src") or ""), base, page, navigation)
            if src is not None:
                token.attrSet("src", src)
        kept.append(token)
    return kept


def markdown_html(
    text: str, base: str, page: str, navigation: Navigation, at: Origin = START
) -> str:
    """The markdown ``text`` of the YAML file ``base`` (its text starting at ``at``) as HTML on
    the page at ``page``; what it reports placed in the file."""
    resolver = TextOnly(navigation)
    written = Page(
        Document(base, "", {}, [text]),
        Language.TRANSLATION,
        navigation.code,
        units.markdown(raw_html=False),
        resolver,
        chain=(base,),
        source_passes=units.source_passes(),
    )
    tokens = render_tokens(written)
    for token in tokens:
        if token.type == "inline" and token.children:
            token.children = _linked(token.children, base, page, navigation)
    changed = navigation.rewrites.setdefault(base, [])
    changed += [Rewrite(original, shown, rule) for original, shown, rule in written.changes]
    for report in [*written.reports, *resolver.reports]:
        what = report.what
        if not at.exact(report.line):  # a folded scalar's later line: the value's start
            what += f" (line {report.line}, column {report.column} of this value's markdown)"
        line, column = at.place(report.line, report.column)
        navigation.reports.append(SourceError(base, line, column, what, report.expected))
    return html.render(written.md, tokens, {"code": written.code, **written.data})
