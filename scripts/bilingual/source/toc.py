"""A docset's table of contents (DocFX's ``TOC.yml`` or ``TOC.md``) -> a tree of entries.

DocFX writes a TOC in YAML, a list of entries or a mapping whose ``items`` is that list (other
keys, such as ``metadata``, are left alone), in a file named ``toc.yml`` in any letter case
(``TOC.yml``, ``Toc.yml``); or in markdown headings, ``toc.md`` (``source.toc_markdown``, read
into the same entries). A folder's ``toc.yml`` comes before its ``toc.md`` (DocFX's order; both
in one folder is reported). Each entry has:

``name``
    the text shown (the translation's; ``displayName`` stands in for it when it is missing, and
    an entry with neither takes its article's title);
``href``
    what it opens, relative to the TOC file (``~/`` from the docset root): an article
    (``a/b.md``), a landing page (``a/index.yml``), a nested TOC file (``sub/toc.yml``: its
    entries are this entry's children, their hrefs relative to it), a folder (``folder/``: a
    link to that folder's TOC, which is not nested but is the TOC of the pages below that folder,
    ``Tocs``; the entry opens the folder's index, else that TOC's first page, DocFX's default),
    an external URL or a root-relative Learn path (``/azure/…``), both kept as written for the
    page writer;
``topicHref``
    the page an entry opens when its ``href`` is a folder or a TOC file, or it has ``tocHref``;
``tocHref``
    a TOC file (or folder) the entry links to, as ``href: folder/`` does; a Learn path there
    (the breadcrumb TOC's ``tocHref: /``) names no file of the docset and is reported;
``uid`` / ``topicUid``
    the article whose front matter ``uid`` it is, resolved by the writer;
``expanded``
    ``true``: shown open;
``items``
    the children, after those of a nested TOC.

``read_tree`` never fails the split: each malformed entry (not a mapping, no name and nothing to
take one from, a path that leaves the repository, a TOC that includes itself) is reported as a
``SourceError`` at ``file:line:column`` and left out, the rest used. An href to a file that is
not in ``SOURCE`` is kept as ``missing`` (the writer shows the entry's name without a link).
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

from bilingual.errors import SourceError
from bilingual.source import toc_markdown, yamlnodes
from bilingual.source.docset import Docset, Refused
from bilingual.source.files import SourceFiles
from bilingual.source.folder import TOC_NAMES, is_include
from bilingual.source.folder import is_toc_name as is_toc_name  # named here too, as before

SHAPE = "a list of '- name: …' entries, or 'items:' holding one"
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
WEB_SCHEMES = frozenset({"http:", "https:"})
"""The schemes of an external href (anything else, ``javascript:`` …, is reported)."""
MAX_DEPTH = 24
"""TOC files nested in one another at most (deeper is reported, not followed)."""


def page_path(path: str) -> str:
    """The page a source file becomes: ``a/index.yml`` (a landing page) -> ``a/index.md``."""
    stem, dot, suffix = path.rpartition(".")
    return f"{stem}.md" if dot and suffix.lower() in ("yml", "yaml") else path


@dataclass(frozen=True, slots=True)
class TocEntry:
    """One entry of a table of contents."""

    name: str
    """The entry's text, in the source's language (``""``: take the title of what it opens)."""
    href: str | None = None
    """The file of ``SOURCE`` it opens (``SOURCE``-relative, ``/``-separated, spelled as on disk):
    an article ``a/b.md``, a landing page ``a/index.yml``, or a media file."""
    items: list[TocEntry] = field(default_factory=list)
    """Child entries, in order."""
    url: str | None = None
    """A link kept as written for the writer: an external URL or a root-relative path."""
    fragment: str = ""
    """The ``#section`` of a local href (with its ``#``)."""
    uid: str | None = None
    """The ``uid`` of the article it opens, when it names one instead of a path."""
    missing: str | None = None
    """A local target that is not in ``SOURCE`` (``SOURCE``-relative): shown without a link,
    unless a redirect leaves from it."""
    expanded: bool = False
    """Shown open (``expanded: true``)."""
    display_name: str | None = None
    toc: str | None = None
    """The folder of another TOC it links to (``href: folder/``, ``tocHref``): the TOC of the
    pages below that folder, not nested here (``Tocs``)."""
    names_page: bool = True
    """Whether its name names the page it opens; not when that is only the first page of the
    TOC it links to (DocFX's default), so the page's title is no label for it."""
    source: str = ""
    """The TOC file the entry was read from (``SOURCE``-relative)."""
    line: int = 1
    column: int = 1

    def articles(self) -> list[str]:
        """Every page path of this entry and its children, in order."""
        own = [self.href] if self.href else []
        return own + [path for item in self.items for path in item.articles()]


