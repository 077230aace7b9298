"""``make serve``'s session for real: a source tree watched, the site served on loopback, edits
saved as an author saves them, and what the server serves compared, file by file, with what
``make site`` builds from the same sources."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilingual import ui_text
from bilingual.live.server import RELOAD_TAG, parse_address
from bilingual.site.build import build
from bilingual.split.full import split_trees
from conftest import FIXTURES, LOCALE_TREES, PROJECT
from live_preview import Served, serving, serving_trees

pytestmark = pytest.mark.site

ARTICLE = "set-up-mail.md"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    with serving(tmp_path) as session:
        yield session


def served_files(served: Served, site: Path) -> list[str]:
    """The files of the clean build ``site`` whose served bytes differ (the reload tag removed
    from each HTML page, where it must be once), and the files only one of the two has."""
    differ = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        status, body = served.get(relative)
        if path.suffix == ".html" and status == 200:
            assert body.count(RELOAD_TAG.encode()) == 1, relative
            body = body.replace(RELOAD_TAG.encode(), b"")
        if status != 200 or body != path.read_bytes():
            differ.append(relative)
    kept = served.session.site
    built = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    held = {p.relative_to(kept).as_posix() for p in kept.rglob("*") if p.is_file()}
    return differ + [f"only served: {p}" for p in sorted(held - built)]


def clean_build(source: Path | list[Path], root: Path) -> Path:
    split = split_trees(source if isinstance(source, list) else [source], root / "docs")
    build(split.translation, root / "docs", root / "site")
    return root / "site"


def test_a_sequence_of_edits_serves_what_make_site_builds(served: Served, tmp_path: Path) -> None:
    status, page = served.get("set-up-mail/")
    assert status == 200
    assert "Atveriet iestatījumus." in page.decode()

    # the translation, then the English, of one sentence: both languages' pages follow
    served.edit(ARTICLE, "Atveriet iestatījumus.", "Atveriet iestatījumus tūlīt.")
    assert "Atveriet iestatījumus tūlīt." in served.get("set-up-mail/")[1].decode()
    served.edit(ARTICLE, "Open the settings.", "Open Settings now.")
    assert "Open Settings now." in served.get("en/set-up-mail/")[1].decode()
    assert any("2 pages rendered" in line for line in served.log), served.log

    # a title: the home page and the other pages' trees follow
    served.edit("share-calendar.md", "title: Kalendāra koplietošana", "title: Kalendārs kopā")
    # an include, named by an article, then edited: the article shows the new text
    served.edit(ARTICLE, "# <span", "[!INCLUDE [note](includes/shared-note.md)]\n\n# <span")
    served.edit("includes/shared-note.md", "Šī piezīme", "Šī jaunā piezīme")
    assert "Šī jaunā piezīme" in served.get("set-up-mail/")[1].decode()
    # the TOC, a new image, an article added and one deleted
    served.edit("TOC.yml", "name: Rokasgrāmatas", "name: Ceļveži")
    before = int(str(served.status()["generation"]))
    shutil.copyfile(served.source / "media" / "settings.png", served.source / "media" / "new.png")
    served.settle(before)
    assert served.get("media/new.png")[0] == 200
    added = (served.source / "guides" / "new-users.md").read_text(encoding="utf-8")
    served.save("guides/added.md", added.replace("Jaunie lietotāji", "Pievienotais raksts"))
    assert served.get("guides/added/")[0] == 200
    last = [line for line in served.log if " pages rendered" in line][-1]
    rendered = last.split(" pages rendered")[0]
    assert rendered.isdigit(), last
    assert int(rendered) < 8, last  # not every page again
    before = int(str(served.status()["generation"]))
    (served.source / "record-a-call.md").unlink()
    served.settle(before)
    assert served.get("record-a-call/")[0] == 404

    # an older date: the page and the sitemap's entry follow
    served.edit("share-calendar.md", "ms.date: 01/02/2021", "ms.date: 12/24/2020")
    whole = [line for line in served.log if "built again whole" in line]
    assert whole == [], whole  # every one of these edits takes the fast path
    # a newer date than any: every undated page's date, so the site is built again whole
    served.edit("error-5-7-750.md", "ms.date: 01/02/2021", "ms.date: 03/04/2022")
    assert any("newest page's date" in line for line in served.log[-2:]), served.log
    clean = clean_build(served.source, tmp_path / "clean")
    differ = served_files(served, clean)
    assert differ == [], differ


def test_a_half_written_save_keeps_the_page_and_the_completed_save_mends_it(
    served: Served,
) -> None:
    path = served.source / ARTICLE
    good = path.read_bytes().replace(b"Atveriet", b"Aizveriet")
    cut = good.index("ī".encode()) + 1
    before = int(str(served.status()["generation"]))
    path.write_bytes(good[:cut])  # a save cut inside a two-byte character
    status = served.settle(before)
    problems = [str(problem) for problem in status["problems"]]  # type: ignore[attr-defined]
    assert any(p.startswith(f"{ARTICLE}:") and "invalid UTF-8" in p for p in problems), problems
    assert any("invalid UTF-8" in line for line in served.log)
    code, page = served.get("set-up-mail/")
    assert code == 200
    assert "Atveriet iestatījumus." in page.decode()  # the last good page, whole
    # a banner says so, in each page's language, with the log's line
    assert ui_text.text("lv", "live.problem") in page.decode()
    assert f'<code lang="en">{ARTICLE}:' in page.decode()
    english = served.get("en/set-up-mail/")[1].decode()
    assert ui_text.text("en", "live.problem") in english
    assert ui_text.text("lv", "live.problem") not in served.get("share-calendar/")[1].decode()
    before = int(str(served.status()["generation"]))
    path.write_bytes(good)
    status = served.settle(before)
    assert status["problems"] == []
    mended = served.get("set-up-mail/")[1].decode()
    assert "Aizveriet iestatījumus." in mended
    assert ui_text.text("lv", "live.problem") not in mended


def test_a_save_the_parser_reads_around_is_reported_and_shown(served: Served) -> None:
    text = (served.source / ARTICLE).read_text(encoding="utf-8")
    status = served.save(ARTICLE, text.replace("title: Pasta", "title: [Pasta", 1))
    problems = [str(problem) for problem in status["problems"]]  # type: ignore[attr-defined]
    assert any(p.startswith(f"{ARTICLE}:") and "front matter" in p for p in problems), problems
    assert served.get("set-up-mail/")[0] == 200


def test_a_burst_of_saves_settles_on_the_last(served: Served) -> None:
    before = int(str(served.status()["generation"]))
    path = served.source / ARTICLE
    text = path.read_text(encoding="utf-8")
    for number in range(20):  # format-on-save, a checkout: many writes in a row
        path.write_text(text.replace("Open the settings.", f"Open the settings {number}."), "utf-8")
    served.settle(before)
    assert "Open the settings 19." in served.get("en/set-up-mail/")[1].decode()
    assert int(str(served.status()["generation"])) - before < 20


def test_the_server_answers_what_the_site_does_not_have_with_its_404_page(served: Served) -> None:
    code, body = served.get("no/such/page/")
    assert code == 404
    assert body.replace(RELOAD_TAG.encode(), b"") == (served.session.site / "404.html").read_bytes()
    assert served.get("../../etc/passwd")[0] == 404
    code, script = served.get(".live/reload.js")
    assert code == 200
    assert b"EventSource" in script


def test_the_server_binds_loopback_unless_told_otherwise() -> None:
    assert parse_address("127.0.0.1:8000") == ("127.0.0.1", 8000)
    assert parse_address(":8000") == ("127.0.0.1", 8000)
    assert parse_address("[::1]:8001") == ("::1", 8001)
    assert parse_address("0.0.0.0:80") == ("0.0.0.0", 80)  # told otherwise


def test_a_site_of_three_trees_serves_what_make_site_builds(tmp_path: Path) -> None:
    with serving_trees(tmp_path, LOCALE_TREES) as served:
        sources = [tmp_path / "sources" / tree.name for tree in LOCALE_TREES]
        served.source = sources[1]  # de
        served.edit("sign-in.md", "Geben Sie", "Bitte geben Sie")
        assert "Bitte geben Sie" in served.get("de/sign-in/")[1].decode()
        served.source = sources[0]  # lv: the English of sign-in is its
        served.edit("sign-in.md", "and your password.", "and your passkey.")
        assert "and your passkey." in served.get("en/sign-in/")[1].decode()
        served.source = sources[2]  # ar-SA: a title, on the home page and in the tree
        served.edit("reset-password.md", "title: إعادة تعيين", "title: استعادة")
        assert "استعادة" in served.get("ar-SA/")[1].decode()
        # an article added to de, one removed from ar-SA
        added = (sources[1] / "sign-in.md").read_text(encoding="utf-8")
        served.source = sources[1]
        served.save("sign-in-again.md", added.replace("title: Anmelden", "title: Neu anmelden"))
        assert served.get("de/sign-in-again/")[0] == 200
        before = int(str(served.status()["generation"]))
        (sources[2] / "reset-password.md").unlink()
        served.settle(before)
        whole = [line for line in served.log if "built again whole" in line]
        assert whole == [], whole
        rendered = [line for line in served.log if "pages rendered" in line]
        assert rendered[0].startswith("1 pages rendered (/de/sign-in/)"), rendered
        differ = served_files(served, clean_build(sources, tmp_path / "clean"))
        assert differ == [], differ


def children_of(parent: int) -> list[int]:
    """The processes whose parent is ``parent`` (``/proc/<pid>/stat``'s fourth field)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == parent:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL], ids=["term", "kill"])
def test_no_language_process_outlives_the_server(tmp_path: Path, stop: signal.Signals) -> None:
    shutil.copytree(FIXTURES / "tree", tmp_path / "source")
    command = [sys.executable, "-m", "bilingual", "serve", "--source", str(tmp_path / "source")]
    command += ["--docs", str(tmp_path / "docs"), "--site", str(tmp_path / "site")]
    command += ["--address", "127.0.0.1:0"]
    env = dict(os.environ, PYTHONPATH=str(PROJECT / "scripts"))
    server = subprocess.Popen(command, env=env, cwd=PROJECT, stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr is not None
        for line in server.stderr:
            if "served at" in line:
                break
        languages = children_of(server.pid)
        assert len(languages) >= 2  # a process per language (and the search's)
        server.send_signal(stop)
        server.wait(30)
        deadline = time.monotonic() + 20
        while any(map(alive, languages)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert [pid for pid in languages if alive(pid)] == []
    finally:
        server.kill()


def test_an_update_that_fails_builds_the_site_again_whole_in_one_line(
    served: Served, tmp_path: Path
) -> None:
    live = served.session.live
    assert live is not None
    update = live.update

    def failing(sources: list[str] | None) -> object:
        live.update = update  # type: ignore[method-assign]  # once
        raise RuntimeError("a language's process went away")

    live.update = failing  # type: ignore[method-assign,assignment]
    served.edit(ARTICLE, "Atveriet iestatījumus.", "Atveriet iestatījumus šeit.")
    assert any("the update failed: RuntimeError" in line for line in served.log), served.log
    assert not any("Traceback" in line for line in served.log)
    assert "Atveriet iestatījumus šeit." in served.get("set-up-mail/")[1].decode()
    differ = served_files(served, clean_build(served.source, tmp_path / "clean"))
    assert differ == [], differ
