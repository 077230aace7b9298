"""One source tree read: its files classified, its markdown parsed, its translation's locale.

A tree's locale is its files' ``ms.contentlocale``, which they must agree on: a file naming
another is a ``LocaleError`` (one line, no traceback). A file whose locale is not a BCP 47 tag is
built in its tree's language, and says so; a locale CLDR does not know is built under its own
tag, and says so too. The split reads every tree so (``split.trees``), as does the translation
memory (``tm``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bilingual.errors import BilingualError, SourceError
from bilingual.locales import SiteLanguage, is_known, site_language
from bilingual.model import Document
from bilingual.source import folder
from bilingual.source.files import Kind, SourceFiles, read_files
from bilingual.source.folder import (
    NoLocaleError,
    is_article,
    read_documents,
    translation_code,
)
from bilingual.source.media import is_media


class LocaleError(BilingualError):
    """Source trees whose locales cannot make one site."""


@dataclass(slots=True)
class Tree:
    """One source tree: its folder, its parsed sources and its translation's language."""

    source: Path
    documents: list[Document]
    language: SiteLanguage
    files: SourceFiles = field(default_factory=lambda: SourceFiles(Path()))
    """Every file of the tree, classified once (``source.files``)."""

    @property
    def articles(self) -> dict[str, Document]:
        """The tree's articles by path (its includes left out)."""
        return {document.path: document for document in self.documents if is_article(document)}


def read_tree(
    source: Path,
    problems: list[SourceError],
    found: SourceFiles | None = None,
    shown: Callable[[list[Path]], Iterable[Path]] = iter,
) -> Tree:
    """Parse every source of the tree at ``source`` (malformed ones to ``problems``); its
    locale is its files' ``ms.contentlocale``, which they must agree on. A file whose locale is
    not a BCP 47 tag is built in its tree's, and says so (a warning on the file); a locale CLDR
    does not know is built under its own tag, named by it, its interface in English, and says
    so too. ``found``: its files, when read already (``source.files``); ``shown``: the
    markdown files to read, as they are read (a progress counter's)."""
    found = read_files(source) if found is None else found
    problems.extend(problem for problem in found.problems if not is_media(Path(problem.path)))
    markdown = [source / path for path in found.paths(Kind.ARTICLE, Kind.INCLUDE)]
    documents = read_documents(source, problems, shown(markdown), found.docset)
    unreadable = [doc for doc in documents if doc.content_locale and not locale_code(doc)]
    try:
        code = translation_code(documents)  # of the files whose locale is a tag
    except NoLocaleError as error:
        raise LocaleError(f"{source}: {error}") from None
    for document in unreadable:
        document.warnings.append(
            _locale_warning(
                source,
                document,
                f"ms.contentlocale {document.content_locale!r} is not a BCP 47 language tag, so "
                f"the page is built in its tree's language, {code}",
                "a tag such as 'de-DE', 'pt-BR' or 'sr-Latn-RS'",
            )
        )
        document.metadata["ms.contentlocale"] = code
    if not is_known(code):
        named = next(doc for doc in documents if doc.content_locale)
        named.warnings.append(
            _locale_warning(
                source,
                named,
                f"ms.contentlocale {named.content_locale}: no language CLDR knows, so its pages "
                f"are built as {code!r}, named so in the language menu, their interface text in "
                'English (marked lang="en") and their search without a stemmer',
                "a locale of a known language, such as de-DE, ja-JP or pt-BR",
            )
        )
    for document in documents:
        locale = document.content_locale
        if locale and locale_code(document) != code:
            count = sum(1 for doc in documents if locale_code(doc) == code)
            raise LocaleError(
                f"{source / document.path}: ms.contentlocale {locale} differs from its tree's "
                f"{code} ({count} files); expected one locale per source tree"
            )
    return Tree(source, documents, site_language(code), found)


def locale_code(document: Document) -> str:
    """The site code of a document's ``ms.contentlocale``; ``""`` without one that is a tag."""
    return folder.known_code(document.content_locale) if document.content_locale else ""


def _locale_warning(source: Path, document: Document, what: str, expected: str) -> SourceError:
    at = document.prefix.find("ms.contentlocale")
    line = document.prefix.count("\n", 0, at) + 1 if at >= 0 else 1
    column = at - document.prefix.rfind("\n", 0, at) if at >= 0 else 1
    return SourceError(str(source / document.path), line, column, what, expected)
