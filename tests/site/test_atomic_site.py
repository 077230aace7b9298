"""Nothing half-built is published: real builds killed (SIGKILL) at several points, or failing
on a full disk, leave the previous site byte for byte; the next build clears what they left.

The site is the three locale trees (lv, de, ar) in one site, built with a worker process. A
first build publishes the site of the original trees; each faulted build then builds changed
trees, so that a fault that did not bite would show as a changed site. The faults are injected
into the child process by ``tests/faults/sitecustomize.py`` (see there), which marks the point
it reached before dying.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bilingual.site import publish
from conftest import LOCALE_TREES, PROJECT

pytestmark = pytest.mark.site

FAULTS = PROJECT / "tests" / "faults"
CHANGED = "Šis teikums ir jauns."


def tree_hashes(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def site_command(sources: Path) -> list[str]:
    trees = [str(sources / tree.name) for tree in LOCALE_TREES]
    command = [sys.executable, "-m", "bilingual", "site", "--jobs", "2", "--whole"]
    return [*command, "--source", *trees]  # --whole: the staged build, not a warm one


def build(sources: Path, work: Path, fault: str = "") -> subprocess.CompletedProcess[str]:
    """``bilingual site`` of ``sources`` into ``work/site``, in a child process of its own
    process group, with ``fault`` injected."""
    env = dict(os.environ, CI="1", BILINGUAL_FAULT=fault)
    env["PYTHONPATH"] = os.pathsep.join([str(FAULTS), str(PROJECT / "scripts")])
    env["BILINGUAL_FAULT_MARK"] = str(work / "fault-reached")
    (work / "fault-reached").unlink(missing_ok=True)
    command = site_command(sources)
    command += ["--docs", str(work / "docs"), "--site", str(work / "site")]
    return subprocess.run(
        command,
        env=env,
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=300,
        start_new_session=True,
        check=False,
    )


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A work folder with the site of the original trees built, and that site's hashes."""
    work = tmp_path_factory.mktemp("atomic")
    sources = work / "sources"
    for tree in LOCALE_TREES:
        shutil.copytree(tree, sources / tree.name)
    done = build(sources, work)
    assert done.returncode == 0, done.stderr
    page = sources / "lv" / "sign-in.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{CHANGED}\n", encoding="utf-8")
    return work, tree_hashes(work / "site")


def leftovers(work: Path) -> list[str]:
    return sorted(
        path.name
        for path in work.iterdir()
        if path.name.startswith(".site") and path.name != ".site.record"  # the build's record
    )


@pytest.mark.parametrize(
    "fault", ["worker-page:2", "merge:3", "swap-before"], ids=["worker", "merge", "swap"]
)
def test_a_build_killed_leaves_the_previous_site(
    published: tuple[Path, dict[str, str]], fault: str
) -> None:
    work, before = published
    killed = build(work / "sources", work, fault)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert (work / "fault-reached").read_text(encoding="utf-8") == fault.split(":")[0]
    assert tree_hashes(work / "site") == before
    assert leftovers(work), "the killed build left its staging folder"


