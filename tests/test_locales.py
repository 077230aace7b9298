"""The locale model: from any ``ms.contentlocale`` Microsoft writes to the site's language."""

from __future__ import annotations

import re

import pytest

from bilingual import locales
from bilingual.locales import NotATag, site_code, site_language
from learn_locales import LEARN_LOCALES

# RFC 5646's langtag, without extensions and private use (Microsoft's locales have none).
BCP47 = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?(-[a-z0-9]{5,8})*$")


@pytest.mark.parametrize(
    ("locale", "code"),
    [
        *(("lv-LV", "lv"), ("zh-cn", "zh"), ("ZH-TW", "zh-TW"), ("zh-HK", "zh-HK")),
        *(("pt-PT", "pt-PT"), ("pt-br", "pt"), ("sr-Latn-RS", "sr-Latn"), ("sr-cyrl-rs", "sr")),
        *(("bs-Latn-BA", "bs"), ("az-Latn-AZ", "az"), ("nb-NO", "nb"), ("es-MX", "es-MX")),
        *(("fr-CA", "fr-CA"), ("de-CH", "de-CH"), ("ca-ES", "ca"), ("fil-PH", "fil")),
        *(("he-IL", "he"), ("iw-IL", "he"), ("ar-SA", "ar-SA"), ("en_US", "en")),
    ],
)
def test_a_locale_is_its_minimal_tag(locale: str, code: str) -> None:
    """CLDR's likely subtags removed: what tells a locale apart stays (zh-TW, pt-PT, sr-Latn,
    ar-SA: Arabic alone is Egypt's), the rest goes (lv-LV, zh-CN, pt-BR)."""
    assert site_code(locale) == code


@pytest.mark.parametrize("locale", LEARN_LOCALES)
def test_every_learn_locale_is_a_site_language(locale: str) -> None:
    language = site_language(site_code(locale))
    assert BCP47.match(language.lang), language
    assert locales.STATIC_I18N.match(language.code), language
    assert language.name
    assert language.name != language.lang
    assert language.direction == ("rtl" if locale[:2] in {"ar", "he"} else "ltr")


def test_learn_locales_are_distinct_site_languages() -> None:
    codes = [site_code(locale) for locale in LEARN_LOCALES]
    assert len(set(codes)) == len(codes)


def test_the_folders_rule_is_static_i18ns_own() -> None:
    from mkdocs_static_i18n.config import RE_LOCALE

    assert locales.STATIC_I18N.pattern == RE_LOCALE.pattern


def test_a_tag_static_i18n_refuses_gets_a_folder_it_takes() -> None:
    filipino = site_language(site_code("fil-PH"))
    assert (filipino.code, filipino.lang, filipino.name) == ("tl", "fil", "Filipino")
    assert site_language("tl") == filipino  # the folder read back
    latin = site_language(site_code("es-419"))
    assert latin.lang == "es-419"
    assert locales.STATIC_I18N.match(latin.code)
    assert site_language(latin.lang) == latin  # the split records the tag beside the folder


def test_names_are_each_languages_own_as_a_menu_shows_them() -> None:
    assert site_language("lv").name == "Latviešu"
    assert site_language("sr-Latn").name == "Srpski (latinica)"
    assert site_language("ka").name == "ქართული"  # no Mtavruli capital
    assert site_language("zh-TW").name.startswith("中文")


@pytest.mark.parametrize("text", ["", "x", "english", "de--DE", "12-DE", "de DE", "lv-LV!"])
def test_what_is_not_a_tag_is_refused_with_what_is_expected(text: str) -> None:
    with pytest.raises(NotATag, match="expected"):
        site_code(text)


def test_fallbacks_stay_in_the_script() -> None:
    material = ["zh", "zh-Hant", "zh-TW", "sr", "sh", "pt", "pt-BR", "tl", "de"]
    assert locales.fallbacks("zh-HK", material) == ["zh-Hant"]
    assert locales.fallbacks("zh-TW", material) == ["zh-TW", "zh-Hant"]
    assert locales.fallbacks("zh", material) == ["zh"]
    assert locales.fallbacks("sr-Latn", material) == ["sh"]
    assert locales.fallbacks("sr", material) == ["sr"]
    assert locales.fallbacks("pt-PT", material) == ["pt"]
    assert locales.fallbacks("pt", material) == ["pt-BR", "pt"]
    assert locales.fallbacks("fil", material) == ["tl"]
    assert locales.fallbacks("de-AT", material) == ["de"]
    assert locales.fallbacks("kk", material) == []
