"""The docset's navigation, written beside the articles' pages: home pages, the tree, landing
pages and redirects.

``write_navigation`` is the one writer of all of it, for the full split (into its staging folder)
and the incremental one (into ``docs/``, only what changed), so both give the same files:

* ``<code>/index.md``, each language's home page (``pages.home``): the translation's top is the
  source's ``index.md``, else its root YAML page (``index.yml``: a landing page, a hub …), else a
  generated heading; English has no landing page (its text is the translation's only), so its
  home is the generated one, asking the site for a notice that says so;
* ``<code>/toc.json``, the tree of the root's TOC in that language (``pages.navigation``), when
  it leads anywhere but the home page, and ``<code>/<folder>/toc.json`` for each folder's own TOC
  (``source.toc.read_tocs``) that has pages below it, its links relative to its folder;
* ``<code>/.navigation.json``, what the site's pages need of the navigation beyond their trees:
  ``tocs``, each page that a TOC lists other than the nearest by folder -> the folder of the TOC
  it shows (DocFX's choice, ``source.toc.listing_tocs``), and ``crumbs``, the breadcrumb TOC's
  places in the docset (``pages.breadcrumbs``); hidden, MkDocs leaves it alone; not written
  when both are empty;
* ``<translation>/<folder>/index.md`` for each landing page elsewhere, and a page for each other
  YAML page (hub, FAQ, tutorial, a placeholder for a type the site cannot show:
  ``pages.yaml_pages``); the English site shows the translation's page with the fallback notice,
  as for any article missing in English;
* ``.redirects.json``: each redirect of ``.openpublishing.redirection.json`` whose old file is in
  ``SOURCE``, with its target in each language, for the site to write its pages
  (``site.redirects``).

What it cannot use (a malformed TOC or landing file, a redirect from a live page, to nowhere or
to itself) is reported as a ``SourceError`` at ``file:line:column``; the rest is written.
"""

from __future__ import annotations

import dataclasses
import json
import os
import posixpath
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bilingual.errors import SourceError
from bilingual.locales import SiteLanguage
from bilingual.pages import home
from bilingual.pages.breadcrumbs import crumb_nodes
from bilingual.pages.link_rewrite import ENGLISH_LOCALE, LinkContext, Rewrite, page_url
from bilingual.pages.navigation import Navigation, leads_anywhere, rebased
from bilingual.pages.yaml_pages import YamlPage, page_markdown, read_page
from bilingual.source.breadcrumb import read_crumbs
from bilingual.source.files import Kind, SourceFiles
from bilingual.source.redirections import Redirections, read_redirections
from bilingual.source.toc import Tocs, listing_tocs, page_path, read_tocs
from bilingual.split.writer import WriteFile

TOC_JSON = "toc.json"
"""The tree of one language, in its folder."""
PAGE_DATA = ".navigation.json"
"""The pages' TOC choice and the breadcrumb's places, in each language's folder."""
REDIRECTS = ".redirects.json"
"""The redirects, in the docs folder (hidden: MkDocs leaves it alone)."""


@dataclass(slots=True)
class RedirectCount:
    """What became of the redirection file's entries."""

    file: str = ""
    total: int = 0
    to_pages: int = 0
    """Written, pointing at a page of the site."""
    elsewhere: int = 0
    """Written, pointing at Learn or another site."""
    outside: Counter[str] = field(default_factory=Counter)
    """Not written: the old file is outside ``SOURCE`` (by first folder)."""
    skipped: int = 0
    """Not written: from a live page, to nowhere, or to itself (each reported)."""

    @property
    def written(self) -> int:
        return self.to_pages + self.elsewhere

    def summary(self) -> str:
        """One line for the split's report."""
        places = ", ".join(f"{folder} {count}" for folder, count in self.outside.most_common())
        outside = sum(self.outside.values())
        return (
            f"redirects: {self.written} of {self.total} in {self.file} written in every language "
            f"({self.to_pages} to a page of the site, {self.elsewhere} elsewhere); "
            f"{outside} leave from outside the source folder ({places or 'none'}), not written"
            + (f"; {self.skipped} skipped (reported above)" if self.skipped else "")
        )


