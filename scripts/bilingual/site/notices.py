"""Notices written at the top of an article page: machine translation, fallback, the reader's
toggles (the English original on hover, side by side), and the English home page's when the
landing page is the translation's only.

Each is a small HTML block placed right after the page's first level-1 heading (or at the top
when it has none). All text is the generator's own (``ui_text``), escaped; links are escaped URLs.
"""

from __future__ import annotations

import html
import re

from bilingual import ui_text
from bilingual.locales import numeric_date
from bilingual.pages import fragments


def machine_translation(code: str, english_url: str) -> str:
    """The notice of a machine-translated page, with a link to the same article in English."""
    return _notice(code, "info", "mt-notice", "mt_notice", "read_in_english", english_url)


def english_changed(code: str, english_url: str) -> str:
    """The notice of a translation made from an older English than the site's English page."""
    return _notice(
        code,
        "warning",
        "english-changed-notice",
        "english_changed_notice",
        "read_current_english",
        english_url,
    )


def _notice(code: str, kind: str, name: str, text_key: str, link_key: str, url: str) -> str:
    """A reader's notice: an admonition of ``kind``, its sentence and a link to the English."""
    text = ui_text.html_text(code, text_key)
    link = ui_text.html_text(code, link_key)
    href = html.escape(url, quote=True)
    return (
        f'<div class="admonition {kind} bilingual-notice {name}" role="note" '
        f'data-search-exclude>\n<p>{text} <a href="{href}" hreflang="en">{link}</a></p>\n</div>'
    )


def fallback(code: str, language: str, original: str) -> str:
    """The notice of a page shown in ``original`` because it is missing in ``language`` (marked
    with its own language by ``in_language``, as every block on such a page)."""
    text = ui_text.html_text(code, "fallback_notice", language=language, original=original)
    return (
        '<div class="admonition warning bilingual-notice fallback-notice" role="note" data-search-exclude>\n'
        f"<p>{text}</p>\n</div>"
    )


def in_language(block: str, lang: str) -> str:
    """A notice of the page's interface on a page whose article is in another language (a
    fallback page): its first element marked ``lang`` (unless it is marked already: a message
    shown in English for want of a translation)."""
    first = fragments.TAG.match(block)
    if first is None or " lang=" in first.group():
        return block
    return fragments.with_attribute(block, 0, "lang", html.escape(lang, quote=True))


def no_landing(code: str) -> str:
    """The notice of a generated English home page: the docset's landing page is in the
    translation only."""
    text = ui_text.html_text(code, "no_landing_notice")
    return (
        '<div class="admonition info bilingual-notice landing-notice" role="note" data-search-exclude>\n'
        f"<p>{text}</p>\n</div>"
    )


def article_date(code: str, iso: str) -> str:
    """The article's date (``ms.date``) under its title, as the page's language writes dates
    (``locales.numeric_date``), in a ``<time>`` machines read."""
    shown = html.escape(numeric_date(iso, code))
    said = ui_text.message(code, "article_date", date="\x00")
    text = html.escape(said.text, quote=False).replace(
        "\x00", f'<time datetime="{html.escape(iso)}">{shown}</time>'
    )
    return f'<p class="help-date" data-search-exclude{said.lang(code)}>{text}</p>'


def hover_toggle(code: str) -> str:
    """The switch that turns the English originals on hover, focus and tap on or off."""
    label = ui_text.html_text(code, "sxs_toggle")
    return f'<button type="button" class="sxs-toggle" aria-pressed="true">{label}</button>'


def side_by_side_toggle(code: str) -> str:
    """The switch that shows each block's English original beside it, and the polite live
    region that says in the page's language that the view is on or off (the sentences it says
    ride on the button, for ``sbs.js``)."""
    label = ui_text.html_text(code, "sbs_toggle")
    said = {key: html.escape(ui_text.message(code, key).text) for key in ("sbs_on", "sbs_off")}
    return (
        f'<button type="button" class="sbs-toggle" aria-pressed="false" '
        f'data-on="{said["sbs_on"]}" data-off="{said["sbs_off"]}">{label}</button>'
        '<span class="sbs-status" role="status"></span>'
    )


def toggles(code: str, hover: bool, side_by_side: bool) -> str:
    """The bar above the article holding the reader's switches: the hover's, side by side's."""
    buttons = [hover_toggle(code)] if hover else []
    if side_by_side:
        buttons.append(side_by_side_toggle(code))
    return f'<p class="sxs-bar" data-search-exclude>{" ".join(buttons)}</p>'


H1_END = re.compile(r"</h1>", re.IGNORECASE)


def insert_html(content: str, blocks: list[str]) -> str:
    """An article's HTML with ``blocks`` after its first ``</h1>`` (or at its top)."""
    if not blocks:
        return content
    text = "\n".join(blocks)
    match = H1_END.search(content)
    if match is None:
        return f"{text}\n{content}"
    return f"{content[: match.end()]}\n{text}\n{content[match.end() :]}"
