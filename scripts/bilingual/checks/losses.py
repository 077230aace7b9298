"""Is a segment on its page? The audit's matching, by the words a reader gets.

A page is read as a reader gets it: its HTML through the site's sanitizer, then its visible text
(text nodes, and an image's alt text; never an attribute such as the hover's English). A segment
is read as the words its source text says, read as CommonMark alone reads it (markdown-it-py's
plain CommonMark renderer, not the page writer: a mistake of the writer shows as a loss, not
twice), through the same sanitizer: markup, link targets, escapes and references are no words,
an image's alt text is. The block markup that may open a segment (list markers, ``#``, ``>``, an
alert marker) is left out first, and what the writer wrote otherwise on purpose is put in its
place (``rewrites``: a cross reference as its target's title, an include as the included text,
``:::no-loc:::`` as its text). Both become *words*: runs of letters, digits and
marks, one space between, so neither spacing, punctuation nor markup counts.

A segment whose CommonMark reading is not on its page may be there as its literal text (in code,
or where the page shows markup as text): its literal words are looked for next.

``lost`` then matches every segment of a page against the page's words: longest first, each
occurrence used by one segment only, a segment's words as a whole block, else as whole words,
else (a script without spaces between words, a segment joined to its neighbour) anywhere in a
block, its CommonMark reading before its others, and last across blocks; a segment left without
a place takes one another holds when that one can move to another of its own. A segment counted
lost has no unused occurrence of its words on the page; order is not asked (a tab's title is
shown above every tab's content).
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from html.parser import HTMLParser
from typing import Any

from markdown_it import MarkdownIt

from bilingual.model import Document, Language, Malformed, Segment
from bilingual.pages.link_rewrite import Rewrite
from bilingual.pages.tree.language import body_text
from bilingual.site.sanitize import sanitize_html

Checked = Segment | Malformed
References = Mapping[str, Any]
"""markdown-it's link reference definitions (normalized label -> target and title)."""
WORD = re.compile(r"[^\W_]+", re.UNICODE)
JOINERS = str.maketrans("", "", "*_~[]")
"""Characters that are markdown's markup or join a word (``**weiter**aus``, ``fx_media_open``,
``[Browser](…)bei``): taken out on both sides before a text is cut into words."""
INLINE = frozenset(
    {
        *("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i"),
        *("ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup"),
        *("time", "u", "var", "wbr"),
    }
)
"""Elements inside a line of text: no word boundary where they start or end."""
CODE_SPAN = re.compile(
    r"(?P<code>(?P<ticks>`+)[^`](?:.|\n)*?(?<!`)(?P=ticks)(?!`))|(?:[^`]|\\`)+|`+"
)
"""A segment's text as code spans and the stretches between them."""
TICKS = re.compile(r"`+")
"""A run of backticks: a code span's delimiter."""
PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
"""What a backslash makes literal in CommonMark: a rewrite's shown text is text, not markup."""
TARGET = re.compile(
    r"\]\((?:<[^>]*>|[^()\s]*(?:\([^()]*\)[^()\s]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
REFERENCE_TARGET = re.compile(r"\]\[[^\]]*\]")
LEADING = re.compile(
    r"^\s*(?:(?:\d{1,9}[.)]|[-+*]|#{1,6})(?:[ \t]+|$)|>[ \t]?)*(?:\[![A-Za-z]+\][ \t]*)?"
)
COMMONMARK = MarkdownIt("commonmark")
"""A segment's text is read as CommonMark reads it alone (not as the page writer does)."""
LABEL = "__label"
"""The class suffix of the writer's own words in a placeholder (``placeholders.LABEL``)."""
APART = frozenset({"img", "br", "input"})
"""Elements inside a line of text that stand apart from the words around them."""
BLOCK = "\x1f"
"""Where a block of the page ends and the next begins (no word: ``words`` leaves it out)."""
SPACE = f"(?: {BLOCK})? ?"
"""Between two words of a segment looked for anywhere: a space, a block's end, or nothing."""
SKIPPED = frozenset({"script", "style", "template", "noscript"})
SHOWN_OTHERWISE = frozenset({"xref", "no-loc", "include", "image"})
"""The rules of the writer's records that change what a reader reads (a link's new target does
not: targets are no words)."""


def words(text: str) -> str:
    """``text`` as its words: letters, digits and marks, one space between (``JOINERS`` out)."""
    return " ".join(WORD.findall(unicodedata.normalize("NFC", text).translate(JOINERS)))


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping = 0
        self.labels: list[str] = []
        """The writer's own labels open (``…__label``: a placeholder's words, not the source's)."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if any(name.endswith(LABEL) for name in (dict(attrs).get("class") or "").split()):
            self.labels.append(tag)
            self.skipping += 1
        elif self.labels and tag == self.labels[-1]:
            self.labels.append("")  # the same element nested: its end is not the label's
        if tag in SKIPPED:
            self.skipping += 1
        elif tag == "img" and not self.skipping:
            alt = dict(attrs).get("alt")
            if alt:
                self.out.append(f" {alt} ")
        if tag in APART:
            self.out.append(" ")
        elif tag not in INLINE:
            self.out.append(BLOCK)

    def handle_endtag(self, tag: str) -> None:
        if self.labels and tag == (self.labels[-1] or tag) and self.labels.pop():
            self.skipping -= 1
        if tag in SKIPPED and self.skipping:
            self.skipping -= 1
        if tag in APART:
            self.out.append(" ")
        elif tag not in INLINE:
            self.out.append(BLOCK)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(data)


def page_words(page_html: str) -> str:
    """What a reader reads of a page's (sanitized) HTML, as words, a ``BLOCK`` mark between
    two blocks (a segment's words are looked for within one block first)."""
    parser = _Visible()
    parser.feed(page_html)
    parser.close()
    found = (words(block) for block in "".join(parser.out).split(BLOCK))
    return f" {BLOCK} ".join(block for block in found if block)


def _rewritten(found: re.Match[str], rewrites: Sequence[Rewrite]) -> str:
    if found.group("code"):
        return found.group()  # a code span shows what it says
    text = found.group()
    for rewrite in rewrites:
        shown = PUNCTUATION.sub(r"\\\1", rewrite.target)
        # an image's alt text stands apart (as ``page_words`` reads it); other text runs on
        text = text.replace(rewrite.original, f" {shown} " if rewrite.rule == "image" else shown)
    return text


def shown_otherwise(text: str, rewrites: Sequence[Rewrite]) -> str:
    """``text`` with what the writer recorded it showed otherwise (``SHOWN_OTHERWISE``: a cross
    reference as its target's title, an include as its text, ``:::no-loc:::`` as its text) in
    place, code spans as they are."""
    shown = [r for r in rewrites if r.rule in SHOWN_OTHERWISE and r.original and r.original in text]
    if not shown:
        return text
    return CODE_SPAN.sub(lambda found: _rewritten(found, shown), text)


def segment_words(
    text: str, rewrites: Sequence[Rewrite] = (), references: References | None = None
) -> str:
    """The words a segment's source text must show (see the module's docstring); its page's
    link reference definitions ``references`` (``references_of``; without them, a reference
    link's label is taken for a defined one)."""
    text = shown_otherwise(LEADING.sub("", text, count=1), rewrites)
    if references is None:
        text = REFERENCE_TARGET.sub("]", text)
    env = {"references": dict(references)} if references else {}
    rendered = COMMONMARK.renderInline(text, env)
    return page_words(sanitize_html(rendered) if "<" in rendered else rendered)


def references_of(document: Document, language: Language) -> References:
    """The link reference definitions of ``document``'s text in ``language``, as CommonMark
    reads them (``[label]: target``)."""
    env: dict[str, Any] = {}
    COMMONMARK.parse(body_text(document, language), env)
    found: References = env.get("references", {})
    return found


def _readings(
    part: Checked, language: Language, rewrites: Sequence[Rewrite], references: References | None
) -> tuple[str, ...]:
    """The words ``part`` may show: as CommonMark reads its text, else so without link targets
    (a segment that ends a link another opens), else as its literal text (a segment in code, or
    markup a page shows as text), else as the rest of a code span another segment opened (its
    text up to a run of backticks shown as it is, the rest read) or the start of one another
    closes; a malformed stretch: as its literal text, tags as text (as
    CommonMark reads its escaped text, ``Malformed.shown``)."""
    if isinstance(part, Malformed):
        literal = words(part.source)  # shown as the text it is, tags and all (markdown read)
        read = segment_words(part.shown, (), references)
        return tuple(dict.fromkeys((literal, read, words(html.unescape(part.source)))))
    text = part.text(language)
    read = segment_words(text, rewrites, references)
    unlinked = TARGET.sub("]", text)  # a segment that ends a link another opens
    ended = segment_words(unlinked, rewrites, references) if unlinked != text else read
    coded = [  # a code span another segment opens, or one this opens and another closes
        segment_words(reading, rewrites, references)
        for ticks in sorted(set(TICKS.findall(text)))
        for reading in (ticks + text, text + ticks)
    ]
    return tuple(dict.fromkeys((read, ended, words(text), *coded)))


class _Page:
    """A page's words and which of their characters a segment has used (by whom)."""

    def __init__(self, text: str) -> None:
        self.text = f" {BLOCK} {text} {BLOCK} "
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.owners: list[int] = []

    def free(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.starts, start) - 1
        if index >= 0 and self.ends[index] > start:
            return False
        following = index + 1
        return following >= len(self.starts) or self.starts[following] >= end

    def mark(self, span: tuple[int, int], owner: int) -> None:
        index = bisect.bisect_left(self.starts, span[0])
        self.starts.insert(index, span[0])
        self.ends.insert(index, span[1])
        self.owners.insert(index, owner)

    def release(self, owner: int) -> tuple[int, int]:
        index = self.owners.index(owner)
        span = (self.starts.pop(index), self.ends.pop(index))
        self.owners.pop(index)
        return span

    def holders(self, start: int, end: int) -> list[int]:
        """The segments whose spans overlap ``[start, end)``."""
        return [
            owner
            for first, last, owner in zip(self.starts, self.ends, self.owners, strict=True)
            if first < end and last > start
        ]

    def spans(self, wanted: str, how: str) -> Iterator[tuple[int, int]]:
        """Every occurrence of ``wanted``: as a whole ``block``; as ``whole`` words; ``inline``,
        anywhere in a block, a space between two of its words matched by a space or by none
        (markup across a segment's edge, such as a code span it opens, can join two words on
        the page); ``across`` blocks too (a segment that spans blocks)."""
        if how in ("block", "whole"):
            needle = f"{BLOCK} {wanted} {BLOCK}" if how == "block" else f" {wanted} "
            lead = 2 if how == "block" else 1
            position = self.text.find(needle)
            while position >= 0:
                yield position + lead, position + len(needle) - lead
                position = self.text.find(needle, position + 1)
            return
        space = SPACE if how == "across" else " ?"
        pattern = re.compile(space.join(re.escape(word) for word in wanted.split(" ")))
        position = 0
        while (found := pattern.search(self.text, position)) is not None:
            yield found.start(), found.end()
            position = found.start() + 1


def _candidates(page: _Page, readings: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """Where a segment's words may stand, best first: its CommonMark reading as a block, as
    whole words, joined to a neighbour; then its other readings so; last across blocks."""
    for chosen in (readings[:1], readings[1:]):
        for how in ("block", "whole", "inline"):
            for reading in chosen:
                yield from page.spans(reading, how)
    for reading in readings:
        yield from page.spans(reading, "across")


def _moved(page: _Page, owner: int, spans: list[tuple[int, int]], keep: tuple[int, int]) -> bool:
    """Move ``owner``'s span to another of its ``spans`` that leaves ``keep`` free."""
    held = page.release(owner)
    for span in spans:
        if span != held and page.free(*span) and (span[1] <= keep[0] or span[0] >= keep[1]):
            page.mark(span, owner)
            return True
    page.mark(held, owner)
    return False


def lost(
    parts: Iterable[Checked],
    page: str,
    language: Language,
    rewrites: Sequence[Rewrite] = (),
    references: References | None = None,
) -> list[Checked]:
    """The segments (and malformed stretches) of ``parts`` whose words ``page`` (a page's words,
    ``page_words``) does not hold, each occurrence used once; ``references``: the link reference
    definitions of the source the parts are from (``references_of``).

    Longest first, each segment takes its best free place (``_candidates``); one left without
    takes a place another holds when that one can move to another of its own."""
    wanted = [(part, _readings(part, language, rewrites, references)) for part in parts]
    wanted = [(part, readings) for part, readings in wanted if readings[0]]
    order = sorted(range(len(wanted)), key=lambda i: -len(wanted[i][1][0]))
    target = _Page(page)
    missing: set[int] = set()
    for index in order:
        candidates = _candidates(target, wanted[index][1])
        span = next((span for span in candidates if target.free(*span)), None)
        if span is None:
            missing.add(index)
        else:
            target.mark(span, index)
    places: dict[int, list[tuple[int, int]]] = {}

    def place(index: int) -> list[tuple[int, int]]:
        if index not in places:
            places[index] = list(dict.fromkeys(_candidates(target, wanted[index][1])))
        return places[index]

    for index in sorted(missing, key=order.index):
        for span in place(index):
            holders = target.holders(*span)
            movable = holders and all(
                _moved(target, owner, place(owner), span) for owner in holders
            )
            if movable and target.free(*span):
                target.mark(span, index)
                missing.discard(index)
                break
    return [wanted[index][0] for index in sorted(missing)]
