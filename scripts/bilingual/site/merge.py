"""One language's build, made in a folder of its own, moved into the site (``site.build``).

Built in one process, mkdocs-static-i18n builds the default language, then each other language
into the same folder: a later build's files replace an earlier one's, the sitemap lists every
language built so far, and the default language's build writes its ``404.html`` and its search
index last. ``merge`` gives the same site from a language built apart:

* its files are moved in, replacing the same files of the site (the theme's assets, identical);
  a folder the site lacks (the language's own, ``de/``) is moved in whole, in one rename;
* ``404.html`` and ``search/search_index.json`` at the root stay the site's (the default
  language's, written last by its own build);
* its sitemap entries are added after the site's, and ``sitemap.xml.gz`` is compressed again with
  the header time of the language's own (the time of its newest page, as MkDocs dates it).
"""

from __future__ import annotations

import gzip
import os
import struct
from pathlib import Path

KEPT = frozenset({"404.html", "search/search_index.json"})
"""Files at the site's root that the default language's build writes last."""
SITEMAP = "sitemap.xml"
SITEMAP_GZ = "sitemap.xml.gz"
URLSET_END = "\n</urlset>"


def sitemap_entries(text: str) -> str:
    """The ``<url>`` entries of a sitemap: what lies between ``<urlset …>`` and ``</urlset>``."""
    start = text.index(">", text.index("<urlset")) + 1
    return text[start : text.rindex(URLSET_END)]


def merged_sitemap(site: str, language: str) -> str:
    """The site's sitemap with the entries of a language's sitemap added at its end."""
    end = site.rindex(URLSET_END)
    return site[:end] + sitemap_entries(language) + site[end:]


def gzip_mtime(data: bytes) -> int:
    """The modification time in a gzip member's header (RFC 1952: bytes 4 to 8, little endian)."""
    (mtime,) = struct.unpack_from("<I", data, 4)
    return int(mtime)


def write_sitemap_gz(path: Path, text: str, mtime: int) -> None:
    """``text`` gzipped as MkDocs writes ``sitemap.xml.gz`` (its name in the header, ``mtime``)."""
    with (
        path.open("wb") as file,
        gzip.GzipFile(fileobj=file, filename=str(path), mode="wb", mtime=mtime) as compressed,
    ):
        compressed.write(text.encode("utf-8"))


def merge(language_site: Path, site: Path) -> None:
    """Move the files of ``language_site`` (one language built apart) into ``site``."""
    sitemap_gz: bytes | None = None
    sitemap: str | None = None
    for folder, folders, names in os.walk(language_site):
        for name in list(folders):
            path = Path(folder, name)
            relative = path.relative_to(language_site).as_posix()
            target = site / relative
            if not target.exists() and not any(kept.startswith(f"{relative}/") for kept in KEPT):
                os.replace(path, target)  # the parent is there: the walk came down through it
                folders.remove(name)
        for name in names:
            path = Path(folder, name)
            relative = path.relative_to(language_site).as_posix()
            target = site / relative
            if relative in KEPT:
                continue
            if relative == SITEMAP and target.exists():
                sitemap = merged_sitemap(
                    target.read_text(encoding="utf-8"), path.read_text(encoding="utf-8")
                )
                target.write_text(sitemap, encoding="utf-8")
            elif relative == SITEMAP_GZ and target.exists():
                sitemap_gz = path.read_bytes()
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, target)
    if sitemap_gz is not None:
        if sitemap is None:  # the language's sitemap.xml.gz without its sitemap.xml: the site's
            sitemap = (site / SITEMAP).read_text(encoding="utf-8")
        write_sitemap_gz(site / SITEMAP_GZ, sitemap, gzip_mtime(sitemap_gz))


SITEMAPS = (SITEMAP, SITEMAP_GZ)
"""The sitemap files each language's build writes at its root, merged into the site's."""


def move_in(site: Path, built: Path, relatives: list[str], default: bool) -> list[str]:
    """Move the files ``relatives`` a language's partial build wrote into ``built`` into the
    site, each by rename, as ``merge`` keeps the default language's root files (and merges
    the sitemaps, which ``merged_sitemaps`` does); the files moved."""
    moved = []
    for relative in relatives:
        if relative in SITEMAPS or (not default and relative in KEPT):
            continue
        target = site / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(built / relative, target)
        moved.append(relative)
    return moved
