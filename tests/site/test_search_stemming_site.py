"""Stemming for a language Snowball has and lunr has not (Catalan): stemmed when the site is
built, found in the reader's browser by the spelling of any form the docset holds. The site's
own worker answers, under Node, from the built files (``tests/search_known_item.js``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual.cli import main
from search_worker import known_items, needs_node

pytestmark = pytest.mark.site

PAGES = {
    "singular": ("Restabliu la contrasenya", "Reset the password"),
    "plural": ("Les contrasenyes caduquen", "Passwords expire"),
    "other": ("Configureu la bústia", "Set up the mailbox"),
}


def article(title: tuple[str, str], number: int) -> str:
    catalan, english = title
    return (
        f"---\ntitle: {catalan}\nms.contentlocale: ca-ES\n---\n"
        f'# <span data-ttu-id="t-{number}">{catalan}</span><span class="sxs-lookup">'
        f'<span data-stu-id="t-{number}">{english}</span></span>\n'
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("catalan")
    tree = root / "ca"
    tree.mkdir()
    for number, (name, title) in enumerate(PAGES.items()):
        (tree / f"{name}.md").write_text(article(title, number), encoding="utf-8")
    args = ["site", "--source", str(tree), "--docs", str(root / "docs")]
    assert main([*args, "--site", str(root / "site")]) == 0
    return root / "site"


def test_catalan_is_stemmed_when_built() -> None:
    from bilingual.site.search.analysis import analyzer

    catalan = analyzer("ca")
    assert catalan.name == "indexed"
    assert catalan.key("contrasenya") == catalan.key("contrasenyes")


@needs_node
def test_any_form_the_docset_holds_finds_every_form(site: Path) -> None:
    singular, plural = known_items(site, "", ["contrasenya ", "contrasenyes "])
    assert sorted(singular) == ["plural/", "singular/"]
    assert sorted(plural) == ["plural/", "singular/"]
