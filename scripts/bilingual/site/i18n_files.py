"""Each language's files, as mkdocs-static-i18n chooses them, made once rather than per language.

A build of one language hands every file of ``docs/`` (every language's folder) to
static-i18n's ``reconfigure_files``, which makes a new ``File`` of each one to learn its
language, keeps the current language's (and the default language's where the current one lacks
a file), then makes one more ``File`` of every other language's version of each kept page until
it finds the one of the language it looks for, for the language switcher and the sitemap. On
a site of several languages that is a ``File`` for every file of every language, most of them
thrown away, in every language's build: about a tenth of the build's time.

``reconfigure_files`` here chooses the same files by the same rules (``file_language`` reads a
file's language from its path as static-i18n does) and makes a ``File`` only of each file it
keeps and of each alternate it links: the same ``Files`` in the same order, the same
alternates. It makes each with ``make_file``: static-i18n's ``folder.create_i18n_file`` step for
step, its path arithmetic done on the POSIX strings MkDocs keeps rather than through
``pathlib``, and without its two debug lines (formatted whether or not debug is on): about
20 µs a ``File`` against its 48. The alternates are a ``File`` per page per other language in
every language's build, so on a site of many languages that cost is most of choosing the files.
It serves the folder structure (``docs_structure: folder``, the one ``mkdocs.yml`` sets);
``install`` leaves static-i18n's own method in place for any other.
A build that chooses its files again and again (``make serve``, after a page is added or removed)
hands the plugin a ``MadeFiles`` (``remember``): a ``File`` already made for the same file and
language is then taken again rather than made anew, its alternates chosen again, and with it
the page MkDocs attached to it.
``tests/site/test_i18n_files.py`` compares the two on a tree of every case (a page in every
language, one missing in one language, one only in the default language, one only in another,
one at the docs root; assets per language, only in the default language's folder, and shared).
"""

from __future__ import annotations

import os
from collections import defaultdict
from types import MethodType
from typing import Any

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File
from mkdocs_static_i18n.config import RE_LOCALE
from mkdocs_static_i18n.folder import I18nFiles, create_i18n_file

log = get_plugin_logger("mkdocs_static_i18n")


def file_language(src_path: str, languages: list[str], default: str) -> tuple[str, str | None]:
    """The language of a file of ``docs/`` and its language folder (``None``: outside any), as
    static-i18n's ``folder.create_i18n_file`` reads them: the path's first folder when it is a
    language of the site or looks like a locale (``RE_LOCALE``), else the default language."""
    first = src_path.split(os.sep, 1)[0]  # MkDocs keeps it normalised: its first folder
    if languages and (first in languages or RE_LOCALE.match(first)):
        return first, first
    return default, None


def _under(path: str, folder: str, separator: str = "/") -> bool:
    """Whether ``path`` is ``folder`` or inside it (``PurePath.is_relative_to``, on normalised
    paths)."""
    return path == folder or path.startswith(folder + separator)


def _below(path: str, folder: str) -> str:
    """``path`` relative to ``folder``, which holds it (``PurePath.relative_to().as_posix()``)."""
    return "." if path == folder else path[len(folder) + 1 :]


def _joined(folder: str, path: str) -> str:
    """``folder`` / ``path`` as ``PurePath`` joins and writes them (``.`` adds nothing)."""
    return folder if path == "." else f"{folder}/{path}"


def make_file(file: Any, current: str, default: str, languages: list[str], config: Any) -> Any:
    """static-i18n's ``folder.create_i18n_file`` (``file`` built as language ``current``), on
    POSIX paths: the same ``File``, the same attributes."""
    made: Any = File(  # static-i18n's attributes are added to it below
        file.src_path,
        config.docs_dir,
        file.dest_path,
        config.use_directory_urls,
        dest_uri=file.dest_uri,
        inclusion=file.inclusion,
    )
    locale, folder = file_language(made.src_path, languages, default)
    dest = made.dest_path
    head, _, name = dest.rpartition("/")
    if name.endswith("README.html"):  # renamed where the destination is set again below
        dest = _joined(head, "index.html") if head else "index.html"
    if locale != current:
        if _under(dest, locale):
            made.dest_path = _joined(current, _below(dest, locale))
        elif current != default:
            made.dest_path = _joined(current, dest)
    elif locale == default and _under(dest, locale):  # the default's own, at the site's root
        made.dest_path = _below(dest, locale)
    made.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, made.dest_path))
    if made.name == "README":
        made.name = "index"
    made.url = made._get_url(config.use_directory_urls)
    made.alternates = {current: made}
    made.locale = locale
    made.locale_alternate_of = current
    made.localization = folder
    made.norm_src_uri = _below(made.src_uri, folder) if folder else made.src_uri
    return made


