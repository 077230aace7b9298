"""Audit a source folder: nothing is lost between the bilingual sources and the pages.

For every markdown source the audit checks two things:

- *round trip*: writing the parsed document back as a bilingual file (``render_source``) gives
  the source's text exactly;
- *segments in = segments out*: the folder is split by the real pipeline (``split.full.split_tree``,
  which calls ``render_page``) into a temporary folder, and every segment is looked for in the
  page each language got, as a reader gets it: the page's HTML through the site's sanitizer, its
  visible text read as words, and the segment's source text as the words it must show
  (``losses``: markup, link targets and what the writer writes otherwise on purpose left out).
  The front matter of the page is left out of the search, so a title cannot stand in for a lost
  heading. A segment counted lost is on no unused place of its page; every segment that is not
  on its page is counted (``tests/checks/test_audit.py`` plants each kind of loss, and each
  rewrite that is none).

Files under ``includes/`` are fragments, not articles. Their segments must reach every page whose
source includes them (``[!INCLUDE[…](path)]``), where the writer inlines them. An include that
no article includes has no page to reach: its segments are counted, not looked for.

A source that does not parse is an *error* (``file:line:column: what; expected shape``), as in
``split``: by default it is reported and the rest audited; ``strict`` makes it fail the audit.
Malformed markup the parser reads around without loss (a stray ``</span>`` inside a segment) is
reported and counted as an error the same way, its segments audited like any other.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bilingual.checks.losses import Checked, References, page_words, references_of
from bilingual.checks.losses import lost as missing
from bilingual.checks.yaml_texts import lost_line, missing_texts, yaml_page_texts
from bilingual.errors import BilingualError, SourceError
from bilingual.locales import site_language
from bilingual.model import Document, Language, Segment
from bilingual.pages.home import HOME
from bilingual.pages.link_rewrite import Rewrite
from bilingual.site.sanitize import sanitize_html
from bilingual.site.side_by_side import split_english
from bilingual.source.docset import Docset
from bilingual.source.files import Kind, read_files
from bilingual.source.folder import is_article, source_files, translation_code
from bilingual.source.includes import RootOf, includers
from bilingual.source.pairs import render_source
from bilingual.source.parse import decode, parse
from bilingual.source.positions import position
from bilingual.source.toc import page_path
from bilingual.split.docsets import group_docsets
from bilingual.split.full import split_trees
from bilingual.split.report import Split
from bilingual.split.trees import Tree, choose_english, fold_case

PAGE_FRONT_MATTER = re.compile(r"---\r?\n(?:[^\n]*\n)*?---[ \t]*(?:\r?\n|\Z)")


@dataclass(slots=True)
class Audit:
    """What an audit found; ``summary`` is the JSON line's content."""

    files: int = 0
    """Markdown sources read."""
    segments: int = 0
    """Segments in the sources that parsed."""
    yaml_pages: int = 0
    """YAML pages (landing pages, hubs, FAQs, tutorials, others) read."""
    yaml_texts: int = 0
    """Texts a reader sees in them (``checks.yaml_texts``), each looked for on its page."""
    roundtrip_failures: int = 0
    """Sources whose document, written back, differs from the source."""
    lost_segments: int = 0
    """Segment texts not found on a page they should reach (counted once per language), and
    texts of YAML pages not on their page."""
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
            "yaml_pages": self.yaml_pages,
            "yaml_texts": self.yaml_texts,
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


