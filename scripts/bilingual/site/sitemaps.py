"""A sitemap within the protocol's limits: at most 50,000 URLs and 50 MB in one file.

A site of many locales lists every page of every language, each with an alternate per
language: 40 locales of a 3,000-article docset are 120,000 URLs. Once the site's
``sitemap.xml`` is complete (built in one process, or merged from the languages built apart),
``split`` cuts an oversized one into ``sitemap-1.xml`` … (each with its ``.xml.gz``), every one
within the limits, and makes ``sitemap.xml`` (and its ``.gz``) the sitemap index that lists
them (sitemaps.org's ``<sitemapindex>``), so ``robots.txt`` and search engines keep the one
address. A sitemap within the limits is left as it is.
"""

from __future__ import annotations

import gzip
import html
import os
import re
import shutil
from pathlib import Path

from bilingual.site import merge
from bilingual.site.merge import SITEMAP, SITEMAP_GZ, gzip_mtime, sitemap_entries, write_sitemap_gz

MOST_URLS = 50_000
MOST_BYTES = 50 * 1024 * 1024
URL_END = "</url>"


def parts(text: str, most_urls: int = MOST_URLS, most_bytes: int = MOST_BYTES) -> list[str]:
    """The sitemaps ``text`` (a ``<urlset>``) is cut into, each within the limits; ``[text]``
    when it is within them already."""
    size = len(text.encode("utf-8"))
    if size <= most_bytes and text.count(URL_END) <= most_urls:
        return [text]
    start = text.index(">", text.index("<urlset")) + 1
    head, tail = text[:start], text[text.rindex("</urlset>") :]
    frame = len((head + "\n" + tail).encode("utf-8"))
    entries = [entry + URL_END for entry in sitemap_entries(text).split(URL_END)[:-1]]
    made: list[str] = []
    chunk: list[str] = []
    weight = frame
    for entry in entries:
        cost = len(entry.encode("utf-8"))
        if chunk and (len(chunk) == most_urls or weight + cost > most_bytes):
            made.append(head + "".join(chunk) + "\n" + tail)
            chunk, weight = [], frame
        chunk.append(entry)
        weight += cost
    if chunk:
        made.append(head + "".join(chunk) + "\n" + tail)
    return made


def index(site_url: str, names: list[str]) -> str:
    """The sitemap index listing the sitemaps ``names`` at ``site_url``."""
    base = site_url if site_url.endswith("/") else f"{site_url}/"
    listed = "".join(
        f"\n    <sitemap>\n        <loc>{html.escape(base + name)}</loc>\n    </sitemap>"
        for name in names
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{listed}\n'
        "</sitemapindex>\n"
    )


CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)"')


def address(site: Path) -> str | None:
    """Where the site is published (MkDocs' ``site_url``): its home page's canonical link."""
    try:
        found = CANONICAL.search((site / "index.html").read_text(encoding="utf-8"))
    except OSError:
        return None
    return html.unescape(found.group(1)) if found else None


def split(site: Path, most_urls: int = MOST_URLS, most_bytes: int = MOST_BYTES) -> int:
    """Cut the site's ``sitemap.xml`` into sitemaps within the limits under a sitemap index, if
    it is over them; the number of sitemaps the site has then (1: left as it was)."""
    path = site / SITEMAP
    site_url = address(site)
    if not path.is_file() or site_url is None:
        return 0
    made = parts(path.read_text(encoding="utf-8"), most_urls, most_bytes)
    if len(made) == 1:
        return 1
    compressed = site / SITEMAP_GZ
    mtime = gzip_mtime(compressed.read_bytes()) if compressed.is_file() else 0
    names = []
    for number, text in enumerate(made, start=1):
        name = f"sitemap-{number}.xml"
        (site / name).write_text(text, encoding="utf-8")
        write_sitemap_gz(site / f"{name}.gz", text, mtime)
        names.append(name)
    listing = index(site_url, names)
    path.write_text(listing, encoding="utf-8")
    write_sitemap_gz(compressed, listing, mtime)
    return len(made)


def read_gz(path: Path) -> str:
    """A ``.xml.gz`` file's text (for the tests)."""
    return gzip.decompress(path.read_bytes()).decode("utf-8")


def merged_sitemaps(site: Path, scratch: Path, owns: list[Path]) -> None:
    """The site's sitemap made again from each language's own (``owns``: a folder holding a
    language's ``sitemap.xml`` and ``.gz``, the default language's first), as ``merge`` merges
    them, split as the build splits it (``sitemaps.split``) and moved into ``site``."""
    made = scratch / "sitemap"
    made.mkdir()
    for name in merge.SITEMAPS:
        shutil.copyfile(owns[0] / name, made / name)
    for number, own in enumerate(owns[1:]):
        alone = scratch / f"sitemap-{number}"
        alone.mkdir()
        for name in merge.SITEMAPS:
            shutil.copyfile(own / name, alone / name)
        merge.merge(alone, made)
    shutil.copyfile(site / "index.html", made / "index.html")  # its address
    split(made)
    for path in sorted(made.iterdir()):
        if path.name != "index.html":
            os.replace(path, site / path.name)
