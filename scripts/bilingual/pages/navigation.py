"""The docset's tree in one language: TOC entries -> nodes the site's sidebar shows.

Each node is a small mapping, written into ``<code>/toc.json`` (the root's TOC) or
``<code>/<folder>/toc.json`` (a folder's, ``source.toc.Tocs``) by the split and read by the site
(``site.navigation`` renders the current page's branch, ``help-toc.js`` the whole tree)::

    {"t": "Title", "u": "audience-insights/overview/", "x": 1, "l": "lv", "c": [ …children ]}

``t`` the title, ``u`` the link (a page's folder URL relative to the folder of its ``toc.json``,
``""`` for the home page in the root's, with its ``#section``; or an absolute http(s) URL), ``x`` shown open
(``expanded: true``), ``l`` the language of ``t`` when it is not the page's, ``c`` the children.
A link goes where the same link in an article would (``link_rewrite``): an article's page, a
landing page, a Learn path or URL in the page's locale, a docset path to its article. A target
missing from the source is the address of a redirect leaving from it when there is one, else
the node has no link (``Navigation.unlinked`` counts them).

Titles: on the translation's tree the TOC's names (an entry without one takes its page's
title); on the English tree the English title of each entry's article or home page, since the
TOC's names exist only in the translation; an entry without an English page keeps its name,
marked with the translation's language, as does one opening only the first page of the TOC it
links to (``TocEntry.names_page``: that page's title does not name it).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from bilingual.errors import SourceError
from bilingual.pages.home import HOME
from bilingual.pages.link_rewrite import LinkContext, Rewrite, page_url, resolve
from bilingual.source.toc import TocEntry, page_path

WEB = frozenset({"http", "https"})


@dataclass(frozen=True, slots=True)
class Target:
    """Where a link of the TOC or a landing page goes: a page (or file) of the site, or a URL."""

    page: str | None = None
    """A page path of the language folder (``a/b.md``, ``a/index.md``) or a media file."""
    url: str | None = None
    """An absolute http(s) URL."""
    fragment: str = ""

    def href(self) -> str:
        """The link relative to the language's root (``a/b/#x``), or the URL."""
        if self.url is not None:
            return self.url
        assert self.page is not None
        url = page_url(self.page) if self.page.endswith(".md") else self.page
        return url + self.fragment


