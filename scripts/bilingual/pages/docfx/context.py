"""What a construct may ask of the source folder around its page: the ``Resolver``.

Every construct is written for one page, in one language, and asks the page's ``Resolver`` for
what is outside the page's text: an included source, a media file, a code file, the page a
cross reference names, the zone pivots the docset defines. Paths are read from the source that
holds the construct (``origin``: the page's, or an include's); a problem is reported at
``where`` (``file:line:column``) and the page shows a placeholder instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bilingual.errors import SourceError
from bilingual.model import Document
from bilingual.source.pivots import PivotGroup

Where = tuple[str, int, int]
"""A place in a source: its path, 1-based line and column."""


@dataclass(frozen=True, slots=True)
class XrefTarget:
    """A page of the docset that a cross reference can name: the article whose front matter
    holds ``uid:``, with its title in each language and the optional ``fullName`` /
    ``nameWithType`` metadata DocFX's ``displayProperty`` reads."""

    uid: str
    path: str
    """The article's ``SOURCE``-relative path."""
    translation_title: str
    english_title: str
    full_name: str | None = None
    name_with_type: str | None = None


class Resolver(Protocol):
    """What a page's constructs may ask of the source folder."""

    @property
    def code(self) -> str:
        """The site language code of the page (``lv``, ``en``)."""
        ...

    def included(self, target: str, origin: str, where: Where) -> tuple[str, Document] | None:
        """The source ``target`` names (relative to ``origin``, or ``~/``): its path and parsed
        document; ``None`` when it cannot be read (reported)."""
        ...

    def media(self, target: str, origin: str, where: Where) -> str | None:
        """``target`` as ``origin`` must write it (the file's own spelling; a repository file
        outside the source folder where it is published); ``None`` when there is no such file
        (reported)."""
        ...

    def code_file(self, target: str, origin: str, where: Where) -> str | None:
        """The text of the code file ``target`` (relative to ``origin``, or ``~/``; anywhere in
        the repository); ``None`` when it cannot be read (reported)."""
        ...

    def xref(self, uid: str, where: Where, *, report: bool = True) -> XrefTarget | None:
        """The page whose ``uid`` this is; ``None`` when no page of the docset defines it
        (reported, unless ``report`` is false: DocFX's ``@uid`` shorthand)."""
        ...

    def report(
        self, where: Where, what: str, expected: str, kind: type[SourceError] = SourceError
    ) -> None:
        """Report a problem at ``where``; the page shows a placeholder."""
        ...

    def pivot_groups(self) -> list[PivotGroup]:
        """The zone pivot groups the page names (``zone_pivot_groups``), as the docset defines
        them; a group the docset does not define comes with no pivots."""
        ...
