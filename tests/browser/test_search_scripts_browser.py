"""Search in scripts written without spaces, in real headless Chromium, on the shared samples:
a Chinese or Thai reader types two words of a title without a space between them (管理会议), or
a word in part, and finds the article. The worker splits the query with the browser's
``Intl.Segmenter`` (ICU), the index was split by ICU in Python: both cut the text alike."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from bilingual.site.search.shards import read_language
from bilingual.site.search.text import words
from conftest import build_source
from webserver import serve

pytestmark = [pytest.mark.browser, pytest.mark.site]

SAMPLES = {"zh": "alchemy-zh-CN-sample", "th": "alchemy-th-TH-sample"}


@pytest.fixture(scope="module")
def sites(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {
        code: build_source(corpus / sample, tmp_path_factory.mktemp(f"search-{code}"))
        for code, sample in SAMPLES.items()
    }


@pytest.fixture(scope="module")
def urls(sites: dict[str, Path]) -> Iterator[dict[str, str]]:
    with serve(sites["zh"]) as chinese, serve(sites["th"]) as thai:
        yield {"zh": chinese, "th": thai}


def telling_titles(site: Path, most: int) -> list[tuple[str, str, list[str]]]:
    """``(location, title, its words)`` of up to ``most`` pages whose title has two words of
    the script that are in no other title."""
    pages = [entry for entry in read_language(site / "search") if "#" not in entry["location"]]
    native = {
        entry["location"]: [word for word in words(entry["title"]) if not word.isascii()]
        for entry in pages
    }
    spread = Counter(word for found in native.values() for word in set(found))
    chosen = []
    for entry in pages:
        rare = [word for word in native[entry["location"]] if spread[word] == 1 and len(word) > 1]
        if len(rare) >= 2:
            chosen.append((entry["location"], entry["title"], rare[:2]))
    return chosen[:most]


def results(page: Page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.locator(".md-search-result__item > a").first.wait_for()
    page.wait_for_timeout(200)
    found: list[str] = page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    return found


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_two_words_typed_without_a_space_find_the_article(
    page: Page, sites: dict[str, Path], urls: dict[str, str], code: str
) -> None:
    chosen = telling_titles(sites[code], 3)
    assert chosen, "the sample has titles with two words of its own"
    page.goto(urls[code])
    for location, title, (first, second) in chosen:
        found = results(page, first + second)
        assert any(href.startswith(f"{urls[code]}{location}") for href in found[:5]), title


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_a_word_typed_in_part_finds_the_article(
    page: Page, sites: dict[str, Path], urls: dict[str, str], code: str
) -> None:
    location, title, (first, _) = next(
        item for item in telling_titles(sites[code], 20) if len(item[2][0]) >= 3
    )
    page.goto(urls[code])
    found = results(page, first[:-1])
    assert any(href.startswith(f"{urls[code]}{location}") for href in found[:5]), title
