"""The docset's tree in each page's primary sidebar: the current branch rendered into the page,
the whole tree loaded once per language by the browser. A page shows the TOC that lists it
(``page_tree``: DocFX's choice, recorded by the split in ``.navigation.json`` when it is not the
nearest by folder), else the TOC nearest to it (``nearest_tree``): its folder's ``toc.json``, else
the nearest one above it, else the root's.

The page's breadcrumb (``breadcrumb``, rendered by ``overrides/partials/path.html``) is the
language's home page, then the places of the docset's breadcrumb TOC above the page (written by
the split, ``pages.breadcrumbs``); where it names none, the entries above the page's own in its
tree; where there are none, the page's folder's group on the home page.

A page carries only what does not grow with the docset: the branch from the tree's top down to
the page's own entry (its ancestors, each a link or a name, and the page marked
``aria-current="page"``), inside ``<div class="help-toc" data-toc="…/toc.json?v=…">``. The site's
script (``overrides/assets/javascripts/help-toc.js``) fetches that ``toc.json`` (written by the
split, ``pages.navigation``: one per TOC and language, its links relative to its folder, cached by the browser, its ``v`` the hash of its
bytes so a changed tree is fetched anew) and renders the whole tree in its place, with
expand/collapse buttons. Without the script a reader still sees where the page stands.

Titles come from the sources: every text is escaped here, and the script sets them as text.
"""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.utils import get_relative_url

from bilingual.pages.home import folder_anchor
from bilingual.pages.navigation import rebased, rooted_link

TOC_JSON = "toc.json"
PAGE_DATA = ".navigation.json"
"""Written by the split (``split.navigation.page_data``) in each language's folder."""


@dataclass(frozen=True, slots=True)
class PageData:
    """What the split recorded of the navigation per page, in one language."""

    tocs: dict[str, str] = field(default_factory=dict)
    """A page's source path (``calendar/meetings.md``) -> the folder of the TOC listing it,
    where that is not its nearest by folder."""
    crumbs: list[dict[str, str]] = field(default_factory=list)
    """The breadcrumb TOC's places (``pages.breadcrumbs``): ``f`` the folder, ``t`` the
    name, ``u`` the link relative to the language's root, ``l`` the name's language."""
    docsets: list[dict[str, str]] = field(default_factory=list)
    """In a site of several docsets (``split.docsets``), each docset's folder, name and home
    page, as ``crumbs``: the first place of the breadcrumb of every page under it."""


