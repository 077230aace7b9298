"""The interface text: one gettext catalog per language, every message in every catalog, a
locale without a translation shown English marked with its own ``lang``."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual import ui_text
from bilingual.locales import site_code
from learn_locales import LEARN_LOCALES

CATALOGS = sorted(ui_text.CATALOGS.glob("*.po"))


@pytest.mark.parametrize("path", CATALOGS, ids=[path.stem for path in CATALOGS])
def test_every_catalog_has_every_message_with_its_placeholders(path: Path) -> None:
    assert ui_text.problems(path) == []


@pytest.mark.parametrize("locale", LEARN_LOCALES)
def test_every_locale_learn_serves_reads_its_own_language(locale: str) -> None:
    code = site_code(locale)
    assert ui_text.untranslated(code) == []
    assert ui_text.message(code, "alert.NOTE").lang(code) == ""


def test_a_catalog_stands_only_for_its_own_script() -> None:
    assert ui_text.chain("zh-HK")[0] == "zh-Hant"
    assert ui_text.chain("zh")[0] == "zh"
    assert ui_text.chain("sr-Latn")[0] == "sr-Latn"
    assert "sr" not in ui_text.chain("sr-Latn")
    assert ui_text.chain("de-CH")[0] == "de"
    assert ui_text.chain("tl")[0] == "fil"  # the folder static-i18n is given for fil


def test_a_language_without_a_catalog_is_shown_english_marked_english() -> None:
    said = ui_text.message("sw", "home_title")
    assert said == ui_text.Message("Help articles", "en")
    assert ui_text.html_text("sw", "home_title") == '<span lang="en">Help articles</span>'
    assert ui_text.html_text("lv", "home_title") == "Palīdzības raksti"
    assert ui_text.untranslated("sw") == list(ui_text.english())
    assert ui_text.untranslated("en-GB") == []


def test_placeholders_are_filled_and_a_translation_that_changes_them_is_named(
    tmp_path: Path,
) -> None:
    assert ui_text.html_text("lv", "article_date", date="21.04.2020") == "Raksta datums: 21.04.2020"
    broken = tmp_path / "fy.po"
    text = (ui_text.CATALOGS / "lv.po").read_text(encoding="utf-8")
    text = text.replace('msgstr "Raksta datums: {date}"', 'msgstr "Raksta datums: {datums}"')
    text = text.replace('msgstr "Pastāvīgā saite"', 'msgstr ""')
    broken.write_text(text.replace("Language: lv", "Language: fy"), encoding="utf-8")
    found = sorted(ui_text.problems(broken), key=lambda line: "permalink" in line)
    assert len(found) == 2
    assert "'article_date' has placeholders ['datums']; expected ['date']" in found[0]
    assert all(line.startswith(f"{broken}:") for line in found)
    assert "'permalink' is not translated" in found[1]


def test_markup_in_a_translation_is_text() -> None:
    said = ui_text.Message("<b>x</b> & y", "en")
    assert said.html("lv") == '<span lang="en">&lt;b&gt;x&lt;/b&gt; &amp; y</span>'


def test_every_string_a_unit_declares_is_in_the_catalogs() -> None:
    """``Unit.strings``: the interface text a construct or reader feature shows, each a key of
    the catalogs (so a unit cannot name a string no language has)."""
    from bilingual.pages.units import UNITS

    declared = {key: unit.name for unit in UNITS for key in unit.strings}
    assert declared
    missing = {key: name for key, name in declared.items() if key not in ui_text.english()}
    assert missing == {}