def test_a_build_killed_just_after_the_swap_has_published_the_whole_new_site(
    published: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    work, before = published
    killed = build(work / "sources", work, "swap-after")
    assert killed.returncode == -signal.SIGKILL
    after = tree_hashes(work / "site")
    assert after != before
    assert CHANGED in (work / "site" / "sign-in" / "index.html").read_text(encoding="utf-8")
    whole = build(work / "sources", work)  # the same trees again: the same site
    assert whole.returncode == 0, whole.stderr
    assert tree_hashes(work / "site") == after
    restore = build_original(work)
    assert tree_hashes(work / "site") == before, restore


def build_original(work: Path) -> str:
    """Rebuild the original trees' site (the next test's starting point); its stderr."""
    page = work / "sources" / "lv" / "sign-in.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(f"\n{CHANGED}\n", ""), encoding="utf-8")
    done = build(work / "sources", work)
    page.write_text(text, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_a_full_disk_is_one_line_and_leaves_the_previous_site(
    published: tuple[Path, dict[str, str]],
) -> None:
    work, before = published
    failed = build(work / "sources", work, "disk-full:5")
    assert failed.returncode == 1
    assert (work / "fault-reached").read_text(encoding="utf-8") == "disk-full"
    assert failed.stderr.strip().splitlines()[-1].startswith("error: [Errno 28]")
    assert "Traceback" not in failed.stderr
    assert tree_hashes(work / "site") == before
    assert not [name for name in leftovers(work) if ".staging-" in name]


def test_the_next_build_clears_what_killed_builds_left(
    published: tuple[Path, dict[str, str]],
) -> None:
    work, before = published
    killed = build(work / "sources", work, "worker-page:1")
    assert killed.returncode == -signal.SIGKILL
    assert leftovers(work)
    done = build(work / "sources", work)
    assert done.returncode == 0, done.stderr
    assert leftovers(work) == []
    assert CHANGED in (work / "site" / "sign-in" / "index.html").read_text(encoding="utf-8")
    build_original(work)
    assert tree_hashes(work / "site") == before


def test_where_the_swap_is_two_renames_a_kill_between_them_is_undone(
    published: tuple[Path, dict[str, str]],
) -> None:
    """Without ``renameat2``, a build killed between the swap's two renames leaves no site for
    a moment; the next build puts the previous one back before it starts."""
    work, before = published
    killed = build(work / "sources", work, "two-renames")
    assert killed.returncode == -signal.SIGKILL
    assert not (work / "site").exists()
    publish.recover(work / "site")
    assert tree_hashes(work / "site") == before
    assert leftovers(work) == []


def test_staged_swaps_a_site_in_only_when_the_build_returns(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old", encoding="utf-8")

    def failing_build() -> None:
        with publish.staged(site) as staging:
            (staging / "new.html").write_text("new", encoding="utf-8")
            raise RuntimeError("the build failed")

    with pytest.raises(RuntimeError):
        failing_build()
    assert [path.name for path in site.iterdir()] == ["old.html"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
    for atomic in (True, False):
        with publish.staged(site, atomic=atomic) as staging:
            (staging / f"new-{atomic}.html").write_text("new", encoding="utf-8")
        assert [path.name for path in site.iterdir()] == [f"new-{atomic}.html"]
        assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_a_part_that_fails_leaves_the_previous_part(tmp_path: Path) -> None:
    """``site-part`` builds beside the part as ``site`` builds beside the site: a full disk
    during the build of one language leaves its previous part byte for byte."""
    sources = tmp_path / "sources"
    for tree in LOCALE_TREES:
        shutil.copytree(tree, sources / tree.name)
    trees = [str(sources / tree.name) for tree in LOCALE_TREES]

    def part(fault: str) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, CI="1", BILINGUAL_FAULT=fault)
        env["PYTHONPATH"] = os.pathsep.join([str(FAULTS), str(PROJECT / "scripts")])
        env["BILINGUAL_FAULT_MARK"] = str(tmp_path / "fault-reached")
        command = [sys.executable, "-m", "bilingual", "site-part", "--source", *trees]
        command += ["--docs", str(tmp_path / "docs"), "--parts", str(tmp_path / "parts")]
        command += ["--language", "de"]
        return subprocess.run(
            command, env=env, cwd=PROJECT, capture_output=True, text=True, timeout=300, check=False
        )

    done = part("")
    assert done.returncode == 0, done.stderr
    before = tree_hashes(tmp_path / "parts" / "de")
    page = sources / "de" / "sign-in.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nDieser Satz ist neu.\n", "utf-8")
    failed = part("disk-full:5")
    assert failed.returncode == 1
    assert (tmp_path / "fault-reached").read_text(encoding="utf-8") == "disk-full"
    assert tree_hashes(tmp_path / "parts" / "de") == before
    assert sorted(path.name for path in (tmp_path / "parts").iterdir()) == ["de", "de.json"]
