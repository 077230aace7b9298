"""KaTeX, which ``overrides/assets/javascripts/math.js`` loads from the site itself, is vendored
into ``overrides/assets/katex/``: ``katex.min.js``, ``katex.min.css``, the woff2 fonts (every
browser that runs KaTeX reads woff2, so the CSS's woff and ttf fallbacks are never requested) and
KaTeX's LICENSE, each byte for byte as the version pinned in ``package.json`` ships it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import PROJECT

VENDORED = PROJECT / "overrides" / "assets" / "katex"
PACKAGE = PROJECT / "node_modules" / "katex"
FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}")
SOURCE = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)\s*format\(\s*["']?([\w-]+)["']?\s*\)""")
VERSION = re.compile(r'version:"([^"]+)"')


def pinned() -> str:
    """The KaTeX version of ``package.json``'s devDependencies (an exact version, not a range)."""
    manifest = json.loads((PROJECT / "package.json").read_text(encoding="utf-8"))
    version: str = manifest["devDependencies"]["katex"]
    return version


def vendored() -> list[Path]:
    """Every vendored file, relative to ``overrides/assets/katex/``."""
    return sorted(path.relative_to(VENDORED) for path in VENDORED.rglob("*") if path.is_file())


def shipped(relative: Path) -> Path:
    """Where the package holds a vendored file: LICENSE at its root, the rest under ``dist/``."""
    return PACKAGE / relative if relative == Path("LICENSE") else PACKAGE / "dist" / relative


def font_faces(css: str) -> list[dict[str, str]]:
    """Each ``@font-face`` of ``css`` as format -> url (``woff2`` -> ``fonts/….woff2``)."""
    return [{kind: url for url, kind in SOURCE.findall(body)} for body in FONT_FACE.findall(css)]


def test_the_pin_is_exact_and_the_lock_holds_it() -> None:
    version = pinned()
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), version
    lock = json.loads((PROJECT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"][""]["devDependencies"]["katex"] == version
    assert lock["packages"]["node_modules/katex"]["version"] == version


def test_the_vendored_script_is_the_pinned_version() -> None:
    script = (VENDORED / "katex.min.js").read_text(encoding="utf-8")
    assert VERSION.findall(script) == [pinned()]


def test_only_the_minified_files_the_license_and_woff2_fonts_are_vendored() -> None:
    files = vendored()
    fonts = [path for path in files if path.parent == Path("fonts")]
    assert fonts, "no fonts vendored"
    assert all(path.suffix == ".woff2" for path in fonts), fonts
    assert [path for path in files if path not in fonts] == [
        Path("LICENSE"),
        Path("katex.min.css"),
        Path("katex.min.js"),
    ]


def test_every_vendored_file_is_the_package_s_byte_for_byte() -> None:
    if not PACKAGE.is_dir():
        pytest.skip(f"node_modules/katex is not installed ({PACKAGE}); `npm ci` installs it")
    manifest = json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))
    assert manifest["version"] == pinned()
    for relative in vendored():
        assert shipped(relative).read_bytes() == (VENDORED / relative).read_bytes(), relative
    woff2 = {path.name for path in (PACKAGE / "dist" / "fonts").glob("*.woff2")}
    assert woff2 == {path.name for path in (VENDORED / "fonts").iterdir()}


def test_every_font_face_has_its_woff2_file() -> None:
    faces = font_faces((VENDORED / "katex.min.css").read_text(encoding="utf-8"))
    assert len(faces) >= 20
    for face in faces:
        assert "woff2" in face, face
        url = face["woff2"]
        assert re.fullmatch(r"fonts/[\w-]+\.woff2", url), url
        assert (VENDORED / url).is_file(), f"katex.min.css names {url}, not vendored"
    named = {face["woff2"].removeprefix("fonts/") for face in faces}
    assert named == {path.name for path in (VENDORED / "fonts").iterdir()}
