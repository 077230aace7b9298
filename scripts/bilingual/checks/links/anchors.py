"""A built page's missing anchor that its source asked for: the source's defect, not the site's.

The built-site check reports a link whose ``#fragment`` no element of its target page carries.
When the fragment is not an anchor DocFX itself would give the target article either — none of
its ``<a name>``/``id`` anchors, none of its headings' ids as DocFX makes them (GitHub's rule:
lower case, punctuation dropped, spaces as ``-``) in either language — the link was broken in the
source (a typo, an anchor renamed upstream): it is the source's problem (kind ``source``), kept
apart from anchors the generator lost (kind ``anchor``), which must be none.
"""

from __future__ import annotations

import re
from pathlib import Path

from bilingual.checks.links.built_site import Problem
from bilingual.model import Document, Language
from bilingual.pages.anchors import heading_id
from bilingual.pages.render import render_body

NO_ANCHOR = re.compile(r"no anchor #(?P<fragment>\S+) in (?P<target>\S+)$")
EXPLICIT = re.compile(r"""<a\b[^>]*?\bname\s*=\s*["']([^"']+)|\bid\s*=\s*["']([^"']+)""", re.I)
HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
docfx_heading_id = heading_id


def docfx_anchors(document: Document) -> set[str]:
    """Every anchor DocFX would give ``document``'s page, in either language."""
    found: set[str] = set()
    for language in Language:
        body = render_body(document, language)
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
    problem: Problem, site: Path, documents: dict[str, list[Document]], languages: set[str]
) -> Problem | None:
    """``problem`` (of the site in ``site``) as the source's defect, when it is a missing
    anchor the source asked for (no tree's article of that path has it); ``languages`` are the
    site's language folders."""
    if problem.kind != "anchor":
        return None
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


def reclassified(
    problems: list[Problem], site: Path, documents: dict[str, list[Document]], languages: set[str]
) -> list[Problem]:
    """``problems`` with every missing anchor the sources asked for as the sources' defect."""
    return [as_source_defect(p, site, documents, languages) or p for p in problems]