@dataclass(slots=True)
class NavigationReport:
    """What ``write_navigation`` did."""

    written: list[str] = field(default_factory=list)
    """Files written (relative to the root), in order."""
    pages: list[str] = field(default_factory=list)
    """Every file it owns now (home pages, trees, landing pages), relative to the root."""
    problems: list[SourceError] = field(default_factory=list)
    """Malformed TOC, landing or redirection entries, read around."""
    inputs: list[Path] = field(default_factory=list)
    """Files outside ``SOURCE`` it read (the redirection file, TOCs outside)."""
    unlinked: dict[str, int] = field(default_factory=dict)
    """Per language, TOC entries and landing links whose target is not in the site."""
    foreign_labels: dict[str, int] = field(default_factory=dict)
    """Per translation, the English tree's labels in that language (no English title to show)."""
    redirects: RedirectCount = field(default_factory=RedirectCount)
    rewrites: dict[str, list[Rewrite]] = field(default_factory=dict)
    """By language and YAML file (``lv/faq.yml``): what its markdown's writer showed otherwise
    (``Navigation.rewrites``), for the audit."""


@dataclass(frozen=True, slots=True)
class NavigationInput:
    """What the pages written so far tell the navigation."""

    translation: SiteLanguage
    english: SiteLanguage
    locale: str
    """The translation's Learn locale (``lv-lv``)."""
    titles: dict[str, dict[str, str]]
    """Each article written (``index.md`` included) -> its title per site code, in order."""
    tops: dict[str, str]
    """Per site code, the markdown of ``index.md``'s page (the home page's top), if any."""
    uids: dict[str, str]
    """Front matter ``uid`` -> article path."""
    links: LinkContext
    """The tree's link rules (any locale)."""


def find_landings(
    files: SourceFiles,
    titles: dict[str, dict[str, str]],
    problems: list[SourceError],
) -> dict[str, YamlPage]:
    """The YAML pages of ``SOURCE`` (``paths``: its files of the ``page`` kind,
    ``source.files``: landing pages, hubs, FAQs, tutorials, placeholders of the others;
    ``pages.yaml_pages``) by file, parsed; one whose page an article already is (``a/index.md``
    beside ``a/index.yml``) is reported."""
    found: dict[str, YamlPage] = {}
    for path in files.paths(Kind.PAGE):
        try:
            text = files.text(path)
        except (OSError, UnicodeDecodeError) as error:
            what = f"the YAML page cannot be read ({error.__class__.__name__})"
            problems.append(SourceError(path, 1, 1, what, "a UTF-8 text file"))
            continue
        if page_path(path) in titles:
            problems.append(
                SourceError(
                    path, 1, 1, f"landing page and {page_path(path)} are one page", "one of them"
                )
            )
            continue
        try:
            page = read_page(text, path, problems)
        except SourceError as error:
            problems.append(error)
            continue
        if page is not None:
            found[path] = page
    return found


def _redirect_entries(
    redirections: Redirections,
    navigations: dict[str, Navigation],
    live: set[str],
    report: NavigationReport,
) -> list[dict[str, object]]:
    """Each redirect's old address and its target per language (``href`` relative to the
    language's root, or a URL; ``title``)."""
    entries: list[dict[str, object]] = []
    count = report.redirects
    seen: set[str] = set()
    first = next(iter(navigations.values()))  # the translation's: landing pages have titles
    for redirect in redirections.redirects:
        old = page_path(redirect.old)
        address = page_url(old) if old.endswith(".md") else old
        where = (redirect.old, redirect.line, redirect.column)

        def skip(what: str, expected: str, at: tuple[str, int, int] = where) -> None:
            count.skipped += 1
            shown = redirections.file
            report.problems.append(SourceError(shown, at[1], at[2], f"{at[0]}: {what}", expected))

        if old in live or address in seen:
            skip("the old address is a page of the site", "a redirect from a removed file")
            continue
        targets: dict[str, dict[str, object]] = {}
        for code, navigation in navigations.items():
            target = navigation.link(redirect.url, redirect.old)
            if target is None:
                break
            page = target.page or ""
            title = navigation.titles.get(page) or first.titles.get(page) or target.href()
            targets[code] = {"href": target.href(), "internal": target.url is None, "title": title}
        if len(targets) != len(navigations):
            skip(f"redirect_url {redirect.url!r} names nothing the site has", "a page or a URL")
            continue
        if any(t["internal"] and t["href"] == address for t in targets.values()):
            skip(f"redirect_url {redirect.url!r} is the old address itself", "another page")
            continue
        seen.add(address)
        internal = all(t["internal"] for t in targets.values())
        count.to_pages += internal
        count.elsewhere += not internal
        entries.append({"from": address, "to": targets})
    return entries


