"""Locales: from a source's ``ms.contentlocale`` to everything the site needs of its language.

A locale is data, read from CLDR through Babel, never a case in code:

* ``canonical``: the BCP 47 tag in its canonical letter case, deprecated codes replaced
  (``zh-cn`` -> ``zh-CN``, ``sr_latn_rs`` -> ``sr-Latn-RS``, ``iw-IL`` -> ``he-IL``);
* ``maximal`` / ``minimal``: CLDR's likely subtags added and removed (Unicode TR 35's
  "Add Likely Subtags" and "Remove Likely Subtags"): the site's tag is the minimal one, so
  ``lv-LV`` is ``lv``, ``zh-CN`` is ``zh``, ``pt-BR`` is ``pt``, while ``pt-PT``, ``zh-TW``,
  ``sr-Latn`` (``sr`` alone is Cyrillic) and ``ar-SA`` (``ar`` alone is Egypt's) keep what
  tells them apart;
* ``fallbacks``: the chain a locale falls back through to a resource that exists (Material's
  language, a catalog of the interface text): most specific first, only in the locale's own
  script, then CLDR's aliases (Material's ``sh`` is Latin Serbian, its ``tl`` Filipino);
* ``folder``: the site language's folder and URL prefix. mkdocs-static-i18n takes two-letter
  languages only (``RE_LOCALE``); a tag it refuses gets a folder it takes, from CLDR's aliases
  (``fil`` -> ``tl``) or else ``qa`` (``q`` as ISO 639's local-use codes), while its pages still
  say their own tag in ``lang`` and ``hreflang``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import babel
from babel.core import get_global
from babel.dates import format_date, match_skeleton

ENGLISH_CODE = "en"
SUBTAG = re.compile(r"^[A-Za-z0-9]{1,8}$")
STATIC_I18N = re.compile(r"(^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$)|(^[a-z]{2}_[A-Z]{2}$)")
"""mkdocs-static-i18n 1.3's ``RE_LOCALE``: the folders it takes as languages."""


class NotATag(ValueError):
    """A locale that is not a BCP 47 language tag; the message says what was expected."""


@dataclass(frozen=True, slots=True)
class SiteLanguage:
    """One language of the built site."""

    code: str
    """The site's code: its docs folder and URL prefix (``lv``, ``pt-PT``, ``tl`` for ``fil``)."""
    name: str
    """The language's own name for itself, for the language switcher (``Latviešu``)."""
    direction: str
    """``ltr`` or ``rtl``."""
    tag: str = ""
    """Its BCP 47 tag, for ``lang`` and ``hreflang`` (``fil``); the code when empty."""

    @property
    def lang(self) -> str:
        """The value of ``lang`` and ``hreflang`` for this language."""
        return self.tag or self.code


@dataclass(frozen=True, slots=True)
class Tag:
    """A BCP 47 language tag's parts (language, script, region, and the rest as written)."""

    language: str
    script: str = ""
    region: str = ""
    rest: tuple[str, ...] = ()

    def __str__(self) -> str:
        return "-".join(
            part for part in (self.language, self.script, self.region, *self.rest) if part
        )


def parse(text: str) -> Tag:
    """The parts of a BCP 47 tag in any letter case, ``_`` or ``-`` between subtags."""
    parts = text.strip().replace("_", "-").split("-")
    if not parts or not all(SUBTAG.match(part) for part in parts):
        raise NotATag(f"{text!r} is not a BCP 47 language tag; expected one such as 'de-DE'")
    language = parts[0].lower()
    if not (language.isalpha() and 2 <= len(language) <= 3):
        raise NotATag(
            f"{text!r} does not start with a language (two or three letters); "
            "expected one such as 'de-DE', 'zh-Hans' or 'sr-Latn-RS'"
        )
    script = region = ""
    rest: list[str] = []
    for part in parts[1:]:
        if not script and not region and not rest and len(part) == 4 and part.isalpha():
            script = part.title()
        elif (
            not region
            and not rest
            and ((len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()))
        ):
            region = part.upper()
        else:
            rest.append(part.lower())
    return Tag(language, script, region, tuple(rest))


