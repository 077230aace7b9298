"""Each language's analysis: the key a word is indexed under, the same in the worker.

A word (``text.normal``: lower case, NFKC) is indexed under its key, its spelling kept beside it
so that the exact spelling ranks first. Keys are folded (``text.fold``), so a query typed without
diacritics finds the words written with them:

* Latvian: Lucene's light stemmer on the word as written, then folded
  (``parolēm``, ``paroļu``, ``paroles`` -> ``parol``; ``kļūdas`` -> ``klud``);
* English: Lucene's minimal plural stemmer (Harman's S-stemmer: ``policies`` -> ``policy``,
  ``passwords`` -> ``password``), folded;
* Arabic: Lucene's normaliser (hamza forms of alef, alef maksura, teh marbuta) and light stemmer
  (the article and prepositions before, common suffixes after), folded;
* the languages lunr has a Snowball stemmer for (``SNOWBALL``): that stemmer on the folded word
  (``für``/``fur`` -> ``fur``, ``Einstellungen`` -> ``einstell``), here from ``snowballstemmer``
  2.2.0, in the worker from lunr's file that Material ships (the same generated algorithm:
  ``tests/site/test_search_analysis.py`` compares them on the corpus' words);
* the other languages Snowball has a stemmer for (``INDEXED``: Catalan, Finnish, Greek,
  Lithuanian, Serbian …): that stemmer on the word as written, then folded; the worker has no
  stemmer for them and finds a typed word's key by its spelling among the index's;
* other languages: folded only.

Words written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) are ICU's words
(``text.words``), whatever the site's language: the worker splits a query with the browser's
``Intl.Segmenter``, ICU with the same dictionaries, so both ends cut a text alike, and a query
typed without spaces (``管理会议``) is its words (``管理``, ``会议``), each found alone. Korean
(Hangul) is indexed in overlapping pairs (``text.bigrams``): its words carry their particles.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache

import snowballstemmer  # type: ignore[import-untyped]

from bilingual.site.search import latvian
from bilingual.site.search.text import PAIRS, SPLIT, WORDS, bigrams, fold, normal, runs, words

SNOWBALL = {
    "da": "danish",
    "de": "german",
    "nl": "dutch",
    "es": "spanish",
    "fr": "french",
    "hu": "hungarian",
    "it": "italian",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
    "tr": "turkish",
}
"""lunr's language files with a Snowball stemmer -> snowballstemmer's algorithm (Finnish is
left out: its two versions differ)."""
LUNR_CODES = {"nb": "no", "nn": "no"}
INDEXED = {
    "ca": "catalan",
    "el": "greek",
    "eu": "basque",
    "fi": "finnish",
    "ga": "irish",
    "hi": "hindi",
    "hy": "armenian",
    "id": "indonesian",
    "lt": "lithuanian",
    "ne": "nepali",
    "sr": "serbian",
    "ta": "tamil",
    "yi": "yiddish",
}
"""The other languages Snowball has a stemmer for, and lunr none: stemmed when the site is built
(the word as written, then folded); the worker finds a word's stem by its spelling among the
index's (every form a page has), so a query finds every form of a word the docset holds."""
DIGIT = re.compile("[0-9]")


def english(word: str) -> str:
    """Lucene's ``EnglishMinimalStemmer``: plurals to their singular."""
    if len(word) < 3 or word[-1] != "s":
        return word
    before = word[-2]
    if before in "us":
        return word
    if before == "e":
        if len(word) > 3 and word[-3] == "i" and word[-4] not in "ae":
            return word[:-3] + "y"
        if word[-3] in "iaoe":
            return word
    return word[:-1]


ARABIC_LETTERS = str.maketrans(
    {
        "\u0622": "\u0627",
        "\u0623": "\u0627",
        "\u0625": "\u0627",
        "\u0649": "\u064a",
        "\u0629": "\u0647",
    }
)
ARABIC_PREFIXES = (
    "\u0627\u0644",
    "\u0648\u0627\u0644",
    "\u0628\u0627\u0644",
    "\u0643\u0627\u0644",
    "\u0641\u0627\u0644",
    "\u0644\u0644",
    "\u0648",
)
ARABIC_SUFFIXES = (
    "\u0647\u0627",
    "\u0627\u0646",
    "\u0627\u062a",
    "\u0648\u0646",
    "\u064a\u0646",
    "\u064a\u0647",
    "\u064a\u0629",
    "\u0647",
    "\u0629",
    "\u064a",
)


