"""The split in worker processes (``split_tree(..., jobs=2)``) writes what one process writes.

Byte for byte: every page, manifest and link audit; and the same ``Split`` report, malformed
sources (one that fails to parse, one whose include is missing: an error of the writing step)
reported identically, in the same order. The generated tree has more than ``PARALLEL_FROM``
articles, so the workers really run; both ways of starting them (fork, spawn) are checked.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from bilingual.model import Language
from bilingual.source.folder import read_documents
from bilingual.source.media import media_files
from bilingual.split import articles, workers
from bilingual.split.articles import PARALLEL_FROM
from bilingual.split.full import split_tree
from bilingual.split.report import Split
from bilingual.split.writer import Writer, write_article
from bilingual_text import pair

ARTICLES = PARALLEL_FROM + 50


def article(number: int) -> str:
    """A small valid bilingual article: heading, steps with a nested note, links that the writer
    rewrites (to another article, to Learn), an include, an image, a uid and cross references
    (to the next article by its uid; from every 50th, to a uid no article defines)."""
    ident = f"a{number:03x}"
    other = f"article-{(number + 1) % ARTICLES:03d}"
    return (
        "---\n"
        f"title: Raksts {number}\n"
        "ms.contentlocale: lv-LV\n"
        f"ms.date: 0{number % 9 + 1}/21/2020\n"
        f"uid: article.{number}\n"
        "---\n"
        f"# <a name='top'></a>{pair(f'{ident}-101', f'Raksts {number}', f'Article {number}')}\n\n"
        f"{pair(f'{ident}-102', 'Dariet tā:', 'Do this:')}\n"
        f"1. {pair(f'{ident}-103', 'Atveriet [citu](/AlchemyInsights/' + other + ').', 'Open [another](/AlchemyInsights/' + other + ').')}\n\n"
        "   > [!NOTE]\n"
        f"   > {pair(f'{ident}-104', 'Skatiet [Learn](/microsoft-365/admin).', 'See [Learn](/microsoft-365/admin).')}\n\n"
        f"2. {pair(f'{ident}-105', 'Gatavs.', 'Done.')}\n\n"
        "[!INCLUDE[shared](includes/shared.md)]\n\n"
        "![shot](media/Shot.png)\n\n"
        f"{pair(f'{ident}-106', 'Tālāk: <xref:article.' + str((number + 1) % ARTICLES) + '>.', 'Next: @article.' + str((number + 1) % ARTICLES) + '.')}\n"
        + (f"\n<xref:gone.{number % 3}>\n" if number % 50 == 0 else "")
    )


def bilingual_tree(source: Path) -> Path:
    """``ARTICLES`` articles, an include, a media file, an ``index.md``, and two malformed
    sources: one with a pair that cannot be read, one whose include is missing."""
    (source / "includes").mkdir(parents=True)
    (source / "media").mkdir()
    (source / "media" / "shot.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (source / "includes" / "shared.md").write_text(
        pair("inc-101", "Kopīgs teksts.", "Shared text.") + "\n", encoding="utf-8"
    )
    (source / "includes" / "unused.md").write_text("Nothing.\n", encoding="utf-8")
    for number in range(ARTICLES):
        (source / f"article-{number:03d}.md").write_text(article(number), encoding="utf-8")
    (source / "index.md").write_text(
        f"---\ntitle: Sākums\nms.contentlocale: lv-LV\n---\n# {pair('ix-101', 'Sākums', 'Home')}\n",
        encoding="utf-8",
    )
    (source / "article-050-broken.md").write_text(
        "---\ntitle: T\n---\n" + f'<span data-ttu-id="b-101">x</span>{pair("b-102", "y", "z")}\n',
        encoding="utf-8",
    )
    (source / "article-150-missing-include.md").write_text(
        article(150)
        .replace("includes/shared.md", "includes/missing.md")
        .replace("uid: article.150", "uid: article.150-copy"),
        encoding="utf-8",
    )
    return source


def files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def report(split: Split) -> dict[str, Any]:
    def errors(found: list[Any]) -> list[tuple[str, str]]:
        return [(type(error).__name__, str(error)) for error in found]

    return {
        "languages": [language.code for language in split.languages],
        "articles": split.articles,
        "segments": split.segments,
        "problems": errors(split.problems),
        "warnings": errors(split.warnings),
        "rewrites": split.rewrites,
        "unused_includes": split.unused_includes,
        "missing_xrefs": {uid: (n, str(first)) for uid, (n, first) in split.missing_xrefs.items()},
    }


@contextlib.contextmanager
def counting_pools(started: list[int]) -> Iterator[None]:
    """Record the size of every worker pool the split starts."""
    original: Callable[..., Any] = workers.pool

    @contextlib.contextmanager
    def pool(size: int, *args: Any) -> Iterator[ProcessPoolExecutor]:
        started.append(size)
        with original(size, *args) as executor:
            yield executor

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(workers, "pool", pool)
        yield


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Split]:
    """The generated tree and its split in one process."""
    root = tmp_path_factory.mktemp("jobs")
    source = bilingual_tree(root / "source")
    return source, root / "one", split_tree(source, root / "one", jobs=1)


def test_the_generated_tree_has_both_kinds_of_malformed_source(
    generated: tuple[Path, Path, Split],
) -> None:
    _, _, one = generated
    assert len(one.articles) == ARTICLES + 3  # the articles, index.md and the malformed two
    assert one.problems == []
    warnings = [str(warning) for warning in one.warnings]
    assert sorted({warning.split(":", 1)[0] for warning in warnings}) == [
        "article-050-broken.md",  # reading: a pair it cannot read, shown as text
        "article-150-missing-include.md",  # writing: its include does not exist
    ], warnings
    assert one.rewrites
    assert one.unused_includes == ["includes/unused.md"]
    assert {uid: (n, first.path) for uid, (n, first) in one.missing_xrefs.items()} == {
        "gone.0": (3, "article-000.md"),  # and article-150, and its copy with a missing include
        "gone.1": (1, "article-100.md"),
        "gone.2": (2, "article-050.md"),  # and article-200
    }


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_two_jobs_write_what_one_job_writes(
    generated: tuple[Path, Path, Split],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    method: str,
) -> None:
    source, one_docs, one = generated
    monkeypatch.setattr(workers, "context", lambda: multiprocessing.get_context(method))
    started: list[int] = []
    with counting_pools(started):
        two = split_tree(source, tmp_path / "two", jobs=2)
    assert started == [2]
    assert report(two) == report(one)
    one_files, two_files = files(one_docs), files(tmp_path / "two")
    assert sorted(two_files) == sorted(one_files)
    differ = [path for path in one_files if one_files[path] != two_files[path]]
    assert not differ


def test_few_articles_stay_in_this_process(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for number in range(3):
        text = article(number).replace("[!INCLUDE[shared](includes/shared.md)]\n\n", "")
        (source / f"article-{number:03d}.md").write_text(text, encoding="utf-8")
    started: list[int] = []
    with counting_pools(started):
        split = split_tree(source, tmp_path / "docs", jobs=2)
    assert started == []
    assert len(split.articles) == 3


@pytest.mark.corpus
def test_the_real_tree_in_two_jobs_is_the_real_tree_in_one(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The German sample (150 articles, the parallel threshold lowered to reach it); the whole
    trees are split in two jobs by ``make bench-split``, which compares nothing."""
    monkeypatch.setattr(articles, "PARALLEL_FROM", 10)
    source = corpus / "alchemy-de-DE-sample"
    one = split_tree(source, tmp_path / "one", jobs=1)
    two = split_tree(source, tmp_path / "two", jobs=2)
    assert report(two) == report(one)
    assert files(tmp_path / "two") == files(tmp_path / "one")


