"""The interface text the site itself writes onto pages, from one gettext catalog per language.

``catalogs/messages.pot`` is the template: each message's context is its key (``home_title``,
``alert.NOTE``, ``link_list.overview``), its ``msgid`` the English, its comment where a reader
sees it. ``catalogs/<tag>.po`` translates it for one language (``lv``, ``zh-Hant``,
``sr-Latn``, ``pt-PT``), read through Babel. A language looks for a message along its fallback
chain (``locales.fallbacks``: ``zh-HK`` -> ``zh-Hant``; ``de-CH`` -> ``de``; never a
catalog in another script), then English. A message shown in another language than the page's
says so: ``message`` returns the language it is in, so the page marks it with ``lang``, and
``untranslated`` lists those a language shows in English, for the build's report.

A translation whose placeholders (``{date}``) differ from the English is not used: ``problems``
names it, and the English is shown instead.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog as BabelCatalog
from babel.messages.pofile import read_po

from bilingual.locales import ENGLISH_CODE, NotATag, canonical, fallbacks

CATALOGS = Path(__file__).parent / "catalogs"
TEMPLATE = CATALOGS / "messages.pot"
PLACEHOLDER = re.compile(r"\{(\w*)\}")


@dataclass(frozen=True, slots=True)
class Message:
    """A message as a page shows it: its text and the language that text is in."""

    text: str
    language: str

    def lang(self, page_language: str) -> str:
        """`` lang="…"`` for the element that shows the text, where it is not in
        ``page_language``; ``""`` where it is."""
        if same_language(self.language, page_language):
            return ""
        return f' lang="{html.escape(self.language)}"'

    def html(self, page_language: str) -> str:
        """The text, escaped, in a ``<span lang>`` when it is not in ``page_language``."""
        escaped = html.escape(self.text, quote=False)
        lang = self.lang(page_language)
        return f"<span{lang}>{escaped}</span>" if lang else escaped


@lru_cache(maxsize=1024)
def same_language(first: str, second: str) -> bool:
    """Whether two tags name one language for ``lang`` (``zh-HK`` and ``zh-Hant`` do); cached:
    asked for every heading's permalink of every page."""
    if first == second:
        return True
    return second in fallbacks(first, [second]) or first in fallbacks(second, [first])


def _entries(path: Path) -> BabelCatalog:
    """A catalog file's messages, as Babel reads them."""
    with path.open("rb") as file:
        return read_po(file)


def _read(path: Path) -> dict[str, str]:
    return {
        str(entry.context): str(entry.string or "")
        for entry in _entries(path)
        if entry.id and entry.context
    }


@cache
def english() -> dict[str, str]:
    """Every message's English, by key (the template's ``msgid``)."""
    return {str(entry.context): str(entry.id) for entry in _entries(TEMPLATE) if entry.id}


@cache
def languages() -> tuple[str, ...]:
    """The tags of the languages with a catalog (English is the template)."""
    return (ENGLISH_CODE, *sorted(path.stem for path in CATALOGS.glob("*.po")))


@cache
def catalog(tag: str) -> dict[str, str]:
    """One language's translations by key; those whose placeholders differ from the English
    are left out (``problems`` names them)."""
    if tag == ENGLISH_CODE:
        return english()
    source = english()
    return {
        key: text
        for key, text in _read(CATALOGS / f"{tag}.po").items()
        if text and key in source and _placeholders(text) == _placeholders(source[key])
    }


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


@cache
def chain(code: str) -> tuple[str, ...]:
    """The catalogs ``code`` (a site code or tag) reads, best first, English last."""
    try:
        found = fallbacks(canonical(code), languages())
    except NotATag:
        found = []
    return (*found, ENGLISH_CODE) if ENGLISH_CODE not in found else tuple(found)


def message(code: str, key: str, **values: str) -> Message:
    """Message ``key`` for the site language ``code``, its ``{placeholders}`` filled."""
    for tag in chain(code):
        text = catalog(tag).get(key)
        if text:
            return Message(text.format(**values) if values else text, tag)
    raise KeyError(f"no message {key!r} in the template {TEMPLATE}")


def text(code: str, key: str) -> str:
    """The text of message ``key`` in ``code`` (placeholders left for the caller to fill)."""
    return message(code, key).text


def html_text(code: str, key: str, **values: str) -> str:
    """Message ``key`` as HTML in a page of ``code``: escaped, with ``lang`` where it fell back."""
    return message(code, key, **values).html(code)


def alert_title(code: str, kind: str) -> str:
    """The title of a ``kind`` alert (``NOTE``, ``TIP`` …, ``VIDEO``) in ``code``."""
    return text(code, f"alert.{kind}")


def untranslated(code: str) -> list[str]:
    """The keys of the messages a page in ``code`` shows in English (its catalogs lack them),
    for the build's report: none for every language with a full catalog."""
    if same_language(code, ENGLISH_CODE):
        return []
    return [key for key in english() if message(code, key).language == ENGLISH_CODE]


def problems(path: Path) -> list[str]:
    """What is wrong in one catalog, a line each (``file:line: what; expected shape``): a key
    the template lacks or a key it has missing, an empty translation, placeholders changed."""
    source = english()
    parsed = _entries(path)
    found = []
    seen = set()
    for entry in parsed:
        if not entry.id:
            continue
        key = str(entry.context or "")
        seen.add(key)
        where = f"{path}:{entry.lineno}"
        if key not in source:
            found.append(
                f"{where}: msgctxt {key!r} is not in {TEMPLATE.name}; expected one of its keys"
            )
        elif not entry.string:
            found.append(f"{where}: {key!r} is not translated; expected a msgstr")
        elif _placeholders(str(entry.string)) != _placeholders(source[key]):
            found.append(
                f"{where}: {key!r} has placeholders {sorted(_placeholders(str(entry.string)))}; "
                f"expected {sorted(_placeholders(source[key]))}, as in the English"
            )
    for key in source:
        if key not in seen:
            found.append(f"{path}:1: {key!r} is missing; expected every key of {TEMPLATE.name}")
    if not parsed.locale:
        found.append(f"{path}:1: no Language header; expected the catalog's BCP 47 tag")
    return found