def checked_parts(document: Document) -> list[Checked]:
    """The segments and malformed stretches of ``document``, in source order."""
    return [part for part in document.parts if not isinstance(part, str)]


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
    """The pages one language got, read back from the docs folder as a reader gets them: through
    the site's sanitizer, as words (``losses.page_words``); a translation page's English twins of
    its blocks (side by side, inert until asked for) are not its text, and left out."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._pages: dict[str, str] = {}

    def page(self, path: str) -> str | None:
        if path not in self._pages:
            file = self.folder / path
            if not file.is_file():
                return None
            body, _ = split_english(page_body(file.read_text(encoding="utf-8")))
            self._pages[path] = page_words(sanitize_html(body))
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
    root_of: RootOf,
) -> None:
    included_by = includers(documents, root_of)
    read: dict[tuple[str, Language], References] = {}  # an include's: once, for all includers

    def references(document: Document, language: Language) -> References:
        key = (document.path, language)
        if key not in read:
            read[key] = references_of(document, language)
        return read[key]

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
                    defined = references(document, language)
                    lost = missing(checked_parts(document), page, language, changed, defined)
                    _lost(audit, document, lost, where, name)
                continue
            for includer in included_by.get(document.path, []):
                page = pages.page(includer) or ""
                changed = rewrites.get(f"{folder.name}/{includer}", [])
                defined = references(document, language)
                lost = missing(checked_parts(document), page, language, changed, defined)
                where = f"{folder.name}/{includer} (which includes it)"
                _lost(audit, document, lost, where, name)


def _check_yaml_pages(audit: Audit, tree: Tree, folder: Path, split: Split) -> None:
    """Each YAML page of ``tree`` on its page in its translation's ``folder``: every text a
    reader sees (``checks.yaml_texts``) but those of parts the split left out and reported. A
    file the split could not read as a page (reported there) is an error; one whose page is
    missing without a report loses all its text."""
    problems = split.navigation.problems if split.navigation is not None else []
    places: dict[str, list[tuple[int, int]]] = {}
    for problem in problems:
        places.setdefault(problem.path, []).append((problem.line, problem.column))
    for path in read_files(tree.source).paths(Kind.PAGE):
        audit.yaml_pages += 1
        own = [str(problem) for problem in problems if problem.path == path]
        audit.errors += len(own)
        audit.problems += own
        try:
            text = (tree.source / path).read_text(encoding="utf-8-sig")
            texts = yaml_page_texts(text, path, places.get(path, ()))
        except (OSError, UnicodeDecodeError, SourceError) as error:
            audit.errors += 1
            audit.problems.append(
                str(error) if isinstance(error, SourceError) else f"{path}:1:1: {error}"
            )
            continue
        audit.yaml_texts += len(texts)
        page = HOME if path.rsplit(".", 1)[0] == "index" else page_path(path)
        file = folder / page
        if not file.is_file() and (1, 1) in places.get(path, ()):
            continue  # it cannot be a page: the split said so (an error above)
        body = page_body(file.read_text(encoding="utf-8")) if file.is_file() else None
        where = f"{folder.name}/{page}" + ("" if body is not None else " (no page written)")
        shown = split.navigation.rewrites if split.navigation is not None else {}
        for value in missing_texts(texts, body, shown.get(f"{folder.name}/{path}", ())):
            audit.lost_segments += 1
            audit.problems.append(lost_line(path, value, where))


def merged(audits: Sequence[Audit]) -> Audit:
    """One audit of several docsets': their counts summed, their problems in order."""
    total = Audit()
    for audit in audits:
        for name in ("files", "segments", "yaml_pages", "yaml_texts", "roundtrip_failures"):
            setattr(total, name, getattr(total, name) + getattr(audit, name))
        total.lost_segments += audit.lost_segments
        total.errors += audit.errors
        total.problems += audit.problems
        if audit.behind is not None:  # per locale, summed over the docsets
            total.behind = total.behind or {}
            for code, counts in audit.behind.items():
                into = total.behind.setdefault(code, {"articles": 0, "segments": 0})
                for key, count in counts.items():
                    into[key] = into.get(key, 0) + count
    return total


def audit_tree(source: Path) -> Audit:
    """Audit every markdown source under ``source``; the split is written to a temporary folder."""
    return audit_trees([source])


def audit_trees(sources: Sequence[Path], default: str | None = None) -> Audit:
    """Audit the source trees of one site: each tree's sources on its translation's pages, and
    on the English pages those whose English the site shows (``split.trees.choose_english``);
    the translations made from an older English are counted per locale (``Audit.behind``).
    Trees of several docsets (``split.docsets``) are audited docset by docset, the sums
    reported."""
    groups = group_docsets(sources)
    if len(groups) > 1:
        return merged([audit_trees(group.sources, default) for group in groups])
    audit = Audit()
    read = [(source, _read(source, audit)) for source in sources]
    if not any(documents for _, documents in read):
        return audit
    with tempfile.TemporaryDirectory(prefix="bilingual-audit-") as scratch:
        docs = Path(scratch)
        try:
            split = split_trees(sources, docs, default=default, default_if_present=True)
        except BilingualError as error:  # e.g. no source names its locale: no page at all
            audit.errors += 1
            audit.lost_segments += audit.segments
            message = str(error)
            if not message.startswith(tuple(map(str, sources))):
                message = f"{', '.join(map(str, sources))}: {message}"
            audit.problems.append(f"{message} (no page was written)")
            return audit
        trees: dict[str, Tree] = {}
        for source, documents in read:  # keyed as the split keys them: by the language's folder
            if any(document.content_locale for document in documents):
                language = site_language(translation_code(documents))
                trees[language.code] = Tree(source, documents, language)
        ordered = [
            trees.pop(language.code) for language in split.translations if language.code in trees
        ]
        for tree in trees.values():  # a tree the split wrote no language of: nothing is on a page
            audit.errors += 1
            audit.lost_segments += sum(len(document.segments) for document in tree.documents)
            audit.problems.append(f"{tree.source}: no language of the site is this tree's")
        left_out: list[SourceError] = []
        fold_case(ordered, left_out)  # as the split did: its problems name what it left out
        audit.errors += len(left_out)
        audit.problems.extend(str(problem) for problem in left_out)
        choice = choose_english(ordered)
        for tree in ordered:
            _check_yaml_pages(audit, tree, docs / tree.language.code, split)
        for index, tree in enumerate(ordered):
            translation = {Language.TRANSLATION: docs / tree.language.code}
            root_of = Docset.find(tree.source).root_of
            _check_pages(audit, tree.documents, translation, split.rewrites, root_of)
            shown = [
                document
                for document in tree.documents
                if not is_article(document) or choice.source.get(document.path) == index
            ]
            english = {Language.ENGLISH: docs / split.english.code}
            _check_pages(audit, shown, english, split.rewrites, root_of)
        if len(sources) > 1:
            audit.behind = {
                code: {"articles": len(paths), "segments": sum(paths.values())}
                for code, paths in split.behind.items()
            }
    return audit
