"""The home page of one site language: the index that finds articles without search.

The site carries no global navigation (every page would carry all of it: its weight would grow
with the number of articles). The home page is the index instead:

1. the sections of the source's ``TOC.yml``, each a heading over its entries, in TOC order;
2. every article, A to Z, one group per folder (the source's root first, then each subfolder);
   a group of more than ``LETTER_GROUPS_FROM`` articles is split under one heading per first
   letter, with a line of letter links above it.

Titles come from the sources, so they are escaped: nothing in them becomes markup.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import quote

from bilingual import ui_text
from bilingual.pages.generated import to_html
from bilingual.source.toc import TocEntry, page_path

LETTER_GROUPS_FROM = 40
"""Folders with more articles than this are split by first letter."""
MAX_LETTER_GROUPS = 60
"""More first letters than this (a script without an alphabet): one list, no letter headings."""
HOME = "index.md"
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One article as the home page lists it."""

    title: str
    """The article's title in the home page's language."""
    path: str
    """The article's page path, relative to the language folder (``a/b.md``)."""

    @property
    def folder(self) -> str:
        """The article's folder (``""`` for the source's root)."""
        return self.path.rpartition("/")[0]


def escape(text: str) -> str:
    """Source text as literal markdown text: no emphasis, links, HTML or attribute lists."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def link(entry: IndexEntry) -> str:
    return f"[{escape(entry.title)}]({quote(entry.path)})"


def sort_key(title: str) -> tuple[str, str]:
    """A to Z from the first letter or digit (leading quotes and marks ignored), accents after
    their base letter (``Ā`` with ``A``), case ignored."""
    folded = title.casefold()
    base = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    start = next((i for i, c in enumerate(base) if c.isalnum()), len(base))
    return (base[start:], folded)


def letter(title: str) -> str:
    """The group letter of a title: its first letter or digit without accents, upper case."""
    first = sort_key(title)[0][:1]
    if not first:
        return "#"
    return "0-9" if first.isdigit() else first.upper()


def anchor(group: str, name: str) -> str:
    """An ASCII heading id for a letter group."""
    slug = "".join(
        c if c.isascii() and (c.isalnum() or c == "-") else f"u{ord(c):x}" for c in name.lower()
    )
    return f"{group}-{slug}" if group else f"index-{slug}"


def folder_anchor(folder: str) -> str:
    """The id of a folder's group on the home page (``index`` for the source's root): the
    index writes it, every page's breadcrumb links to it (``overrides/partials/path.html``)."""
    slug = re.sub(r"[^a-z0-9]+", "-", folder.lower()).strip("-")
    return f"index-{slug}" if folder else "index"


def folder_title(folder: str) -> str:
    """``commercial-dialogues`` -> ``Commercial dialogues``."""
    words = folder.rsplit("/", 1)[-1].replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else folder


def toc_lines(entries: Iterable[TocEntry], titles: dict[str, str], depth: int) -> list[str]:
    lines = []
    for entry in entries:
        indent = "    " * depth
        page = page_path(entry.href) if entry.href is not None else None
        if page is not None and page in titles:
            item = link(IndexEntry(titles[page], page))
        else:
            item = escape(entry.name)
        lines.append(f"{indent}- {item}")
        lines.extend(toc_lines(entry.items, titles, depth + 1))
    return lines


def toc_sections(toc: list[TocEntry], titles: dict[str, str]) -> list[str]:
    """The TOC's entries that lead to articles, each top-level entry a section."""
    lines: list[str] = []
    for entry in toc:
        pages = [page_path(path) for path in entry.articles()]
        if not [page for page in pages if page in titles and page != HOME]:
            continue
        lines += [f"## {escape(entry.name)}", ""]
        page = page_path(entry.href) if entry.href is not None else None
        if page is not None and page in titles and page != HOME:
            lines += [f"{link(IndexEntry(titles[page], page))}", ""]
        lines += [*toc_lines(entry.items, titles, 0), ""]
    return lines


