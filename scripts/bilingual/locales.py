"""Locales: from a source's ``ms.contentlocale`` to the site's language code, name and direction."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import babel
from babel.core import get_global

ENGLISH_CODE = "en"
# Languages whose written variants differ by region keep the region in the site's code.
REGIONAL = frozenset({"zh", "pt", "sr"})


@dataclass(frozen=True, slots=True)
class SiteLanguage:
    """One language of the built site."""

    code: str
    """The site's code: its docs folder, URL prefix and ``lang`` attribute (``lv``, ``pt-BR``)."""
    name: str
    """The language's own name for itself, for the language switcher (``Latviešu``)."""
    direction: str
    """``ltr`` or ``rtl``."""


def site_code(content_locale: str) -> str:
    """``lv-LV`` -> ``lv``; ``pt-BR`` -> ``pt-BR``; ``zh-tw`` -> ``zh-TW``."""
    language, _, region = content_locale.replace("_", "-").partition("-")
    language = language.lower()
    if language in REGIONAL and region:
        return f"{language}-{region.upper()}"
    return language


@lru_cache(maxsize=256)
def is_known(code: str) -> bool:
    """Whether ``code`` (a site code: ``lv``, ``pt-BR``) names a language CLDR knows."""
    try:
        babel.Locale.parse(code.replace("-", "_"))
    except (ValueError, babel.UnknownLocaleError):
        return False
    return True


@lru_cache(maxsize=256)
def script_of(code: str) -> str:
    """The script ``code`` (BCP 47: ``sr-Latn-RS``, ``zh-HK``, ``sr``) is written in, as CLDR
    says: its own script subtag, else its likely one (``zh-HK``: Hant; ``sr``: Cyrl); ``""``
    when CLDR does not know."""
    try:
        locale = babel.Locale.parse(code.replace("-", "_"))
    except (ValueError, babel.UnknownLocaleError):
        locale = None
    if locale is not None and locale.script:
        return str(locale.script)
    likely: Mapping[str, str] = get_global("likely_subtags")
    found = likely.get(code.replace("-", "_")) or likely.get(code.split("-")[0], "")
    parts = found.split("_")
    return parts[1] if len(parts) > 2 else ""


@lru_cache(maxsize=256)
def site_language(code: str) -> SiteLanguage:
    """The ``SiteLanguage`` for a site code; unknown codes keep the code as their name (cached:
    the build asks for every page)."""
    try:
        locale = babel.Locale.parse(code.replace("-", "_"))
    except (ValueError, babel.UnknownLocaleError):
        return SiteLanguage(code=code, name=code, direction="ltr")
    name = locale.get_display_name(locale) or code
    return SiteLanguage(
        code=code, name=name[:1].upper() + name[1:], direction=locale.text_direction
    )
