"""The words and sentences of a text, as the site's search worker splits them.

Every rule here has its twin in ``overrides/assets/javascripts/workers/help-search.js``
(``tests/site/test_search_analysis.py`` runs both on the corpus' words and compares):

* ``SEPARATOR`` splits on white space and punctuation but keeps ``401``, ``403``,
  ``0x80070005``, ``AADSTS50011`` and ``5.7.750`` whole: a ``/`` or parenthesis splits
  (``401/403``, ``(0x80070005)``), a dot splits only where no digit follows (``5.7.750.``);
  the white space of either language's regular expressions splits in both (Python's has the
  separators U+001C to U+001F and U+0085, JavaScript's the byte order mark);
* ``fold``: lower case, compatibility forms (full-width letters, ligatures) as their plain
  letters, the accents of Latin and Greek letters and the vowel marks of Arabic and Hebrew
  dropped (``kļūda`` -> ``kluda``, ``für`` -> ``fur``, ``ß`` -> ``ss``); kana keep their
  voicing marks, Cyrillic its ``й``;
* ``runs``: a word with letters of a script written without spaces (Chinese, Japanese, Thai,
  Lao, Khmer, Myanmar) or Hangul is split into runs: the first kind indexed as ICU's ``words``
  (``Intl.Segmenter`` in the worker, ICU too), Hangul as overlapping ``bigrams`` (Korean's
  particles join the word before: ``정책을`` holds ``정책``), the others as they are.
"""

from __future__ import annotations

import html
import re
import unicodedata

from icu4py.breakers import WordBreaker
from icu4py.locale import Locale

SEPARATOR = r"""[\s\x1c-\x1f\x85\ufeff\-,:;!?=\[\](){}<>"'`/|\\\u00ab\u00bb\u201c\u201d\u201e\u2018\u2019\u2026]+|\.(?!\d)|&[lg]t;"""
SPLIT = re.compile(SEPARATOR)

LATIN_MARKS = re.compile("([a-z\u00df-\u024f\u0370-\u03ff\u1e00-\u1fff])[\u0300-\u036f]+")
"""Combining accents after a Latin or Greek letter (once the text is decomposed)."""
SCRIPT_MARKS = re.compile("[\u0640\u064b-\u0652\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]")
"""Arabic tatweel and harakat, Hebrew points."""
LETTERS = str.maketrans(
    {
        "ß": "ss",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "\u0131": "i",  # dotless i
        "ħ": "h",
        "ŀ": "l",
    }
)
"""Letters no decomposition takes the accent off."""
ROOT = Locale("und")
"""ICU's root locale: its dictionaries are chosen by script, whatever the page's language."""

DICTIONARY = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3005-\u3007\u3040-\u30fa\u30fc-\u30ff"
    "\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
)
"""Thai, Lao, Myanmar, Khmer, kana and CJK ideographs: scripts written without spaces between
words, which ICU splits into words by its dictionaries."""
HANGUL = "\uac00-\ud7af"
"""Hangul syllables: Korean is written with spaces, its particles joined to the word before, so
its runs are indexed in overlapping pairs."""
NGRAM = DICTIONARY + HANGUL
HAS_NGRAM = re.compile(f"[{NGRAM}]")
RUNS = re.compile(f"([{DICTIONARY}]+)|([{HANGUL}]+)|([^{NGRAM}\u3000-\u303f\u30fb\uff00-\uffef]+)")
WORDS, PAIRS, OTHER = "words", "pairs", ""
"""How a run of a word is indexed: as ICU's words, as pairs of letters, as one word."""


def tokens(text: str) -> list[str]:
    """The words of plain ``text``, lower-cased, in compatibility form (``normal``)."""
    return [normal(word) for word in SPLIT.split(text.lower()) if word]


def normal(word: str) -> str:
    """``word`` lower-cased in Unicode's compatibility composition (NFKC): full-width letters
    and digits as plain ones, half-width kana as full-width, accents composed."""
    return unicodedata.normalize("NFKC", word.lower()).lower()


def fold(word: str) -> str:
    """``word`` lower-cased without its accents (``Kļūda`` -> ``kluda``)."""
    text = unicodedata.normalize("NFKD", word.lower())
    text = SCRIPT_MARKS.sub("", LATIN_MARKS.sub(r"\1", text))
    return unicodedata.normalize("NFC", text).translate(LETTERS).lower()


def runs(word: str) -> list[tuple[str, str]]:
    """A word's runs, each with how it is indexed: ``(WORDS, run)`` of letters written without
    spaces, ``(PAIRS, run)`` of Hangul, ``(OTHER, run)`` of the rest (without the CJK
    punctuation between them)."""
    if not HAS_NGRAM.search(word):
        return [(OTHER, word)]
    return [
        (WORDS if match[1] else PAIRS if match[2] else OTHER, match[0])
        for match in RUNS.finditer(word)
    ]


def words(run: str) -> list[str]:
    """The words of a run written without spaces, by ICU's word breaks (its dictionaries for
    Chinese and Japanese, Thai, Lao, Khmer and Myanmar): the same the worker gets from the
    browser's ``Intl.Segmenter``, which is ICU too."""
    return [word for word in WordBreaker(run, ROOT) if not word.isspace()]


def bigrams(run: str) -> list[str]:
    """The overlapping pairs of letters of ``run`` (``비밀번호`` -> ``비밀``, ``밀번``, ``번호``)."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


TAG = re.compile(r"<[^>]*>")
BLOCK = re.compile(
    r"</?(?:p|li|ul|ol|dl|dt|dd|h[1-6]|div|table|thead|tbody|tfoot|tr|td|th|pre|blockquote"
    r"|br|hr|figure|figcaption|details|summary|section|article|aside|nav)\b[^>]*>",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|(?<=[\u3002\uff01\uff1f])")
SPACES = re.compile(r"\s+")


def plain(html_text: str) -> str:
    """HTML as one line of plain text (tags off, entities read)."""
    return SPACES.sub(" ", html.unescape(TAG.sub(" ", html_text))).strip()


def sentences(html_text: str) -> list[str]:
    """The sentences of a section's HTML, as plain text: split at its blocks, then after a
    full stop, question or exclamation mark followed by a space (``。`` needs none)."""
    found = []
    for block in BLOCK.sub("\n", html_text).split("\n"):
        line = SPACES.sub(" ", html.unescape(TAG.sub("", block))).strip()
        found += [part.strip() for part in SENTENCE_END.split(line) if part.strip()]
    return found
