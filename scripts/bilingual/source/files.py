"""The files of a source folder, each classified once: what it is decides what becomes of it.

``read_files`` walks ``SOURCE`` once (hidden files and folders skipped, as DocFX and Git tools
do) and gives every file one ``Kind``, like MkDocs' ``structure/files.py``:

``article``
    a markdown file outside ``includes/``: a page in each language;
``include``
    a markdown file under an ``includes/`` folder (at any depth): part of the pages that include it;
``page``
    a YAML file whose first line names a page type (``### YamlMime:Landing``, ``Hub``, ``FAQ``,
    ``Tutorial`` …; ``SourceFile.yaml`` holds the type);
``data``
    a YAML file of a data type (``ContextObject``, ``ZonePivotGroups``, ``Yaml`` settings), or
    ``zone-pivot-groups.yml``: read by the pages that use it, no page of its own;
``toc``
    navigation: ``toc.yml`` or ``toc.md`` in any letter case (the docset's tree and its
    breadcrumb, ``breadcrumb/toc.yml``);
``media``
    an image or video (by suffix): copied into each language's folder;
``code``
    a source code or data file (by suffix) that code snippets (``[!code-…]``, ``:::code:::``)
    may show;
``config``
    ``docfx.json``: the docset's configuration;
``other``
    anything else: on no page of the site, which the split reports, one line per file;
``excluded``
    a markdown article or YAML page that the docset's ``docfx.json`` leaves out of its build
    (``build.content``: its ``files`` globs, less its ``exclude`` globs, from its ``src``; a
    ``README.md`` or ``LICENSE`` beside the articles): no page, as DocFX builds none, and one
    reported line.

Paths are ``SOURCE``-relative and ``/``-separated, spelled as on disk; ``listing`` finds one
whatever its letter case (Learn's addresses, and DocFX's links on Windows, ignore case).

``SourceFiles`` is the source tree every later stage asks: what each file is, and (through its
docset's reader, ``source.reader``) its text, read from disk once however many stages read it.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from bilingual.errors import SourceError
from bilingual.source.docset import Docset
from bilingual.source.landing import yaml_kind
from bilingual.source.reader import Reader

MEDIA_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".ico", ".mp4", ".webm"}
)
CODE_SUFFIXES = frozenset(
    {
        ".bas", ".bat", ".c", ".cmd", ".cpp", ".cs", ".cshtml", ".css", ".csv", ".csx",
        ".fs", ".go", ".h", ".hpp", ".html", ".java", ".js", ".json", ".jsx", ".kql", ".kt",
        ".m", ".php", ".ps1", ".psm1", ".py", ".qs", ".r", ".rb", ".rs", ".scala", ".sh",
        ".sql", ".swift", ".ts", ".tsx", ".txt", ".vb", ".vbs", ".xaml", ".xml", ".yaml",
        ".yml",
    }
)  # fmt: skip
"""Suffixes of the files DocFX's code snippets are taken from (its language names' files)."""
INCLUDES = "includes"
"""The name of a folder whose markdown files are includes, not articles."""
YAML_SUFFIXES = frozenset({".yml", ".yaml"})
TOC_NAMES = ("toc.yml", "toc.md")
"""The names of a TOC file (compared without letter case), in DocFX's order of precedence: a
folder's ``toc.yml`` is its TOC, its ``toc.md`` only when it has no ``toc.yml``."""
CONFIG_NAMES = frozenset({"docfx.json"})
DATA_TYPES = frozenset({"ContextObject", "ZonePivotGroups", "Yaml"})
"""YAML types that are data a page reads (a docset's context, pivot groups, settings)."""
NOT_PAGES = DATA_TYPES | {"TOC"}
"""YAML types that are no page: data, or a table of contents."""
DATA_NAMES = frozenset({"zone-pivot-groups.yml"})
FIRST_LINE = 256
"""Bytes of a YAML file's head searched for its type (its first line)."""