def write_navigation(
    files: SourceFiles,
    root: Path,
    given: NavigationInput,
    write: WriteFile,
    languages: set[str] | None = None,
    redirects_into: dict[str, dict[str, object]] | None = None,
) -> NavigationReport:
    """Write the home pages, trees, landing pages and redirects of the source tree ``files``
    (``source.files``: every file read once) under ``root`` with ``write``: in the translation
    and English, or only in ``languages`` (a site of several trees writes English once). With
    ``redirects_into``, the redirects are added to it (one file for every tree,
    ``write_redirects_file``) instead of written."""
    report = NavigationReport()
    tocs: Tocs = read_tocs(files, report.problems)
    whole = tocs.whole()  # the home page's index: every TOC in one tree
    docset = files.docset
    crumbs = read_crumbs(docset)
    report.inputs += [docset.absolute(path) for path in tocs.files if path.startswith("../")]
    landings = find_landings(files, given.titles, report.problems)
    root_landing = landings.pop("index.yml", None) if "index.yml" in landings else None
    if root_landing is not None and home.HOME in given.titles:
        report.problems.append(
            SourceError(
                "index.yml", 1, 1, "landing page beside index.md: index.md is the home", "one"
            )
        )
        root_landing = None
    redirections = read_redirections(docset, report.problems)
    if docset.redirections() is not None:
        report.inputs.append(docset.redirections())  # type: ignore[arg-type]
    report.redirects.file = redirections.file
    report.redirects.total = redirections.total
    report.redirects.outside = redirections.outside
    translation, english = given.translation.code, given.english.code
    live = set(given.titles) | {page_path(path) for path in landings} | {home.HOME}
    redirected = {
        redirect.old.lower(): page_path(redirect.old)
        for redirect in redirections.redirects
        if page_path(redirect.old) not in live
    }
    written = [
        language
        for language in (given.translation, given.english)
        if languages is None or language.code in languages
    ]
    navigations: dict[str, Navigation] = {}
    for language in written:
        code = language.code
        titles = {path: t[code] for path, t in given.titles.items() if code in t}
        if code == english and home.HOME not in titles:
            titles[home.HOME] = home.generated_title(code)
        elif code == translation:
            titles.setdefault(
                home.HOME, root_landing.title if root_landing else home.generated_title(code)
            )
            titles.update({page_path(path): landing.title for path, landing in landings.items()})
        locale = given.locale if code == translation else ENGLISH_LOCALE
        context = dataclasses.replace(given.links, locale=locale)
        landing_files = frozenset([*landings, *(["index.yml"] if root_landing else [])])
        navigations[code] = Navigation(
            code, translation, context, titles, landing_files, redirected, given.uids
        )

    def put(relative: str, text: str) -> None:
        report.pages.append(relative)
        if write(root / relative, text):
            report.written.append(relative)

    for language in written:
        code = language.code
        navigation = navigations[code]
        top = given.tops.get(code)
        if top is None and root_landing is not None:
            if code == translation:
                top = page_markdown(root_landing, home.HOME, navigation)
            else:
                top = home.generated_home(code, home.NO_LANDING)
        entries = [home.IndexEntry(t[code], path) for path, t in given.titles.items() if code in t]
        shown = {page_path(path): landing.title for path, landing in landings.items()}
        text = home.home_markdown(code, top, entries, whole, shown if code == translation else None)
        put(f"{code}/{home.HOME}", text)
        for path, page in home.index_pages(code, entries).items():
            put(f"{code}/{path}", page)
        if code == translation:
            for path, landing in landings.items():
                put(
                    f"{code}/{page_path(path)}",
                    page_markdown(landing, page_path(path), navigation),
                )
        trees: set[str] = set()
        for folder, folder_toc in tocs.tocs.items():
            nodes = navigation.nodes(folder_toc.entries)
            if leads_anywhere(nodes) and (not folder or pages_below(folder, live)):
                tree = rebased(nodes, folder)
                text = json.dumps(tree, ensure_ascii=False, separators=(",", ":")) + "\n"
                put(tree_file(code, folder), text)
                trees.add(folder)
        data = page_data(tocs, trees, live, given.uids, crumb_nodes(crumbs, navigation))
        if data:
            put(
                f"{code}/{PAGE_DATA}",
                json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
            )
        report.unlinked[code] = navigation.unlinked
        report.problems += navigation.reports
        report.rewrites.update(
            (f"{code}/{path}", changed) for path, changed in navigation.rewrites.items()
        )
        if navigation.english:
            report.foreign_labels[translation] = navigation.foreign
    redirects = _redirect_entries(redirections, navigations, live, report)
    if redirects_into is not None:
        for entry in redirects:
            into = redirects_into.setdefault(str(entry["from"]), {"from": entry["from"], "to": {}})
            into["to"].update(entry["to"])  # type: ignore[attr-defined]
    elif redirects:
        text = json.dumps({"redirects": redirects}, ensure_ascii=False, indent=1) + "\n"
        put(REDIRECTS, text)
    return report


