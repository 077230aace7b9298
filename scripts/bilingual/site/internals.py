"""What the build relies on that MkDocs, Material and mkdocs-static-i18n do not promise.

Every attribute, template id and file name below is an implementation detail of a pinned
version (``requirements.txt``), read here and nowhere else, so an upgrade that changes one breaks
in one place, loudly: ``check`` names each one that is missing, ``require`` turns that into an
``InternalsChanged`` error before a build starts, and ``tests/site/test_internals.py`` runs it on
the pinned versions.

mkdocs-static-i18n (1.3.1), its plugin object ``config.plugins["i18n"]``:

* ``current_language``: the language being built (set before a build to build that language);
* ``default_language``, ``build_languages``: the site's languages;
* ``building``: ``True`` stops its ``on_post_build`` from building the other languages itself;
* ``extra_alternate``: the language switcher's entries (each language's home page);
* on each ``File``: ``locale`` (the language of the file built) and ``alternates`` (the same
  article's ``File`` per language);
* ``reconfigure_files``, which ``site.i18n_files`` replaces on the plugin object with one that
  makes the same files (``all_languages``, ``config.fallback_to_default`` and
  ``config.docs_structure`` read; ``mkdocs_static_i18n.folder``'s ``create_i18n_file`` and
  ``I18nFiles`` used, ``config.RE_LOCALE`` read).

Material (9.8.1): the ``<script id="__config">`` JSON of every page (``CONFIG_SCRIPT``), the
search worker's file name ``search.<hash>.min.js`` inside it (``MATERIAL_WORKER``), and its lunr
language files (``LUNR``).

MkDocs (1.6.1): ``mkdocs.structure.pages.markdown``, the module a page's converter is made from
(``shared_markdown`` puts one converter in its place for a whole build).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import material  # type: ignore[import-untyped]

from bilingual.errors import BilingualError
from bilingual.locales import fallbacks

I18N = "i18n"
"""The name of mkdocs-static-i18n's plugin in ``config.plugins``."""
I18N_ATTRIBUTES = (
    "current_language",
    "default_language",
    "build_languages",
    "building",
    "extra_alternate",
    "reconfigure_files",
    "all_languages",
)
CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S
)
"""Material's page configuration: JSON in a script element of every page."""
MATERIAL_WORKER = re.compile(r"(?P<folder>.*/)(?P<material>search\.[0-9a-f]+\.min\.js)$")
"""The search worker Material's ``__config`` names."""
MATERIAL = Path(str(__import__("material").__file__)).parent / "templates"
LUNR = MATERIAL / "assets/javascripts/lunr/min"
"""Material's lunr language files (``lunr.de.min.js`` …)."""


class InternalsChanged(BilingualError):
    """An upgraded MkDocs, Material or mkdocs-static-i18n lacks what the build relies on."""


@dataclass(frozen=True, slots=True)
class BuildLanguages:
    """The languages of one build: the one being built, the default, and every one built."""

    current: str
    default: str
    built: tuple[str, ...]

    def prefix(self, code: str) -> str:
        """The URL prefix of ``code``'s pages (``en/``; ``""`` for the default language)."""
        return "" if code == self.default else f"{code}/"


def i18n(config: Any) -> Any:
    """mkdocs-static-i18n's plugin object."""
    return config.plugins[I18N]


def faster_files(config: Any) -> None:
    """static-i18n's choice of each language's files made once per file (``i18n_files``)."""
    from bilingual.site import i18n_files

    i18n_files.install(i18n(config))


def languages(config: Any) -> BuildLanguages:
    """The languages static-i18n is building now."""
    plugin = i18n(config)
    return BuildLanguages(
        plugin.current_language, plugin.default_language, tuple(plugin.build_languages)
    )


def set_languages(config: Any, languages: list[tuple[str, str, str]]) -> None:
    """Make the site's languages ``(code, name, site name)``, the first the default, whatever
    ``mkdocs.yml`` lists (a site of several trees has as many languages as trees, and English;
    a site of one tree the name its docset gives, not ``mkdocs.yml``'s, though its locales are
    the same)."""
    from mkdocs_static_i18n.config import I18nPluginLanguage

    plugin = i18n(config)
    wanted = [
        (code, name, site_name, index == 0)
        for index, (code, name, site_name) in enumerate(languages)
    ]
    have = [
        (lang.locale, lang.name, lang.site_name, lang.default) for lang in plugin.config.languages
    ]
    if have == wanted:
        return
    made = []
    for index, (code, name, site_name) in enumerate(languages):
        entry = I18nPluginLanguage()
        entry.load_dict(
            {"locale": code, "name": name, "site_name": site_name, "default": index == 0}
        )
        failed, _ = entry.validate()
        if failed:
            raise InternalsChanged(f"mkdocs-static-i18n refuses language {code!r}: {failed}")
        made.append(entry)
    plugin.config["languages"] = made


def build_one_language(config: Any, code: str | None = None) -> None:
    """Make the build of ``config`` build ``code`` (default: the one it would) and no other:
    static-i18n's own loop over the other languages is switched off."""
    plugin = i18n(config)
    if code is not None:
        plugin.current_language = code  # static-i18n's on_config keeps a language already set
    plugin.building = True


def writes_sitemap(config: Any) -> bool:
    """Whether the build running now writes the site's sitemap: the default language's, or a
    language built apart (its part's entries are merged in). A language static-i18n builds
    inside the default's build writes a sitemap the default's overwrites when it is done."""
    plugin = i18n(config)
    return bool(plugin.current_language == plugin.default_language or plugin.building)


