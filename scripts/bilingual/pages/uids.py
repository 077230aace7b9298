"""The docset's cross reference map: each ``uid:`` of an article's front matter -> its page.

DocFX gives a page an identifier with ``uid:`` in its front matter; ``<xref:uid>``, ``@uid`` and
``[text](xref:uid)`` link to it (``docfx.xrefs``). ``uid_map`` reads every article of a tree
(includes are no pages) into ``XrefTarget``s, each with its title in both languages as the page
shows it (``titles.document_title``), so a reference on a translation page reads the translated
title and one on an English page the English one. A uid two articles define links to the first
of them (by path), the other reported.
"""

from __future__ import annotations

from collections.abc import Iterable

from bilingual.errors import SourceError
from bilingual.model import Document, Language
from bilingual.pages.docfx.context import XrefTarget
from bilingual.pages.titles import document_title
from bilingual.source.folder import is_article


class DuplicateUid(SourceError):
    """A uid another article already defines."""


def _text(value: object) -> str | None:
    text = str(value).strip() if value is not None and not isinstance(value, (dict, list)) else ""
    return text or None


def target_of(document: Document) -> XrefTarget | None:
    """The cross reference target ``document`` defines, if it is an article with a ``uid``."""
    uid = _text(document.metadata.get("uid"))
    if uid is None or not is_article(document):
        return None
    titles = [document_title(document, language) for language in Language]
    return XrefTarget(
        uid,
        document.path,
        titles[0],
        titles[1],
        _text(document.metadata.get("fullName")),
        _text(document.metadata.get("nameWithType")),
    )


def uid_map(
    targets: Iterable[XrefTarget], problems: list[SourceError] | None = None
) -> dict[str, XrefTarget]:
    """uid -> target; of two targets with one uid the first by path wins, the other is added to
    ``problems``."""
    found: dict[str, XrefTarget] = {}
    for target in sorted(targets, key=lambda t: t.path):
        first = found.setdefault(target.uid, target)
        if first is not target and problems is not None:
            problems.append(
                DuplicateUid(
                    target.path,
                    1,
                    1,
                    f"uid '{target.uid}' is also the uid of {first.path}; cross references "
                    f"link to {first.path}",
                    "one article per uid",
                )
            )
    return found


def uids_of(
    documents: Iterable[Document], problems: list[SourceError] | None = None
) -> dict[str, XrefTarget]:
    """The cross reference map of ``documents``."""
    return uid_map((target for target in map(target_of, documents) if target is not None), problems)