def nearest_folder(page: str, folders: set[str]) -> str | None:
    """The folder of ``folders`` nearest above the page at ``page`` (its own first)."""
    folder = posixpath.dirname(page)
    while folder not in folders:
        if not folder:
            return None
        folder = posixpath.dirname(folder)
    return folder


def page_data(
    tocs: Tocs,
    trees: set[str],
    pages: set[str],
    uids: dict[str, str],
    crumbs: list[dict[str, object]],
) -> dict[str, object]:
    """What the site needs of the navigation per page in one language (``PAGE_DATA``): the
    ``tocs`` of ``pages`` whose TOC (of those with a tree, ``trees``: the one listing it, else
    the one above it a TOC's ``order`` picks) is not the nearest tree by folder, and the
    breadcrumb's places, ``crumbs``; empty when there is neither."""
    listing = listing_tocs(tocs, trees, uids)
    shown = {
        page: listing[page] if page in listing else tocs.nearest(page, trees)
        for page in sorted(pages)
    }
    chosen = {
        page: folder
        for page, folder in shown.items()
        if folder is not None and folder != nearest_folder(page, trees)
    }
    data: dict[str, object] = {}
    if chosen:
        data["tocs"] = chosen
    if crumbs:
        data["crumbs"] = crumbs
    return data


def tree_file(code: str, folder: str) -> str:
    """Where the tree of ``folder``'s TOC (``""``: the root's) is written in language ``code``."""
    return f"{code}/{folder}/{TOC_JSON}" if folder else f"{code}/{TOC_JSON}"


def pages_below(folder: str, pages: set[str]) -> bool:
    """Whether any of ``pages`` (page paths) lies in ``folder`` or below it."""
    prefix = folder + "/"
    return any(page.startswith(prefix) for page in pages)


def write_redirects_file(root: Path, redirects: dict[str, dict[str, object]]) -> None:
    """Write the redirects gathered from every tree (``write_navigation``'s ``redirects_into``),
    in the first tree's order, where the site reads them (``REDIRECTS``)."""
    if redirects:
        entries = list(redirects.values())
        text = json.dumps({"redirects": entries}, ensure_ascii=False, indent=1) + "\n"
        (root / REDIRECTS).write_text(text, encoding="utf-8")


def remove_stale(root: Path, before: list[str], now: list[str]) -> list[str]:
    """Remove the files the navigation owned before and owns no longer; those removed."""
    removed = []
    for relative in sorted(set(before) - set(now)):
        try:
            os.remove(root / relative)
        except OSError:
            continue
        removed.append(relative)
    return removed