def language_homes(config: Any) -> dict[str, str]:
    """Each language's home page link, as the switcher offers it."""
    return {alt["lang"]: alt["link"] for alt in i18n(config).extra_alternate}


def home_alternates(config: Any) -> Any:
    """A copy of the switcher's entries pointing at each language's home page."""
    return deepcopy(i18n(config).extra_alternate)


def file_locale(file: Any, default: str) -> str:
    """The language static-i18n built ``file`` in (``default`` when it did not say)."""
    return str(getattr(file, "locale", default))


def file_alternates(file: Any) -> dict[str, Any]:
    """The same article's ``File`` in each language, as static-i18n found them."""
    return dict(getattr(file, "alternates", {}))


@contextmanager
def shared_markdown() -> Iterator[None]:
    """One Markdown converter per set of extensions for a whole build, instead of MkDocs' new
    converter (every extension set up again) for each page: about a tenth of a large build.
    Python-Markdown converters are made to be reused (``reset()`` clears each extension's state;
    MkDocs' own per-page processors replace the previous page's, registered under the same
    names)."""
    import markdown  # type: ignore[import-untyped]
    from mkdocs.structure import pages

    pool: dict[tuple[int, str], tuple[object, Any]] = {}

    class SharedMarkdownModule:
        """``markdown`` as ``mkdocs.structure.pages`` sees it, with a shared ``Markdown``."""

        def __getattr__(self, name: str) -> Any:
            return getattr(markdown, name)

        @staticmethod
        def Markdown(*, extensions: Any, extension_configs: Any) -> Any:
            key = (id(extensions), repr(extension_configs))
            kept = pool.get(key)
            if kept is not None and kept[0] is extensions:
                return kept[1].reset()
            converter = markdown.Markdown(
                extensions=extensions, extension_configs=extension_configs
            )
            pool[key] = (extensions, converter)
            return converter

    original = getattr(pages, "markdown")  # noqa: B009
    setattr(pages, "markdown", SharedMarkdownModule())  # noqa: B010
    try:
        yield
    finally:
        setattr(pages, "markdown", original)  # noqa: B010


def check(config: Any) -> list[str]:
    """What of the above a loaded ``config`` and the installed packages lack, one line each."""
    from mkdocs.structure import pages

    missing = []
    plugin = config.plugins.get(I18N)
    if plugin is None:
        missing.append(f"mkdocs-static-i18n: no plugin named {I18N!r} in config.plugins")
    else:
        missing += [
            f"mkdocs-static-i18n: its plugin has no attribute {name!r}"
            for name in I18N_ATTRIBUTES
            if not hasattr(plugin, name)
        ]
    base = MATERIAL / "base.html"
    if not base.is_file() or 'id="__config"' not in base.read_text(encoding="utf-8"):
        missing.append(f'mkdocs-material: {base} writes no <script id="__config">')
    workers = list((MATERIAL / "assets/javascripts/workers").glob("search.*.min.js"))
    if not any(MATERIAL_WORKER.match(f"x/{worker.name}") for worker in workers):
        missing.append("mkdocs-material: no search worker named search.<hash>.min.js")
    if not (LUNR / "lunr.de.min.js").is_file():
        missing.append(f"mkdocs-material: no lunr language files in {LUNR}")
    from mkdocs_static_i18n import folder

    missing += [
        f"mkdocs-static-i18n: mkdocs_static_i18n.folder has no {name!r}"
        for name in ("create_i18n_file", "I18nFiles")
        if not hasattr(folder, name)
    ]
    if not hasattr(pages, "markdown"):
        missing.append("mkdocs: mkdocs.structure.pages has no attribute 'markdown'")
    return missing


def require(config: Any) -> None:
    """Raise ``InternalsChanged`` naming everything ``check`` finds missing."""
    missing = check(config)
    if missing:
        raise InternalsChanged(
            "; ".join(missing) + " (the build relies on the versions pinned in requirements.txt)"
        )


def theme_language(code: str) -> str:
    """The language of Material's own words for the site language ``code``: the first of
    Material's languages on ``code``'s fallback chain (``locales.fallbacks``: ``zh-TW``;
    ``zh-Hant`` for ``zh-HK``; ``zh`` for ``zh-CN``; ``sh`` for ``sr-Latn``; ``tl`` for
    ``fil``), else English: never one in another script (``sr-Latn`` is not shown Cyrillic
    ``sr``)."""
    found = fallbacks(code, material_languages())
    return found[0] if found else "en"


OWN_LANGUAGES = Path(__file__).resolve().parents[3] / "overrides" / "partials" / "languages"
"""Material's words in languages Material ships none for (bs, ga, kk, mt), the project's own."""


@cache
def material_languages() -> tuple[str, ...]:
    """The languages Material's words are in (``partials/languages/*.html``): Material's own,
    and the project's in ``overrides/`` (the theme reads that folder first)."""
    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    found = {path.stem for path in [*folder.glob("*.html"), *OWN_LANGUAGES.glob("*.html")]}
    return tuple(sorted(found))


def site_events(config: Any) -> Any:
    """The site's events object (``scripts/hooks.py``'s ``events``) among ``config``'s plugins:
    MkDocs loads hooks as plugins named by their path."""
    for plugin in config.plugins.values():
        events = getattr(plugin, "events", None)
        if events is not None and type(events).__name__ == "SiteEvents":
            return events
    raise InternalsChanged("no hooks module with the site's events among the plugins")
