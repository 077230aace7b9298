"""A sitemap within the protocol's limits (50,000 URLs, 50 MB a file): an oversized one is cut
into sitemaps listed by a sitemap index at the same address, every URL kept, each file XML."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from bilingual.site import sitemaps

pytestmark = pytest.mark.site
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locs(text: str) -> list[str]:
    return [str(loc.text) for loc in ET.fromstring(text).findall("s:url/s:loc", NS)]


def test_a_sitemap_within_the_limits_is_left_alone(locales_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(locales_site / "site", site)
    before = (site / "sitemap.xml").read_bytes()
    assert sitemaps.split(site) == 1
    assert (site / "sitemap.xml").read_bytes() == before
    assert not list(site.glob("sitemap-*.xml"))


@pytest.mark.parametrize(("most_urls", "most_bytes"), [(2, sitemaps.MOST_BYTES), (50_000, 4000)])
def test_an_oversized_sitemap_is_cut_under_an_index(
    locales_site: Path, tmp_path: Path, most_urls: int, most_bytes: int
) -> None:
    site = tmp_path / "site"
    shutil.copytree(locales_site / "site", site)
    whole = (site / "sitemap.xml").read_text(encoding="utf-8")
    count = sitemaps.split(site, most_urls=most_urls, most_bytes=most_bytes)
    assert count > 1
    listing = ET.fromstring((site / "sitemap.xml").read_text(encoding="utf-8"))
    assert listing.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    listed = [str(loc.text) for loc in listing.findall("s:sitemap/s:loc", NS)]
    home = sitemaps.address(site)
    assert listed == [f"{home}sitemap-{number}.xml" for number in range(1, count + 1)]
    kept: list[str] = []
    for number in range(1, count + 1):
        text = (site / f"sitemap-{number}.xml").read_text(encoding="utf-8")
        assert len(locs(text)) <= most_urls
        assert len(text.encode("utf-8")) <= most_bytes
        assert sitemaps.read_gz(site / f"sitemap-{number}.xml.gz") == text
        kept += locs(text)
    assert kept == locs(whole)  # every URL, in order, once
    assert sitemaps.read_gz(site / "sitemap.xml.gz") == (site / "sitemap.xml").read_text("utf-8")
