"""Several source trees, one site: each tree's locale, the site's default, and which tree gives
each article its English page.

Microsoft publishes a docset in many locales, each as a bilingual tree of its own whose English
half is the same article — translated from the English of its day. A site of several trees has
one English: for each article, the tree whose English is newest (``ms.date``, then
``ms.lasthandoff``; on a tie, the earlier tree in the order given) writes the English page. A
translation made from an older English than that is *behind*: its page says so
(``BEHIND_KEY`` in its front matter, a notice on the site) and the audit counts, per locale, the
articles behind and the segments whose English changed.

Each tree is read by ``source.tree``: its locale is its files' ``ms.contentlocale``; a tree
whose files disagree, two trees of one locale, or a default no tree has, is a ``LocaleError``:
one line, no traceback.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bilingual.errors import SourceError
from bilingual.model import Document, Language
from bilingual.pages.tree.language import body_text
from bilingual.source import tree as source_tree
from bilingual.source.dates import english_date
from bilingual.source.files import SourceFiles
from bilingual.source.tree import LocaleError as LocaleError  # named here too, as before
from bilingual.source.tree import Tree as Tree
from bilingual.split import progress

BEHIND_KEY = "english_changed"
"""Front matter key a translation's page gets when its English is older than the site's."""


def read_tree(source: Path, problems: list[SourceError], found: SourceFiles | None = None) -> Tree:
    """``source.tree.read_tree``, the sources read counted on stderr (``progress``)."""

    def shown(paths: list[Path]) -> Iterable[Path]:
        return progress.counted(paths, "split: reading")

    return source_tree.read_tree(source, problems, found, shown)


def in_site_order(trees: Sequence[Tree], default: str | None) -> list[Tree]:
    """The trees with the default language's first (``default``, else the first tree's), each
    locale once."""
    seen: dict[str, Tree] = {}
    for tree in trees:
        code = tree.language.code
        if code in seen:
            raise LocaleError(
                f"{seen[code].source} and {tree.source} are both the site language {code} "
                f"({_locale(seen[code])} and {_locale(tree)}); expected one source tree per "
                "site language"
            )
        seen[code] = tree
    if default is not None and default not in seen:
        raise LocaleError(
            f"DEFAULT={default}: no source tree is in it; expected one of {', '.join(seen)}"
        )
    first = default if default is not None else trees[0].language.code
    return [seen[first], *(tree for tree in trees if tree.language.code != first)]


def _locale(tree: Tree) -> str:
    return next((str(doc.content_locale) for doc in tree.documents if doc.content_locale), "")


def fold_case(trees: Sequence[Tree], problems: list[SourceError]) -> list[SourceError]:
    """One page address per article whatever its letter case (Learn's addresses, and many
    hosts', ignore case). Two files of one tree whose paths differ only in case cannot both
    be pages: the later (in path order) is left out, a problem. An article a later tree spells
    otherwise than an earlier one (``Sign-In.md``, ``sign-in.md``) is the same article: it
    takes the earlier tree's spelling, and the choice is a warning (returned)."""
    warnings: list[SourceError] = []
    spelled: dict[str, tuple[Tree, str]] = {}
    for tree in trees:
        own: dict[str, str] = {}
        kept: list[Document] = []
        for document in sorted(tree.documents, key=lambda doc: doc.path):
            key = document.path.casefold()
            if key in own:
                problems.append(
                    SourceError(
                        str(tree.source / document.path),
                        1,
                        1,
                        f"its page address is that of {own[key]} once letter case is folded "
                        "(help pages' addresses ignore case), so it is left out",
                        "one file name per article in a tree, whatever its letter case",
                    )
                )
                continue
            own[key] = document.path
            first, path = spelled.setdefault(key, (tree, document.path))
            if first is not tree and path != document.path:
                warnings.append(
                    SourceError(
                        str(tree.source / document.path),
                        1,
                        1,
                        f"spelled {path} in {first.source}: taken as that article, at its address",
                        "the same file name in every tree",
                    )
                )
                document.path = path
            kept.append(document)
        if len(kept) != len(tree.documents):
            kept_ids = {id(document) for document in kept}
            tree.documents = [document for document in tree.documents if id(document) in kept_ids]
    return warnings


@dataclass(slots=True)
class EnglishChoice:
    """Which tree gives each article's English, and which translations are behind it."""

    source: dict[str, int] = field(default_factory=dict)
    """Article path -> the index of the tree whose English page it writes."""
    behind: dict[int, dict[str, int]] = field(default_factory=dict)
    """Tree index -> {article path: segments whose English changed} for its older translations."""
    ties: dict[int, list[str]] = field(default_factory=dict)
    """Tree index -> its articles whose English differs from the site's and is dated the same
    (no date tells which is newer: the earlier tree's is the site's, a reported choice)."""


def changed_segments(older: Document, newer: Document) -> int:
    """The segments of ``newer`` whose English ``older`` does not have as it is."""
    before = {segment.id: segment.english for segment in older.segments}
    return sum(1 for segment in newer.segments if before.get(segment.id) != segment.english)


def choose_english(trees: Sequence[Tree]) -> EnglishChoice:
    """For each article of any tree, the tree with the newest English (ties: the earlier tree);
    the others whose English differs from it are behind."""
    choice = EnglishChoice()
    articles = [tree.articles for tree in trees]
    paths: dict[str, None] = {}
    for found in articles:
        paths.update(dict.fromkeys(found))
    for path in paths:
        having = [(index, found[path]) for index, found in enumerate(articles) if path in found]
        best, newest = max(having, key=lambda item: (english_date(item[1].metadata), -item[0]))
        choice.source[path] = best
        english = body_text(newest, Language.ENGLISH)
        date = english_date(newest.metadata)
        for index, document in having:
            if index != best and body_text(document, Language.ENGLISH) != english:
                choice.behind.setdefault(index, {})[path] = changed_segments(document, newest)
                if english_date(document.metadata) == date:
                    choice.ties.setdefault(index, []).append(path)
    return choice


def mark_behind(trees: Sequence[Tree], choice: EnglishChoice) -> None:
    """Give each translation made from an older English than the site's ``BEHIND_KEY`` in its
    front matter (its page then carries the notice)."""
    for index, paths in choice.behind.items():
        for document in trees[index].documents:
            if document.path in paths:
                document.metadata = {**document.metadata, BEHIND_KEY: True}
