"""Interface text that the generator itself writes onto pages, per site language."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "en": {"home_title": "Help articles", "home_intro": "All articles, A to Z."}
    | {"index_title": "All articles", "site_name": "Microsoft 365 help"},
    "lv": {"home_title": "Palīdzības raksti", "home_intro": "Visi raksti alfabēta secībā."}
    | {"index_title": "Visi raksti", "site_name": "Microsoft 365 palīdzība"},
    "de": {"home_title": "Hilfeartikel", "home_intro": "Alle Artikel von A bis Z."}
    | {"index_title": "Alle Artikel", "site_name": "Microsoft 365-Hilfe"},
    "ja": {"home_title": "ヘルプ記事", "home_intro": "すべての記事。"}
    | {"index_title": "すべての記事", "site_name": "Microsoft 365 ヘルプ"},
    "ar": {"home_title": "مقالات التعليمات", "home_intro": "كل المقالات من الألف إلى الياء."}
    | {"index_title": "كل المقالات", "site_name": "تعليمات Microsoft 365"},
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
    "ar": {
        "NOTE": "ملاحظة",
        "TIP": "تلميح",
        "IMPORTANT": "هام",
        "WARNING": "تحذير",
        "CAUTION": "تنبيه",
        "VIDEO": "فيديو",
    },
}
"""Titles of DocFX alerts (``[!NOTE]`` …) and the embedded player, per site language."""


def alert_title(code: str, kind: str) -> str:
    """The title of a ``kind`` alert (``NOTE``, ``TIP`` …) in ``code``, falling back to English."""
    language = code.split("-")[0]
    table = ALERT_TITLES.get(code, ALERT_TITLES.get(language, {}))
    return table.get(kind) or ALERT_TITLES["en"][kind]


# Reader notices and the English-original toggle (scripts/bilingual/notices.py).
READER: dict[str, dict[str, str]] = {
    "en": {
        "not_found_title": "Page not found",
        "not_found_text": "There is no page at this address. Find the article in the list of",
        "mt_notice": "This article was translated by a machine.",
        "read_in_english": "Read in English",
        "fallback_notice": "This article is not available in {language}; it is shown in {original}.",
        "sxs_toggle": "Show the English original of a sentence on hover or tap",
    },
    "lv": {
        "not_found_title": "Lapa nav atrasta",
        "not_found_text": "Šajā adresē nav lapas. Atrodiet rakstu sarakstā",
        "mt_notice": "Šis raksts ir mašīntulkots.",
        "read_in_english": "Lasīt angļu valodā",
        "fallback_notice": "Šis raksts nav pieejams valodā {language}; tas ir parādīts valodā {original}.",
        "sxs_toggle": "Rādīt teikuma oriģinālu angļu valodā, novietojot kursoru vai pieskaroties",
    },
    "de": {
        "not_found_title": "Seite nicht gefunden",
        "not_found_text": "Unter dieser Adresse gibt es keine Seite. Suchen Sie den Artikel in der Liste",
        "mt_notice": "Dieser Artikel wurde maschinell übersetzt.",
        "read_in_english": "Auf Englisch lesen",
        "fallback_notice": "Dieser Artikel ist auf {language} nicht verfügbar; er wird auf {original} angezeigt.",
        "sxs_toggle": "Englisches Original eines Satzes beim Zeigen oder Tippen anzeigen",
    },
    "ja": {
        "not_found_title": "ページが見つかりません",
        "not_found_text": "このアドレスにはページがありません。記事は次の一覧から探せます:",
        "mt_notice": "この記事は機械翻訳されています。",
        "read_in_english": "英語で読む",
        "fallback_notice": "この記事は{language}では利用できません。{original}で表示しています。",
        "sxs_toggle": "ポイントまたはタップで文の英語の原文を表示する",
    },
    "ar": {
        "not_found_title": "لم يتم العثور على الصفحة",
        "not_found_text": "لا توجد صفحة في هذا العنوان. ابحث عن المقالة في قائمة",
        "mt_notice": "تمت ترجمة هذه المقالة آلياً.",
        "read_in_english": "القراءة باللغة الإنجليزية",
        "fallback_notice": "هذه المقالة غير متوفرة باللغة {language}؛ وهي معروضة باللغة {original}.",
        "sxs_toggle": "إظهار النص الإنجليزي الأصلي للجملة عند التمرير أو النقر",
    },
}
# Placeholders: what a page shows where a construct could not be rendered (pages/placeholders.py).
PLACEHOLDERS: dict[str, dict[str, str]] = {
    "en": {
        "missing_include": "Included text not available:",
        "missing_code": "Code sample not available:",
        "image_missing": "Image not available",
    },
    "lv": {
        "missing_include": "Iekļautais teksts nav pieejams:",
        "missing_code": "Koda paraugs nav pieejams:",
        "image_missing": "Attēls nav pieejams",
    },
    "de": {
        "missing_include": "Eingebundener Text nicht verfügbar:",
        "missing_code": "Codebeispiel nicht verfügbar:",
        "image_missing": "Bild nicht verfügbar",
    },
    "ja": {
        "missing_include": "インクルードされたテキストを表示できません:",
        "missing_code": "コード サンプルを表示できません:",
        "image_missing": "画像を利用できません",
    },
    "ar": {
        "missing_include": "النص المضمَّن غير متاح:",
        "missing_code": "نموذج التعليمات البرمجية غير متاح:",
        "image_missing": "الصورة غير متوفرة",
    },
}
# DocFX containers (pages/docfx/zones.py, monikers.py): the pivot selector, a moniker's label.
CONTAINERS: dict[str, dict[str, str]] = {
    "en": {
        "pivot_prompt": "Choose the version of this article",
        "moniker_label": "Applies to: {range}",
    },
    "lv": {
        "pivot_prompt": "Izvēlieties šī raksta versiju",
        "moniker_label": "Attiecas uz: {range}",
    },
    "de": {
        "pivot_prompt": "Version dieses Artikels auswählen",
        "moniker_label": "Gilt für: {range}",
    },
    "ja": {
        "pivot_prompt": "この記事のバージョンを選択してください",
        "moniker_label": "適用対象: {range}",
    },
    "ar": {
        "pivot_prompt": "اختر إصدار هذه المقالة",
        "moniker_label": "ينطبق على: {range}",
    },
}
for _code, _strings in [*READER.items(), *PLACEHOLDERS.items(), *CONTAINERS.items()]:
    STRINGS.setdefault(_code, {}).update(_strings)

# Navigation, landing pages and redirects (pages/landing.py, site/navigation.py, site/redirects.py).
NAVIGATION: dict[str, dict[str, str]] = {
    "en": {
        "toc_label": "Articles",
        "no_landing_notice": "This documentation has no English landing page; this page lists "
        "its English articles.",
        "redirect_title": "This page has moved",
        "redirect_text": "It is now here:",
    },
    "lv": {
        "toc_label": "Raksti",
        "no_landing_notice": "Šai dokumentācijai nav sākumlapas angļu valodā; šajā lapā ir "
        "uzskaitīti tās raksti angļu valodā.",
        "redirect_title": "Šī lapa ir pārvietota",
        "redirect_text": "Tagad tā ir šeit:",
    },
    "de": {
        "toc_label": "Artikel",
        "no_landing_notice": "Diese Dokumentation hat keine englische Startseite; diese Seite "
        "listet ihre englischen Artikel auf.",
        "redirect_title": "Diese Seite wurde verschoben",
        "redirect_text": "Sie befindet sich jetzt hier:",
    },
    "ja": {
        "toc_label": "記事",
        "no_landing_notice": "このドキュメントには英語のランディング ページがありません。"
        "このページには英語の記事の一覧があります。",
        "redirect_title": "このページは移動しました",
        "redirect_text": "移動先:",
    },
    "ar": {
        "toc_label": "المقالات",
        "no_landing_notice": "لا توجد صفحة رئيسية باللغة الإنجليزية لهذه الوثائق؛ تسرد هذه "
        "الصفحة مقالاتها باللغة الإنجليزية.",
        "redirect_title": "تم نقل هذه الصفحة",
        "redirect_text": "موقعها الآن:",
    },
}
for _code, _strings in NAVIGATION.items():
    STRINGS.setdefault(_code, {}).update(_strings)

LINK_LIST_TYPES: dict[str, dict[str, str]] = {
    "en": {
        "architecture": "Architecture",
        "concept": "Concept",
        "deploy": "Deploy",
        "download": "Download",
        "get-started": "Get started",
        "how-to-guide": "How-to guide",
        "learn": "Training",
        "overview": "Overview",
        "quickstart": "Quickstart",
        "reference": "Reference",
        "sample": "Code sample",
        "tutorial": "Tutorial",
        "video": "Video",
        "whats-new": "What's new",
    },
    "lv": {
        "architecture": "Arhitektūra",
        "concept": "Koncepcija",
        "deploy": "Izvietošana",
        "download": "Lejupielāde",
        "get-started": "Darba sākšana",
        "how-to-guide": "Norādījumi",
        "learn": "Apmācība",
        "overview": "Pārskats",
        "quickstart": "Ātrā darba sākšana",
        "reference": "Uzziņas",
        "sample": "Koda paraugs",
        "tutorial": "Apmācības kurss",
        "video": "Video",
        "whats-new": "Jaunumi",
    },
    "de": {
        "architecture": "Architektur",
        "concept": "Konzept",
        "deploy": "Bereitstellen",
        "download": "Download",
        "get-started": "Erste Schritte",
        "how-to-guide": "Anleitung",
        "learn": "Training",
        "overview": "Übersicht",
        "quickstart": "Schnellstart",
        "reference": "Referenz",
        "sample": "Codebeispiel",
        "tutorial": "Tutorial",
        "video": "Video",
        "whats-new": "Neuigkeiten",
    },
    "ja": {
        "architecture": "アーキテクチャ",
        "concept": "概念",
        "deploy": "デプロイ",
        "download": "ダウンロード",
        "get-started": "作業の開始",
        "how-to-guide": "ハウツー ガイド",
        "learn": "トレーニング",
        "overview": "概要",
        "quickstart": "クイックスタート",
        "reference": "リファレンス",
        "sample": "コード サンプル",
        "tutorial": "チュートリアル",
        "video": "ビデオ",
        "whats-new": "新機能",
    },
    "ar": {
        "architecture": "البنية",
        "concept": "المفهوم",
        "deploy": "النشر",
        "download": "التنزيل",
        "get-started": "بدء الاستخدام",
        "how-to-guide": "دليل إرشادي",
        "learn": "التدريب",
        "overview": "نظرة عامة",
        "quickstart": "التشغيل السريع",
        "reference": "المرجع",
        "sample": "نموذج تعليمات برمجية",
        "tutorial": "البرنامج التعليمي",
        "video": "فيديو",
        "whats-new": "الجديد",
    },
}
"""Names of a landing page's link lists (``linkListType``), per site language."""