def arabic_prefix(word: str) -> str:
    """Lucene's ``ArabicNormalizer``, then ``ArabicStemmer.stemPrefix``, of a folded word."""
    word = word.translate(ARABIC_LETTERS)
    for prefix in ARABIC_PREFIXES:
        if len(word) >= (4 if len(prefix) == 1 else len(prefix) + 2) and word.startswith(prefix):
            return word[len(prefix) :]
    return word


def arabic(word: str) -> str:
    """Lucene's Arabic normaliser and light stemmer (prefix, then every suffix in turn)."""
    word = arabic_prefix(word)
    for suffix in ARABIC_SUFFIXES:
        if len(word) >= len(suffix) + 2 and word.endswith(suffix):
            word = word[: -len(suffix)]
    return word


@dataclass(frozen=True, slots=True)
class Analyzer:
    """One language's analysis: ``key`` of a word, ``prefix`` a word being typed starts."""

    name: str
    """``latvian``, ``english``, ``arabic``, ``snowball``, ``indexed`` or ``plain``: the
    worker's analysis (``indexed`` and ``plain`` are the same there: words folded)."""
    lunr: str | None = None
    """The lunr language file whose stemmer the worker runs (``snowball`` only)."""
    stem: Callable[[str], str] = field(default=lambda word: word, repr=False)
    """The stemmer, on the folded word (Latvian: on the word as written)."""

    def key(self, word: str) -> str:
        """The key ``word`` (``text.normal``) is indexed under; a word with a digit (an error
        code, a version) is only folded."""
        if DIGIT.search(word):
            return fold(word)
        if self.name == "latvian":
            return fold(latvian.stem(word))
        if self.name == "indexed":
            return fold(self.stem(word))
        return self.stem(fold(word))

    def prefix(self, word: str) -> str:
        """The start of the keys a word being typed may grow into."""
        return arabic_prefix(fold(word)) if self.name == "arabic" else fold(word)


def _snowball(algorithm: str) -> Callable[[str], str]:
    stemmer = snowballstemmer.stemmer(algorithm)
    return cache(lambda word: str(stemmer.stemWord(word)))


@cache
def analyzer(code: str) -> Analyzer:
    """The analysis of the site language ``code`` (``lv``, ``de``, ``pt-BR`` …)."""
    language = code.split("-")[0].lower()
    if language == "lv":
        return Analyzer("latvian")
    if language == "en":
        return Analyzer("english", stem=english)
    if language == "ar":
        return Analyzer("arabic", stem=arabic)
    lunr = LUNR_CODES.get(language, language)
    if lunr in SNOWBALL:
        return Analyzer("snowball", lunr, _snowball(SNOWBALL[lunr]))
    if language in INDEXED:
        return Analyzer("indexed", stem=_snowball(INDEXED[language]))
    return Analyzer("plain")


def word_terms(key: Callable[[str], str], word: str) -> list[tuple[str, str]]:
    """``(key, spelling)`` of one word as ``SPLIT`` leaves it (``key``: an ``Analyzer.key``):
    a run written without spaces gives its words (folded), a run of Hangul its pairs."""
    found = []
    for kind, run in runs(normal(word)):
        if kind == WORDS:
            found += [(fold(part), part) for part in words(run)]
        elif kind == PAIRS:
            found += [(pair, pair) for pair in bigrams(fold(run))]
        else:
            found.append((key(run), run))
    return found


def terms(key: Callable[[str], str], text: str) -> Iterator[tuple[str, str]]:
    """``(key, spelling)`` of every word of plain ``text``."""
    for word in SPLIT.split(text.lower()):
        if word:
            yield from word_terms(key, word)
