"""``make tm`` end to end: the real command on the seed and on a shared sample, the file read
back by translate-toolkit (units out = distinct segment pairs in) and by lxml (well-formed, TMX
1.4b, English as source); XLIFF the same way; what it reports and where it writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from translate.storage.tmx import tmxfile
from translate.storage.xliff import xlifffile

from conftest import SEED_SOURCE
from translation_memory import XML_LANG, distinct_pairs, run_tm, tmx_root

SAMPLE = "alchemy-de-DE-sample"
TREES = {"seed": ("lv-LV", 9, 0), SAMPLE: ("de-DE", 3190, 1398)}
"""Each tree's language, segments and duplicates."""


def tree(name: str, request: pytest.FixtureRequest) -> Path:
    if name == "seed":
        return SEED_SOURCE
    corpus: Path = request.getfixturevalue("corpus")  # skips where ../shared is absent
    return corpus / name


@pytest.mark.parametrize("name", sorted(TREES))
def test_tmx_holds_each_distinct_pair_once(
    name: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    source = tree(name, request)
    tag, segments, duplicates = TREES[name]
    out = tmp_path / "memory.tmx"
    done = run_tm("--source", str(source), "--out", str(out))
    assert done.returncode == 0, done.stderr
    pairs = distinct_pairs(source)
    assert done.stdout.startswith(
        f"tm: {tag}: {len(pairs)} units written, {segments} segments read, "
        f"{duplicates} duplicates merged; {out} ("
    )
    root = tmx_root(out)
    assert len(root.find("body")) == len(pairs)
    ids = [prop.text for prop in root.iter("prop") if prop.get("type") == "x-segment-id"]
    assert len(ids) == segments  # every segment read is a place of its unit
    store = tmxfile(out.open("rb"), sourcelanguage="en-US", targetlanguage=tag)
    read = [(unit.source, unit.target) for unit in store.units]
    assert len(read) == len(set(read)) == len(pairs)
    assert set(read) == pairs


@pytest.mark.parametrize("name", sorted(TREES))
def test_xliff_holds_each_distinct_pair_once(
    name: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    source = tree(name, request)
    tag, segments, _ = TREES[name]
    done = run_tm("--source", str(source), "--format", "xliff", "--out", str(tmp_path / "xliff"))
    assert done.returncode == 0, done.stderr
    path = tmp_path / "xliff" / f"{tag}.xlf"
    assert f"; {path} (" in done.stdout
    root = etree.parse(str(path)).getroot()
    assert root.get("version") == "1.2"
    assert root.nsmap[None] == "urn:oasis:names:tc:xliff:document:1.2"
    file = root[0]
    assert (file.get("source-language"), file.get("target-language")) == ("en-US", tag)
    store = xlifffile.parsefile(str(path))
    read = [(unit.source, unit.target) for unit in store.units]
    pairs = distinct_pairs(source)
    assert len(read) == len(set(read)) == len(pairs)
    assert set(read) == pairs
    places = [place for unit in store.units for place in unit.getlocations()]
    assert len(places) == segments
    assert all(":" in place and place.split(":")[0].endswith(".md") for place in places)


def test_by_default_the_memory_goes_to_tm_named_after_the_tree(tmp_path: Path) -> None:
    done = run_tm("--source", str(SEED_SOURCE), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "tm" / "source.tmx").is_file()
    done = run_tm("--source", str(SEED_SOURCE), "--format", "xliff", cwd=tmp_path)
    assert (tmp_path / "tm" / "source" / "lv-LV.xlf").is_file()
    assert not list((tmp_path / "tm").rglob("*.part"))


def test_a_refused_character_is_one_line_and_the_file_stays_xml(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    (source / "bad.md").write_text(
        "---\nms.contentlocale: lv-LV\n---\n"
        '# <span data-ttu-id="x-1">Sa\x08glabāt</span><span class="sxs-lookup">'
        '<span data-stu-id="x-1">Save</span></span>\n',
        encoding="utf-8",
    )
    out = tmp_path / "bad.tmx"
    done = run_tm("--source", str(source), "--out", str(out))
    assert done.returncode == 0
    assert done.stderr.startswith("bad.md:4:29: U+0008 in segment x-1's translation text ")
    assert "Traceback" not in done.stderr
    segs = [tuv.find("seg").text for tuv in tmx_root(out).iter("tuv")]
    assert segs == ["Save", "Saglabāt"]
    assert run_tm("--source", str(source), "--out", str(out), "--strict").returncode == 1


def test_a_tree_naming_no_locale_is_a_one_line_error(tmp_path: Path) -> None:
    source = tmp_path / "plain"
    source.mkdir()
    (source / "a.md").write_text("# plain\n", encoding="utf-8")
    done = run_tm("--source", str(source), "--out", str(tmp_path / "a.tmx"))
    assert done.returncode == 1
    assert done.stderr == (
        f"error: {source}: no source names its locale; expected "
        "'ms.contentlocale: ll-CC' in the front matter\n"
    )
    assert not (tmp_path / "a.tmx").exists()


def test_a_tree_whose_files_disagree_on_their_locale_is_refused_as_the_split_refuses_it(
    tmp_path: Path,
) -> None:
    source = tmp_path / "mixed"
    source.mkdir()
    for name, locale in (("a.md", "lv-LV"), ("b.md", "lv-LV"), ("c.md", "de-DE")):
        (source / name).write_text(f"---\nms.contentlocale: {locale}\n---\n# A\n", "utf-8")
    done = run_tm("--source", str(source), "--out", str(tmp_path / "a.tmx"))
    assert done.returncode == 1
    assert done.stderr == (
        f"error: {source / 'c.md'}: ms.contentlocale de-DE differs from its tree's lv (2 files); "
        "expected one locale per source tree\n"
    )
    assert not (tmp_path / "a.tmx").exists()


def test_yaml_pages_give_no_units(tmp_path: Path) -> None:
    out = tmp_path / "memory.tmx"
    source = Path(__file__).parents[1] / "fixtures" / "tm" / "lv"
    done = run_tm("--source", str(source), "--out", str(out))
    assert done.returncode == 0, done.stderr
    segs = {
        tuv.find("seg").text for tuv in tmx_root(out).iter("tuv") if tuv.get(XML_LANG) != "en-US"
    }
    assert not any("jautājumi" in seg for seg in segs)  # faq.yml's text
    assert (
        "tm: lv-LV: 5 units written, 8 segments read, 2 duplicates merged, 1 empty left out"
        in done.stdout
    )
