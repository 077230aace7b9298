"""Audit a source folder: nothing is lost between the bilingual sources and the pages.

For every markdown source the audit checks two things:

- *round trip*: writing the parsed document back as a bilingual file (``render_source``) gives
  the source's text exactly;
- *segments in = segments out*: the folder is split by the real pipeline (``split.full.split_tree``,
  which calls ``render_page``) into a temporary folder, and every segment's text is looked for, in
  source order, in the page each language got. The search tolerates what a writer may change
  around a segment without changing its text: runs of white space, line breaks followed by
  indentation or blockquote markers (``>``), and HTML character references (``&lt;`` for ``<``).
  The front matter of the page is left out of the search, so a title cannot stand in for a lost
  heading.

Files under ``includes/`` are fragments, not articles. Their segments must reach every page whose
source includes them (``[!INCLUDE[…](path)]``), where the writer inlines them. An include that
no article includes has no page to reach: its segments are counted, not looked for.

A source that does not parse is an *error* (``file:line:column: what; expected shape``), as in
``split``: by default it is reported and the rest audited; ``strict`` makes it fail the audit.
Malformed markup the parser reads around without loss (a stray ``</span>`` inside a segment) is
reported and counted as an error the same way, its segments audited like any other.
"""

from __future__ import annotations

import html
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bilingual.errors import BilingualError, SourceError
from bilingual.locales import site_language
from bilingual.model import Document, Language, Malformed, Segment
from bilingual.pages.link_rewrite import Rewrite
from bilingual.source.folder import is_article, source_files, translation_code
from bilingual.source.includes import includers
from bilingual.source.pairs import render_source
from bilingual.source.parse import decode, parse
from bilingual.source.positions import position
from bilingual.split.full import split_trees
from bilingual.split.trees import Tree, choose_english, fold_case

# A run of white space, line breaks with the indentation or blockquote markers after them.
SPACE = re.compile(r"[ \t\f\v]*(?:\r?\n[ \t\f\v>]*)+|[ \t\f\v]+")
WRITER_MARKUP = re.compile(
    r"^(?:(?:(?:\d{1,9}[.)]|[-+*]|#{1,6})(?:[ \t]+|$)|>[ \t]?)+|\[![A-Za-z]+\][ \t]*)"
)
"""Block markup that may open a segment and that the writer keeps outside the segment's text
or rewrites (``hover.LEADING_BLOCK``): list markers, a heading's ``#``, ``>``, an alert marker."""
ESCAPED_HASH = re.compile(r"(^|\n[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[ \t>]*)*)\\#")
PAGE_FRONT_MATTER = re.compile(r"---\r?\n(?:[^\n]*\n)*?---[ \t]*(?:\r?\n|\Z)")


@dataclass(slots=True)
class Audit:
    """What an audit found; ``summary`` is the JSON line's content."""

    files: int = 0
    """Markdown sources read."""
    segments: int = 0
    """Segments in the sources that parsed."""
    roundtrip_failures: int = 0
    """Sources whose document, written back, differs from the source."""
    lost_segments: int = 0
    """Segment texts not found on a page they should reach (counted once per language)."""
    errors: int = 0
    """Malformed markup: sources that do not parse, and warnings of those that parse around it."""
    problems: list[str] = field(default_factory=list)
    """One line per problem, ``file:line:column: what; expected shape``."""

    behind: dict[str, dict[str, int]] | None = None
    """For a site of several trees: per locale, the articles translated from an older English
    than the site shows, and the segments whose English changed since."""

    def summary(self) -> dict[str, object]:
        found: dict[str, object] = {
            "files": self.files,
            "segments": self.segments,
            "roundtrip_failures": self.roundtrip_failures,
            "lost_segments": self.lost_segments,
            "errors": self.errors,
        }
        if self.behind is not None:
            found["behind"] = self.behind
        return found

    def passed(self, strict: bool = False) -> bool:
        """Nothing failed or was lost (and, when ``strict``, every source parsed)."""
        failed = self.roundtrip_failures or self.lost_segments or (strict and self.errors)
        return not failed


