"""Several trees, one per locale: one TMX whose units are keyed by their English, each holding
the English and a ``<tuv>`` for every language that translates it (a language's second
translation of the same English in a second unit); XLIFF, bilingual, a file per language."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from translate.storage.xliff import xlifffile

from conftest import FIXTURES
from translation_memory import XML_LANG, distinct_pairs, run_tm, tmx_root

SAMPLES = {"de-DE": "alchemy-de-DE-sample", "ja-JP": "alchemy-ja-JP-sample"}
TITLE = "Troubleshoot Flow authentication errors"
"""The seed article's title: an English both samples translate."""


def languages_of(tu: Any) -> dict[str, str]:
    """A ``<tu>``'s text by language, in the order of its ``<tuv>`` elements."""
    return {tuv.get(XML_LANG): tuv.find("seg").text for tuv in tu.iter("tuv")}


def test_the_hand_made_trees_share_units_by_english(tmp_path: Path) -> None:
    out = tmp_path / "both.tmx"
    trees = [FIXTURES / "tm" / "lv", FIXTURES / "tm" / "de"]
    done = run_tm("--source", *map(str, trees), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == f"tm: {out}: 6 units, en-US and lv-LV, de-DE"
    units = [languages_of(tu) for tu in tmx_root(out).find("body")]
    assert units[:3] == [
        {"en-US": "Hello", "lv-LV": "Sveiki", "de-DE": "Hallo"},
        {
            "en-US": "Select **Save**.",
            "lv-LV": "Noklikšķiniet uz **Saglabāt**.",
            "de-DE": "Wählen Sie **Speichern** aus.",
        },
        {"en-US": "Select **Save**.", "lv-LV": "Atlasiet **Saglabāt**."},
    ]
    assert units[-1] == {"en-US": "Only in German", "de-DE": "Nur auf Deutsch"}


@pytest.mark.corpus
def test_one_tmx_holds_every_language_of_a_shared_english(corpus: Path, tmp_path: Path) -> None:
    trees = {tag: corpus / name for tag, name in SAMPLES.items()}
    out = tmp_path / "samples.tmx"
    done = run_tm("--source", *map(str, trees.values()), "--out", str(out))
    assert done.returncode == 0, done.stderr
    body = tmx_root(out).find("body")
    units = [languages_of(tu) for tu in body]
    title = next(unit for unit in units if unit["en-US"] == TITLE)
    assert list(title) == ["en-US", "de-DE", "ja-JP"]
    pairs = {tag: distinct_pairs(tree) for tag, tree in trees.items()}
    tuvs = Counter(tag for unit in units for tag in unit)
    assert tuvs == {"en-US": len(units), **{tag: len(found) for tag, found in pairs.items()}}
    for tag, found in pairs.items():
        assert {(unit["en-US"], unit[tag]) for unit in units if tag in unit} == found
    ways = Counter((tag, english) for tag, found in pairs.items() for english, _ in found)
    english = {english for found in pairs.values() for english, _ in found}
    assert len(units) == sum(max(ways[tag, text] for tag in pairs) for text in english)
    for tag in trees:
        count = len(pairs[tag])
        assert any(
            line.startswith(f"tm: {tag}: {count} units written")
            for line in done.stdout.splitlines()
        )


@pytest.mark.corpus
def test_xliff_of_several_trees_is_a_file_per_language(corpus: Path, tmp_path: Path) -> None:
    trees = {tag: corpus / name for tag, name in SAMPLES.items()}
    out = tmp_path / "xliff"
    done = run_tm("--source", *map(str, trees.values()), "--format", "xliff", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in out.iterdir()) == ["de-DE.xlf", "ja-JP.xlf"]
    for tag, tree in trees.items():
        store = xlifffile.parsefile(str(out / f"{tag}.xlf"))
        assert store.gettargetlanguage() == tag
        assert {(unit.source, unit.target) for unit in store.units} == distinct_pairs(tree)
