"""The branch a page carries (``site.navigation.branch_html``): titles from the sources stay
text, and a folder's tree is fetched from its own ``toc.json``."""

from __future__ import annotations

import json
from pathlib import Path

from bilingual.site.navigation import Tree, branch_html, load_tree, nearest_tree

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def test_a_hostile_title_is_text_in_the_branch(tmp_path: Path) -> None:
    (tmp_path / "lv" / "mail").mkdir(parents=True)
    tree = [{"t": HOSTILE, "u": "../", "c": [{"t": "A & B", "u": "a/", "l": 'lv"x'}]}]
    (tmp_path / "lv" / "mail" / "toc.json").write_text(json.dumps(tree), "utf-8")
    loaded = load_tree(tmp_path, "lv", "mail")
    assert loaded is not None
    html = branch_html(loaded, "mail/a/", "", "Raksti")
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "A &amp; B" in html
    assert 'lang="lv&quot;x"' in html
    assert 'data-toc="../toc.json?v=' in html  # mail/toc.json, seen from mail/a/


def test_a_page_shows_the_tree_of_its_folder_else_the_nearest_above(tmp_path: Path) -> None:
    for folder, title in (("", "Sakne"), ("mail", "Pasts")):
        (tmp_path / "lv" / folder).mkdir(parents=True, exist_ok=True)
        text = json.dumps([{"t": title, "u": "x/"}])
        (tmp_path / "lv" / folder / "toc.json").write_text(text, "utf-8")
    cache: dict[tuple[str, str], Tree | None] = {}
    found = nearest_tree(tmp_path, "lv", "mail/deep/er/page.md", cache)
    assert found is not None
    assert found.folder == "mail"
    assert found.nodes[0]["u"] == "mail/x/"
    root = nearest_tree(tmp_path, "lv", "other/page.md", cache)
    assert root is not None
    assert root.folder == ""
