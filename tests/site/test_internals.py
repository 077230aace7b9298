"""The undocumented parts of MkDocs, Material and mkdocs-static-i18n the build relies on are there
in the pinned versions, and an upgrade that drops one is named, not a mystery."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bilingual.locales import site_code, site_language
from bilingual.site import internals
from bilingual.site.build import CONFIG, environment
from learn_locales import LEARN_LOCALES


def loaded_config(tmp_path: Path) -> Any:
    """mkdocs.yml as a build loads it, for a Latvian site."""
    import os

    from mkdocs.config import load_config

    saved = dict(os.environ)
    os.environ.update(environment(site_language("lv")))
    try:
        (tmp_path / "docs").mkdir()
        return load_config(str(CONFIG), docs_dir=str(tmp_path / "docs"))
    finally:
        os.environ.clear()
        os.environ.update(saved)


def test_the_pinned_versions_have_everything(tmp_path: Path) -> None:
    config = loaded_config(tmp_path)
    assert internals.check(config) == []
    internals.require(config)
    languages = internals.languages(config)
    assert (languages.default, languages.built) == ("lv", ("lv", "en"))


@pytest.mark.parametrize("attribute", internals.I18N_ATTRIBUTES)
def test_a_missing_static_i18n_attribute_is_named(attribute: str) -> None:
    plugin = SimpleNamespace(**{name: None for name in internals.I18N_ATTRIBUTES})
    delattr(plugin, attribute)
    config = SimpleNamespace(plugins={"i18n": plugin})
    assert internals.check(config) == [
        f"mkdocs-static-i18n: its plugin has no attribute {attribute!r}"
    ]
    with pytest.raises(internals.InternalsChanged, match=f"no attribute '{attribute}'"):
        internals.require(config)


def test_a_material_without_its_config_script_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(internals, "MATERIAL", tmp_path)
    monkeypatch.setattr(internals, "LUNR", tmp_path / "lunr")
    plugin = SimpleNamespace(**{name: None for name in internals.I18N_ATTRIBUTES})
    missing = internals.check(SimpleNamespace(plugins={"i18n": plugin}))
    assert [line.split(":")[0] for line in missing] == ["mkdocs-material"] * 3
    assert '<script id="__config">' in missing[0]
    assert "search.<hash>.min.js" in missing[1]


@pytest.mark.parametrize(
    ("code", "theme"),
    [
        *(("lv", "lv"), ("zh-CN", "zh"), ("zh-TW", "zh-TW"), ("pt-BR", "pt-BR"), ("mt-MT", "mt")),
        *(("zh-HK", "zh-Hant"), ("sr-Latn-RS", "sh"), ("sr-Cyrl-RS", "sr"), ("sr", "sr")),
        *(("pt-PT", "pt"), ("fil-PH", "tl"), ("tl", "tl"), ("kk-KZ", "kk"), ("zh-Hans-CN", "zh")),
        *(("sw-KE", "en"), ("bs-Latn-BA", "bs"), ("ga-IE", "ga")),
    ],
)
def test_the_theme_speaks_the_locale_or_its_base_language(code: str, theme: str) -> None:
    """Material's own words (search box, buttons) for a locale it has no file of: its base
    language's in the same script (zh-CN: zh; zh-HK: zh-Hant; never Cyrillic sr for Latin
    sr-Latn-RS, which has Material's Latin sh; fil is Material's tl), else English; the build
    never asks Material for a missing one."""
    from bilingual.site.internals import theme_language

    assert theme_language(code) == theme


@pytest.mark.parametrize("locale", LEARN_LOCALES)
def test_every_learn_locale_has_the_themes_words_in_its_own_language(locale: str) -> None:
    """Material ships 64 languages; the project adds the Learn languages it lacks (bs, ga, kk,
    mt) in overrides/partials/languages, the same keys as Material's en.html."""
    from bilingual.site.internals import theme_language

    theme = theme_language(site_code(locale))
    assert theme != "en" or locale.startswith("en-")


@pytest.mark.parametrize("code", ["bs", "ga", "kk", "mt"])
def test_the_projects_own_theme_languages_have_every_key_of_materials(code: str) -> None:
    from bilingual.site.internals import MATERIAL, OWN_LANGUAGES

    def keys(path: Path) -> list[str]:
        return re.findall(r'^\s*"([^"]+)":', path.read_text(encoding="utf-8"), re.MULTILINE)

    english = keys(MATERIAL / "partials" / "languages" / "en.html")
    assert keys(OWN_LANGUAGES / f"{code}.html") == english
