"""A link without text is named by its address (``bilingual.site.empty_links``)."""

from __future__ import annotations

from bilingual.site.empty_links import name_empty_links
from bilingual.site.sanitize import sanitize_html


def test_an_empty_link_is_named_by_its_address() -> None:
    html = sanitize_html('<p>Skatiet <a href="https://example.com/a?b=1&amp;c=2"></a>.</p>')
    assert name_empty_links(html) == (
        '<p>Skatiet <a href="https://example.com/a?b=1&amp;c=2"'
        ' aria-label="https://example.com/a?b=1&amp;c=2"></a>.</p>'
    )


def test_links_with_words_an_image_or_a_name_of_their_own_are_left_alone() -> None:
    html = (
        '<p><a href="x/">Vārdi</a> <a href="y/"><img src="i.png" alt="Attēls"></a>'
        ' <a href="z/" aria-label="Z"></a> <a name="anchor"></a> <a href=""></a></p>'
    )
    assert name_empty_links(html) == html
