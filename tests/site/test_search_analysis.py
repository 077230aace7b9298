"""The search's analysis is the same at build time (Python) and in the reader's browser (the
worker's JavaScript, run here under Node), and follows its references (Lucene, Snowball)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from bilingual.site.internals import LUNR
from bilingual.site.search import latvian
from bilingual.site.search.analysis import SNOWBALL, analyzer, english, terms
from bilingual.site.search.text import fold, tokens
from search_worker import analyse, needs_node

WORDS = [
    # Latvian: the cases of one noun, palatalised stems, diacritics typed or not
    "parole", "paroli", "paroles", "parolēm", "paroļu", "kļūda", "kļūdas", "kļūdu", "kluda",
    "autentifikācijas", "autentifikacijas", "lietotājiem", "lietotajiem", "zivju", "pīkšu",
    "ūdeņu", "brāļu", "vēstuļu", "ziņņu", "jaunajiem", "jaunajā", "iestatījumus",
    # German, French, Arabic, Japanese, Korean, English plurals
    "für", "fur", "Straße", "Strasse", "Einstellungen", "ÄNDERUNGEN", "Kontos", "créées",
    "المرور", "والمرور", "إعادة", "كلمة", "パスワード", "ﾊﾟｽﾜｰﾄﾞ", "Outlookのパスワード",
    "変更する", "비밀번호", "policies", "passwords", "mailboxes", "status", "\uff46\uff55\uff4c\uff4c",  # full-width "full"
    # error codes
    "401/403", "(0x80070005)", "AADSTS50011:", "5.7.750.", "0x8004de40", "kods „5.7.750”",
]  # fmt: skip


def python_terms(code: str, texts: list[str]) -> list[list[list[str]]]:
    key = analyzer(code).key
    return [[list(pair) for pair in terms(key, text)] for text in texts]


def differences(code: str, texts: list[str]) -> list[tuple[str, object, object]]:
    analysis = analyzer(code)
    ours = python_terms(code, texts)
    theirs = analyse(analysis.name, analysis.lunr, texts)["terms"]
    return [(text, a, b) for text, a, b in zip(texts, ours, theirs, strict=True) if a != b]


@needs_node
@pytest.mark.parametrize("code", ["lv", "en", "de", "fr", "ar", "ja", "ko"])
def test_worker_analyses_words_as_the_build_does(code: str) -> None:
    assert differences(code, WORDS) == []


TURKIC = ["İSTANBUL", "Istanbul", "\u0131stanbul", "istanbul", "ŞİFRE", "Şifre", "sifre", "IĞDIR"]


@needs_node
@pytest.mark.parametrize("code", ["tr", "az"])
def test_turkic_dotted_and_dotless_i_fold_alike_at_both_ends(code: str) -> None:
    """A Turkish or Azeri reader types İ, I, dotless i or i, in capitals or not, with or without ş:
    every form folds to the same key, in the build and in the worker."""
    assert len({fold(word) for word in TURKIC[:4]}) == 1
    assert len({fold(word) for word in TURKIC[4:7]}) == 1
    assert analyse("plain", None, TURKIC)["fold"] == [fold(word) for word in TURKIC]
    assert differences(code, TURKIC) == []


@needs_node
def test_worker_folds_and_stems_latvian_as_the_build_does() -> None:
    words = [fold(word) for word in WORDS] + [word.lower() for word in WORDS]
    out = analyse("latvian", None, words)
    assert out["fold"] == [fold(word) for word in words]
    assert out["latvian"] == [latvian.stem(word) for word in words]
    assert out["latvianFolded"] == [latvian.stem_folded(word) for word in words]


@pytest.mark.parametrize(
    ("words", "key"),
    [
        (["parole", "paroli", "paroles", "parolēm", "paroļu"], "parol"),
        (["kļūda", "kļūdas", "kļūdu", "kļūdām", "kluda", "kludas"], "klud"),
        (["autentifikācijas", "autentifikācija", "autentifikacijas"], "autentifikacij"),
        (["lietotājs", "lietotāja", "lietotājiem", "lietotājam"], "lietotaj"),
    ],
)
def test_latvian_forms_share_a_key(words: list[str], key: str) -> None:
    assert {analyzer("lv").key(word) for word in words} == {key}


@pytest.mark.parametrize(
    ("code", "words", "key"),
    [
        ("de", ["für", "fur", "FÜR"], "fur"),
        ("de", ["Einstellung", "Einstellungen", "einstellungen"], "einstell"),
        ("de", ["Straße", "Strasse"], "strass"),
        ("en", ["policy", "policies"], "policy"),
        ("en", ["password", "passwords"], "password"),
        ("ar", ["المرور", "مرور", "والمرور"], "مرور"),
        ("ar", ["إعادة", "اعاده"], "اعاد"),
    ],
)
def test_forms_share_a_key(code: str, words: list[str], key: str) -> None:
    assert {analyzer(code).key(word) for word in words} == {key}


@pytest.mark.parametrize(
    "text", ["401/403", "(0x80070005)", "AADSTS50011:", "5.7.750.", "0x8004de40"]
)
@pytest.mark.parametrize("code", ["lv", "en", "de", "ar", "ja"])
def test_error_codes_are_their_own_keys(code: str, text: str) -> None:
    codes = [word for word in re.split(r"[/():]|\.$", text.lower()) if word]
    assert [key for key, _ in terms(analyzer(code).key, text)] == codes


def test_scripts_without_spaces_are_indexed_as_icu_words_and_korean_in_pairs() -> None:
    found = list(terms(analyzer("ja").key, "Outlookのパスワードを変更"))
    assert [key for key, _ in found] == ["outlook", "の", "パスワード", "を", "変更"]
    # half-width kana read as full-width ones, voicing marks kept
    assert [key for key, _ in terms(analyzer("ja").key, "ﾊﾟｽﾜｰﾄﾞ")] == ["パスワード"]
    assert [key for key, _ in terms(analyzer("zh").key, "管理会议策略")] == ["管理", "会议", "策略"]
    assert [key for key, _ in terms(analyzer("th").key, "ทดสอบการค้นหา")] == [
        "ทดสอบ",
        "การ",
        "ค้นหา",
    ]
    # Korean is written with spaces, its particles joined on: 정책을 holds 정책
    assert [key for key, _ in terms(analyzer("ko").key, "정책을")] == ["정책", "책을"]


def test_english_minimal_stemmer_follows_lucene() -> None:
    cases = {"policies": "policy", "series": "sery", "status": "status", "glass": "glass"}
    cases |= {"boxes": "boxe", "toes": "toes", "cats": "cat", "is": "is", "aies": "aies"}
    assert {word: english(word) for word in cases} == cases


# On the corpus' words


@cache
def vocabulary(corpus: Path, tree: str, side: str) -> list[str]:
    """The distinct words of one side (``translation``/``english``) of a corpus tree."""
    from bilingual.pages.titles import heading_text as plain_text
    from bilingual.source.parse import decode, parse

    found: set[str] = set()
    for path in sorted((corpus / tree).rglob("*.md")):
        document = parse(decode(path.read_bytes(), path.name), path.name)
        for segment in document.segments:
            found.update(tokens(plain_text(getattr(segment, side)).replace("*", " ")))
    return sorted(found)


@pytest.mark.corpus
def test_latvian_stemmer_agrees_with_the_pypi_port_of_lucene(corpus: Path) -> None:
    import LatvianStemmer  # type: ignore[import-untyped]

    words = [word for word in vocabulary(corpus, "alchemy-lv-LV", "translation") if word.isalpha()]
    assert len(words) > 10_000
    assert [w for w in words if latvian.stem(w) != LatvianStemmer.stem(w)] == []


@needs_node
@pytest.mark.corpus
@pytest.mark.parametrize(
    ("code", "tree", "side"),
    [
        ("lv", "alchemy-lv-LV", "translation"),
        ("en", "alchemy-lv-LV", "english"),
        ("de", "alchemy-de-DE", "translation"),
        ("ja", "alchemy-ja-JP-sample", "translation"),
    ],
)
def test_worker_agrees_with_the_build_on_the_corpus_words(
    corpus: Path, code: str, tree: str, side: str
) -> None:
    words = vocabulary(corpus, tree, side)
    assert len(words) > 1_000
    assert differences(code, words) == []


@needs_node
@pytest.mark.corpus
@pytest.mark.parametrize("lunr", sorted(SNOWBALL))
def test_lunr_snowball_stemmers_agree_with_snowballstemmer(corpus: Path, lunr: str) -> None:
    """Each language lunr stems with Snowball, on the words of three languages (folded, as the
    index stems them): lunr's file and ``snowballstemmer`` 2.2.0 give the same stems."""
    assert (LUNR / f"lunr.{lunr}.min.js").is_file()
    words = vocabulary(corpus, "alchemy-de-DE", "translation")[::3]
    words += vocabulary(corpus, "alchemy-lv-LV", "translation")[::5]
    words += vocabulary(corpus, "alchemy-lv-LV", "english")[::5]
    assert differences(lunr, words) == []


@pytest.mark.corpus
def test_folded_latvian_stemmer_mostly_agrees_with_lucene(corpus: Path) -> None:
    """A query typed without diacritics is stemmed by ``stem_folded`` when the index has no
    spelling of it: on the corpus' words it agrees with Lucene's stem of the word as written,
    folded, but for a few (``lietotājiem``: the folded word ends like an adjective)."""
    words = [word for word in vocabulary(corpus, "alchemy-lv-LV", "translation") if word.isalpha()]
    differ = [w for w in words if latvian.stem_folded(fold(w)) != fold(latvian.stem(w))]
    assert len(differ) < len(words) / 50
