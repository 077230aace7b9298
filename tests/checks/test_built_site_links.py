"""The offline check of a built site, on a small hand-written site of every kind of link."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilingual.checks.links.built_site import SiteCheck, check_site, page_links
from bilingual.checks.links.urls import key, url_problem
from bilingual.cli import main

ARTICLE = """<!doctype html>
<html><head><link href="../assets/site.css" rel="stylesheet"></head>
<body>
<nav><a href="../">Home</a> <a href="../other/">Other</a> <a href="../gone/">Gone</a></nav>
<article>
<h1 id="title">Title</h1>
<a name="legacy"></a>
<p><a href="#title">top</a> <a href="#legacy">legacy</a> <a href="#nowhere">nowhere</a></p>
<p><a href="../other/#section">section</a> <a href="../other/#missing">missing</a></p>
<p><img src="../media/shot.png" alt=""> <img src="../media/lost.png" alt=""></p>
<p><a href="https://go.microsoft.com/fwlink/?LinkId=872110&amp;clcid=0x409">fwlink</a>
<a href="https://go.microsoft.com/fwlink/?linkid=87211O">bad fwlink</a>
<a href="http://support.microsoft.com/kb/1">insecure</a>
<a href="http://example.org/page">plain http elsewhere</a>
<a href="https://docs/">no domain</a>
<a href="https://example.com:port/">bad port</a>
<a href="https://example.com/a b">space</a></p>
<p><a href="ms-settings:windowsupdate">settings</a> <a href="mailto:help@example.com">mail</a>
<a href="javascript:alert(1)">script</a></p>
<!-- <a href="../commented-out/">not a link</a> -->
<script>var html = '<a href="../in-a-script/">';</script>
</article>
</body></html>
"""

OTHER = """<!doctype html>
<html><body><nav><a href="../">Home</a> <a href="../article/">Article</a></nav>
<h2 id="section">Section</h2>
<a href="https://go.microsoft.com/fwlink/?linkid=872110">same fwlink</a>
</body></html>
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    for folder in ("article", "other", "media", "assets"):
        (root / folder).mkdir(parents=True)
    (root / "index.html").write_text('<a href="article/">a</a>', encoding="utf-8")
    (root / "article" / "index.html").write_text(ARTICLE, encoding="utf-8")
    (root / "other" / "index.html").write_text(OTHER, encoding="utf-8")
    (root / "media" / "shot.png").write_bytes(b"\x89PNG")
    (root / "assets" / "site.css").write_text("", encoding="utf-8")
    return root


def test_every_broken_link_is_reported_once_with_its_place(site: Path) -> None:
    page = str(site / "article" / "index.html")
    found = {(p.page, p.line, p.url, p.kind, p.reason) for p in check_site(site)}
    assert found == {
        (page, 4, "../gone/", "internal", "no such file gone/index.html"),
        (page, 8, "#nowhere", "anchor", "no anchor #nowhere in article/index.html"),
        (page, 9, "../other/#missing", "anchor", "no anchor #missing in other/index.html"),
        (page, 10, "../media/lost.png", "internal", "no such file media/lost.png"),
        (
            page,
            12,
            "https://go.microsoft.com/fwlink/?linkid=87211O",
            "external",
            "malformed fwlink: linkid '87211O' is not a number; "
            "expected https://go.microsoft.com/fwlink/?linkid=<number>",
        ),
        (
            page,
            13,
            "http://support.microsoft.com/kb/1",
            "external",
            "insecure link: http:// to Microsoft host 'support.microsoft.com'; expected https://",
        ),
        (page, 15, "https://docs/", "external", "malformed URL: host 'docs' has no domain"),
        (
            page,
            16,
            "https://example.com:port/",
            "external",
            "malformed URL: Port could not be cast to integer value as 'port'",
        ),
        (
            page,
            17,
            "https://example.com/a b",
            "external",
            "malformed URL: contains whitespace or a control character",
        ),
        (
            page,
            19,
            "javascript:alert(1)",
            "script",
            "script link: a page must not run code from its source",
        ),
    }


def test_columns_point_at_the_attribute(site: Path) -> None:
    problems = {p.url: p for p in check_site(site)}
    assert (problems["../gone/"].line, problems["../gone/"].column) == (4, 62)
    assert str(problems["#nowhere"]).endswith(
        "article/index.html:8:61: #nowhere: no anchor #nowhere in article/index.html"
    )


def test_fwlink_spellings_are_one_target(site: Path) -> None:
    check = SiteCheck(site)
    check.run()
    places = check.occurrences["https://go.microsoft.com/fwlink/?linkid=872110"]
    assert sorted(p.page.parent.name for p in places) == ["article", "other"]
    assert "https://example.com/a b" not in check.occurrences  # failed offline: not asked online
    assert ("", "other/#section") in check.internal  # ``../`` folded: one verdict for the folder


def test_anchors_include_a_name_and_skip_comments_and_scripts() -> None:
    links = page_links(ARTICLE)
    assert {"title", "legacy"} <= links.anchors
    urls = [link.url for link in links.links]
    assert "../commented-out/" not in urls
    assert "../in-a-script/" not in urls
    assert urls[0] == "../assets/site.css"
    assert "https://go.microsoft.com/fwlink/?LinkId=872110&clcid=0x409" in urls  # entity decoded


@pytest.mark.parametrize(
    "url",
    [
        "https://docs.microsoft.com/lv-lv/microsoft-365/admin",
        "https://go.microsoft.com/fwlink/p/?LinkID=2022029",
        "http://example.org/plain",
        "https://bücher.example/straße",
        "https://learn.microsoft.com/en-us/previous-versions/ff959225(v=exchg.141)",
    ],
)
def test_well_formed_external_urls(url: str) -> None:
    assert url_problem(url) is None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://go.microsoft.com/fwlink/?linkid=1", "scheme 'http'"),
        ("http://aka.ms/o365", "insecure link"),
        ("http://admin.microsoft.com/", "insecure link"),
        ("https://exa_mple.com/", "not a valid host name"),
        ("https:///path", "no host"),
        ("https://example.com/<x>", "must be percent-encoded"),
        ("https://[::1/", "Invalid IPv6 URL"),
    ],
)
def test_malformed_external_urls(url: str, reason: str) -> None:
    problem = url_problem(url)
    assert problem is not None
    assert reason in problem


def test_key_lowercases_scheme_and_host_and_drops_the_fragment() -> None:
    assert key("HTTPS://Docs.Microsoft.com/Path?q=1#x") == "https://docs.microsoft.com/Path?q=1"
    assert key("https://go.microsoft.com/fwlink/p/?LINKID=5&clcid=0x409") == (
        "https://go.microsoft.com/fwlink/?linkid=5"
    )


def test_links_json_report(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["links", "--site", str(site), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["pages"] == 3
    assert report["broken"] == 10
    assert report["online"] is None
    first = report["problems"][0]
    assert set(first) == {"file", "line", "column", "kind", "url", "reason"}
    assert main(["links", "--site", str(site), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["broken"] == 10