def test_write_article_is_the_unit_of_work(tmp_path: Path) -> None:
    """One article's pages, written by itself, are those of the whole split."""
    source = bilingual_tree(tmp_path / "source")
    split = split_tree(source, tmp_path / "docs", jobs=1)
    documents = read_documents(source, [])
    media = [path.relative_to(source).as_posix() for path in media_files(source, [])]
    writer = Writer.of(source, documents, media)
    document = next(doc for doc in documents if doc.path == "article-007.md")
    sides = ((split.translation, Language.TRANSLATION), (split.english, Language.ENGLISH))
    written = write_article(document, sides, tmp_path / "staging", writer)
    assert written.problem is None
    for page in written.pages:
        target = Path(page.code) / "article-007.md"
        assert (tmp_path / "staging" / target).read_bytes() == (
            tmp_path / "docs" / target
        ).read_bytes()
        assert list(page.links) == split.rewrites[f"{page.code}/article-007.md"]


def test_the_split_command_passes_its_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bilingual import cli
    from conftest import SEED_SOURCE

    asked: list[int | None] = []

    def recording(
        sources: list[Path], docs: Path, *, default: str | None = None, jobs: int | None = None
    ) -> Split:
        asked.append(jobs)
        return split_tree(sources[0], docs, jobs=jobs)

    monkeypatch.setattr(cli, "split_docsets", recording)
    docs = str(tmp_path / "docs")
    assert cli.main(["split", "--source", str(SEED_SOURCE), "--docs", docs, "--jobs", "2"]) == 0
    assert cli.main(["split", "--source", str(SEED_SOURCE), "--docs", docs]) == 0
    assert asked == [2, None]
