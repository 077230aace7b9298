"""Interface text that the generator itself writes onto pages, per site language."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "en": {"home_title": "Help articles", "home_intro": "All articles, A to Z."}
    | {"index_title": "All articles"},
    "lv": {"home_title": "Palīdzības raksti", "home_intro": "Visi raksti alfabēta secībā."}
    | {"index_title": "Visi raksti"},
    "de": {"home_title": "Hilfeartikel", "home_intro": "Alle Artikel von A bis Z."}
    | {"index_title": "Alle Artikel"},
    "ja": {"home_title": "ヘルプ記事", "home_intro": "すべての記事。"}
    | {"index_title": "すべての記事"},
}


def text(code: str, key: str) -> str:
    """The string ``key`` in the site language ``code``, falling back to English."""
    language = code.split("-")[0]
    return STRINGS.get(code, STRINGS.get(language, {})).get(key) or STRINGS["en"][key]