@dataclass(slots=True)
class Navigation:
    """What the site knows that links and titles need, in one language."""

    code: str
    """The language of the pages (its site code)."""
    translation: str
    """The translation's site code (the language of the TOC's names)."""
    context: LinkContext
    """The link rules in this language's locale."""
    titles: Mapping[str, str] = field(default_factory=dict)
    """Page path -> its title in ``code``: the articles and the home page (``index.md``);
    landing pages (``a/index.md``) on the translation's side."""
    landings: frozenset[str] = frozenset()
    """The landing pages' files (``a/index.yml``)."""
    redirected: Mapping[str, str] = field(default_factory=dict)
    """Lower-cased old file of a redirect -> its page path (an address of the site)."""
    uids: Mapping[str, str] = field(default_factory=dict)
    """Front matter ``uid`` -> article path."""
    unlinked: int = 0
    """Entries and links whose target is not in the site (shown as text)."""
    foreign: int = 0
    """Entries labelled in another language than ``code`` (marked ``l``): on the English tree,
    those whose page has no English title."""
    spelled: dict[str, str] = field(default_factory=dict)
    """Lower-cased page path -> as spelled (made on first use)."""
    reports: list[SourceError] = field(default_factory=list)
    """What writing the YAML pages' markdown reported (an include or a code file it cannot
    show, a marker DocFX does not know)."""
    rewrites: dict[str, list[Rewrite]] = field(default_factory=dict)
    """By YAML file: what its markdown's writer showed otherwise than the source wrote it (a
    cross reference as its article's title, ``:::no-loc:::`` as its text), for the audit."""

    @property
    def english(self) -> bool:
        return self.code != self.translation

    def local(self, path: str, fragment: str = "") -> Target | None:
        """The target a file of ``SOURCE`` (``SOURCE``-relative) names in the site."""
        if not self.spelled:
            self.spelled = {page.lower(): page for page in self.titles if page.endswith(".md")}
        page = self.spelled.get(path.lower())
        if page is not None:
            return Target(page=page, fragment=fragment)
        if path in self.landings:
            return Target(page=page_path(path), fragment=fragment)
        if path.lower() in self.redirected:
            return Target(page=self.redirected[path.lower()], fragment=fragment)
        media = self.context.files.get(path.lower())
        return Target(page=media) if media is not None else None  # copied into every language

    def external(self, url: str, base: str = HOME) -> Target | None:
        """The target of a link the writer's rules change (``link_rewrite.resolve`` on a page at
        ``base``): a docset path to its article, a Learn path or URL in this locale, a page the
        tree lacks to its page on Learn (where the rules know the docset's path there)."""
        resolved = resolve(url, base, self.context)
        if resolved is not None:
            target, rule = resolved
            if rule == "docset":
                path, _, fragment = target.partition("#")
                joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), path))
                return Target(page=joined, fragment=f"#{fragment}" if fragment else "")
            url = target
        try:
            parts = urlsplit(url)
        except ValueError:
            return None
        if parts.scheme.lower() in WEB and parts.hostname and " " not in url:
            return Target(url=url)
        return None

    def link(self, url: str, base: str) -> Target | None:
        """The target of a link written in the file ``base`` (a landing page, the redirection
        file's old file): a path relative to it, ``~/`` from the root, a root-relative path or a
        URL. A relative link to nothing the site has goes where the writer's rules send it."""
        parts = urlsplit(url)
        if parts.scheme or url.startswith(("/", "\\")):
            return self.external(url, base)
        path = unquote(parts.path)
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        if not path:
            return None
        joined = (
            path[2:] if path.startswith("~/") else posixpath.join(posixpath.dirname(base), path)
        )
        found = self.local(posixpath.normpath(joined), fragment)
        return found if found is not None else self.external(url, base)

    def entry_target(self, entry: TocEntry) -> Target | None:
        if entry.href is not None:
            return self.local(entry.href, entry.fragment)
        if entry.uid is not None and entry.uid in self.uids:
            return Target(page=self.uids[entry.uid])
        if entry.missing is not None:
            return self.local(entry.missing) or self.external(entry.missing)
        if entry.url is not None:
            return self.external(entry.url)
        return None

    def title(self, entry: TocEntry, target: Target | None) -> tuple[str, str | None]:
        """An entry's title in this language, and the language it is in when that differs."""
        page = target.page if target is not None else None
        if self.english:
            if page is not None and page in self.titles and entry.names_page:
                return self.titles[page], None
            return entry.name or entry.display_name or "", self.translation
        if entry.name:
            return entry.name, None
        if page is not None and page in self.titles:
            return self.titles[page], None
        return entry.display_name or "", None

    def node(self, entry: TocEntry) -> dict[str, Any] | None:
        target = self.entry_target(entry)
        if target is None and (entry.href or entry.uid or entry.missing or entry.url):
            self.unlinked += 1
        title, lang = self.title(entry, target)
        children = self.nodes(entry.items)
        if not title:
            return None
        node: dict[str, Any] = {"t": title}
        if target is not None:
            node["u"] = target.href()
        if entry.expanded:
            node["x"] = 1
        if lang is not None:
            node["l"] = lang
            self.foreign += 1
        if children:
            node["c"] = children
        return node

    def nodes(self, entries: list[TocEntry]) -> list[dict[str, Any]]:
        found = []
        for entry in entries:
            node = self.node(entry)
            if node is not None:
                found.append(node)
        return found


def leads_anywhere(nodes: list[dict[str, Any]]) -> bool:
    """Whether a tree links to anything but the home page (a TOC of the home page alone, as the
    AlchemyInsights trees have, gives no tree)."""
    stack = list(nodes)
    while stack:
        node = stack.pop()
        if node.get("u", "") != "":
            return True
        stack.extend(node.get("c", []))
    return False


def relative_link(link: str, folder: str) -> str:
    """A node's link relative to the language's root (``mail/set-up-mail/#x``, ``""``) as seen
    from ``folder`` (``mail``: ``set-up-mail/#x``, ``../``); a URL unchanged."""
    if not folder or urlsplit(link).scheme:
        return link
    path, hash_mark, fragment = link.partition("#")
    moved = posixpath.relpath(posixpath.join("/", path or "."), posixpath.join("/", folder))
    if (not path or path.endswith("/")) and not moved.endswith("/"):
        moved += "/"
    return moved + hash_mark + fragment


def rooted_link(link: str, folder: str) -> str:
    """The inverse of ``relative_link``: a link written relative to ``folder``, relative to the
    language's root again."""
    if not folder or urlsplit(link).scheme:
        return link
    path, hash_mark, fragment = link.partition("#")
    joined = posixpath.normpath(posixpath.join(folder, path or "."))
    rooted = "" if joined == "." else joined
    if rooted and (not path or path.endswith("/")):
        rooted += "/"
    return rooted + hash_mark + fragment


def rebased(
    nodes: list[dict[str, Any]], folder: str, move: Callable[[str, str], str] = relative_link
) -> list[dict[str, Any]]:
    """The nodes with each link moved by ``move`` (``relative_link``: written relative to
    ``folder``, the folder of their ``toc.json``, as a browser resolves it)."""
    found = []
    for node in nodes:
        copy = dict(node)
        if "u" in copy:
            copy["u"] = move(str(copy["u"]), folder)
        if "c" in copy:
            copy["c"] = rebased(copy["c"], folder, move)
        found.append(copy)
    return found
