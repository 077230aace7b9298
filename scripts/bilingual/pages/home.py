"""The home page of one site language: the index that finds articles without search.

The site carries no global navigation (every page would carry all of it: its weight would grow
with the number of articles). The home page is the index instead:

1. the sections of the source's ``TOC.yml``, each a heading over its entries, in TOC order;
2. every article, A to Z, one group per folder (the source's root first, then each subfolder);
   a group of more than ``LETTER_GROUPS_FROM`` articles is split under one heading per first
   letter, with a line of letter links above it.

Its weight must not grow with the docset: past ``INLINE_UP_TO`` articles the home page shows
the TOC's first ``TOC_DEPTH`` levels and, per folder, its line of letters only; each letter is a
page of its own (``index_pages``, under ``LETTERS/``) listing that folder's articles of that
letter. A letter link carries the id its heading had (``index-a``), so links into the index
still land on the letter.

Titles come from the sources, so they are escaped: nothing in them becomes markup.
"""

from __future__ import annotations

import functools
import html
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import quote

from bilingual import ui_text
from bilingual.pages.generated import to_html
from bilingual.pages.link_rewrite import built_link
from bilingual.source.toc import TocEntry, page_path

LETTER_GROUPS_FROM = 40
"""Folders with more articles than this are split by first letter."""
MAX_LETTER_GROUPS = 60
"""More first letters than this (a script without an alphabet): one list, no letter headings."""
HOME = "index.md"
INLINE_UP_TO = 300
"""Articles up to which the home page lists every one itself (above: one page per letter)."""
TOC_DEPTH = 2
"""Levels of the TOC a home page of more than ``INLINE_UP_TO`` articles shows (its sections,
and their entries)."""
PAGE_ENTRIES = 200
"""Articles per index page of a script without an alphabet (more than ``MAX_LETTER_GROUPS``
first letters: pages of consecutive titles instead of letters)."""
LETTERS = "a-z"
"""The folder of the index pages, in each language's folder."""
INDEX_KEY = "help_index"
"""Front matter key of an index page (the breadcrumbs leave out its folder)."""
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


@functools.lru_cache(maxsize=1 << 16)  # the index sorts and groups by it, every title often
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


def slug(text: str) -> str:
    """``Commercial-Dialogues/Teams`` -> ``commercial-dialogues-teams``: ASCII letters and
    digits, ``-`` between runs of them."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def folder_anchor(folder: str) -> str:
    """The id of a folder's group on the home page (``index`` for the source's root): the
    index writes it, a page's breadcrumb may link to it (``site.navigation.breadcrumb``)."""
    return f"index-{slug(folder)}" if folder else "index"


def folder_title(folder: str) -> str:
    """``commercial-dialogues`` -> ``Commercial dialogues``."""
    words = folder.rsplit("/", 1)[-1].replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else folder


def toc_lines(
    entries: Iterable[TocEntry], titles: dict[str, str], depth: int, levels: int | None = None
) -> list[str]:
    """The entries as a nested list, ``levels`` deep at most (``None``: every level)."""
    lines: list[str] = []
    if levels is not None and depth >= levels:
        return lines
    for entry in entries:
        indent = "    " * depth
        page = page_path(entry.href) if entry.href is not None else None
        if page is not None and page in titles:
            item = link(IndexEntry(titles[page], page))
        else:
            item = escape(entry.name)
        lines.append(f"{indent}- {item}")
        lines.extend(toc_lines(entry.items, titles, depth + 1, levels))
    return lines


def toc_sections(
    toc: list[TocEntry], titles: dict[str, str], levels: int | None = None
) -> list[str]:
    """The TOC's entries that lead to articles, each top-level entry a section (its entries
    ``levels`` deep at most below it)."""
    lines: list[str] = []
    for entry in toc:
        pages = [page_path(path) for path in entry.articles()]
        if not [page for page in pages if page in titles and page != HOME]:
            continue
        lines += [f"## {escape(entry.name)}", ""]
        page = page_path(entry.href) if entry.href is not None else None
        if page is not None and page in titles and page != HOME:
            lines += [f"{link(IndexEntry(titles[page], page))}", ""]
        lines += [*toc_lines(entry.items, titles, 0, levels), ""]
    return lines


def group_title(code: str, folder: str) -> str:
    """The heading of a folder's group: its name, or the index's for the source's root."""
    return folder_title(folder) if folder else ui_text.text(code, "index_title")