def folder_group(code: str, folder: str, entries: list[IndexEntry]) -> list[str]:
    """One folder's articles A to Z, under letter headings when there are many."""
    title = folder_title(folder) if folder else ui_text.text(code, "index_title")
    group = folder_anchor(folder)
    lines = [f"## {escape(title)} {{#{group}}}", ""]
    entries = sorted(entries, key=lambda entry: sort_key(entry.title))
    letters = [
        (name, list(items)) for name, items in groupby(entries, key=lambda e: letter(e.title))
    ]
    if len(entries) <= LETTER_GROUPS_FROM or len(letters) > MAX_LETTER_GROUPS:
        return [*lines, *(f"- {link(entry)}" for entry in entries), ""]
    lines += [" · ".join(f"[{escape(name)}](#{anchor(group, name)})" for name, _ in letters), ""]
    for name, items in letters:
        lines += [f"### {escape(name)} {{#{anchor(group, name)}}}", ""]
        lines += [*(f"- {link(entry)}" for entry in items), ""]
    return lines


def index_markdown(
    code: str,
    entries: list[IndexEntry],
    toc: list[TocEntry],
    landings: dict[str, str] | None = None,
) -> str:
    """The index section of the home page in site language ``code``; ``landings``: the titles
    of the landing pages the TOC may name, by page path (``a/index.md``)."""
    articles = [entry for entry in entries if entry.path != HOME]
    titles = {**(landings or {}), **{entry.path: entry.title for entry in entries}}
    lines = toc_sections(toc, titles)
    folders = sorted({entry.folder for entry in articles}, key=lambda f: (f != "", f.casefold()))
    for folder in folders:
        lines += folder_group(code, folder, [e for e in articles if e.folder == folder])
    return "\n".join(lines)


def shown(code: str, key: str) -> str:
    """Message ``key`` as the page's markdown: escaped, in a ``<span lang>`` where the page's
    language has no translation of it."""
    said = ui_text.message(code, key)
    if not said.lang(code):
        return escape(said.text)
    return said.html(code)


def generated_title(code: str) -> str:
    """The title of a generated home page in ``code``."""
    return ui_text.text(code, "home_title")


NOTICE = "help_notice"
"""Front matter key of a notice the site shows on a generated page (``site.notices``)."""
NO_LANDING = "no-landing-page"
"""Its value on the English home page of a docset whose landing page is the translation's only."""


def generated_home(code: str, notice: str | None = None) -> str:
    """The top of a home page for a source without ``index.md`` (with ``notice``: the front
    matter asks the site for that notice)."""
    title = generated_title(code)
    heading = f"# {shown(code, 'home_title')}\n\n{shown(code, 'home_intro')}\n"
    asked = f"{NOTICE}: {notice}\n" if notice is not None else ""
    page = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n{asked}---\n\n{heading}"
    return to_html(page, HOME, code)


def exclude_from_search(page: str) -> str:
    """The page with ``search: exclude: true`` in its front matter (Material's search then
    leaves it out): the index repeats every title, so it would match every search."""
    if page.startswith("---\n") and (end := page.find("\n---\n", 3)) != -1:
        return f"{page[: end + 1]}search:\n  exclude: true\n{page[end + 1 :]}"
    return f"---\nsearch:\n  exclude: true\n---\n{page}"


def home_markdown(
    code: str,
    top: str | None,
    entries: list[IndexEntry],
    toc: list[TocEntry],
    landings: dict[str, str] | None = None,
) -> str:
    """The home page, as HTML under its front matter: the source's own ``index.md`` page or its
    landing page (``top``, HTML already), or a generated top, then the index."""
    head = exclude_from_search(top if top is not None else generated_home(code))
    index = to_html(index_markdown(code, entries, toc, landings), HOME, code)
    return head.rstrip("\n") + "\n" + index.rstrip("\n") + "\n"
