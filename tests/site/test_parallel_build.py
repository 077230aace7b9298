"""The languages built in parallel (``mkdocs_site.build`` with jobs) make the same site as one
process, file for file and byte for byte; a worker's failure or death is reported."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from bilingual.site.build import build
from bilingual.split.full import split_tree
from conftest import FIXTURES, PROJECT, SEED_SOURCE, SITES

pytestmark = pytest.mark.site


def files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def assert_same_site(one: Path, parallel: Path) -> None:
    expected, got = files(one), files(parallel)
    assert sorted(got) == sorted(expected)
    differing = [name for name in expected if expected[name] != got[name]]
    assert not differing, differing[:10]


def split(source: Path, root: Path, only_translated: bool = False) -> Path:
    docs = root / "docs"
    done = split_tree(source, docs)
    if only_translated:  # a page without English: the English site falls back to it
        (docs / done.translation.code / "tikai-latviski.md").write_text(
            "# Tikai latviski\n\nŠis raksts ir tikai latviešu valodā.\n", encoding="utf-8"
        )
    return docs


@pytest.mark.parametrize(
    ("source", "only_translated"),
    [
        (SEED_SOURCE, True),
        (FIXTURES / "site-tree", False),
        (SITES / "rtl", False),
        (FIXTURES / "navsite" / "docset", False),
    ],
    ids=["seed-with-fallback", "site-tree", "rtl", "navigation-and-redirects"],
)
def test_parallel_build_is_the_one_process_build(
    source: Path, only_translated: bool, tmp_path: Path
) -> None:
    from bilingual.locales import site_language
    from bilingual.split.snapshot import load

    docs = split(source, tmp_path, only_translated)
    snapshot = load(docs)
    assert snapshot is not None
    translation = site_language(snapshot.translation)
    build(translation, docs, tmp_path / "one", jobs=1)
    build(translation, docs, tmp_path / "parallel", jobs=2)
    assert_same_site(tmp_path / "one", tmp_path / "parallel")
    # the English pages came from the worker, and nothing of its own folder is left behind
    assert (tmp_path / "parallel" / "en" / "index.html").is_file()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["docs", "one", "parallel"]
    sitemap = (tmp_path / "parallel" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>http://127.0.0.1:8000/en/" in sitemap
    assert f"<loc>http://127.0.0.1:8000/{translation.code}/" not in sitemap


def test_a_threaded_caller_spawns_its_workers_and_gets_the_same_site(tmp_path: Path) -> None:
    docs = split(SEED_SOURCE, tmp_path)
    from bilingual.locales import site_language

    build(site_language("lv"), docs, tmp_path / "one", jobs=1)
    stop = threading.Event()
    running = threading.Thread(target=stop.wait)  # as under `make serve`: not safe to fork
    running.start()
    try:
        build(site_language("lv"), docs, tmp_path / "spawned", jobs=2)
    finally:
        stop.set()
        running.join()
    assert_same_site(tmp_path / "one", tmp_path / "spawned")


def test_a_strict_failure_in_a_workers_language_is_raised_as_in_one_process(
    tmp_path: Path,
) -> None:
    from mkdocs.exceptions import Abort

    from bilingual.locales import site_language

    docs = split(SEED_SOURCE, tmp_path)
    page = next((docs / "en").glob("troubleshoot-*.md"))
    page.write_text(
        page.read_text(encoding="utf-8") + '\n<p><a href="missing.md">gone</a></p>\n', "utf-8"
    )
    messages = []
    for jobs in (1, 2):
        with pytest.raises(Abort) as raised:
            build(site_language("lv"), docs, tmp_path / f"site{jobs}", strict=True, jobs=jobs)
        messages.append(str(raised.value))
    assert messages[0] == messages[1]
    assert "strict mode" in messages[1]


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found.extend(int(child) for child in (task / "children").read_text().split())
    except OSError:  # the process or one of its threads has just ended
        pass
    return found


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_a_killed_worker_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(PROJECT / "scripts"), CI="1")
    command = [sys.executable, "-m", "bilingual", "site", "--jobs", "2"]
    options = ["--source", str(SEED_SOURCE), "--docs", str(tmp_path / "docs")]
    run = subprocess.Popen(
        [*command, *options, "--site", str(tmp_path / "site")],
        env=env,
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    killed = False
    deadline = time.monotonic() + 60
    while not killed and run.poll() is None and time.monotonic() < deadline:
        for child in _children(run.pid) if run.poll() is None else []:
            try:  # a forked worker runs the same command line as its parent
                own = Path(f"/proc/{run.pid}/cmdline").read_bytes()
                same = Path(f"/proc/{child}/cmdline").read_bytes() == own
            except OSError:
                continue
            if same:
                os.kill(child, signal.SIGKILL)
                killed = True
        time.sleep(0.02)
    out, err = run.communicate(timeout=120)
    assert killed, "no worker process seen"
    assert run.returncode == 1, out + err
    assert (
        err.strip().splitlines()[-1].startswith("error: a worker process ended without an answer")
    )
    assert "Traceback" not in err


def test_worker_folders_of_dead_runs_are_removed_live_ones_kept(tmp_path: Path) -> None:
    from bilingual.locales import site_language

    docs = split(SEED_SOURCE, tmp_path)
    dead = tmp_path / ".site.languages-4194305"  # above Linux's highest pid: no such process
    live = tmp_path / f".site.languages-{os.getppid()}"  # pytest's parent: running
    for folder in (dead, live):
        (folder / "en").mkdir(parents=True)
    build(site_language("lv"), docs, tmp_path / "site", jobs=2)
    assert not dead.exists()
    assert live.is_dir()
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(["docs", "site", live.name])