@dataclass(slots=True)
class Toc:
    """The docset's table of contents: its entries and every TOC file read for them."""

    entries: list[TocEntry] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    """The TOC files read, the root's first (``SOURCE``-relative; ``../`` outside ``SOURCE``)."""
    order: int = 0
    """The TOC file's ``order:`` (its object form): of the TOCs a page could show, one of a
    smaller order is picked first (DocFX's rule; 0 when the file gives none)."""

    def walk(self) -> list[TocEntry]:
        """Every entry, depth first."""
        found: list[TocEntry] = []
        stack = list(reversed(self.entries))
        while stack:
            entry = stack.pop()
            found.append(entry)
            stack.extend(reversed(entry.items))
        return found


def _child(folder: str, name: str) -> str:
    return name if folder in ("", ".") else f"{folder}/{name}"


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


@dataclass(slots=True)
class _Reader:
    """Reads TOC files into entries, following nested ones; problems collected."""

    docset: Docset | None
    listing: dict[str, str] | None
    """``SourceFiles.listing`` of ``SOURCE``; ``None``: every local path is taken as present."""
    problems: list[SourceError]
    files: list[str] = field(default_factory=list)
    inlined: set[str] = field(default_factory=set)
    """The TOC files read nested in another."""
    orders: dict[str, int] = field(default_factory=dict)
    """Each TOC file's ``order:``, where its object form gives one."""

    def report(self, path: str, at: tuple[int, int], what: str, expected: str = SHAPE) -> None:
        self.problems.append(SourceError(path, at[0], at[1], what, expected))

    def exists(self, path: str) -> str | None:
        """``path`` as spelled in ``SOURCE`` when it is a file there."""
        if self.listing is None:
            return None if path.startswith("../") else path
        return self.listing.get(path.lower())

    def resolve(self, written: str, including: str, at: tuple[int, int]) -> str | None:
        """A local path written in the TOC at ``including``, ``SOURCE``-relative; None (reported)
        when it leaves the repository."""
        if self.docset is None:
            if written.startswith("~/"):
                return posixpath.normpath(written[2:])
            return posixpath.normpath(posixpath.join(posixpath.dirname(including), written))
        try:
            return self.docset.resolve(written, including)
        except Refused as refused:
            self.report(including, at, str(refused), "a path inside the repository")
            return None

    def toc_text(self, path: str) -> str | None:
        """The text of the TOC file at ``path`` (``SOURCE``-relative), None when unreadable."""
        if self.docset is None:
            return None
        try:
            return self.docset.text(path)
        except (OSError, UnicodeDecodeError):
            return None

    def read_file(self, path: str, stack: tuple[str, ...], at: tuple[int, int]) -> list[TocEntry]:
        """The entries of the TOC file at ``path``, nested in the one at ``stack[-1]``."""
        including = stack[-1] if stack else path
        if path in stack:
            self.report(including, at, f"TOC '{path}' includes itself", "a TOC nested once")
            return []
        if len(stack) >= MAX_DEPTH:
            self.report(including, at, f"TOCs nested more than {MAX_DEPTH} deep", "fewer levels")
            return []
        text = self.toc_text(path)
        if text is None:
            self.report(including, at, f"TOC '{path}' cannot be read", "a TOC file of the docset")
            return []
        if path not in self.files:
            self.files.append(path)
        if stack:
            self.inlined.add(path)
        return self.parse(text, path, stack)

    def parse(self, text: str, path: str, stack: tuple[str, ...] = ()) -> list[TocEntry]:
        if path.lower().endswith(".md"):
            return self.entries(toc_markdown.load(text, path, self.problems), path, (*stack, path))
        try:
            value = yamlnodes.load(text, path, SHAPE)
        except SourceError as error:
            self.problems.append(error)
            return []
        if isinstance(value, dict):
            self.order(value, path)
            value = value.get("items", [])
        if value is None:
            return []
        return self.entries(value, path, (*stack, path))

    def order(self, value: dict[Any, Any], path: str) -> None:
        """The ``order:`` of the TOC file at ``path`` (object form), reported unless a whole
        number."""
        if "order" not in value:
            return
        order = value["order"]
        if isinstance(order, int) and not isinstance(order, bool):
            self.orders[path] = order
        else:
            at = yamlnodes.place(value, "order")
            self.report(path, at, f"TOC order {order!r} is not a whole number", "'order: 100'")

    def entries(
        self, value: Any, path: str, stack: tuple[str, ...], at: tuple[int, int] | None = None
    ) -> list[TocEntry]:
        if not isinstance(value, list):
            where = at if at is not None else yamlnodes.position(value)
            self.report(path, where, "the TOC's entries are not a list")
            return []
        found: list[TocEntry] = []
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                at = yamlnodes.place(value, index)
                self.report(path, at, f"TOC entry {item!r} is not a mapping", "'name: text'")
                continue
            found.extend(self.entry(item, path, stack))
        return found

    def link(self, written: Any, path: str, at: tuple[int, int]) -> dict[str, Any]:
        """What an href written in the TOC at ``path`` points at: ``url``, or a local ``path``
        with its ``fragment`` and whether it names a ``folder`` or a ``toc`` file."""
        if not isinstance(written, str) or not written.strip():
            self.report(path, at, f"TOC href {written!r} is not a path", "'href: file.md'")
            return {}
        written = written.strip()
        scheme = SCHEME.match(written)
        if scheme and scheme.group().lower() not in WEB_SCHEMES:
            what = f"TOC href {written!r} is neither a file nor a web link"
            self.report(path, at, what, "'href: file.md' or 'href: https://…'")
            return {}
        if scheme or written.startswith(("/", "\\")):
            return {"url": written}
        target, hash_mark, fragment = written.partition("#")
        target = target.partition("?")[0]
        if not target:
            return {"url": written}
        resolved = self.resolve(target, path, at)
        if resolved is None:
            return {}
        folder = target.endswith(("/", "\\"))
        if not folder and self.docset is not None and self.exists(resolved) is None:
            folder = self.docset.absolute(resolved).is_dir()
        return {
            "path": resolved,
            "fragment": hash_mark + fragment,
            "folder": folder,
            "toc": not folder and is_toc_name(resolved),
        }

    def folder_toc(self, folder: str) -> str | None:
        """The TOC file of ``folder`` (``SOURCE``-relative): its ``toc.yml``, else its
        ``toc.md``."""
        for name in TOC_NAMES:
            toc = self.exists(_child(folder, name))
            if toc is None and self.docset is not None and folder.startswith("../"):
                candidate = _child(folder, name)
                toc = candidate if self.docset.absolute(candidate).is_file() else None
            if toc is not None:
                return toc
        return None

    def nested(self, link: dict[str, Any], stack: tuple[str, ...], at: tuple[int, int]) -> Any:
        """The entries of the TOC file a link names (``href: sub/toc.yml``), nested in place."""
        return self.read_file(link["path"], stack, at)

    def referenced(self, link: dict[str, Any]) -> tuple[str | None, str, bool]:
        """What an entry linking to another TOC (``href: folder/``, ``tocHref``) opens, the
        folder of that TOC, and whether the page is the folder's own: its index, else the first
        page of that TOC (DocFX's default, not what the entry names), else None. That TOC is not
        nested: it is its folder's own (``read_tocs``)."""
        folder = link["path"] if link.get("folder") else posixpath.dirname(link["path"])
        index = self.exists(_child(folder, "index.md")) or self.exists(_child(folder, "index.yml"))
        if index is not None:
            return index, folder, True
        toc = link["path"] if link.get("toc") else self.folder_toc(folder)
        if toc is None:
            return None, folder, False
        quiet = _Reader(self.docset, self.listing, [])  # its problems are its own TOC's
        entries = quiet.read_file(toc, (), (1, 1))
        first = next((entry.href for entry in Toc(entries).walk() if entry.href), None)
        return first, folder, False

    def entry(self, item: dict[Any, Any], path: str, stack: tuple[str, ...]) -> list[TocEntry]:
        at = yamlnodes.position(item)
        name = _text(item.get("name"))
        display = _text(item.get("displayName"))
        if "name" in item and name is None and item.get("name") is not None:
            where = yamlnodes.place(item, "name")
            self.report(path, where, f"TOC name {item.get('name')!r} is not text", "'name: text'")
        expanded = item.get("expanded", False)
        if not isinstance(expanded, bool):
            self.report(
                path,
                yamlnodes.place(item, "expanded"),
                f"TOC expanded {expanded!r} is not true or false",
                "true|false",
            )
            expanded = False
        uid = _text(item.get("topicUid")) or _text(item.get("uid"))
        children: list[TocEntry] = []
        target: dict[str, Any] = {}
        index: str | None = None
        toc: str | None = None
        named = True
        if "href" in item:
            target = self.link(item["href"], path, yamlnodes.place(item, "href"))
            if target.get("toc"):
                children = self.nested(target, stack, at)
                target = {}
            elif target.get("folder"):
                index, toc, named = self.referenced(target)
                target = {}
        if "tocHref" in item:
            toc_link = self.link(item["tocHref"], path, yamlnodes.place(item, "tocHref"))
            if "path" in toc_link and (toc_link["folder"] or toc_link["toc"]):
                page, toc, page_named = self.referenced(toc_link)
                index, named = (index, named) if index is not None else (page, page_named)
            elif toc_link:
                what = f"tocHref {item['tocHref']!r} names no TOC file of the docset"
                self.report(
                    path, yamlnodes.place(item, "tocHref"), what, "'tocHref: folder/toc.yml'"
                )
        if not target and "topicHref" in item:
            target = self.link(item["topicHref"], path, yamlnodes.place(item, "topicHref"))
            named = True
        if not target and index is not None:
            target = {"path": index, "fragment": ""}
        if "items" in item:
            children += self.entries(item["items"], path, stack, yamlnodes.place(item, "items"))
        local = target.get("path")
        href = self.exists(local) if local is not None else None
        if href is not None and href.endswith(".md") and is_include(href):
            href = None
        entry = TocEntry(
            name=name or display or "",
            href=href,
            items=children,
            url=target.get("url"),
            fragment=target.get("fragment", "") if href is not None else "",
            uid=uid,
            missing=local if local is not None and href is None else None,
            expanded=expanded,
            display_name=display,
            toc=toc,
            names_page=named or target.get("path") != index,
            source=path,
            line=at[0],
            column=at[1],
        )
        if entry.name or entry.href or entry.uid:
            return [entry]
        self.report(path, at, "TOC entry has no name", "'name: text'")
        return children  # its children stand in its place


