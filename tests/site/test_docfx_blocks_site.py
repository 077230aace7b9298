"""The golden DocFX cases (``tests/fixtures/docfx-blocks``) built for real as one docset, in both
languages: cross references land on the right page of each language, and the button, the
checklist, the selectors, code, images, no-loc strings and tables are what a reader gets;
``parity`` finds every page equal to CommonMark's reading of its source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from bilingual.checks.parity import compare
from conftest import PREFIX

pytestmark = pytest.mark.site


def page_file(site: Path, code: str, name: str) -> Path:
    return site / f"{PREFIX[code]}{name}" / "index.html"


def article(site: Path, code: str, name: str) -> Tag:
    html = BeautifulSoup(page_file(site, code, name).read_text(encoding="utf-8"), "html.parser")
    found = html.select_one("article")
    assert found is not None
    return found


def text(element: Tag) -> str:
    return re.sub(r"\s+", " ", element.get_text()).strip()


def landing(site: Path, code: str, name: str, href: str) -> tuple[Path, str]:
    """The built page a link of ``name``'s page lands on, and its anchor."""
    path, _, anchor = href.partition("#")
    target = (page_file(site, code, name).parent / path).resolve()
    return (target / "index.html" if target.is_dir() else target), anchor


@pytest.mark.parametrize(
    ("code", "title", "setup", "mailbox", "full_name"),
    [
        ("lv", "Saites uz citām lapām", "Iestatīšana", "Pastkaste | API", "Contoso.Api.Mailbox"),
        ("en", "Links to other pages", "Set up", "Mailbox | API", "Contoso.Api.Mailbox"),
    ],
)
def test_xrefs_land_on_the_target_page_in_the_page_language(
    docfx_blocks_site: tuple[Path, Path],
    code: str,
    title: str,
    setup: str,
    mailbox: str,
    full_name: str,
) -> None:
    _, site = docfx_blocks_site
    body = article(site, code, "xref/source")
    links = {text(a): str(a["href"]) for a in body.select("p a[href], td a[href]")}
    expected = {
        setup: "xref/guides/setup",
        mailbox: "xref/api/mailbox",
        full_name: "xref/api/mailbox",
        title: "xref/source",
    }
    for shown, target in expected.items():
        landed, _ = landing(site, code, "xref/source", links[shown])
        assert landed == page_file(site, code, target).resolve(), shown
        heading = BeautifulSoup(landed.read_text(encoding="utf-8"), "html.parser").select_one(
            "article h1"
        )
        assert heading is not None
        shows = {full_name: mailbox}.get(shown, shown)
        assert text(heading).rstrip("¶ ") == shows
    steps = [a for a in body.select("a[href]") if str(a["href"]).endswith("#steps")]
    assert len(steps) == 1
    landed, anchor = landing(site, code, "xref/source", str(steps[0]["href"]))
    landed_html = BeautifulSoup(landed.read_text(encoding="utf-8"), "html.parser")
    assert landed_html.find(id=anchor) or landed_html.select(f'a[name="{anchor}"]')
    back = article(site, code, "xref/guides/setup").select_one("p a[href]")
    assert back is not None
    assert text(back) == title


@pytest.mark.parametrize("code", ["lv", "en"])
def test_unknown_xrefs_stay_readable_and_code_is_untouched(
    docfx_blocks_site: tuple[Path, Path], code: str
) -> None:
    _, site = docfx_blocks_site
    body = article(site, code, "xref/source")
    codes = [text(element) for element in body.select("code")]
    assert "no.such.page" in codes
    assert '@"missing.quoted"' in text(body)  # as DocFX shows an unknown quoted shorthand
    assert "<xref:guides.setup>" in codes
    assert "@guides.setup" in codes
    assert "@unknown.word" in text(body)
    assert "admin@guides.setup" in text(body)
    assert [str(a["href"]) for a in body.select("a[href^='mailto:']")] == [
        "mailto:support@contoso.com"
    ]


@pytest.mark.parametrize(
    ("code", "button", "checks"),
    [
        ("lv", "Mainīt paroli", ["kā pierakstīties;", "kā mainīt paroli."]),
        ("en", "Change your password", ["how to sign in;", "how to change your password."]),
    ],
)
def test_button_checklist_and_selectors(
    docfx_blocks_site: tuple[Path, Path], code: str, button: str, checks: list[str]
) -> None:
    _, site = docfx_blocks_site
    body = article(site, code, "div/source")
    (action,) = body.select("div.docfx-div.nextstepaction a[href]")
    assert text(action) == button
    assert [text(li) for li in body.select("div.docfx-div.checklist > ul > li")] == checks
    single = body.select_one("div.docfx-selector.op_single_selector")
    assert single is not None
    assert [str(a["href"]) for a in single.select("ul > li > a")] == ["./", "../mac/", "../web/"]
    multi = body.select_one("div.docfx-selector.op_multi_selector")
    assert multi is not None
    titles = multi.select_one("p.docfx-selector-titles")
    assert titles is not None
    assert text(titles) == "Platform · Backend"
    groups = multi.select("div > ul > li")
    assert [text(group).split(" ", 1)[0] for group in groups] == ["Windows", "Web"]
    assert len(multi.select("ul ul a[href]")) == 3
    border = body.select("div.docfx-div.mx-imgBorder img")
    assert len(border) == 1
    assert body.select("div.docfx-div.mx-tdBreakAll table td")
    assert body.select("div.docfx-div.mx-tdCol2BreakAll table td")
    safe = body.select("div.safe_class")
    assert len(safe) == 1
    assert safe[0]["class"] == ["docfx-div", "safe_class"]
    assert not body.select("[onclick]")
    assert "pwned" not in str(body)


