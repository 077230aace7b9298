"""The interface text the generator writes: every language it knows has every string."""

from __future__ import annotations

import pytest

from bilingual import ui_text

TABLES = {
    name: table
    for name, table in vars(ui_text).items()
    if name.isupper() and isinstance(table, dict) and "en" in table
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_language_of_a_table_has_all_its_strings(name: str) -> None:
    table = TABLES[name]
    assert set(table) == set(TABLES["STRINGS"]), "each table knows the same languages"
    for code, strings in table.items():
        assert set(strings) >= set(table["en"]), f"{name}[{code}] lacks strings English has"
        assert all(value.strip() for value in strings.values())


def test_a_language_the_tables_lack_is_written_in_english() -> None:
    assert ui_text.text("sw", "home_title") == ui_text.text("en", "home_title")
    assert ui_text.text("de-AT", "home_title") == ui_text.text("de", "home_title")
    assert ui_text.alert_title("sw", "NOTE") == "Note"
