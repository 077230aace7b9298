"""What a DocFX construct may ask of the tree around its page: the ``Resolver``.

Every construct is written for one page, in one language, and gets the page's ``Resolver``:
included text in the page's language, media paths as the page must write them, code files, the
pages that cross references name (``XrefTarget``), and ``report`` for a problem it shows in the
page instead (a placeholder) — the article is never dropped; ``pivot_groups`` for the zone
pivots the page's selector offers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from bilingual.source.pivots import PivotGroup


@dataclass(frozen=True, slots=True)
class XrefTarget:
    """A page of the docset that a cross reference can name: the article whose front matter
    holds ``uid:``, with its title in each language (``render.page_title``) and the optional
    ``fullName`` / ``nameWithType`` metadata DocFX's ``displayProperty`` reads."""

    uid: str
    path: str
    """The article's ``SOURCE``-relative path."""
    translation_title: str
    english_title: str
    full_name: str | None = None
    name_with_type: str | None = None


@dataclass(frozen=True, slots=True)
class XrefLink:
    """A resolved cross reference as one page writes it."""

    href: str
    """The target's path relative to the folder of the source being expanded (``../a.md``)."""
    title: str
    """The target's title in the page's language."""
    target: XrefTarget


class Resolver(Protocol):
    """What the writer needs from the source folder for one page."""

    @property
    def code(self) -> str:
        """The site language code of the page (``lv``, ``en``)."""
        ...

    def include(self, target: str, offset: int) -> str | None:
        """The text of the source ``target`` (relative to the page's source, or ``~/``) in the
        page's language, its own constructs expanded and links rebased; ``None`` when it cannot
        be read (reported). ``offset`` is where the construct stands in the page body."""
        ...

    def media(self, target: str, offset: int) -> str | None:
        """``target`` as the page must write it (the file's own spelling; a file of the
        repository outside the source folder at its published place); ``None`` when there is no
        such file (reported)."""
        ...

    def code_file(self, target: str, offset: int) -> str | None:
        """The text of the code file ``target`` (relative to the source being expanded, or
        ``~/``; anywhere in the repository); ``None`` when it cannot be read (reported)."""
        ...

    def xref(self, uid: str, offset: int, *, report: bool = True) -> XrefLink | None:
        """The page whose ``uid`` this is, as a link from the source being expanded; ``None``
        when no page of the docset defines it (reported once per place, unless ``report`` is
        false: DocFX's ``@uid`` shorthand, where ``@`` is often just an at sign)."""
        ...

    def report(self, offset: int, what: str, expected: str) -> None:
        """Report a problem at ``offset`` of the page body; the page shows a placeholder."""
        ...

    def changed(self, original: str, target: str, rule: str) -> None:
        """Record that a construct's source text ``original`` was written as ``target`` (the
        audit searches a segment's text as the writer changed it)."""
        ...

    def pivot_groups(self) -> list[PivotGroup]:
        """The zone pivot groups the page names (``zone_pivot_groups`` in its front matter, an
        include's resolver answering for the page that includes it), as the docset defines them;
        a group the docset does not define comes with no pivots."""
        ...


@dataclass(frozen=True, slots=True)
class Shifted:
    """A page's ``Resolver`` for a body that was rewritten before its constructs were found (the
    translation page's hover spans): each offset is mapped back to the body the resolver knows
    (``to_source``) before it is handed on."""

    inner: Resolver
    to_source: Callable[[int], int]

    @property
    def code(self) -> str:
        return self.inner.code

    def include(self, target: str, offset: int) -> str | None:
        return self.inner.include(target, self.to_source(offset))

    def media(self, target: str, offset: int) -> str | None:
        return self.inner.media(target, self.to_source(offset))

    def code_file(self, target: str, offset: int) -> str | None:
        return self.inner.code_file(target, self.to_source(offset))

    def xref(self, uid: str, offset: int, *, report: bool = True) -> XrefLink | None:
        return self.inner.xref(uid, self.to_source(offset), report=report)

    def report(self, offset: int, what: str, expected: str) -> None:
        self.inner.report(self.to_source(offset), what, expected)

    def changed(self, original: str, target: str, rule: str) -> None:
        self.inner.changed(original, target, rule)

    def pivot_groups(self) -> list[PivotGroup]:
        return self.inner.pivot_groups()