@pytest.mark.parametrize("code", ["lv", "en"])
def test_code_includes_are_highlighted_code_blocks(
    docfx_blocks_site: tuple[Path, Path], code: str
) -> None:
    _, site = docfx_blocks_site
    body = article(site, code, "code/source")
    blocks = [text(pre) for pre in body.select("div.highlight pre")]
    # nine includes, and the fenced block that shows one as text (an include with a query
    # option DocFX does not read is text, as there)
    assert len(blocks) == 10
    assert any(
        'Console.WriteLine("Created");' in block and "<Line>" not in block for block in blocks
    )
    assert any(block.startswith("def greet(name: str) -> int:") for block in blocks)
    assert len(body.select("span.hll")) == 3  # lines 1 and 3 of one block, line 2 of the python
    assert len(body.select(".docfx-missing")) == 3
    assert "[!code-csharp[](Program.cs)]" in text(body)  # in a sentence, and in a code block


@pytest.mark.parametrize(
    ("code", "summary", "long"),
    [
        ("lv", "Detalizēts apraksts", "Ziņojums no sūtītāja nonāk serverī."),
        ("en", "Long description", "A message goes from the sender to the server."),
    ],
)
def test_images_borders_icons_lightbox_and_long_description(
    docfx_blocks_site: tuple[Path, Path], code: str, summary: str, long: str
) -> None:
    _, site = docfx_blocks_site
    page = page_file(site, code, "image/source")
    body = article(site, code, "image/source")
    for image in body.select("img"):
        assert (page.parent / str(image["src"])).resolve().is_file(), image["src"]
    assert len(body.select("span.mx-imgBorder img")) == 6
    icons = [image for image in body.select("img") if image.get("alt") == ""]
    assert len(icons) == 2
    (details,) = body.select("details.docfx-long-description")
    summary_element = details.select_one("summary")
    assert summary_element is not None
    assert text(summary_element) == summary
    assert long in text(details)
    (lightbox,) = [
        a for a in body.select("a[href]") if str(a["href"]).endswith("diagram-large.png")
    ]
    assert lightbox.select("img")
    assert (page.parent / str(lightbox["href"])).resolve().is_file()
    assert [str(a["href"]) for a in body.select("a[href^='http']")] == [
        "https://learn.microsoft.com/"
    ]
    assert not body.select("[href^='javascript:']")


@pytest.mark.parametrize("code", ["lv", "en"])
def test_no_loc_text_and_tables(docfx_blocks_site: tuple[Path, Path], code: str) -> None:
    _, site = docfx_blocks_site
    body = article(site, code, "no-loc/source")
    assert 'Find a "Quotation"' in text(body)
    assert "*not bold* <b>not a tag</b> & [no link](x.md)" in text(body)
    assert not body.select("b")
    assert not body.select("a[href$='x/']")
    assert [text(td) for td in body.select("table td")] == ["Mode", "On | Off"]
    tables = article(site, code, "table/source")
    cells = [text(td) for td in tables.select("table td")]
    assert (
        "Needs an E3 | E5 license." if code == "en" else "Nepieciešama licence E3 | E5."
    ) in cells
    assert len(tables.select("table")) == 3
    assert tables.select("td br")
    assert tables.select("td kbd")
    assert tables.select("td code")
    assert tables.select("div.docfx-div.mx-tdBreakAll table")


def test_every_page_has_commonmarks_blocks(docfx_blocks_site: tuple[Path, Path]) -> None:
    source, site = docfx_blocks_site
    report = compare(source, site)
    assert [str(mismatch) for mismatch in report.mismatches] == []
    assert report.pages == {"lv": 10, "en": 10}


def test_the_construct_styles_and_script_are_on_every_page(
    docfx_blocks_site: tuple[Path, Path],
) -> None:
    _, site = docfx_blocks_site
    html = page_file(site, "en", "div/source").read_text(encoding="utf-8")
    assert re.search(r'href="[./]*assets/stylesheets/docfx-blocks\.css"', html)
    assert re.search(r'src="[./]*assets/javascripts/docfx-blocks\.js"', html)
    assert (site / "assets" / "javascripts" / "docfx-blocks.js").is_file()
