"""A folder's tree (``<code>/<folder>/toc.json``) writes its links relative to its folder, as a
browser resolves them against the file; the site reads them back relative to the language."""

from __future__ import annotations

import pytest

from bilingual.pages.navigation import rebased, relative_link, rooted_link


@pytest.mark.parametrize(
    ("link", "folder", "written"),
    [
        ("mail/set-up-mail/#x", "mail", "set-up-mail/#x"),
        ("", "mail", "../"),
        ("#top", "mail", "../#top"),
        ("get-started/", "mail", "../get-started/"),
        ("mail/", "mail", "./"),
        ("media/a.png", "mail/sub", "../../media/a.png"),
        ("https://example.com/a", "mail", "https://example.com/a"),
        ("a/b/", "", "a/b/"),
    ],
)
def test_a_link_is_written_from_its_folder_and_read_back(
    link: str, folder: str, written: str
) -> None:
    assert relative_link(link, folder) == written
    assert rooted_link(written, folder) == link


def test_every_node_of_a_tree_is_moved() -> None:
    nodes = [{"t": "A", "u": "mail/a/", "c": [{"t": "B", "u": ""}, {"t": "C"}]}]
    assert rebased(nodes, "mail") == [
        {"t": "A", "u": "a/", "c": [{"t": "B", "u": "../"}, {"t": "C"}]}
    ]
    assert rebased(rebased(nodes, "mail"), "mail", rooted_link) == nodes
