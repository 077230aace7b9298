"""The site's languages, as the split wrote them: every language folder of ``docs/``, in order.

The split records its languages in ``docs/.pages.json`` (``split.staging``), the default
language first and English last; the build makes them the site's (``internals.set_languages``),
so one ``mkdocs.yml`` serves a site of one translation or of sixty. Each language's name in the
switcher is its own name for itself (``locales.site_language``); its site name is the docset's
as the split found it (``split.full.site_names``), else "Help" in its language (``ui_text``);
``SITE_NAME`` overrides English's, ``SITE_NAME_TRANSLATION`` the default's.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from bilingual import ui_text
from bilingual.locales import ENGLISH_CODE, SiteLanguage, site_language
from bilingual.split.staging import MANIFEST


def manifest(docs: Path) -> dict[str, Any]:
    """What the last split of ``docs`` recorded (``split.staging``): its languages' folders,
    the site's name in each, each language's tag where it is not its folder; ``{}`` without."""
    try:
        recorded = json.loads((docs / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return recorded if isinstance(recorded, dict) else {}


def split_languages(docs: Path) -> list[SiteLanguage] | None:
    """The languages the last split of ``docs`` wrote, the default first (``None``: no split)."""
    recorded = manifest(docs)
    codes = recorded.get("languages")
    if not isinstance(codes, list) or not codes:
        return None
    tags = recorded.get("tags")
    tags = tags if isinstance(tags, dict) else {}
    return [site_language(str(tags.get(code, code))) for code in codes]


def split_names(docs: Path) -> dict[str, str]:
    """The site's name in each language as the last split's sources give it (by code)."""
    names = manifest(docs).get("names")
    return {str(code): str(name) for code, name in names.items()} if isinstance(names, dict) else {}


def site_name(language: SiteLanguage, default: bool, names: dict[str, str]) -> str:
    """The site's name in ``language``: ``SITE_NAME`` (English) or ``SITE_NAME_TRANSLATION``
    (the default language) where set, else the docset's (``names``), else "Help" in it."""
    if language.code == ENGLISH_CODE and os.environ.get("SITE_NAME"):
        return os.environ["SITE_NAME"]
    if default and os.environ.get("SITE_NAME_TRANSLATION"):
        return os.environ["SITE_NAME_TRANSLATION"]
    return names.get(language.code) or ui_text.text(language.code, "site_name")


def configured(languages: list[SiteLanguage], names: dict[str, str]) -> list[tuple[str, str, str]]:
    """``(code, name, site name)`` of each language, as ``internals.set_languages`` takes them."""
    return [
        (language.code, language.name, site_name(language, index == 0, names))
        for index, language in enumerate(languages)
    ]
