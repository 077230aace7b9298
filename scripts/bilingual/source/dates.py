"""A page's date from its source's front matter, so the sitemap does not change with the day.

MkDocs dates every page (the sitemap's ``lastmod`` and the gzip header of ``sitemap.xml.gz``)
with the day of the build, so two builds of the same sources on different days differ. A page's
date is instead its source's ``ms.date`` (else ``ms.lasthandoff``); pages without one (the home
pages) take the newest date of the site.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

DATE_KEYS = ("ms.date", "ms.lasthandoff")
"""Front matter keys that date a source, in order of preference."""

FORMATS = ("%m/%d/%Y", "%Y-%m-%d")
"""How the sources write dates (``04/21/2020``) and ISO dates."""


def iso_date(value: object) -> str | None:
    """``value`` as ``YYYY-MM-DD`` when it is a date, else ``None``."""
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, str):
        return None
    for form in FORMATS:
        try:
            return datetime.datetime.strptime(value.strip(), form).strftime("%Y-%m-%d")
        except ValueError:
            continue
    return None


def page_date(metadata: Mapping[str, Any]) -> str | None:
    """The date of the page whose front matter is ``metadata``, if it has one."""
    for key in DATE_KEYS:
        date = iso_date(metadata.get(key))
        if date is not None:
            return date
    return None


def english_date(metadata: Mapping[str, Any]) -> tuple[str, str]:
    """How new a source's English is: its ``ms.date``, then its ``ms.lasthandoff``, as ISO
    dates (``""`` where missing), to compare the English halves of one article's trees."""
    return (iso_date(metadata.get("ms.date")) or "", iso_date(metadata.get("ms.lasthandoff")) or "")


def newest(dates: Iterable[str | None]) -> str | None:
    """The newest of ``dates`` (ISO dates compare as strings), ``None`` when there are none."""
    return max((date for date in dates if date is not None), default=None)