def link_list_type(code: str, kind: str) -> str:
    """The name of a ``kind`` link list in ``code`` (English fallback; ``""`` for an unknown
    kind, which is shown without a name)."""
    language = code.split("-")[0]
    table = LINK_LIST_TYPES.get(code, LINK_LIST_TYPES.get(language, {}))
    return table.get(kind) or LINK_LIST_TYPES["en"].get(kind, "")


# What the writer titles in DocFX constructs (pages/docfx/divs.py: a complex image's long
# description, shown collapsed under the image).
DOCFX: dict[str, dict[str, str]] = {
    "en": {"long_description": "Long description"},
    "lv": {"long_description": "Detalizēts apraksts"},
    "de": {"long_description": "Ausführliche Beschreibung"},
    "ja": {"long_description": "詳しい説明"},
    "ar": {"long_description": "وصف تفصيلي"},
}
# A site of several trees (split/trees.py): a translation made from an older English.
SEVERAL_TREES: dict[str, dict[str, str]] = {
    "en": {
        "english_changed_notice": "The English original has changed since this translation.",
        "read_current_english": "Read the current English version",
    },
    "lv": {
        "english_changed_notice": "Kopš šī tulkojuma angļu valodas oriģināls ir mainīts.",
        "read_current_english": "Lasīt pašreizējo versiju angļu valodā",
    },
    "de": {
        "english_changed_notice": "Das englische Original wurde seit dieser Übersetzung geändert.",
        "read_current_english": "Aktuelle englische Version lesen",
    },
    "ja": {
        "english_changed_notice": "この翻訳の後に英語の原文が変更されました。",
        "read_current_english": "現在の英語版を読む",
    },
    "ar": {
        "english_changed_notice": "تغيّر النص الإنجليزي الأصلي منذ هذه الترجمة.",
        "read_current_english": "اقرأ النسخة الإنجليزية الحالية",
    },
}
# The palette toggle in the header (overrides/partials/palette.html): each theme's name (the
# system's, light, dark), and what the button shown switches to.
THEMES: dict[str, dict[str, str]] = {
    "en": {
        "palette_auto": "System theme",
        "palette_light": "Light theme",
        "palette_dark": "Dark theme",
        "palette_to_auto": "Switch to the system's theme",
        "palette_to_light": "Switch to the light theme",
        "palette_to_dark": "Switch to the dark theme",
    },
    "lv": {
        "palette_auto": "Sistēmas motīvs",
        "palette_light": "Gaišais motīvs",
        "palette_dark": "Tumšais motīvs",
        "palette_to_auto": "Pārslēgt uz sistēmas motīvu",
        "palette_to_light": "Pārslēgt uz gaišo motīvu",
        "palette_to_dark": "Pārslēgt uz tumšo motīvu",
    },
    "de": {
        "palette_auto": "Design des Systems",
        "palette_light": "Helles Design",
        "palette_dark": "Dunkles Design",
        "palette_to_auto": "Zum Design des Systems wechseln",
        "palette_to_light": "Zum hellen Design wechseln",
        "palette_to_dark": "Zum dunklen Design wechseln",
    },
    "ja": {
        "palette_auto": "システムのテーマ",
        "palette_light": "ライト テーマ",
        "palette_dark": "ダーク テーマ",
        "palette_to_auto": "システムのテーマに切り替える",
        "palette_to_light": "ライト テーマに切り替える",
        "palette_to_dark": "ダーク テーマに切り替える",
    },
    "ar": {
        "palette_auto": "سمة النظام",
        "palette_light": "السمة الفاتحة",
        "palette_dark": "السمة الداكنة",
        "palette_to_auto": "التبديل إلى سمة النظام",
        "palette_to_light": "التبديل إلى السمة الفاتحة",
        "palette_to_dark": "التبديل إلى السمة الداكنة",
    },
}
# What the page writer itself writes into articles (pages/reader/headings.py: a heading's
# permalink; pages/docfx/videos.py: a video the site does not embed, shown as a link).
PAGE_WRITER: dict[str, dict[str, str]] = {
    "en": {"permalink": "Permanent link", "video_link": "Video: {title} (opens the video's site)"},
    "lv": {"permalink": "Pastāvīgā saite", "video_link": "Video: {title} (atver video vietni)"},
    "de": {
        "permalink": "Permanenter Link",
        "video_link": "Video: {title} (öffnet die Website des Videos)",
    },
    "ja": {"permalink": "固定リンク", "video_link": "ビデオ: {title} (ビデオのサイトを開きます)"},
    "ar": {"permalink": "رابط دائم", "video_link": "فيديو: {title} (يفتح موقع الفيديو)"},
}
for _code, _strings in PAGE_WRITER.items():
    STRINGS.setdefault(_code, {}).update(_strings)
for _code, _strings in THEMES.items():
    STRINGS.setdefault(_code, {}).update(_strings)
for _code, _strings in SEVERAL_TREES.items():
    STRINGS.setdefault(_code, {}).update(_strings)
for _code, _strings in DOCFX.items():
    STRINGS.setdefault(_code, {}).update(_strings)