def folder_tocs(listing: dict[str, str], problems: list[SourceError]) -> dict[str, str]:
    """Each folder of ``SOURCE`` holding a TOC file (``""`` for the root) -> that file: its
    ``toc.yml``, else its ``toc.md`` (a folder with both is reported, its ``toc.yml`` used)."""
    found: dict[str, str] = {}
    for lowered, path in sorted(listing.items()):
        if not is_toc_name(lowered):
            continue
        folder = posixpath.dirname(path)
        if folder in found:
            kept, other = sorted((found[folder], path), key=lambda p: not p.lower().endswith("yml"))
            what = f"two TOC files in one folder: '{kept}' is used, not this one"
            problems.append(SourceError(other, 1, 1, what, "one TOC file in a folder"))
            found[folder] = kept
        else:
            found[folder] = path
    return found


def read_tree(files: SourceFiles, problems: list[SourceError]) -> Toc:
    """The table of contents at the root of the source tree ``files`` (empty when it has
    none), nested TOCs in place."""
    root = folder_tocs(files.listing, problems).get("")
    if root is None:
        return Toc()
    reader = _Reader(files.docset, files.listing, problems)
    entries = reader.read_file(root, (), (1, 1))
    return Toc(entries, reader.files)


@dataclass(slots=True)
class Tocs:
    """The docset's tables of contents, each of its folder (``""``: ``SOURCE``'s root). A page
    shows the TOC nearest to it: its folder's, else the nearest folder's above it (DocFX's
    rule), so a TOC an entry links to (``href: folder/``) is the one of the pages below it."""

    tocs: dict[str, Toc] = field(default_factory=dict)

    @property
    def root(self) -> Toc:
        """The TOC of ``SOURCE``'s root (empty when it has none): the home page's."""
        return self.tocs.get("", Toc())

    @property
    def files(self) -> list[str]:
        """Every TOC file read, once."""
        return list(dict.fromkeys(path for toc in self.tocs.values() for path in toc.files))

    def whole(
        self, entries: list[TocEntry] | None = None, seen: frozenset[str] = frozenset()
    ) -> list[TocEntry]:
        """The root's entries with the entries of each TOC they link to as their children (the
        docset's whole tree, for the home page's index); an entry opening only that TOC's first
        page links nowhere there."""
        found = []
        for entry in self.root.entries if entries is None else entries:
            linked = self.tocs.get(entry.toc) if entry.toc is not None else None
            items = self.whole(entry.items, seen)
            if linked is not None and entry.toc not in seen:
                items = self.whole(linked.entries, seen | {entry.toc or ""}) + items
            href = entry.href if entry.names_page else None
            found.append(dataclasses.replace(entry, items=items, href=href))
        return found

    def nearest(self, page: str, folders: set[str] | None = None) -> str | None:
        """The folder whose TOC the page at ``page`` (``SOURCE``-relative) shows when no TOC
        lists it, if any (of ``folders`` only, when given): of the TOCs in its folder and
        above it, one of the smallest ``order``, then the nearest (DocFX's rule)."""
        found: list[tuple[int, int, str]] = []
        folder, up = posixpath.dirname(page), 0
        while True:
            if folder in self.tocs and (folders is None or folder in folders):
                found.append((self.tocs[folder].order, up, folder))
            if not folder:
                break
            folder, up = posixpath.dirname(folder), up + 1
        return min(found)[2] if found else None


