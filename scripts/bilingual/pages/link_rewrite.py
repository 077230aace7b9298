"""Link resolution: every link of a page made to point at the right place in the page's language.

One step of the writer (``render.render_page``), applied alike to both languages of a document.
The rules, in the order they are tried:

``docset``
    ``/AlchemyInsights/some-article`` (``.md`` and ``#section`` optional): a docset-absolute link
    to an article of this same tree becomes a relative link to that article's page
    (``some-article.md#section``), which the site resolves in the page's own language.
``learn``
    ``/microsoft-365/…``, ``/windows/…``: any other root-relative link points into Microsoft Learn
    and becomes ``https://learn.microsoft.com/<locale>/…`` in the page's locale (the
    translation's locale on its page, ``en-us`` on the English page).
``root``
    ``~/section/page.md``: a path from the docset's root (the folder holding ``docfx.json``)
    becomes a path from the page, then goes through the other rules.
``missing``
    ``../other-section/page.md`` (or a landing page's ``index.yml``) where the tree has no such article (localized trees often lack
    pages their English docset has): the page of the same docset on Learn,
    ``https://learn.microsoft.com/<locale><docset path>/other-section/page``, when the docset's
    path on Learn is known (``docset_paths``); else the link is kept (and the link check reports it).
``locale``
    ``https://docs.microsoft.com/lv-lv/…``, ``support.office.com/en-us/…``: a locale in the path
    of a link to Microsoft's documentation hosts is made the page's locale.
``case``
    ``media/Shot.PNG`` where the file is ``media/shot.png``: a relative link to a file of the tree
    that differs only in letter case is spelled as the file is (the site is served from a
    case-sensitive file system; Learn is not).
``html``
    ``<a href="b.md">``, ``<img src="media/x.png">``: MkDocs rewrites the links of markdown but
    not those of raw HTML, and a page is served as a folder (``a.md`` -> ``a/``), so an internal
    link in an HTML attribute is given relative to the built page (``../b/``,
    ``../media/x.png``). Docset-absolute links in HTML get the same treatment.

Everything else (relative links that resolve, ``https://`` links, ``ms-settings:``, ``mailto:``)
is kept as written. No link is dropped: a rule changes a target, never removes it, and every
change is returned as a ``Rewrite`` that keeps the original target.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit, urlunsplit

LEARN = "https://learn.microsoft.com"
ENGLISH_LOCALE = "en-us"
LOCALE_HOSTS = frozenset(
    {"docs.microsoft.com", "learn.microsoft.com", "support.office.com", "support.microsoft.com"}
)
PATH_LOCALE = re.compile(r"^/([a-z]{2,3}-[a-z]{2,4})(?=/|$)", re.IGNORECASE)
FENCE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[ \t]*$", re.MULTILINE | re.DOTALL)
LINK = re.compile(
    r"""(?P<lead>\]\(\s*)(?P<angle><)?(?P<url>(?(angle)[^<>\n]*|(?:[^\s()<>]|\([^\s()]*\))+))"""
    r"""|(?P<rlead>^[ ]{0,3}\[[^\]\n]+\]:[ \t]*)(?P<rurl>\S+)"""
    r"""|(?P<hlead>(?<![\w-])(?:href|src)\s*=\s*(?P<q>["']))(?P<hurl>.*?)(?P=q)""",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class LinkContext:
    """What the rules need to know about the page's tree and language."""

    articles: frozenset[str]
    """Source paths of the tree's articles, ``/``-separated (``sub/article.md``)."""
    locale: str
    """The page's Learn locale, lower case (``lv-lv``; ``en-us`` for English)."""
    files: Mapping[str, str] = field(default_factory=dict)
    """The tree's other files (media): lower-cased path -> path as spelled on disk."""
    docset_paths: tuple[str, ...] = ()
    """The docset's paths on Learn (``/dynamics365/customer-insights``), best first."""
    root: str = "."
    """The docset's root (the folder of ``docfx.json``; ``~/``), relative to ``SOURCE``."""

    @classmethod
    def of(
        cls,
        articles: Iterable[str],
        locale: str,
        files: Iterable[str] = (),
        docset_paths: Iterable[str] = (),
        root: str = ".",
    ) -> LinkContext:
        return cls(
            articles=frozenset(articles),
            locale=locale.lower(),
            files={path.lower(): path for path in files},
            docset_paths=tuple(docset_paths),
            root=root,
        )


@dataclass(frozen=True, slots=True)
class Rewrite:
    """A link the writer changed: where it pointed in the source, and where it points now."""

    original: str
    target: str
    rule: str


VIRTUAL_ROOT = "/" + "r/" * 32
"""A deep folder to anchor relative paths at, so that ``relative`` never reads the working
folder (``SOURCE``-relative paths may climb out of ``SOURCE`` with ``../``)."""


def relative(path: str, folder: str) -> str:
    """``path`` relative to ``folder``, both ``SOURCE``-relative (either may start with ``../``)."""
    anchored = posixpath.normpath(VIRTUAL_ROOT + path)
    start = posixpath.normpath(VIRTUAL_ROOT + (folder or "."))
    return posixpath.relpath(anchored, start)


def learn_locale(content_locale: str | None) -> str:
    """``lv-LV`` -> ``lv-lv``: the locale as Learn spells it in a path."""
    return (content_locale or ENGLISH_LOCALE).replace("_", "-").lower()


def _relative(page: str, target: str) -> str:
    start = posixpath.dirname(page) or "."
    return posixpath.relpath(target, start)


DOCSET_EVIDENCE = 2
"""Distinct articles a path prefix must lead to before it is taken for the docset's path (one
could be a coincidence: ``/common-data-model/…/customerinsights/contact``)."""
ROOT_LINK = re.compile(r"""\]\(\s*<?(/[^)\s>#?]+)|\bhref\s*=\s*["'](/[^"'#?]+)""")


def _article_named(name: str, articles: frozenset[str]) -> str | None:
    """The article a path inside the docset names (``a/b``, ``a/b.md``, a folder's ``index``)."""
    name = name.strip("/")
    for candidate in (name, name + ".md", f"{name}/index.md" if name else "index.md"):
        if candidate in articles:
            return candidate
    return None


def docset_paths(
    texts: Iterable[str], articles: Iterable[str], hints: Iterable[str] = ()
) -> tuple[str, ...]:
    """The docset's paths on Learn: ``hints`` (from ``docfx.json``), then the prefix under which
    root-relative links of ``texts`` (and redirect targets) name the most distinct articles of the
    tree (``/dynamics365/customer-insights`` + ``/audience-insights/x``), if at least
    ``DOCSET_EVIDENCE``."""
    tree = frozenset(articles)
    named: dict[str, set[str]] = {}
    for text in texts:
        for match in ROOT_LINK.finditer(text):
            segments = unquote(match.group(1) or match.group(2)).strip("/").split("/")
            for count in range(1, len(segments)):
                article = _article_named("/".join(segments[count:]), tree)
                if article is not None:
                    named.setdefault("/" + "/".join(segments[:count]), set()).add(article)
                    break
    found = [hint.rstrip("/") for hint in hints if hint.strip("/")]
    votes = Counter({prefix: len(found_articles) for prefix, found_articles in named.items()})
    best = votes.most_common(1)
    if best and best[0][1] >= DOCSET_EVIDENCE:
        found.append(best[0][0])
    return tuple(dict.fromkeys(found))


def _docset_article(path: str, context: LinkContext) -> str | None:
    """The article a docset-absolute path (``/Docset/a/b[.md]``) names, if it is in the tree:
    after one of the docset's known paths, else after its first segment."""
    name = unquote(path)
    for base in context.docset_paths:
        if name.startswith(base + "/"):
            article = _article_named(name[len(base) + 1 :], context.articles)
            if article is not None:
                return article
    parts = name.lstrip("/").split("/", 1)
    if len(parts) != 2 or not parts[1]:
        return None
    rest = parts[1].rstrip("/")
    for candidate in (rest, rest + ".md"):
        if candidate in context.articles:
            return candidate
    return None


def page_url(path: str) -> str:
    """The folder URL (relative to the language's root) MkDocs gives the page of ``path``."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_path(path: str, start: str) -> str:
    """``posixpath.relpath(path, start)`` for two paths of the same tree, without asking the
    file system for the current folder (the index pages make thousands of links): computed
    from their parts where both are plain (no ``.``, ``..`` or empty part but a lone ``.``)."""
    to = [] if path == "." else path.split("/")
    at = [] if start == "." else start.split("/")
    if any(part in ("", ".", "..") for part in (*to, *at)):
        return posixpath.relpath(path, start)
    common = 0
    for mine, theirs in zip(to, at, strict=False):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:]) or "."


def built_link(page: str, target: str) -> str:
    """``target`` (a source path) as a link in the HTML of ``page``'s built page."""
    here = page_url(page).rstrip("/") or "."
    there = page_url(target) if target.endswith(".md") else target
    relative = relative_path(there.rstrip("/") or ".", here)
    if not there.endswith("/"):
        return relative
    return "./" if relative == "." else relative + "/"


def resolve(
    url: str, page: str, context: LinkContext, *, html: bool = False
) -> tuple[str, str] | None:
    """(new target, rule) when a rule applies to ``url`` on ``page``, else ``None``.

    ``html``: the link is an attribute of raw HTML, which MkDocs does not rewrite, so an internal
    target is given as the built page's URL (``../b/``), not as a source path (``b.md``).
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme or url.startswith("//"):
        host = (parts.hostname or "").lower()
        locale = PATH_LOCALE.match(parts.path)
        if host in LOCALE_HOSTS and locale and locale.group(1) != context.locale:
            path = "/" + context.locale + parts.path[locale.end() :]
            return urlunsplit(parts._replace(path=path)), "locale"
        return None
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    if url.startswith("~/"):  # from the docset's root: a path like any other, from the page
        at_root = posixpath.normpath(posixpath.join(context.root, url[2:].split("#")[0]))
        moved = _relative(page, at_root) + fragment
        resolved = resolve(moved, page, context, html=html)
        return resolved if resolved is not None else (moved, "root")
    if url.startswith("/"):
        article = _docset_article(parts.path, context)
        if article is None:
            return f"{LEARN}/{context.locale}{url}", "learn"
        if html:
            return built_link(page, article) + fragment, "docset"
        return _relative(page, article) + fragment, "docset"
    if not parts.path:
        return None
    folder = posixpath.dirname(page)
    target = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
    spelled = context.files.get(target.lower(), target)
    query = f"?{parts.query}" if parts.query else ""
    page_source = target.endswith((".md", ".yml"))
    if page_source and target not in context.articles and context.docset_paths:
        stem = target.rsplit(".", 1)[0].removesuffix("index")
        if not stem.startswith("../"):
            learn = f"{LEARN}/{context.locale}{context.docset_paths[0]}/{stem}"
            return learn + query + fragment, "missing"
    if html:
        if target + ".md" in context.articles:
            spelled = target + ".md"
        rebased = built_link(page, spelled) + query + fragment
        return (rebased, "html") if rebased != url else None
    if spelled != target:
        return urlunsplit(parts._replace(path=_relative(page, spelled))), "case"
    return None


def resolve_links(markdown: str, page: str, context: LinkContext) -> tuple[str, list[Rewrite]]:
    """``markdown`` with every link resolved by the rules, and the changes made (code kept as is)."""
    rewrites: list[Rewrite] = []

    def replace(match: re.Match[str]) -> str:
        name = next(n for n in ("url", "rurl", "hurl") if match.group(n) is not None)
        original = match.group(name)
        resolved = resolve(original.strip(), page, context, html=name == "hurl")
        if resolved is None:
            return match.group()
        target, rule = resolved
        rewrites.append(Rewrite(original, target, rule))
        start, end = match.span(name)
        offset = match.start()
        text = match.group()
        return text[: start - offset] + target + text[end - offset :]

    pieces = []
    position = 0
    for fence in FENCE.finditer(markdown):
        pieces.append(LINK.sub(replace, markdown[position : fence.start()]))
        pieces.append(fence.group())
        position = fence.end()
    pieces.append(LINK.sub(replace, markdown[position:]))
    return "".join(pieces), rewrites
