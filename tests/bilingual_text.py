"""Bilingual text for tests, written with the project's one definition of the pair markup.

``pair`` is ``bilingual.source.pairs.pair_markup``; ``article`` wraps a body in the front matter
a real source carries. The golden fixtures (``tests/fixtures/``) spell the markup out literally,
so the definition itself is checked against data a reviewer reads.
"""

from __future__ import annotations

from bilingual.source.pairs import pair_markup as pair

__all__ = ["article", "pair"]


def article(body: str, *, title: str = "T", locale: str = "lv-LV", **metadata: str) -> str:
    """A source: front matter (``title``, ``ms.contentlocale``, and ``metadata`` with ``_`` for
    ``.`` in the keys: ``ms_date="04/21/2020"``), then ``body``."""
    lines = [f"title: {title}", f"ms.contentlocale: {locale}"]
    lines += [f"{key.replace('_', '.')}: {value}" for key, value in metadata.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + body