def jumps(page: str, folder: str) -> tuple[int, int]:
    """The folders a page at ``page`` (``SOURCE``-relative) is from the TOC of ``folder``: the
    steps up to the folder above both, and down from there."""
    here = [part for part in posixpath.dirname(page).split("/") if part]
    there = [part for part in folder.split("/") if part]
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    return len(here) - common, len(there) - common


def listed_pages(toc: Toc, uids: dict[str, str] | None = None) -> set[str]:
    """The page paths a TOC lists (``a/b.md``, ``a/index.md`` for a landing page): its entries'
    pages and the articles of their ``uid``; an entry that links to another TOC (``href:
    folder/``, ``tocHref``) lists none, the page it opens being that TOC's."""
    found: set[str] = set()
    for entry in toc.walk():
        if entry.toc is not None:
            continue
        if entry.href is not None:
            found.add(page_path(entry.href))
        elif entry.uid is not None and uids and entry.uid in uids:
            found.add(uids[entry.uid])
    return found


def listing_tocs(
    tocs: Tocs, folders: set[str] | None = None, uids: dict[str, str] | None = None
) -> dict[str, str]:
    """Each page some TOC lists -> the folder of the TOC it shows (DocFX's rule): of the TOCs
    listing it (of ``folders`` only, when given), one of the smallest ``order``, then the
    nearest, the fewest folders away (up, then down), then the one above it; a page no TOC lists
    shows the nearest TOC by folder (``Tocs.nearest``), which is not here."""
    best: dict[str, tuple[tuple[int, int, int, int, str], str]] = {}
    for folder, toc in tocs.tocs.items():
        if folders is not None and folder not in folders:
            continue
        for page in listed_pages(toc, uids):
            up, down = jumps(page, folder)
            key = (toc.order, up + down, down, up, folder)
            if page not in best or key < best[page][0]:
                best[page] = (key, folder)
    return {page: folder for page, (_, folder) in best.items()}