@lru_cache(maxsize=1024)
def canonical(text: str) -> str:
    """``text`` as a canonical BCP 47 tag: letter case, and CLDR's replacements for deprecated
    languages (``iw`` -> ``he``, ``tl`` -> ``fil``, ``sh`` -> ``sr-Latn``)."""
    tag = parse(text)
    aliases: Mapping[str, str] = get_global("language_aliases")
    replacement = aliases.get(tag.language)
    if replacement:
        alias = parse(replacement)
        tag = Tag(alias.language, tag.script or alias.script, tag.region or alias.region, tag.rest)
    return str(tag)


def _likely(tag: Tag) -> Tag | None:
    likely: Mapping[str, str] = get_global("likely_subtags")
    language = tag.language
    for key in (
        f"{language}_{tag.script}_{tag.region}" if tag.script and tag.region else "",
        f"{language}_{tag.region}" if tag.region else "",
        f"{language}_{tag.script}" if tag.script else "",
        language,
        f"und_{tag.script}" if tag.script else "",
    ):
        if key and key in likely:
            found = parse(likely[key])
            return Tag(
                language if key != f"und_{tag.script}" else found.language,
                tag.script or found.script,
                tag.region or found.region,
                tag.rest,
            )
    return None


@lru_cache(maxsize=1024)
def maximal(text: str) -> str:
    """CLDR's likely subtags added (``zh-HK`` -> ``zh-Hant-HK``, ``sr`` -> ``sr-Cyrl-RS``); the
    canonical tag itself where CLDR does not know its language."""
    tag = parse(canonical(text))
    found = _likely(tag)
    return str(found or tag)


@lru_cache(maxsize=1024)
def minimal(text: str) -> str:
    """CLDR's likely subtags removed: the shortest tag that maximises to the same one
    (``lv-LV`` -> ``lv``, ``zh-CN`` -> ``zh``, ``sr-Latn-RS`` -> ``sr-Latn``, ``ar-SA`` stays)."""
    full = parse(maximal(text))
    if full.rest:
        return canonical(text)
    for trial in (
        Tag(full.language),
        Tag(full.language, region=full.region),
        Tag(full.language, script=full.script),
    ):
        if maximal(str(trial)) == str(full):
            return str(trial)
    return str(full)


@lru_cache(maxsize=1024)
def script_of(code: str) -> str:
    """The script ``code`` (``sr-Latn-RS``, ``zh-HK``, ``sr``) is written in, as CLDR says: its
    own script subtag, else its likely one (``zh-HK``: Hant; ``sr``: Cyrl); ``""`` when CLDR
    does not know."""
    try:
        return parse(maximal(code)).script
    except NotATag:
        return ""


def fallbacks(code: str, available: Iterable[str]) -> list[str]:
    """The tags of ``available`` (Material's languages, the catalogs…) that can stand for
    ``code``, best first: the most specific to the least (``zh-Hant-HK``, ``zh-HK``,
    ``zh-Hant``, ``zh``), each only if it is written in ``code``'s script. A tag of
    ``available`` is read as CLDR reads it, so an alias stands for its language (Material's
    ``sh`` is ``sr-Latn``, its ``tl`` is ``fil``); ``sr`` (Cyrillic) never stands for
    ``sr-Latn``, nor ``zh`` (Simplified) for ``zh-TW``."""
    have: dict[str, str] = {}
    for tag in available:
        have.setdefault(canonical(tag), tag)
    full = parse(maximal(code))
    found = []
    for trial in (
        str(Tag(full.language, full.script, full.region)),
        str(Tag(full.language, region=full.region)),
        str(Tag(full.language, script=full.script)),
        full.language,
    ):
        if trial in have and script_of(trial) == full.script:
            found.append(have[trial])
    return list(dict.fromkeys(found))


