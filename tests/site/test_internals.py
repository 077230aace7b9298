"""The undocumented parts of MkDocs, Material and mkdocs-static-i18n the build relies on are there
in the pinned versions, and an upgrade that drops one is named, not a mystery."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bilingual.locales import site_language
from bilingual.site import internals
from bilingual.site.build import CONFIG, environment


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
        *(("lv", "lv"), ("zh-CN", "zh"), ("zh-TW", "zh-TW"), ("pt-BR", "pt-BR"), ("ga-IE", "en")),
        *(("zh-HK", "zh-Hant"), ("sr-Latn-RS", "sh"), ("sr-Cyrl-RS", "sr"), ("sr", "sr")),
        *(("pt-PT", "pt"), ("fil-PH", "tl"), ("tl", "tl"), ("kk-KZ", "en"), ("zh-Hans-CN", "zh")),
    ],
)
def test_the_theme_speaks_the_locale_or_its_base_language(code: str, theme: str) -> None:
    """Material's own words (search box, buttons) for a locale it has no file of: its base
    language's in the same script (zh-CN: zh; zh-HK: zh-Hant; never Cyrillic sr for Latin
    sr-Latn-RS, which has Material's Latin sh; fil is Material's tl), else English; the build
    never asks Material for a missing one."""
    from bilingual.site.internals import theme_language

    assert theme_language(code) == theme
