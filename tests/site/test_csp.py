"""Every page carries its Content-Security-Policy; the site's ``_headers`` holds their union, and
``reference/security.md``'s nginx line is that policy (``scripts/bilingual/site/csp.py``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bilingual.site.csp import (
    HEADERS,
    META_POLICY,
    hashes_of,
    policy,
    script_hash,
    theme_scripts,
    with_policy,
)
from conftest import PROJECT

PAGE = """<!doctype html><html><head><meta charset="utf-8"><script>var a=1</script>
<script id="__config" type="application/json">{"x": 1}</script>
<script src="../bundle.js"></script></head><body>
<article class="md-content__inner"><script>alert(1)</script></article>
<script type="text/javascript">var b=2</script></body></html>"""


def test_only_the_theme_s_inline_scripts_are_hashed() -> None:
    assert theme_scripts(PAGE) == ["var a=1", "var b=2"]


def test_the_policy_allows_no_inline_script_but_the_hashed_ones() -> None:
    text = policy([script_hash("var a=1")])
    directives = dict(part.split(" ", 1) for part in text.split("; "))
    assert directives["script-src"] == f"'self' '{script_hash('var a=1')}'"
    assert "unsafe" not in directives["script-src"]
    assert directives["object-src"] == "'none'"
    # Material's icons are CSS masks of data: SVGs; data: is for images only, nothing that runs.
    assert directives["img-src"].split() == ["'self'", "https:", "data:"]
    assert [name for name, value in directives.items() if "data:" in value] == ["img-src"]
    assert directives["base-uri"] == directives["form-action"] == "'self'"
    assert directives["frame-src"].split() == [
        "https://player.vimeo.com",
        "https://www.microsoft.com",
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
    ]


def test_the_meta_comes_first_in_the_head() -> None:
    out = with_policy(PAGE)
    head = out.split("<head>", 1)[1]
    assert head.startswith('<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')
    found = META_POLICY.search(out)
    assert found is not None
    assert hashes_of(found.group(1)) == {script_hash("var a=1"), script_hash("var b=2")}


@pytest.mark.site
def test_every_page_of_the_site_has_the_policy_of_its_own_scripts(seed_site: Path) -> None:
    pages = sorted(seed_site.rglob("*.html"))
    assert len(pages) > 4
    union: set[str] = set()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = META_POLICY.search(html)
        assert found is not None, page
        assert html.index(found.group()) < html.find("<script") or "<script" not in html
        own = {script_hash(text) for text in theme_scripts(html)}
        assert hashes_of(found.group(1)) == own, page
        union |= own
    headers = (seed_site / HEADERS).read_text(encoding="utf-8").splitlines()
    assert headers[0] == "/*"
    assert headers[1] == f"  Content-Security-Policy: {policy(union)}"


@pytest.mark.site
def test_the_reference_shows_the_policy_the_build_writes(seed_site: Path) -> None:
    reference = (PROJECT / "reference" / "security.md").read_text(encoding="utf-8")
    shown = re.search(r'add_header Content-Security-Policy "([^"]+)" always;', reference)
    assert shown is not None
    built = (seed_site / HEADERS).read_text(encoding="utf-8").splitlines()[1]
    assert built == f"  Content-Security-Policy: {shown.group(1)}"
