"""Known-item search per language: how often the article a reader looks for is in the first
five results, with the queries readers type.

    python tests/benchmarks/bench_search_languages.py --source TREE [--source TREE ...]
        [--site SITE] [--articles N]

Builds one site of the trees (or reads ``--site``), then, for every language of it and up to
``N`` articles of each (every one by default), takes the article's title from the site's own
search index and asks the site's search worker (``overrides/…/help-search.js``, run by Node
through ``tests/search_known_item.js`` against the built files, as the browser runs it) with:

* ``words``: two words of the title as written (its two longest; in a script written without
  spaces, its two longest words as ICU's word breaks find them, typed together);
* ``plain``: the same in lower case without the marks readers leave out (Latin, Greek and
  Cyrillic accents, Arabic and Hebrew points: ``kluda`` for ``kļūda``; kana and Thai as
  written), as readers type on a phone;
* ``chars`` (scripts written without spaces: Chinese, Japanese, Thai, Lao, Khmer, Myanmar):
  two to four letters of the title: its most telling word of two to four letters (the one in
  the fewest titles of its language, the longest of those), else the first four letters of
  its most telling word (a word typed in part).

A query is a hit when the article, or an article of the same title (the reader cannot tell
them apart), is among the first five results. Prints a line per language and kind against the
target (``TARGET``), then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bilingual.locales import script_of
from bilingual.site.languages import split_languages
from bilingual.site.search.shards import read_language
from bilingual.site.search.text import words
from search_worker import known_items

PROJECT = Path(__file__).resolve().parents[2]
TARGET = 0.85
UNSPACED = frozenset({"Hans", "Hant", "Jpan", "Thai", "Laoo", "Khmr", "Mymr"})
"""Scripts written without spaces between words."""


def words_of(title: str) -> list[str]:
    """The words of ``title`` (letters or digits), by ICU's word breaks (``text.words``)."""
    return [word for word in words(title) if any(char.isalnum() for char in word)]


DROPPED_MARKS = ("LATIN", "GREEK", "CYRILLIC", "ARABIC", "HEBREW")
"""Scripts whose readers type letters without their marks (``kluda`` for ``kļūda``, Arabic
without its vowel points); kana keep their voicing marks, Thai its vowels and tones."""


def plain(text: str) -> str:
    """``text`` in lower case, the marks readers leave out left out."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFD", text.lower()):
        if unicodedata.combining(char) and kept:
            base = unicodedata.name(kept[-1][0], "")
            if base.startswith(DROPPED_MARKS):
                continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def queries(title: str, code: str, spread: Counter[str] | None = None) -> dict[str, str]:
    """The queries of one title, by kind (a kind the title cannot give is left out);
    ``spread``: in how many titles of the language each word is (the letters a reader types
    are those of the title's most telling word)."""
    words = words_of(title)
    unspaced = script_of(code) in UNSPACED
    native = [word for word in words if not word.isascii()]
    pool = native if unspaced and native else words
    if not pool:
        return {}
    longest = sorted(sorted(pool, key=len, reverse=True)[:2], key=pool.index)
    found = {"words": ("" if unspaced else " ").join(longest)}
    found["plain"] = plain(found["words"])
    if unspaced and native:
        spread = spread or Counter()
        telling = sorted(native, key=lambda word: (spread[word], -len(word)))
        whole = [word for word in telling if 2 <= len(word) <= 4]
        found["chars"] = whole[0] if whole else telling[0][:4]
    return found


def measure(site: Path, docs: Path, most_articles: int | None) -> dict[str, dict[str, object]]:
    languages = split_languages(docs) or []
    report: dict[str, dict[str, object]] = {}
    for index, language in enumerate(languages):
        prefix = "" if index == 0 else f"{language.code}/"
        entries = read_language(site / prefix / "search")
        pages = [entry for entry in entries if "#" not in entry["location"]]
        titles: dict[str, set[str]] = {}
        for entry in pages:
            titles.setdefault(entry["title"], set()).add(entry["location"])
        chosen = pages[:most_articles] if most_articles else pages
        spread: Counter[str] = Counter()
        for title in titles:
            spread.update(set(words_of(title)))
        kinds: dict[str, list[tuple[str, str]]] = {}
        for entry in chosen:
            for kind, query in queries(entry["title"], language.lang, spread).items():
                kinds.setdefault(kind, []).append((query, entry["title"]))
        line: dict[str, object] = {"pages": len(pages), "asked": len(chosen)}
        for kind, asked in kinds.items():
            results = known_items(site, prefix, [query for query, _ in asked])
            hits = sum(
                1
                for (query, title), found in zip(asked, results, strict=True)
                if titles[title] & {location.removeprefix(prefix) for location in found}
                or titles[title] & set(found)
            )
            line[kind] = round(hits / len(asked), 3)
            print(
                f"bench: {language.lang} {kind}: hit@5 {hits}/{len(asked)} = {hits / len(asked):.1%}"
                f" (target {TARGET:.0%}) {'ok' if hits / len(asked) >= TARGET else 'BELOW'}",
                flush=True,
            )
        report[language.lang] = line
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", nargs="+", default=[], help="the source trees, one per locale")
    parser.add_argument("--site", help="a site built already (with --docs)")
    parser.add_argument("--docs", help="the docs folder of --site")
    parser.add_argument("--articles", type=int, default=0, help="at most N articles a language")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        if args.site:
            site, docs = Path(args.site), Path(args.docs or "docs")
        else:
            site, docs = Path(temporary) / "site", Path(temporary) / "docs"
            command = [sys.executable, "-m", "bilingual", "site", "--docs", str(docs)]
            command += ["--site", str(site), "--source", *args.source]
            environment = {**os.environ, "PYTHONPATH": str(PROJECT / "scripts")}
            subprocess.run(command, check=True, cwd=PROJECT, env=environment)
        report = measure(site.resolve(), docs, args.articles or None)
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
