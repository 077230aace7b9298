"""Each language's files, as mkdocs-static-i18n chooses them, made once rather than per language.

A build of one language hands every file of ``docs/`` (every language's folder) to
static-i18n's ``reconfigure_files``, which makes a new ``File`` of each one to learn its
language, keeps the current language's (and the default language's where the current one lacks
a file), then makes one more ``File`` of every other language's version of each kept page until
it finds the one of the language it looks for, for the language switcher and the sitemap. On
a site of several languages that is a ``File`` for every file of every language, most of them
thrown away, in every language's build: about a tenth of the build's time.

``reconfigure_files`` here chooses the same files by the same rules (``file_language`` reads a
file's language from its path as static-i18n does) and makes a ``File`` (with static-i18n's own
``folder.create_i18n_file``) only of each file it keeps and of each alternate it links: the same
``Files`` in the same order, the same alternates. It serves the folder structure
(``docs_structure: folder``, the one ``mkdocs.yml`` sets); ``install`` leaves static-i18n's own
method in place for any other. ``tests/site/test_i18n_files.py`` compares the two on a tree
of every case (a page in every language, one missing in one language, one only in the default
language, one only in another, one at the docs root; assets per language, only in the default
language's folder, and shared).
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import PurePath
from types import MethodType
from typing import Any

from mkdocs.plugins import get_plugin_logger
from mkdocs_static_i18n.config import RE_LOCALE
from mkdocs_static_i18n.folder import I18nFiles, create_i18n_file

log = get_plugin_logger("mkdocs_static_i18n")


def file_language(src_path: str, languages: list[str], default: str) -> tuple[str, str | None]:
    """The language of a file of ``docs/`` and its language folder (``None``: outside any), as
    static-i18n's ``folder.create_i18n_file`` reads them: the path's first folder when it is a
    language of the site or looks like a locale (``RE_LOCALE``), else the default language."""
    first = PurePath(src_path).parts[0]
    if languages and (first in languages or RE_LOCALE.match(first)):
        return first, first
    return default, None


def _in_docs(path: str, docs_dir: str) -> bool:
    """Whether ``path`` (absolute, normalised) is inside ``docs_dir`` (static-i18n's
    ``is_relative_to``, without a ``PurePath`` per file)."""
    root = docs_dir.rstrip(os.sep)
    return path == root or path.startswith(root + os.sep)


def reconfigure_files(plugin: Any, files: Any, config: Any) -> Any:
    """static-i18n's ``reconfigure_files`` (folder structure) for the language it builds now."""
    current, default = plugin.current_language, plugin.default_language
    languages = plugin.all_languages
    fallback = plugin.config.fallback_to_default is True
    several = len(plugin.build_languages) > 1
    # Per normalised path: the file kept, the language it is made for, its own language.
    kept: dict[str, tuple[Any, str, str]] = {}
    others: defaultdict[str, list[tuple[Any, str]]] = defaultdict(list)
    chosen = I18nFiles(plugin, [])
    for file in files:
        if not _in_docs(file.abs_src_path, config.docs_dir):
            if not file.is_documentation_page():  # the theme's files, as they are
                chosen.append(file)
            else:
                log.warning(f"Unhandled file case - {file.src_uri}")  # static-i18n's words
            continue
        locale, folder = file_language(file.src_path, languages, default)
        norm = file.src_uri
        if folder is not None:
            norm = PurePath(norm).relative_to(folder).as_posix()
        if file.is_documentation_page():
            if norm not in kept:
                if locale == current or (fallback and locale == default):
                    kept[norm] = (file, current, locale)
                if locale != current:
                    others[norm].append((file, locale))
            elif locale == current:
                if several and folder is not None and kept[norm][2] == locale:
                    raise Exception(  # static-i18n's own error, word for word
                        f"Conflicting files for the default language '{default}': "
                        f"choose either '{norm}' or '{kept[norm][0].src_uri}' but not both"
                    )
                kept[norm] = (file, current, locale)
            else:
                others[norm].append((file, locale))
        elif norm not in kept:
            if locale == current:
                kept[norm] = (file, current, locale)
            elif fallback and locale == default:
                kept[norm] = (file, default, locale)  # made as the default language's asset
        elif folder == current:
            kept[norm] = (file, current, locale)
    made = {
        norm: create_i18n_file(file, language, default, languages, config)
        for norm, (file, language, _) in kept.items()
    }
    for file in made.values():
        chosen.append(file)
    for language in sorted(plugin.build_languages):
        for norm, file in made.items():
            if language in file.alternates:
                continue
            versions = others.get(norm, [])
            version = next((other for other, locale in versions if locale == language), None)
            if version is None and fallback:
                version = next((other for other, locale in versions if locale == default), None)
                if version is None and file.locale == default:
                    version = file
            if version is not None:
                file.alternates[language] = create_i18n_file(
                    version, language, default, languages, config
                )
    return chosen


def install(plugin: Any) -> None:
    """Make ``reconfigure_files`` static-i18n's for this build (the folder structure only)."""
    if plugin.config.docs_structure == "folder":
        plugin.reconfigure_files = MethodType(reconfigure_files, plugin)