def normalise(text: str) -> str:
    """Text as the search compares it: references resolved, white space runs as one space.

    NUL becomes U+FFFD, as CommonMark (and so the writer's block parser) makes it; ``\\|`` is
    ``|`` (the writer escapes a pipe an inline include brings into a table cell), and ``\\#``
    opening a line is ``#`` (the writer escapes it in a paragraph, ``blocks``).
    """
    if "&" in text:
        text = html.unescape(text)
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    if "\\|" in text:  # a pipe the writer escaped in a table cell (an inline include's)
        text = text.replace("\\|", "|")
    if "\\#" in text:  # a paragraph line's "#" the writer escaped (Python-Markdown: a heading)
        text = ESCAPED_HASH.sub(r"\1#", text)
    return SPACE.sub(" ", text).strip()


def page_body(markdown: str) -> str:
    """A page's markdown without its front matter."""
    match = PAGE_FRONT_MATTER.match(markdown)
    return markdown[match.end() :] if match else markdown


def roundtrip_problem(document: Document, text: str) -> SourceError | None:
    """Where the document written back first differs from its source, if it does."""
    written = render_source(document)
    if written == text:
        return None
    offset = next(
        (i for i, (a, b) in enumerate(zip(written, text, strict=False)) if a != b),
        min(len(written), len(text)),
    )
    line, column = position(text, offset)
    return SourceError(
        document.path,
        line,
        column,
        "round trip differs: the document written back is not the source",
        "the source's bytes back",
    )


def wanted_text(segment: Checked, language: Language, rewrites: Sequence[Rewrite] = ()) -> str:
    """What of a segment's text must be on its page, normalised.

    A segment may begin with block markup that the writer keeps outside the segment's span or
    rewrites on purpose: an ordered-list number (``6.`` renumbered as the list's fourth item, as
    CommonMark counts it), bullet markers (``+`` and ``*`` written as ``-``; a run of them opens
    nested lists), a heading's ``#``, a blockquote's ``>``, or a DocFX alert marker (``[!TIP]``,
    which becomes an admonition titled in the page's language). That leading markup is left out
    of the search; everything after it must be there. What the writer changed (``rewrites``: the
    links ``link_rewrite.resolve_links`` changed, the constructs it showed as placeholders) is
    searched for as changed.
    """
    text = WRITER_MARKUP.sub("", segment.text(language).lstrip(), count=1)
    changed = {r.original: r.target for r in rewrites if r.original in text}
    if changed:  # one pass, longest first, so that a target is never rewritten again
        originals = sorted(changed, key=len, reverse=True)
        pattern = re.compile("|".join(re.escape(original) for original in originals))
        text = pattern.sub(lambda found: changed[found.group()], text)
    return normalise(text)


Checked = Segment | Malformed
"""What must reach the pages: every segment, and every malformed stretch (shown as its text)."""


def checked_parts(document: Document) -> list[Checked]:
    """The segments and malformed stretches of ``document``, in source order."""
    return [part for part in document.parts if not isinstance(part, str)]


def missing(
    segments: Iterable[Checked],
    page: str,
    language: Language,
    rewrites: Sequence[Rewrite] = (),
) -> list[Checked]:
    """The segments whose text is not found in ``page`` (normalised), each after the last found:
    as the writer changed it, else as written (a construct the writer changed in one place, the
    same text kept in another: inside code)."""
    lost = []
    cursor = 0
    for segment in segments:
        wanted = wanted_text(segment, language, rewrites)
        if not wanted:
            continue
        found = page.find(wanted, cursor)
        if found < 0 and rewrites:  # the same text rewritten elsewhere, kept here (in code)
            unchanged = wanted_text(segment, language)
            found = page.find(unchanged, cursor)
            wanted = unchanged if found >= 0 else wanted
        if found < 0:
            lost.append(segment)
        else:
            cursor = found + len(wanted)
    return lost


def _read(source: Path, audit: Audit) -> list[Document]:
    """Parse every source, checking its round trip; errors and failures go to ``audit``."""
    documents = []
    for path in source_files(source):
        relative = path.relative_to(source).as_posix()
        audit.files += 1
        try:
            text = decode(path.read_bytes(), relative)
            document = parse(text, relative)
        except SourceError as error:
            audit.errors += 1
            audit.problems.append(str(error))
            continue
        audit.segments += len(document.segments)
        audit.errors += len(document.warnings)
        audit.problems.extend(str(warning) for warning in document.warnings)
        problem = roundtrip_problem(document, text)
        if problem is not None:
            audit.roundtrip_failures += 1
            audit.problems.append(str(problem))
        documents.append(document)
    return documents


