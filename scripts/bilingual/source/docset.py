"""The docset around a source folder: its root, the repository holding it, and where a path
written in a source points.

DocFX builds a *docset*: the folder holding ``docfx.json`` (usually ``SOURCE`` itself). A path
written as ``~/x`` starts at that root. A docset lives in a *repository*, whose resources
(a shared ``images/`` folder, includes kept beside the docset) any article may use; the
repository is the nearest folder at or above the docset holding ``.git`` or an OPS file
(``.openpublishing.publish.config.json``, ``.openpublishing.redirection.json``), else the
docset root. A reference that leaves the repository, an absolute path, a drive letter, a URL,
or a symlink pointing out of the repository is refused.

Paths in the model are relative to ``SOURCE`` (``/``-separated); a resource of the repository
outside ``SOURCE`` is written with leading ``../``.

The docset reads its files through its ``reader`` (``source.reader``): each once, whoever asks.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bilingual.source.reader import Reader

DOCFX = "docfx.json"
REPOSITORY_MARKERS = (
    ".git",
    ".openpublishing.publish.config.json",
    ".openpublishing.redirection.json",
)
REDIRECTIONS = ".openpublishing.redirection.json"
DRIVE = re.compile(r"[A-Za-z]:")
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


class Refused(ValueError):
    """A reference that may not be followed; its message says why."""


def _find_upwards(start: Path, names: tuple[str, ...], stop: Path | None = None) -> Path | None:
    """The first folder from ``start`` upwards (up to ``stop``, included) holding one of ``names``."""
    folder = start
    while True:
        if any((folder / name).exists() for name in names):
            return folder
        if folder == stop or folder.parent == folder:
            return None
        folder = folder.parent


@dataclass(frozen=True, slots=True)
class Docset:
    """``SOURCE``, the docset root above it and the repository above that, resolved."""

    source: Path
    root: Path
    repository: Path
    config: dict[str, Any] = field(default_factory=dict, compare=False)
    """The ``build`` section of ``docfx.json`` (empty when there is none, or it is unreadable)."""
    reader: Reader = field(default_factory=Reader, compare=False, repr=False)
    """Reads the docset's files, each once."""

    @classmethod
    def find(cls, source: Path, reader: Reader | None = None) -> Docset:
        """The docset of ``SOURCE``: ``docfx.json`` in it or a folder above it (within the
        repository), else ``SOURCE`` itself; its files read by ``reader`` (a new one by
        default)."""
        reader = Reader() if reader is None else reader
        source = source.resolve()
        repository = _find_upwards(source, REPOSITORY_MARKERS)
        root = _find_upwards(source, (DOCFX,), stop=repository) or source
        if repository is None or not root.is_relative_to(repository):
            repository = root
        config: dict[str, Any] = {}
        try:
            loaded = json.loads(reader.text(root / DOCFX))
            if isinstance(loaded, dict) and isinstance(loaded.get("build"), dict):
                config = loaded["build"]
        except (OSError, ValueError):
            pass
        return cls(source, root, repository, config, reader)

    def relative(self, path: Path) -> str:
        """An absolute path as the model writes it: relative to ``SOURCE``, ``/``-separated."""
        return posixpath.relpath(path.as_posix(), self.source.as_posix())

    def absolute(self, relative: str) -> Path:
        """The file a ``SOURCE``-relative path names."""
        return Path(posixpath.normpath(posixpath.join(self.source.as_posix(), relative)))

    def text(self, relative: str, *, keep: bool = True) -> str:
        """The text of the file at a ``SOURCE``-relative path, read once (``Reader.text``)."""
        return self.reader.text(self.absolute(relative), keep=keep)

    @property
    def root_relative(self) -> str:
        """The docset root, relative to ``SOURCE`` (``.`` when they are one)."""
        return self.relative(self.root)

    def root_of(self, including: str) -> str:
        """The root ``~/`` means in the source at ``including`` (``SOURCE``-relative): the
        nearest folder at or above it, inside ``SOURCE``, holding a ``docfx.json`` (a repository
        may hold several docsets), else the docset's root."""
        folder = posixpath.dirname(including)
        while folder and not folder.startswith(".."):
            if (self.absolute(folder) / DOCFX).is_file():
                return folder
            folder = posixpath.dirname(folder)
        return self.root_relative

    def resolve(self, target: str, including: str) -> str:
        """Where ``target``, written in the source at ``including`` (``SOURCE``-relative), points:
        a normalised ``SOURCE``-relative path inside the repository; raises ``Refused``."""
        written = target.replace("\\", "/")
        if written.startswith("~/"):
            joined = posixpath.join(self.root_of(including), written[2:].lstrip("/"))
        elif written.startswith("/") or DRIVE.match(written) or SCHEME.match(written):
            raise Refused(f"path '{target}' is absolute, not a file of the repository")
        else:
            joined = posixpath.join(posixpath.dirname(including), written)
        resolved = posixpath.normpath(joined)
        inside = self.absolute(resolved)
        if not inside.is_relative_to(self.repository):
            raise Refused(f"path '{target}' leaves the repository")
        if inside.exists() and not inside.resolve().is_relative_to(self.repository.resolve()):
            raise Refused(f"path '{target}' is a symlink out of the repository")
        return resolved

    def learn_paths(self) -> list[str]:
        """The docset's path on Learn as ``docfx.json`` tells it (``globalMetadata``'s
        ``breadcrumb_path``, ``/dynamics365/customer-insights/breadcrumb/toc.json``: its folder
        above ``breadcrumb/``), and the paths the redirection file sends old addresses to."""
        found: list[str] = []
        metadata = self.config.get("globalMetadata")
        crumbs = metadata.get("breadcrumb_path") if isinstance(metadata, dict) else None
        if isinstance(crumbs, str) and crumbs.startswith("/"):
            folder = posixpath.dirname(crumbs)
            found.append(
                folder.removesuffix("/breadcrumb") if folder.endswith("/breadcrumb") else folder
            )
        return found

    def title(self) -> str:
        """The docset's own name in ``docfx.json`` (``globalMetadata``'s ``_appTitle``, else its
        ``titleSuffix``, which Learn adds to every page's title); ``""`` when it names none."""
        metadata = self.config.get("globalMetadata")
        for key in ("_appTitle", "titleSuffix"):
            value = metadata.get(key) if isinstance(metadata, dict) else None
            if isinstance(value, str) and value.strip():
                return " ".join(value.split())
        return ""

    def breadcrumb_title(self) -> str:
        """The name the docset's breadcrumb (``breadcrumb/toc.yml`` at its root, translated in
        a localized docset) gives its own page: the names along its first branch, without
        Learn's home page over them (``Docs``, ``topicHref: /``), down to the docset's own entry
        (its ``tocHref`` the docset's path on Learn, ``learn_paths``; the entries below it are
        places in the docset, ``source.breadcrumb``): ``Dynamics 365 Customer Insights``,
        ``Office アドイン``; ``""`` without one."""
        try:
            entries = yaml.safe_load(self.reader.text(self.root / "breadcrumb" / "toc.yml"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return ""
        own = {path.strip("/").lower() for path in self.learn_paths()}
        names: list[str] = []
        while isinstance(entries, list) and entries and isinstance(entries[0], dict):
            entry = entries[0]
            entries = entry.get("items")
            if entry.get("name") and entry.get("topicHref") != "/":
                names.append(" ".join(str(entry["name"]).split()))
            toc = entry.get("tocHref")
            if isinstance(toc, str) and toc.strip().strip("/").lower() in own:
                break
        return " ".join(names)

    def redirect_urls(self) -> list[str]:
        """Every ``redirect_url`` of the redirection file (for the docset's path on Learn)."""
        path = self.redirections()
        try:
            data = json.loads(self.reader.text(path)) if path is not None else {}
        except (OSError, ValueError):
            return []
        entries = data.get("redirections") if isinstance(data, dict) else None
        return [
            entry["redirect_url"]
            for entry in entries or []
            if isinstance(entry, dict) and isinstance(entry.get("redirect_url"), str)
        ]

    def redirections(self) -> Path | None:
        """The ``.openpublishing.redirection.json`` of ``SOURCE`` or of the nearest folder above
        it, up to the repository."""
        folder = _find_upwards(self.source, (REDIRECTIONS,), stop=self.repository)
        return None if folder is None else folder / REDIRECTIONS


def described(source: Path, configs: list[str], reader: Reader | None = None) -> Docset:
    """The docset of ``SOURCE`` as a ``docfx.json`` describes it (its name, title, breadcrumb):
    the one at or above ``SOURCE``, else the only one below it (``configs``: the
    ``SOURCE``-relative paths of those below; a repository folder holding its docset's folder,
    as mixed-reality's ``mr-dev-docs/``)."""
    docset = Docset.find(source, reader)
    if docset.config or len(configs) != 1:
        return docset
    return Docset.find(source / posixpath.dirname(configs[0]), docset.reader)