def is_breadcrumb(folder: str, docset: Docset) -> bool:
    """Whether ``folder`` (``SOURCE``-relative) is a docset's ``breadcrumb/``: its TOC is Learn's
    breadcrumb above the docset (``Docset.breadcrumb_title``), no navigation of its pages."""
    parent, _, name = folder.rpartition("/")
    return name == "breadcrumb" and docset.root_of(_child(parent, "x")) == (parent or ".")


def standalone(nests: dict[str, set[str]]) -> list[str]:
    """The TOC files that are TOCs of their own, given the files each nests: those no other
    nests; then, of TOCs nesting one another in a cycle with none outside it, the shallowest
    (the cycle is reported where it closes), each taking the files it nests."""
    nested = {inner for inner_set in nests.values() for inner in inner_set}
    found = [path for path in nests if path not in nested]
    taken = set(found).union(*(nests[path] for path in found))
    for path in sorted(nests, key=lambda p: (p.count("/"), p)):
        if path not in taken:
            found.append(path)
            taken |= {path} | nests[path]
    return found


def read_tocs(files: SourceFiles, problems: list[SourceError]) -> Tocs:
    """Every table of contents of the source tree ``files``: each folder's TOC file that no
    other TOC nests (``href: sub/toc.yml`` makes it part of that one), its nested TOCs in place.
    The docset's ``breadcrumb/`` TOC is none. Each TOC file is read from disk once, though a
    probe reads what it nests first (``source.reader``)."""
    listing = files.listing
    docset = files.docset
    found = {
        folder: path
        for folder, path in folder_tocs(listing, problems).items()
        if not is_breadcrumb(folder, docset)
    }
    nests: dict[str, set[str]] = {}
    for path in found.values():
        probe = _Reader(docset, listing, [])  # what each nests; problems are reported below
        probe.read_file(path, (), (1, 1))
        nests[path] = probe.inlined - {path}
    own = set(standalone(nests))
    tocs = Tocs()
    for folder, path in found.items():
        if path not in own:
            continue
        reader = _Reader(docset, listing, problems)
        entries = reader.read_file(path, (), (1, 1))
        tocs.tocs[folder] = Toc(entries, reader.files, reader.orders.get(path, 0))
    return tocs


def parse_toc(
    text: str, path: str = "TOC.yml", problems: list[SourceError] | None = None
) -> list[TocEntry]:
    """The entries of the TOC text of the file at ``path``, every local path taken as present and
    nested TOCs not followed (``path`` ending ``.md``: the markdown form). Problems go to ``problems``; without it, the first is raised."""
    found: list[SourceError] = [] if problems is None else problems
    entries = _Reader(None, None, found).parse(text, path)
    if problems is None and found:
        raise found[0]
    return entries