class Kind(StrEnum):
    """What a file of the source folder is."""

    ARTICLE = "article"
    INCLUDE = "include"
    PAGE = "page"
    DATA = "data"
    TOC = "toc"
    MEDIA = "media"
    CODE = "code"
    CONFIG = "config"
    OTHER = "other"
    EXCLUDED = "excluded"


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One file of the source folder."""

    path: str
    """``SOURCE``-relative, ``/``-separated, as spelled on disk."""
    kind: Kind
    yaml: str | None = None
    """The type a YAML file's first line names (``Landing``, ``Hub`` …), if it names one."""


@dataclass(slots=True)
class SourceFiles:
    """Every file of a source folder, by path, in sorted order."""

    source: Path
    files: dict[str, SourceFile] = field(default_factory=dict)
    problems: list[SourceError] = field(default_factory=list)
    """Files that cannot be published (a symlink out of the folder), each left out."""
    _listing: dict[str, str] | None = None
    _docset: Docset | None = None

    @property
    def docset(self) -> Docset:
        """The docset around the folder (``source.docset``), found once; it reads the files."""
        if self._docset is None:
            self._docset = Docset.find(self.source)
        return self._docset

    def text(self, path: str, *, keep: bool = True) -> str:
        """The text of the file at ``path`` (``SOURCE``-relative), read from disk once
        (``Reader.text``); raises ``OSError`` or ``UnicodeDecodeError``."""
        return self.docset.text(path, keep=keep)

    def of(self, *kinds: Kind) -> list[SourceFile]:
        """The files of ``kinds``, in path order."""
        return [file for file in self.files.values() if file.kind in kinds]

    def paths(self, *kinds: Kind) -> list[str]:
        """The paths of the files of ``kinds``, in path order."""
        return [file.path for file in self.of(*kinds)]

    @property
    def listing(self) -> dict[str, str]:
        """Lower-cased path -> the path as spelled (the first in sorted order when two differ
        only in case)."""
        if self._listing is None:
            self._listing = {}
            for path in self.files:
                self._listing.setdefault(path.lower(), path)
        return self._listing

    def counts(self) -> Counter[str]:
        """How many files of each kind (YAML pages by their type: ``page:Hub``)."""
        return Counter(
            f"{file.kind}:{file.yaml}" if file.kind is Kind.PAGE else str(file.kind)
            for file in self.files.values()
        )


def _yaml_type(reader: Reader, path: Path) -> str | None:
    """The type a YAML file's first line names (``source.landing.yaml_kind`` of its head). The
    file is read whole, and kept: its page or data reads it next."""
    try:
        head = reader.data(path)[:FIRST_LINE]
    except OSError:
        return None
    return yaml_kind(head.decode("utf-8", errors="replace"))


def is_toc_name(path: str) -> bool:
    """Whether the file at ``path`` is a TOC file (``toc.yml`` or ``toc.md``, any letter case):
    the docset's navigation, not a page."""
    return path.rsplit("/", 1)[-1].lower() in TOC_NAMES


def classify(path: str, yaml_type: str | None = None) -> Kind:
    """The kind of the file at ``path`` (``SOURCE``-relative) whose YAML type, if it is a YAML
    file, is ``yaml_type``."""
    name = path.rsplit("/", 1)[-1].lower()
    suffix = os.path.splitext(name)[1]
    if name in TOC_NAMES or (suffix in YAML_SUFFIXES and yaml_type == "TOC"):
        return Kind.TOC
    if name in CONFIG_NAMES:
        return Kind.CONFIG
    if suffix == ".md":
        return Kind.INCLUDE if INCLUDES in path.split("/")[:-1] else Kind.ARTICLE
    if suffix in YAML_SUFFIXES and (yaml_type in DATA_TYPES or name in DATA_NAMES):
        return Kind.DATA
    if suffix in YAML_SUFFIXES and yaml_type is not None:
        return Kind.PAGE
    if suffix in MEDIA_SUFFIXES:
        return Kind.MEDIA
    if suffix in CODE_SUFFIXES:
        return Kind.CODE
    return Kind.OTHER


