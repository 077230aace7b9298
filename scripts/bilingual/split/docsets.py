"""Several docsets, one site: each docset's pages under its own folder of every language.

``SOURCE`` may name trees of different docsets (AlchemyInsights in lv, de and ja; Customer
Insights in lv; the Q# reference in de …). ``group_docsets`` sorts them by docset: the
``build.dest`` of their ``docfx.json`` (``OfficeDocs-AlchemyInsights``), else, for a tree without
one, the docset holding at least half of its article paths (a locale's copy of the same
articles) that has no tree of its locale yet, else its own folder's: two copies of a docset in
one locale (a whole tree and a sample of it) are then two docsets side by side, while two trees
``docfx.json`` names as one docset in one locale are one error line. The trees of one docset make one site as ever (``split.full.split_trees``: one
tree per language, English once); the docsets are side by side.

With one docset, nothing changes: its pages are each language's root. With several,
``split_docsets`` splits each docset apart and puts its language folders under
``<code>/<slug>/`` (``slug``: its name, lower case, ``-`` between words), with a home page per
language listing the docsets that have it (``pages.home.docsets_home``); the redirects, the
writer's link records and the navigation's page data (``split.navigation.PAGE_DATA``: each
page's TOC, the breadcrumb's places, and each docset's own place, first in the breadcrumb of its
pages) are moved under the slug the same way. Two trees of one docset in one
language are one error line, as within a docset.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bilingual.errors import SourceError
from bilingual.locales import ENGLISH_CODE, SiteLanguage
from bilingual.pages import home
from bilingual.source.docset import described
from bilingual.source.files import Kind, SourceFiles, read_files
from bilingual.source.folder import known_code, read_document
from bilingual.split.full import LINKS_AUDIT, move_redirects, split_trees, write_links_audit
from bilingual.split.navigation import PAGE_DATA, REDIRECTS, write_redirects_file
from bilingual.split.report import Split
from bilingual.split.snapshot import SNAPSHOT, TREES
from bilingual.split.staging import recover, staging_folder, swap_in
from bilingual.split.trees import LocaleError


@dataclass(slots=True)
class DocsetGroup:
    """The trees of one docset, in the order given."""

    slug: str
    """Its folder in each language (``officedocs-alchemyinsights``)."""
    name: str
    """Its name where its trees give it no title (``OfficeDocs-AlchemyInsights``)."""
    sources: list[Path] = field(default_factory=list)
    paths: set[str] = field(default_factory=set)
    """Its trees' article paths (to place a tree without a ``docfx.json``)."""
    locales: set[str] = field(default_factory=set)
    """Its trees' site languages, as far as ``tree_locale`` tells them."""


def slug(name: str) -> str:
    """``OfficeDocs-AlchemyInsights`` -> ``officedocs-alchemyinsights``."""
    return home.slug(name) or "docset"


def docset_name(source: Path, files: SourceFiles) -> str | None:
    """The docset a tree belongs to, as its ``docfx.json`` names it (``build.dest``)."""
    dest = described(source, files.paths(Kind.CONFIG), files.docset.reader).config.get("dest")
    return dest.strip() if isinstance(dest, str) and dest.strip() else None


PEEK = 8
"""Articles a tree's locale is looked for in before its split reads it whole."""


def tree_locale(source: Path, files: SourceFiles) -> str:
    """The site language of a tree, from the ``ms.contentlocale`` of its first articles that
    name one (``""``: none does; the split says so)."""
    for path in files.paths(Kind.ARTICLE)[:PEEK]:
        try:
            locale = read_document(source, path, files.docset, keep=True).content_locale
        except (OSError, SourceError):
            continue
        if locale and (code := known_code(locale)):
            return code
    return ""


def same_articles(docset: set[str], tree: set[str]) -> bool:
    """Whether a tree holds the docset's articles: at least half of its own are the docset's
    (a locale's tree of a docset may lack some; two docsets share a few names, ``index.md``)."""
    return bool(tree) and 2 * len(docset & tree) >= len(tree)


