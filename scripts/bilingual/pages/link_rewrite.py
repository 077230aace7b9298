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

    @classmethod
    def of(cls, articles: Iterable[str], locale: str, files: Iterable[str] = ()) -> LinkContext:
        return cls(
            articles=frozenset(articles),
            locale=locale.lower(),
            files={path.lower(): path for path in files},
        )


@dataclass(frozen=True, slots=True)
class Rewrite:
    """A link the writer changed: where it pointed in the source, and where it points now."""

    original: str
    target: str
    rule: str


def learn_locale(content_locale: str | None) -> str:
    """``lv-LV`` -> ``lv-lv``: the locale as Learn spells it in a path."""
    return (content_locale or ENGLISH_LOCALE).replace("_", "-").lower()


def _relative(page: str, target: str) -> str:
    start = posixpath.dirname(page) or "."
    return posixpath.relpath(target, start)


def _docset_article(path: str, context: LinkContext) -> str | None:
    """The article a docset-absolute path (``/Docset/a/b[.md]``) names, if it is in the tree."""
    parts = path.lstrip("/").split("/", 1)
    if len(parts) != 2 or not parts[1]:
        return None
    name = unquote(parts[1]).rstrip("/")
    for candidate in (name, name + ".md"):
        if candidate in context.articles:
            return candidate
    return None


def page_url(path: str) -> str:
    """The folder URL (relative to the language's root) MkDocs gives the page of ``path``."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def _from_page_url(page: str, target: str) -> str:
    """``target`` (a source path) as a link in the HTML of ``page``'s built page."""
    here = page_url(page).rstrip("/") or "."
    there = page_url(target) if target.endswith(".md") else target
    relative = posixpath.relpath(there.rstrip("/") or ".", here)
    return relative + "/" if there.endswith("/") and relative != "." else relative


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
    if url.startswith("/"):
        article = _docset_article(parts.path, context)
        if article is None:
            return f"{LEARN}/{context.locale}{url}", "learn"
        if html:
            return _from_page_url(page, article) + fragment, "docset"
        return _relative(page, article) + fragment, "docset"
    if not parts.path:
        return None
    folder = posixpath.dirname(page)
    target = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
    spelled = context.files.get(target.lower(), target)
    if html:
        if target + ".md" in context.articles:
            spelled = target + ".md"
        rebased = _from_page_url(page, spelled) + fragment
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