MAKE = make_file if os.sep == "/" else create_i18n_file
"""How a ``File`` is made: on POSIX paths by ``make_file``, else by static-i18n itself."""

MADE = "bilingual_made"
"""The plugin's attribute holding its ``MadeFiles``, where a build keeps them (``remember``)."""


class MadeFiles:
    """The ``File`` objects one choice of a language's files made, for the next choice to take
    again: a ``File`` is made from the file's paths, its inclusion and the language it is made
    for, so the same four give the same ``File``. The next choice keeps only those it used."""

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str, object, str], Any] = {}
        self.used: dict[tuple[str, str, object, str], Any] = {}

    def make(self, file: Any, current: str, default: str, languages: list[str], config: Any) -> Any:
        """``MAKE``'s ``File``, the one made before for the same file and language if any."""
        key = (file.src_uri, file.dest_uri, file.inclusion, current)
        made = self.kept.get(key)
        if made is None:
            made = MAKE(file, current, default, languages, config)
        self.used[key] = made
        return made

    def done(self) -> None:
        """The choice is made: what it used is what the next one may take again."""
        self.kept, self.used = self.used, {}


def remember(plugin: Any) -> MadeFiles:
    """Keep the ``File`` objects each choice of ``plugin``'s files makes, for the next."""
    made = MadeFiles()
    setattr(plugin, MADE, made)
    return made


def reconfigure_files(plugin: Any, files: Any, config: Any) -> Any:
    """static-i18n's ``reconfigure_files`` (folder structure) for the language it builds now."""
    current, default = plugin.current_language, plugin.default_language
    languages = plugin.all_languages
    fallback = plugin.config.fallback_to_default is True
    several = len(plugin.build_languages) > 1
    kept_files: MadeFiles | None = getattr(plugin, MADE, None)
    make = MAKE if kept_files is None else kept_files.make
    # Per normalised path: the file kept, the language it is made for, its own language; and
    # the first file of each other language (static-i18n takes the first it listed).
    kept: dict[str, tuple[Any, str, str]] = {}
    others: defaultdict[str, dict[str, Any]] = defaultdict(dict)
    chosen = I18nFiles(plugin, [])
    for file in files:
        if not _under(file.abs_src_path, config.docs_dir.rstrip(os.sep), os.sep):
            if not file.is_documentation_page():  # the theme's files, as they are
                chosen.append(file)
            else:
                log.warning(f"Unhandled file case - {file.src_uri}")  # static-i18n's words
            continue
        locale, folder = file_language(file.src_path, languages, default)
        norm = file.src_uri if folder is None else _below(file.src_uri, folder)
        if file.is_documentation_page():
            if norm not in kept:
                if locale == current or (fallback and locale == default):
                    kept[norm] = (file, current, locale)
                if locale != current:
                    others[norm].setdefault(locale, file)
            elif locale == current:
                if several and folder is not None and kept[norm][2] == locale:
                    raise Exception(  # static-i18n's own error, word for word
                        f"Conflicting files for the default language '{default}': "
                        f"choose either '{norm}' or '{kept[norm][0].src_uri}' but not both"
                    )
                kept[norm] = (file, current, locale)
            else:
                others[norm].setdefault(locale, file)
        elif norm not in kept:
            if locale == current:
                kept[norm] = (file, current, locale)
            elif fallback and locale == default:
                kept[norm] = (file, default, locale)  # made as the default language's asset
        elif folder == current:
            kept[norm] = (file, current, locale)
    made = {
        norm: make(file, language, default, languages, config)
        for norm, (file, language, _) in kept.items()
    }
    for norm, file in made.items():
        file.alternates = {kept[norm][1]: file}  # as made (one taken again had others)
        chosen.append(file)
    for language in sorted(plugin.build_languages):
        for norm, file in made.items():
            if language in file.alternates:
                continue
            versions = others.get(norm, {})
            version = versions.get(language)
            if version is None and fallback:
                version = versions.get(default)
                if version is None and file.locale == default:
                    version = file
            if version is not None:
                file.alternates[language] = make(version, language, default, languages, config)
    if kept_files is not None:
        kept_files.done()
    return chosen


def install(plugin: Any) -> None:
    """Make ``reconfigure_files`` static-i18n's for this build (the folder structure only)."""
    if plugin.config.docs_structure == "folder":
        plugin.reconfigure_files = MethodType(reconfigure_files, plugin)