def group_docsets(
    sources: Sequence[Path], read: dict[Path, SourceFiles] | None = None
) -> list[DocsetGroup]:
    """The trees by docset, in the order of their first tree (one tree: one docset, nothing
    read); each tree's files into ``read``, for its split."""
    read = {} if read is None else read
    if len(sources) == 1:
        folder = sources[0].resolve().name
        return [DocsetGroup(slug(folder), folder, list(sources))]
    groups: dict[str, DocsetGroup] = {}
    unnamed: list[tuple[Path, set[str], str]] = []
    for source in sources:
        files = read_files(source)
        read[source] = files
        articles = {path.lower() for path in files.paths(Kind.ARTICLE)}
        name = docset_name(source, files)
        if name is None:
            unnamed.append((source, articles, tree_locale(source, files)))
            continue
        group = groups.setdefault(slug(name), DocsetGroup(slug(name), name))
        group.sources.append(source)
        group.paths |= articles
        group.locales.add(tree_locale(source, files))
    for source, articles, locale in unnamed:
        same = [g for g in groups.values() if source.resolve() in {s.resolve() for s in g.sources}]
        free = same or [g for g in groups.values() if not locale or locale not in g.locales]
        shared = max(free, key=lambda g: len(g.paths & articles), default=None)
        if shared is None or not same_articles(shared.paths, articles):
            own = slug(source.resolve().name)
            while own in groups:
                own += "-2"
            shared = groups.setdefault(own, DocsetGroup(own, source.resolve().name))
        shared.sources.append(source)
        shared.paths |= articles
        shared.locales.add(locale)
    order = {source: index for index, source in enumerate(sources)}
    return sorted(groups.values(), key=lambda group: min(order[s] for s in group.sources))