def letter_groups(entries: list[IndexEntry]) -> list[tuple[str, list[IndexEntry]]]:
    """A folder's articles A to Z, one group per first letter; for a script without an
    alphabet, groups of ``PAGE_ENTRIES`` consecutive titles, named by their first letters."""
    entries = sorted(entries, key=lambda entry: (sort_key(entry.title), entry.path))
    letters = [
        (name, list(items)) for name, items in groupby(entries, key=lambda e: letter(e.title))
    ]
    if len(letters) <= MAX_LETTER_GROUPS:
        return letters
    chunks = [entries[i : i + PAGE_ENTRIES] for i in range(0, len(entries), PAGE_ENTRIES)]
    return [(f"{letter(chunk[0].title)}\u2013{letter(chunk[-1].title)}", chunk) for chunk in chunks]


def index_page(group: str, name: str) -> str:
    """The page path of a folder's (``group``, its anchor) index page of letter ``name``."""
    return f"{LETTERS}/{anchor(group, name)}.md"


def letter_links(group: str, letters: list[tuple[str, list[IndexEntry]]], base: str) -> str:
    """A paragraph of links to a folder's index pages, as HTML on the page at ``base`` (the
    built pages' addresses), each carrying the id of its letter (``index-a``); ``base``'s own
    letter is text, not a link."""
    shown = []
    for name, _ in letters:
        page = index_page(group, name)
        text = html.escape(name)
        if page == base:
            shown.append(f"<strong>{text}</strong>")
        else:
            href = html.escape(built_link(base, page), quote=True)
            shown.append(f'<a href="{href}" id="{anchor(group, name)}">{text}</a>')
    return f"<p>{' · '.join(shown)}</p>"


def folder_group(
    code: str, folder: str, entries: list[IndexEntry], paged: bool = False
) -> list[str]:
    """One folder's articles A to Z, under letter headings when there are many; ``paged``: its
    line of letters only, each linking the letter's index page (``index_pages``)."""
    group = folder_anchor(folder)
    lines = [f"## {escape(group_title(code, folder))} {{#{group}}}", ""]
    if paged:
        return [*lines, letter_links(group, letter_groups(entries), HOME), ""]
    entries = sorted(entries, key=lambda entry: (sort_key(entry.title), entry.path))
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
    paged = is_paged(entries)
    lines = toc_sections(toc, titles, TOC_DEPTH - 1 if paged else None)
    for folder, found in folders(articles):
        lines += folder_group(code, folder, found, paged)
    return "\n".join(lines)


def is_paged(entries: list[IndexEntry]) -> bool:
    """Whether the index has more articles than the home page lists itself."""
    return sum(1 for entry in entries if entry.path != HOME) > INLINE_UP_TO


def folders(articles: list[IndexEntry]) -> list[tuple[str, list[IndexEntry]]]:
    """The articles by folder: the source's root first, then each folder A to Z."""
    by_folder: dict[str, list[IndexEntry]] = {}
    for entry in articles:
        by_folder.setdefault(entry.folder, []).append(entry)
    return sorted(by_folder.items(), key=lambda item: (item[0] != "", item[0].casefold()))


def index_pages(code: str, entries: list[IndexEntry]) -> dict[str, str]:
    """The index's pages of one letter of one folder each (page path -> the page, HTML under
    its front matter), when the home page lists letters only (``is_paged``); else none. Written
    as HTML directly: they hold every title of the docset between them."""
    if not is_paged(entries):
        return {}
    pages: dict[str, str] = {}
    permalink = html.escape(ui_text.text(code, "permalink"), quote=True)
    for folder, found in folders([entry for entry in entries if entry.path != HOME]):
        group = folder_anchor(folder)
        title = group_title(code, folder)
        letters = letter_groups(found)
        for name, items in letters:
            page = index_page(group, name)
            heading = f"{title} · {name}"
            front = (
                f"---\ntitle: {json.dumps(heading, ensure_ascii=False)}\n{INDEX_KEY}: true\n---\n"
            )
            lines = [
                f'<h1 id="index-title">{html.escape(heading)}<a class="headerlink" '
                f'href="#index-title" title="{permalink}">¶</a></h1>',
                letter_links(group, letters, page),
                "<ul>",
                *(
                    f'<li><a href="{html.escape(built_link(page, entry.path), quote=True)}">'
                    f"{html.escape(' '.join(entry.title.split()))}</a></li>"
                    for entry in items
                ),
                "</ul>",
            ]
            pages[page] = exclude_from_search(front + "\n".join(lines) + "\n")
    return pages


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


def docsets_home(code: str, docsets: list[tuple[str, str]]) -> str:
    """The home page of a site of several docsets in ``code``: a link to each docset's own home
    page (``docsets``: its folder and its name in ``code``, the folder where it gives none)."""
    title = generated_title(code)
    lines = [
        f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n",
        f"# {shown(code, 'home_title')}",
        "",
        *(f"- [{escape(name or folder)}]({quote(folder)}/{HOME})" for folder, name in docsets),
        "",
    ]
    return exclude_from_search(to_html("\n".join(lines), HOME, code))
