"""A built page's broken link that its source asked for: the source's defect, not the site's.

Two kinds of the built-site check's problems can be the source's own (kind ``source``), kept
apart from what the generator lost (kinds ``anchor`` and ``internal``, which must be none):

missing anchor
    a link whose ``#fragment`` no element of its target page carries, when the fragment is not
    an anchor DocFX itself would give the target article either — none of its ``<a name>``/``id``
    anchors, none of its headings' ids as DocFX makes them (GitHub's rule: lower case,
    punctuation dropped, spaces as ``-``) in either language: a typo, an anchor renamed upstream.
missing file
    a relative link to no file of the site, when the page's source article writes that very
    target and no source tree has a file there: a translator's text where a target belongs
    (``[Allow cloud recording](クラウド レコーディングを許可する)``), a page the tree lacks.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bilingual.checks.links.built_site import Problem
from bilingual.model import Document, Language
from bilingual.pages.reader.headings import heading_id
from bilingual.pages.titles import heading_text
from bilingual.pages.tree.language import body_text
from bilingual.source.includes import reached

NO_FILE = re.compile(r"no such file (?P<target>.+)$")
NO_ANCHOR = re.compile(r"no anchor #(?P<fragment>\S+) in (?P<target>\S+)$")
EXPLICIT = re.compile(r"""<a\b[^>]*?\bname\s*=\s*["']([^"']+)|\bid\s*=\s*["']([^"']+)""", re.I)
HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


def docfx_heading_id(markdown: str) -> str:
    """The id DocFX gives a heading written ``markdown``."""
    return heading_id(heading_text(markdown))


def docfx_anchors(document: Document) -> set[str]:
    """Every anchor DocFX would give ``document``'s page, in either language."""
    found: set[str] = set()
    for language in Language:
        body = body_text(document, language)
        found |= {a or b for a, b in EXPLICIT.findall(body)}
        found |= {docfx_heading_id(heading) for heading in HEADING.findall(body)}
    return found


def article_of(site_path: str, languages: set[str]) -> str:
    """The source article of a built page (``en/a/b/index.html`` -> ``a/b.md``)."""
    first, _, rest = site_path.partition("/")
    path = rest if first in languages and rest else site_path
    stem = path.removesuffix("index.html").rstrip("/")
    return f"{stem}.md" if stem else "index.md"


def as_source_defect(
    problem: Problem,
    site: Path,
    documents: dict[str, list[Document]],
    languages: set[str],
    roots: Sequence[Path] = (),
) -> Problem | None:
    """``problem`` (of the site in ``site``) as the source's defect, when the source asked for
    it (see the module's docstring); ``documents`` are the source trees' documents by path,
    ``languages`` the site's language folders, ``roots`` the source trees."""
    if problem.kind == "anchor":
        return _missing_anchor(problem, site, documents, languages)
    if problem.kind == "internal":
        return _missing_file(problem, site, documents, languages, roots)
    return None


def _missing_anchor(
    problem: Problem, site: Path, documents: dict[str, list[Document]], languages: set[str]
) -> Problem | None:
    found = NO_ANCHOR.search(problem.reason)
    if found is None:
        return None
    targets = documents.get(article_of(found.group("target"), languages), [])
    if not targets or any(found.group("fragment") in docfx_anchors(doc) for doc in targets):
        return None
    page = Path(problem.page).resolve().relative_to(site.resolve()).as_posix()
    reason = (
        f"{problem.reason}: its source {article_of(page, languages)} links to an anchor the "
        "target article does not have; expected one of its <a name> anchors or heading ids"
    )
    return Problem(problem.page, problem.line, problem.column, problem.url, reason, "source")


def _included(articles: list[Document], documents: dict[str, list[Document]]) -> list[Document]:
    """Every source ``articles`` include, at any depth."""
    return [
        included
        for article in articles
        for path in reached(article, lambda path: documents.get(path, []))
        for included in documents.get(path, [])
    ]


def _missing_file(
    problem: Problem,
    site: Path,
    documents: dict[str, list[Document]],
    languages: set[str],
    roots: Sequence[Path],
) -> Problem | None:
    if NO_FILE.search(problem.reason) is None:
        return None
    page = Path(problem.page).resolve().relative_to(site.resolve()).as_posix()
    source = article_of(page, languages)
    articles = documents.get(source, [])
    path = unquote(urlsplit(problem.url).path)
    if not articles or path.startswith("/"):
        return None
    shown = [*articles, *_included(articles, documents)]  # an include's links are the page's
    texts = [body_text(document, language) for document in shown for language in Language]
    if any(problem.url in text for text in texts):  # written so in the source
        target = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
        written = problem.url
    else:  # the writer wrote the built page's address: the article it stands for
        built = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        target = article_of(f"{built}/index.html" if path.endswith("/") else built, languages)
        name = posixpath.basename(target).rsplit(".", 1)[0]
        if not name or not any(name in text for text in texts):
            return None
        written = target
    if target in documents or any((root / target).exists() for root in roots):
        return None
    reason = (
        f"{problem.reason}: its source {source} links to '{written}', which no source tree "
        "has; expected a path to a file of the tree or a URL"
    )
    return Problem(problem.page, problem.line, problem.column, problem.url, reason, "source")


def reclassified(
    problems: list[Problem],
    site: Path,
    documents: dict[str, list[Document]],
    languages: set[str],
    roots: Sequence[Path] = (),
) -> list[Problem]:
    """``problems`` with every broken link the sources asked for as the sources' defect."""
    return [as_source_defect(p, site, documents, languages, roots) or p for p in problems]