def split_docsets(
    sources: Sequence[Path],
    docs: Path,
    *,
    default: str | None = None,
    jobs: int | None = None,
) -> Split:
    """Split the trees of ``sources`` into one site's pages under ``docs``: one docset as
    ``split_trees`` does, several each under ``<code>/<slug>/`` (see the module's docstring)."""
    read: dict[Path, SourceFiles] = {}
    groups = group_docsets(sources, read)
    if len(groups) == 1:
        files = [read[source] for source in sources] if read else None
        return split_trees(sources, docs, default=default, jobs=jobs, files=files)
    docs.mkdir(parents=True, exist_ok=True)
    recover(docs)
    staging = staging_folder(docs)
    splits: list[tuple[DocsetGroup, Split]] = []
    try:
        with tempfile.TemporaryDirectory(prefix=".docsets-", dir=docs) as scratch:
            for group in groups:
                part = Path(scratch) / group.slug
                split = split_trees(
                    group.sources,
                    part,
                    default=default,
                    jobs=jobs,
                    default_if_present=True,
                    files=[read[source] for source in group.sources],
                )
                splits.append((group, split))
                _move_under(part, staging, group.slug, split)
            combined = _combined(splits, default)
            codes = [language.code for language in combined.translations]
            if default is not None and default not in codes:
                raise LocaleError(
                    f"DEFAULT={default}: no source tree is in it; expected one of {', '.join(codes)}"
                )
            for language in combined.languages:
                having = [
                    (group.slug, _name(group, split, language.code))
                    for group, split in splits
                    if any(lang.code == language.code for lang in split.languages)
                ]
                text = home.docsets_home(language.code, having)
                (staging / language.code / home.HOME).write_text(text, encoding="utf-8")
            _page_data(splits, staging, combined)
            write_redirects_file(staging, _redirects(splits, Path(scratch)))
        codes = [language.code for language in combined.languages]
        tags = {language.code: language.lang for language in combined.languages if language.tag}
        swap_in(staging, docs, codes, {}, tags)
        move_redirects(staging, docs)
        (docs / SNAPSHOT).unlink(missing_ok=True)  # make serve splits several docsets whole
        (docs / TREES).unlink(missing_ok=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    write_links_audit(docs / LINKS_AUDIT, combined.rewrites)
    return combined


def _name(group: DocsetGroup, split: Split, code: str) -> str:
    return split.names.get(code) or split.names.get(ENGLISH_CODE) or group.name


def _move_under(part: Path, staging: Path, folder: str, split: Split) -> None:
    """Each language folder of the docset's split ``part`` into ``staging/<code>/<folder>``."""
    for language in split.languages:
        target = staging / language.code
        target.mkdir(parents=True, exist_ok=True)
        os.replace(part / language.code, target / folder)


def _combined(splits: list[tuple[DocsetGroup, Split]], default: str | None) -> Split:
    """One ``Split`` of every docset's: the default language first, English last; what each
    reports, its paths under its docset's folder."""
    first = splits[0][1]
    translations: dict[str, SiteLanguage] = {}
    for _, split in splits:
        for language in split.translations:
            translations.setdefault(language.code, language)
    chosen = default if default in translations else first.translation.code
    combined = Split(
        translation=translations[chosen],
        english=first.english,
        others=[language for code, language in translations.items() if code != chosen],
    )
    for group, split in splits:
        combined.articles += [f"{group.slug}/{path}" for path in split.articles]
        combined.segments += split.segments
        combined.problems += split.problems
        combined.warnings += split.warnings
        combined.not_on_site += split.not_on_site
        combined.unused_includes += [f"{group.slug}: {path}" for path in split.unused_includes]
        for code, count in split.missing_media.items():
            combined.missing_media[code] = combined.missing_media.get(code, 0) + count
        for code, counts in split.files.items():
            combined.files[f"{group.slug} {code}"] = counts
        combined.missing_xrefs.update(split.missing_xrefs)
        for code, behind in split.behind.items():
            combined.behind.setdefault(code, {}).update(
                {f"{group.slug}/{path}": count for path, count in behind.items()}
            )
        for code, paths in split.ties.items():
            combined.ties.setdefault(code, []).extend(f"{group.slug}/{p}" for p in paths)
        for page, rewrites in split.rewrites.items():
            code, _, path = page.partition("/")
            combined.rewrites[f"{code}/{group.slug}/{path}"] = rewrites
        if combined.navigation is None:
            combined.navigation = split.navigation
        elif split.navigation is not None:
            for code, count in split.navigation.unlinked.items():
                combined.navigation.unlinked[code] = (
                    combined.navigation.unlinked.get(code, 0) + count
                )
            for code, count in split.navigation.foreign_labels.items():
                combined.navigation.foreign_labels[code] = (
                    combined.navigation.foreign_labels.get(code, 0) + count
                )
            combined.navigation.problems += split.navigation.problems
    return combined


def _page_data(splits: list[tuple[DocsetGroup, Split]], staging: Path, combined: Split) -> None:
    """Each language's ``PAGE_DATA`` of every docset it has, its paths under the docset's
    folder, and each docset's own place (its folder, name and home page) for the breadcrumbs."""
    for language in combined.languages:
        code = language.code
        merged: dict[str, Any] = {"tocs": {}, "crumbs": [], "docsets": []}
        for group, split in splits:
            if all(own.code != code for own in split.languages):
                continue
            under = f"{group.slug}/"
            name = _name(group, split, code)
            merged["docsets"].append({"f": group.slug, "t": name, "u": under})
            own_file = staging / code / group.slug / PAGE_DATA
            if not own_file.is_file():
                continue
            data = json.loads(own_file.read_text(encoding="utf-8"))
            own_file.unlink()
            for page, folder in (data.get("tocs") or {}).items():
                merged["tocs"][under + page] = (under + folder).rstrip("/")
            for crumb in data.get("crumbs") or []:
                crumb["f"] = (under + crumb["f"]).rstrip("/")
                if not urlsplit(crumb["u"]).scheme and not crumb["u"].startswith("/"):
                    crumb["u"] = under + crumb["u"]
                merged["crumbs"].append(crumb)
        text = json.dumps(merged, ensure_ascii=False, separators=(",", ":")) + "\n"
        (staging / code / PAGE_DATA).write_text(text, encoding="utf-8")


def _redirects(
    splits: list[tuple[DocsetGroup, Split]], scratch: Path
) -> dict[str, dict[str, object]]:
    """Every docset's redirects by old address, their addresses and internal targets under its
    folder (as ``split.navigation.write_redirects_file`` takes them)."""
    entries: dict[str, dict[str, object]] = {}
    for group, _ in splits:
        path = scratch / group.slug / REDIRECTS
        if not path.is_file():
            continue
        for entry in json.loads(path.read_text(encoding="utf-8")).get("redirects", []):
            entry["from"] = f"{group.slug}/{entry['from']}"
            for target in entry["to"].values():
                if target.get("internal"):
                    target["href"] = f"{group.slug}/{target['href']}"
            entries[entry["from"]] = entry
    return entries