class _Pages:
    """The pages one language got, read back from the docs folder and normalised."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._pages: dict[str, str] = {}

    def page(self, path: str) -> str | None:
        if path not in self._pages:
            file = self.folder / path
            if not file.is_file():
                return None
            self._pages[path] = normalise(page_body(file.read_text(encoding="utf-8")))
        return self._pages[path]


def _lost(
    audit: Audit, document: Document, segments: Sequence[Checked], where: str, lang: str
) -> None:
    for segment in segments:
        audit.lost_segments += 1
        name = f"segment {segment.id}'s" if isinstance(segment, Segment) else "malformed markup's"
        audit.problems.append(
            f"{document.path}:{segment.line}:{segment.column}: {name} {lang} "
            f"text is not on {where}; expected it there, in source order"
        )


def _check_pages(
    audit: Audit,
    documents: list[Document],
    languages: dict[Language, Path],
    rewrites: dict[str, list[Rewrite]],
) -> None:
    included_by = includers(documents)
    for language, folder in languages.items():
        pages = _Pages(folder)
        name = language.value
        for document in documents:
            if is_article(document):
                page = pages.page(document.path)
                where = f"{folder.name}/{document.path}"
                if page is None:
                    _lost(
                        audit, document, checked_parts(document), f"{where} (no page written)", name
                    )
                else:
                    changed = rewrites.get(where, [])
                    lost = missing(checked_parts(document), page, language, changed)
                    _lost(audit, document, lost, where, name)
                continue
            for includer in included_by.get(document.path, []):
                page = pages.page(includer) or ""
                changed = rewrites.get(f"{folder.name}/{includer}", [])
                lost = missing(checked_parts(document), page, language, changed)
                where = f"{folder.name}/{includer} (which includes it)"
                _lost(audit, document, lost, where, name)


def audit_tree(source: Path) -> Audit:
    """Audit every markdown source under ``source``; the split is written to a temporary folder."""
    return audit_trees([source])


def audit_trees(sources: Sequence[Path], default: str | None = None) -> Audit:
    """Audit the source trees of one site: each tree's sources on its translation's pages, and
    on the English pages those whose English the site shows (``split.trees.choose_english``);
    the translations made from an older English are counted per locale (``Audit.behind``)."""
    audit = Audit()
    read = [(source, _read(source, audit)) for source in sources]
    if not any(documents for _, documents in read):
        return audit
    with tempfile.TemporaryDirectory(prefix="bilingual-audit-") as scratch:
        docs = Path(scratch)
        try:
            split = split_trees(sources, docs, default=default)
        except BilingualError as error:  # e.g. no source names its locale: no page at all
            audit.errors += 1
            audit.lost_segments += audit.segments
            message = str(error)
            if not message.startswith(tuple(map(str, sources))):
                message = f"{', '.join(map(str, sources))}: {message}"
            audit.problems.append(f"{message} (no page was written)")
            return audit
        trees = {
            translation_code(documents): Tree(
                source, documents, site_language(translation_code(documents))
            )
            for source, documents in read
            if any(document.content_locale for document in documents)
        }
        ordered = [
            trees[language.code] for language in split.translations if language.code in trees
        ]
        left_out: list[SourceError] = []
        fold_case(ordered, left_out)  # as the split did: its problems name what it left out
        audit.errors += len(left_out)
        audit.problems.extend(str(problem) for problem in left_out)
        choice = choose_english(ordered)
        for index, tree in enumerate(ordered):
            translation = {Language.TRANSLATION: docs / tree.language.code}
            _check_pages(audit, tree.documents, translation, split.rewrites)
            shown = [
                document
                for document in tree.documents
                if not is_article(document) or choice.source.get(document.path) == index
            ]
            _check_pages(
                audit, shown, {Language.ENGLISH: docs / split.english.code}, split.rewrites
            )
        if len(sources) > 1:
            audit.behind = {
                code: {"articles": len(paths), "segments": sum(paths.values())}
                for code, paths in split.behind.items()
            }
    return audit