def read_files(source: Path) -> SourceFiles:
    """Every file under ``source``, classified (hidden files and folders skipped). A symlink
    whose target lies outside ``source`` is no file of it: reported, left out."""
    docset = Docset.find(source)
    found = SourceFiles(source, _docset=docset)
    root = source.resolve()
    for folder, folders, names in os.walk(source):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        prefix = Path(folder).relative_to(source).as_posix()
        for name in sorted(names):
            if name.startswith("."):
                continue
            relative = name if prefix == "." else f"{prefix}/{name}"
            path = Path(folder) / name
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                found.problems.append(
                    SourceError(
                        relative,
                        1,
                        1,
                        "symlink points outside the source folder, so it is not on the site",
                        "a file inside the source folder",
                    )
                )
                continue
            if not path.is_file():
                continue
            suffix = os.path.splitext(name)[1].lower()
            yaml_type = None
            if suffix in YAML_SUFFIXES:
                yaml_type = _yaml_type(docset.reader, docset.absolute(relative))
            found.files[relative] = SourceFile(relative, classify(relative, yaml_type), yaml_type)
    found.files = dict(sorted(found.files.items(), key=lambda item: item[0].split("/")))
    built = content_filter(docset)
    if built is not None:
        for relative, file in list(found.files.items()):
            if file.kind in (Kind.ARTICLE, Kind.PAGE) and not built(relative):
                found.files[relative] = SourceFile(relative, Kind.EXCLUDED, file.yaml)
    return found


def glob_pattern(glob: str) -> re.Pattern[str]:
    """DocFX's file glob (``**/*.md``, ``_themes/**``, ``README.md``) as a pattern over
    ``/``-separated paths, letter case ignored: ``**`` any folders, ``*`` and ``?`` within one."""
    parts = []
    index = 0
    glob = glob.replace("\\", "/")
    glob = glob[2:] if glob.startswith("./") else glob
    while index < len(glob):
        if glob.startswith("**/", index):
            parts.append("(?:.*/)?")
            index += 3
        elif glob.startswith("**", index):
            parts.append(".*")
            index += 2
        elif glob[index] == "*":
            parts.append("[^/]*")
            index += 1
        elif glob[index] == "?":
            parts.append("[^/]")
            index += 1
        else:
            parts.append(re.escape(glob[index]))
            index += 1
    return re.compile("".join(parts), re.IGNORECASE)


def content_filter(docset: Docset) -> Callable[[str], bool] | None:
    """Whether a ``SOURCE``-relative path is in the docset's build (``docfx.json``'s
    ``build.content``); ``None`` when it names no content (everything is)."""
    content = docset.config.get("content")
    if not isinstance(content, list) or not content:
        return None
    groups: list[tuple[str, list[re.Pattern[str]], list[re.Pattern[str]]]] = []
    for entry in content:
        if not isinstance(entry, dict):
            continue
        files, exclude = entry.get("files"), entry.get("exclude", [])
        files = [files] if isinstance(files, str) else files
        exclude = [exclude] if isinstance(exclude, str) else exclude
        if not isinstance(files, list) or not isinstance(exclude, list):
            continue
        src = entry.get("src") if isinstance(entry.get("src"), str) else "."
        base = posixpath.normpath(posixpath.join(docset.root_relative, str(src)))
        groups.append(
            (
                base,
                [glob_pattern(g) for g in files if isinstance(g, str)],
                [glob_pattern(g) for g in exclude if isinstance(g, str)],
            )
        )
    if not groups:
        return None

    def built(path: str) -> bool:
        for base, files, exclude in groups:
            inside = posixpath.relpath(path, base) if base != "." else path
            if inside.startswith("../"):
                continue
            if any(p.fullmatch(inside) for p in files) and not any(
                p.fullmatch(inside) for p in exclude
            ):
                return True
        return False

    return built


def files_summary(counts: Counter[str]) -> str:
    """``2850 article, 60 include, 1 page:Landing …``: files by kind, in ``Kind``'s order."""
    order = {str(kind): index for index, kind in enumerate(Kind)}
    keys = sorted(counts, key=lambda key: (order[key.partition(":")[0]], key))
    return ", ".join(f"{counts[key]} {key}" for key in keys)
