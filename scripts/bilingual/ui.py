"""Interface text that the generator itself writes onto pages, per site language."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "en": {"home_title": "Help articles", "home_intro": "All articles, A to Z."},
    "lv": {"home_title": "Palīdzības raksti", "home_intro": "Visi raksti alfabēta secībā."},
    "de": {"home_title": "Hilfeartikel", "home_intro": "Alle Artikel von A bis Z."},
    "ja": {"home_title": "ヘルプ記事", "home_intro": "すべての記事。"},
}


def text(code: str, key: str) -> str:
    """The string ``key`` in the site language ``code``, falling back to English."""
    language = code.split("-")[0]
    return STRINGS.get(code, STRINGS.get(language, {})).get(key) or STRINGS["en"][key]


ALERT_TITLES: dict[str, dict[str, str]] = {
    "en": {
        "NOTE": "Note",
        "TIP": "Tip",
        "IMPORTANT": "Important",
        "WARNING": "Warning",
        "CAUTION": "Caution",
        "VIDEO": "Video",
    },
    "lv": {
        "NOTE": "Piezīme",
        "TIP": "Padoms",
        "IMPORTANT": "Svarīgi",
        "WARNING": "Brīdinājums",
        "CAUTION": "Uzmanību",
        "VIDEO": "Video",
    },
    "de": {
        "NOTE": "Hinweis",
        "TIP": "Tipp",
        "IMPORTANT": "Wichtig",
        "WARNING": "Warnung",
        "CAUTION": "Vorsicht",
        "VIDEO": "Video",
    },
    "ja": {
        "NOTE": "注意",
        "TIP": "ヒント",
        "IMPORTANT": "重要",
        "WARNING": "警告",
        "CAUTION": "注意事項",
        "VIDEO": "ビデオ",
    },
}
"""Titles of DocFX alerts (``[!NOTE]`` …) and the embedded player, per site language."""


def alert_title(code: str, kind: str) -> str:
    """The title of a ``kind`` alert (``NOTE``, ``TIP`` …) in ``code``, falling back to English."""
    language = code.split("-")[0]
    table = ALERT_TITLES.get(code, ALERT_TITLES.get(language, {}))
    return table.get(kind) or ALERT_TITLES["en"][kind]