def load_page_data(docs: Path, code: str) -> PageData:
    """The ``PAGE_DATA`` of language ``code`` (empty when there is none, or it is malformed)."""
    try:
        data = json.loads((docs / code / PAGE_DATA).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return PageData()
    if not isinstance(data, dict):
        return PageData()
    tocs = data.get("tocs")
    return PageData(
        {str(k): str(v) for k, v in tocs.items()} if isinstance(tocs, dict) else {},
        _crumb_places(data.get("crumbs")),
        _crumb_places(data.get("docsets")),
    )


def _crumb_places(value: Any) -> list[dict[str, str]]:
    return [
        {str(k): str(v) for k, v in crumb.items()}
        for crumb in (value if isinstance(value, list) else [])
        if isinstance(crumb, dict) and {"f", "t", "u"} <= crumb.keys()
    ]


@dataclass(frozen=True, slots=True)
class Tree:
    """One language's tree, as the split wrote it."""

    nodes: list[dict[str, Any]]
    version: str
    """A short hash of the file's bytes (its cache key in the page's link)."""
    places: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """A page's URL (relative to the language's root) -> the indexes down to its first node."""
    folder: str = ""
    """The folder whose TOC it is (``""``: the root's); its ``toc.json`` is there."""


def _places(nodes: list[dict[str, Any]]) -> dict[str, tuple[int, ...]]:
    found: dict[str, tuple[int, ...]] = {}
    stack: list[tuple[tuple[int, ...], dict[str, Any]]] = [
        ((index,), node) for index, node in reversed(list(enumerate(nodes)))
    ]
    while stack:
        place, node = stack.pop()
        url = str(node.get("u", "#")).split("#", 1)[0]
        if "u" in node and not urlsplit(url).scheme:
            found.setdefault(url, place)
        children = node.get("c", [])
        stack.extend(((*place, i), child) for i, child in reversed(list(enumerate(children))))
    return found


def load_tree(docs: Path, code: str, folder: str = "") -> Tree | None:
    """The tree of ``folder``'s TOC (``""``: the root's) in language ``code`` in the docs folder,
    its links relative to the language's root again, or None when it has none."""
    path = docs / code / folder / TOC_JSON if folder else docs / code / TOC_JSON
    try:
        data = path.read_bytes()
        nodes = json.loads(data)
    except (OSError, ValueError):
        return None
    if not isinstance(nodes, list) or not all(isinstance(node, dict) for node in nodes):
        return None
    nodes = rebased(nodes, folder, rooted_link)
    return Tree(nodes, hashlib.sha256(data).hexdigest()[:12], _places(nodes), folder)


def nearest_tree(
    docs: Path, code: str, page: str, cache: dict[tuple[str, str], Tree | None]
) -> Tree | None:
    """The tree a page shows: the TOC of its source's folder (``page``, the source path in the
    language folder, ``mail/set-up-mail.md``), else of the nearest folder above it holding
    one (DocFX's nearest TOC); trees read once into ``cache``."""
    folder = posixpath.dirname(page)
    while True:
        if (code, folder) not in cache:
            cache[code, folder] = load_tree(docs, code, folder)
        if cache[code, folder] is not None or not folder:
            return cache[code, folder]
        folder = posixpath.dirname(folder)


def page_tree(
    docs: Path,
    code: str,
    page: str,
    data: PageData,
    cache: dict[tuple[str, str], Tree | None],
) -> Tree | None:
    """The tree a page shows: the TOC listing it as the split recorded it (``data.tocs``), else
    its nearest by folder (``nearest_tree``)."""
    folder = data.tocs.get(page)
    if folder is not None:
        if (code, folder) not in cache:
            cache[code, folder] = load_tree(docs, code, folder)
        if cache[code, folder] is not None:
            return cache[code, folder]
    return nearest_tree(docs, code, page, cache)


def _crumb(title: str, link: str | None, address: str, lang: str | None = None) -> dict[str, str]:
    crumb = {"title": title}
    if link is not None:
        crumb["href"] = relative(link, address)
    if lang:
        crumb["lang"] = lang
    return crumb


def _is_page(link: str, address: str) -> bool:
    """Whether a link relative to the language's root opens the home page or the page itself."""
    path = link.split("#", 1)[0]
    return not urlsplit(link).scheme and path in ("", address)


def breadcrumb(
    page: str, address: str, tree: Tree | None, data: PageData, index: bool = False
) -> list[dict[str, str]]:
    """The places of the breadcrumb after the language's home page, for the page from the source
    ``page`` (``mail/set-up-mail.md``) at ``address`` (its URL relative to the language's root):
    each ``title``, ``href`` (relative to the page) and ``lang`` when the title is in another
    language than the page. The first of these that names any place: the breadcrumb TOC's places
    covering the page's folder (``data.crumbs``, the outermost first); the entries above the
    page's own in its ``tree``, each linking where it links (one without a link, a group of the
    TOC, its name as text; the home page and the page itself left out); the group of the page's
    folder on the home page, named from the folder (a ``title`` without ``href`` is text). In a
    site of several docsets, the page's docset (``data.docsets``) comes first, and the folder's
    group is on its home page. None on the home page's index pages (``index``), on a docset's
    home page, or on a page at the root that no tree places below another."""
    if index:
        return []
    folder = posixpath.dirname(page)
    docset = next((place for place in data.docsets if _covers(place["f"], folder)), None)
    head = [] if docset is None else [_crumb(docset["t"], docset["u"], address, docset.get("l"))]
    if docset is not None and _is_page(docset["u"], address):
        return []  # the docset's own home page: the site's home page above it
    return head + _places_above(page, address, tree, data, docset)


def _covers(folder: str, inside: str) -> bool:
    """Whether ``inside`` is ``folder`` or a folder below it (letter case ignored)."""
    folder, inside = folder.lower(), inside.lower()
    return inside == folder or inside.startswith(folder + "/")


def _places_above(
    page: str, address: str, tree: Tree | None, data: PageData, docset: dict[str, str] | None
) -> list[dict[str, str]]:
    folder = posixpath.dirname(page)
    covering = [crumb for crumb in data.crumbs if _covers(crumb["f"], folder)]
    if covering:
        covering.sort(key=lambda crumb: crumb["f"].count("/"))
        return [
            _crumb(crumb["t"], crumb["u"], address, crumb.get("l"))
            for crumb in covering
            if not _is_page(crumb["u"], address)
        ]
    place = tree.places.get(address, ()) if tree is not None else ()
    nodes = tree.nodes if tree is not None else []
    above: list[dict[str, str]] = []
    for index_ in place[:-1]:
        node = nodes[index_]
        nodes = node.get("c", [])
        link = node.get("u")
        if (link is None or not _is_page(str(link), address)) and node.get("t"):
            lang = node.get("l")
            href = None if link is None else str(link)
            above.append(_crumb(str(node["t"]), href, address, str(lang) if lang else None))
    if above:
        return above
    home = ""
    if docset is not None:  # the folder's group on its docset's home page
        home = docset["u"]
        folder = folder[len(docset["f"]) :].lstrip("/")
    if folder:
        name = folder.rsplit("/", 1)[-1].replace("-", " ").replace("_", " ").capitalize()
        return [_crumb(name, f"{home}#{folder_anchor(folder)}", address)]
    return []


def relative(target: str, page: str) -> str:
    """A node's link (relative to the language's root, or absolute) as seen from ``page``."""
    if urlsplit(target).scheme:
        return target
    path, hash_mark, fragment = target.partition("#")
    link = get_relative_url(path or ".", page)
    if (path == "" or path.endswith("/")) and not link.endswith("/"):
        link += "/"
    return link + hash_mark + fragment


def _item(node: dict[str, Any], page: str, current: bool, inner: str) -> str:
    title = html.escape(str(node.get("t", "")))
    lang = f' lang="{html.escape(str(node["l"]))}"' if "l" in node else ""
    if "u" in node:
        href = html.escape(relative(str(node["u"]), page), quote=True)
        mark = ' aria-current="page"' if current else ""
        text = f'<a class="help-toc__link" href="{href}"{mark}{lang}>{title}</a>'
    else:
        text = f'<span class="help-toc__text"{lang}>{title}</span>'
    return f'<li class="help-toc__item"><div class="help-toc__row">{text}</div>{inner}</li>'


def branch_html(tree: Tree, page: str, prefix: str, label: str) -> str:
    """The sidebar's tree on the page at ``page`` (its URL relative to the language's root;
    ``prefix``: the language's, ``en/``): the branch down to the page's entry."""
    place = tree.places.get(page, ())
    chain: list[dict[str, Any]] = []
    nodes = tree.nodes
    for index in place:
        chain.append(nodes[index])
        nodes = nodes[index].get("c", [])
    inner = ""
    for depth, node in reversed(list(enumerate(chain))):
        item = _item(node, page, depth == len(chain) - 1, inner)
        inner = f'<ul class="help-toc__list">{item}</ul>'
    where = f"{prefix}{tree.folder}/{TOC_JSON}" if tree.folder else prefix + TOC_JSON
    source = html.escape(f"{get_relative_url(where, prefix + page)}?v={tree.version}")
    return (
        f'<div class="help-toc" data-toc="{source}" role="navigation" '
        f'aria-label="{html.escape(label, quote=True)}">{inner}</div>'
    )