def folder(tag: str) -> str:
    """The folder and URL prefix of the site language ``tag`` (a minimal tag): the tag itself
    where mkdocs-static-i18n takes it, else one it takes (``fil`` -> ``tl``, by CLDR's
    aliases; else ``qa``, with the tag's script and region where they fit)."""
    if STATIC_I18N.match(tag):
        return tag
    parts = parse(tag)
    aliases: Mapping[str, str] = get_global("language_aliases")
    short = [
        alias for alias, target in aliases.items() if len(alias) == 2 and target == parts.language
    ]
    region = parts.region if len(parts.region) != 3 else "XA"  # a private-use region (BCP 47)
    language = next(iter([parts.language] if len(parts.language) == 2 else short), "qa")
    return "-".join(part for part in (language, parts.script, region) if part)


@lru_cache(maxsize=256)
def is_known(code: str) -> bool:
    """Whether ``code`` (``lv``, ``pt-BR``) names a language CLDR knows."""
    try:
        babel.Locale.parse(canonical(code).replace("-", "_"))
    except (ValueError, babel.UnknownLocaleError):
        return False
    return True


def site_code(content_locale: str) -> str:
    """The site language of a source's ``ms.contentlocale``: its minimal BCP 47 tag
    (``lv-LV`` -> ``lv``; ``pt-PT`` -> ``pt-PT``; ``zh-cn`` -> ``zh``; ``sr-Latn-RS`` ->
    ``sr-Latn``). Raises ``NotATag`` for one that is not a language tag."""
    return minimal(content_locale)


def _babel_locale(code: str) -> babel.Locale | None:
    for trial in (canonical(code), minimal(code), parse(code).language):
        try:
            return babel.Locale.parse(trial.replace("-", "_"))
        except (ValueError, babel.UnknownLocaleError):
            continue
    return None


@lru_cache(maxsize=1024)
def name_in(code: str, reader: str) -> str:
    """The name of the language ``code`` as a sentence in ``reader``'s language writes it
    (CLDR's display name: ``lv`` in ``fr`` is ``letton``, ``en`` in ``de`` ``Englisch``); its
    own name where CLDR knows neither."""
    own = _babel_locale(code)
    shown = _babel_locale(reader)
    if own is None or shown is None:
        return site_language(code).name
    return str(own.get_display_name(shown) or site_language(code).name)


NARROW_FIELD = re.compile(r"(?<![Md])([Md])(?![Md])")


@lru_cache(maxsize=1024)
def numeric_date(iso: str, code: str) -> str:
    """An ISO date (``2020-04-21``) as ``code``'s language writes a date in figures (CLDR's
    ``yMd`` pattern, month and day in two figures: ``21.04.2020.`` in lv, ``2020/04/21`` in
    ja, ``04/21/2020`` in en); English's where CLDR knows neither."""
    locale = _babel_locale(code) or babel.Locale("en")
    skeletons = locale.datetime_skeletons
    key = match_skeleton("yMd", skeletons) or "yMd"
    pattern = NARROW_FIELD.sub(r"\1\1", str(skeletons[key].pattern))
    return str(format_date(date.fromisoformat(iso), pattern, locale=locale))


CASED = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN")
"""Scripts whose names of languages start with a capital in a menu (CLDR writes most of them in
lower case: ``latviešu``); Georgian's capitals (Mtavruli) are not used so."""


def capitalised(name: str) -> str:
    """A language's name as a menu shows it: ``latviešu`` -> ``Latviešu``; ``ქართული`` kept."""
    if name and unicodedata.name(name[0], "").startswith(CASED):
        return name[:1].upper() + name[1:]
    return name


@lru_cache(maxsize=256)
def site_language(code: str) -> SiteLanguage:
    """The ``SiteLanguage`` of a site code or tag (cached: the build asks for every page). A
    code CLDR does not know keeps the code as its name; a folder made for a tag static-i18n
    refuses (``tl``) is read back to its tag (``fil``)."""
    try:
        tag = minimal(code)
    except NotATag:
        return SiteLanguage(code=code, name=code, direction="ltr")
    locale = _babel_locale(tag)
    if locale is None:
        return SiteLanguage(code=folder(tag), name=tag, direction="ltr", tag=tag)
    name = locale.get_display_name(locale) or tag
    made = folder(tag)
    return SiteLanguage(
        code=made,
        name=capitalised(name),
        direction=locale.text_direction,
        tag="" if made == tag else tag,
    )
