"""Search per language: error codes are single tokens, one index per language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bilingual.site.search.shards import read_language
from bilingual.site.search_index import SEPARATOR, with_search_base, with_search_worker
from conftest import SEED_ARTICLE


def tokens(text: str) -> list[str]:
    """The words lunr gets from ``text`` with the site's separator (Python and JS agree here)."""
    return [token.lower() for token in re.split(SEPARATOR, text) if token]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("an error code of 401 or 403 appears.", ["401", "403"]),
        ("The server answers 401/403 when", ["401", "403"]),
        ("Windows shows the error (0x80070005).", ["0x80070005"]),
        ("error AADSTS50011: the reply URL", ["aadsts50011"]),
        ("carries the code 5.7.750.", ["5.7.750"]),
        ("kods „5.7.750” un «0x8004de40»", ["5.7.750", "0x8004de40"]),
    ],
)
def test_error_codes_are_single_tokens(text: str, codes: list[str]) -> None:
    words = tokens(text)
    for code in codes:
        assert code in words


def test_sentence_dots_still_split() -> None:
    assert tokens("Atveriet iestatījumus. Pēc tam") == ["atveriet", "iestatījumus", "pēc", "tam"]


@pytest.mark.parametrize(
    ("base", "rebased"), [("../..", "../../en/"), (".", "./en/"), ("/", "/en/")]
)
def test_search_base_points_at_the_language_root(base: str, rebased: str) -> None:
    page = f'<script id="__config" type="application/json">{{"base": "{base}", "x": "<"}}</script>'
    out = with_search_base(page, "en")
    config = json.loads(out.split(">", 1)[1].rsplit("<", 1)[0])
    assert config["base"] == rebased
    assert "<" not in out.split(">", 1)[1].rsplit("</script>", 1)[0]


def test_search_runs_in_the_sites_worker_with_materials_as_fallback() -> None:
    material = "../assets/javascripts/workers/search.a7633da7.min.js"
    page = f'<script id="__config" type="application/json">{{"search": "{material}"}}</script>'
    config = json.loads(with_search_worker(page).split(">", 1)[1].rsplit("<", 1)[0])
    assert config["search"] == (
        "../assets/javascripts/workers/help-search.js?material=search.a7633da7.min.js"
    )


@pytest.mark.site
@pytest.mark.parametrize(("index", "language_root"), [("search", ""), ("en/search", "en/")])
def test_built_indexes_hold_one_language_each(
    seed_site: Path, index: str, language_root: str
) -> None:
    small = json.loads((seed_site / index / "search_index.json").read_text(encoding="utf-8"))
    assert small["docs"] == []  # what Material's page fetches: the chunk table, no pages
    assert (seed_site / index / "search_index.json").stat().st_size < 2048
    docs = read_language(seed_site / index)
    locations = [doc["location"] for doc in docs]
    assert f"{SEED_ARTICLE}/" in locations
    assert not any(location.startswith("en/") for location in locations)
    for location in locations:
        assert (seed_site / language_root / location.split("#")[0] / "index.html").exists()
    text = " ".join(doc["text"] for doc in docs)
    assert "Lasīt angļu valodā" not in text  # notices and the toggle are not searched
    assert "sxs-toggle" not in text
    titles = " ".join(doc["title"] for doc in docs)
    expected = "Troubleshoot" if language_root else "Plūsmas"
    assert expected in titles
    assert ("Plūsmas" in titles) is (not language_root)


@pytest.mark.corpus
@pytest.mark.parametrize("code", ["0x8004de40", "AADSTS50011", "5.7.750", "0x80070005"])
def test_corpus_error_codes_are_tokens_in_both_languages(corpus: Path, code: str) -> None:
    from bilingual.pages.titles import heading_text as plain_text
    from bilingual.source.parse import decode, parse

    source = corpus / "alchemy-lv-LV"
    found = {"translation": 0, "english": 0}
    for path in sorted(source.rglob("*.md")):
        raw = path.read_bytes()
        if code.lower().encode() not in raw.lower():
            continue
        document = parse(decode(raw, path.name), path.name)
        for segment in document.segments:
            for side, text in (("translation", segment.translation), ("english", segment.english)):
                if code.lower() in text.lower():
                    assert code.lower() in tokens(plain_text(text)), (path.name, text)
                    found[side] += 1
    assert found["translation"] > 0
    assert found["english"] > 0
