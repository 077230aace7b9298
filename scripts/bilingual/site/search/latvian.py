"""Lucene's light Latvian stemmer (``org.apache.lucene.analysis.lv.LatvianStemmer``).

``stem`` is Lucene's algorithm as it is: the first suffix of ``AFFIXES`` the word ends with is
taken off when the word has more vowels than the suffix and at least three letters stay; the
suffixes of declensions II, V and VI then undo the palatalisation of the stem's last consonant
(``paroļu`` -> ``parol``, ``zivju`` -> ``ziv``).

The index keeps Lucene's stem of a word as written, folded (``analysis.Analyzer.key``):
``parolēm`` -> ``parol``. A query typed without diacritics (``parolem``) cannot always be stemmed
as the word it stands for: the worker takes the keys of the index's words that fold to it, and
where there are none, both its Lucene stem and ``stem_folded``'s: the same algorithm with the
suffixes folded (``ām`` and ``am`` are one suffix; where two fold into one, the first in Lucene's
order stays) and the palatalisation rules that still change a folded stem (``ks`` + ``u`` ->
``kst``, ``pj``/``bj``/``mj``/``vj`` -> ``p``/``b``/``m``/``v``; the others only drop a diacritic).
On the lv corpus' words ``stem_folded(fold(word))`` equals ``fold(stem(word))`` but for about 1 %
(``lietotājiem``: folded, it ends like an adjective; ``tests/site/test_search_analysis.py``).
The worker's twins are ``stemLatvian`` and ``stemLatvianFolded`` in ``help-search.js``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

AFFIXES: tuple[tuple[str, int, bool], ...] = (
    ("ajiem", 3, False),
    ("ajai", 3, False),
    ("ajam", 2, False),
    ("ajām", 2, False),
    ("ajos", 2, False),
    ("ajās", 2, False),
    ("iem", 2, True),
    ("ajā", 2, False),
    ("ais", 2, False),
    ("ai", 2, False),
    ("ei", 2, False),
    ("ām", 1, False),
    ("am", 1, False),
    ("ēm", 1, False),
    ("īm", 1, False),
    ("im", 1, False),
    ("um", 1, False),
    ("us", 1, True),
    ("as", 1, False),
    ("ās", 1, False),
    ("es", 1, False),
    ("os", 1, True),
    ("ij", 1, False),
    ("īs", 1, False),
    ("ēs", 1, False),
    ("is", 1, False),
    ("ie", 1, False),
    ("u", 1, True),
    ("a", 1, True),
    ("i", 1, True),
    ("e", 1, False),
    ("ā", 1, False),
    ("ē", 1, False),
    ("ī", 1, False),
    ("ū", 1, False),
    ("o", 1, False),
    ("s", 0, False),
    ("š", 0, False),
)
"""Lucene's suffixes in its order: the suffix, its vowels, whether it undoes palatalisation."""

VOWELS = frozenset("aeiouāīēū")
FOLD = str.maketrans("āēīūšžčļņķģ", "aeiuszclnkg")


def _folded_affixes() -> tuple[tuple[str, int, bool], ...]:
    seen: dict[str, tuple[str, int, bool]] = {}
    for affix, vowels, palatalizes in AFFIXES:
        seen.setdefault(affix.translate(FOLD), (affix.translate(FOLD), vowels, palatalizes))
    return tuple(seen.values())


FOLDED_AFFIXES = _folded_affixes()


def _vowels(word: str) -> int:
    return sum(1 for letter in word if letter in VOWELS)


def _unpalatalize(word: str, removed: str) -> str:
    """Lucene's rules on the stem ``word`` once the suffix starting with ``removed`` is off."""
    if removed == "u":
        if word.endswith("kš"):
            return word[:-1] + "st"
        if word.endswith("ņņ"):
            return word[:-2] + "nn"
    if word.endswith(("pj", "bj", "mj", "vj")):
        return word[:-1]
    for palatal, plain in (("šņ", "sn"), ("žņ", "zn"), ("šļ", "sl"), ("žļ", "zl")):
        if word.endswith(palatal):
            return word[:-2] + plain
    if word.endswith("ļņ"):
        return word[:-2] + "ln"
    if word.endswith("ļļ"):
        return word[:-2] + "ll"
    for palatal, plain in (("č", "c"), ("ļ", "l"), ("ņ", "n")):
        if word.endswith(palatal):
            return word[:-1] + plain
    return word


def _unpalatalize_folded(word: str, removed: str) -> str:
    """The rules of ``_unpalatalize`` that still change a folded stem."""
    if removed == "u" and word.endswith("ks"):
        return word + "t"
    if word.endswith(("pj", "bj", "mj", "vj")):
        return word[:-1]
    return word


def stem(word: str) -> str:
    """Lucene's stem of a lower-case Latvian ``word``."""
    return _stem(word, AFFIXES, _unpalatalize)


def stem_folded(word: str) -> str:
    """The stem of a folded Latvian ``word`` (``text.fold``), as the index keeps it."""
    return _stem(word, FOLDED_AFFIXES, _unpalatalize_folded)


def _stem(
    word: str,
    affixes: Sequence[tuple[str, int, bool]],
    unpalatalize: Callable[[str, str], str],
) -> str:
    """Lucene's rule: the first affix of ``affixes`` the word ends with, removed where enough
    vowels and letters stay, the stem then unpalatalised if the affix says so."""
    vowels = _vowels(word)
    for affix, affix_vowels, palatalizes in affixes:
        if vowels > affix_vowels and len(word) >= len(affix) + 3 and word.endswith(affix):
            rest = word[: -len(affix)]
            return unpalatalize(rest, affix[0]) if palatalizes else rest
    return word
