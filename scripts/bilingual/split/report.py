"""What a split made and met: the ``Split`` record every stage of a full split fills in (the
languages, the articles written, what was reported), read by the build, the audit and the
command line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from bilingual.errors import SourceError
from bilingual.locales import SiteLanguage
from bilingual.pages.link_rewrite import Rewrite
from bilingual.split.navigation import NavigationReport


@dataclass(slots=True)
class Split:
    """What ``split_trees`` made of its source folders."""

    translation: SiteLanguage
    """The default language's translation (the site's default, at its root)."""
    english: SiteLanguage
    """English, under ``/en/``."""
    others: list[SiteLanguage] = field(default_factory=list)
    """The other trees' translations, each under ``/<code>/``, in the order given."""
    articles: list[str] = field(default_factory=list)
    """Source paths (relative, ``/``-separated) written as pages."""
    segments: int = 0
    """Segments in the written articles."""
    includes: int = 0
    include_segments: int = 0
    """The includes read (every tree's), and the segments in them: on the pages of the
    articles that include them (the audit counts articles' and includes' segments alike)."""
    problems: list[SourceError] = field(default_factory=list)
    """Sources skipped because they are malformed."""
    warnings: list[SourceError] = field(default_factory=list)
    """Malformed markup read around without loss (the source was written; strict mode fails)."""
    rewrites: dict[str, list[Rewrite]] = field(default_factory=dict)
    """Links the writer changed, by page (``<code>/<path>``), each with its original target."""
    files: dict[str, Counter[str]] = field(default_factory=dict)
    """Per translation's code, its tree's files by kind (``source.files.SourceFiles.counts``)."""
    not_on_site: list[SourceError] = field(default_factory=list)
    """Files of a kind no stage uses (``source.files.Kind.OTHER``), one line each."""
    unused_includes: list[str] = field(default_factory=list)
    """Files under ``includes/`` whose name no article mentions: on no page of the site."""
    missing_media: dict[str, int] = field(default_factory=dict)
    """Per site language, the images its pages show as alt text (missing from the source: common
    in localized repositories, which carry no media). Counted, not warned of one by one: the
    link check lists each (kind ``media``)."""
    outside: set[str] = field(default_factory=set)
    """Repository media outside ``SOURCE`` that pages show, copied into every language."""
    reads: dict[str, list[str]] = field(default_factory=dict)
    """Each article's includes and code files (``SOURCE``-relative paths), for the snapshot:
    an edited include writes again the articles that read it, and only those."""
    navigation: NavigationReport | None = None
    """The home pages, the tree, landing pages and redirects (``split.navigation``)."""
    missing_xrefs: dict[str, tuple[int, SourceError]] = field(default_factory=dict)
    """Each uid that cross references name and no article defines: how many references (on
    the pages of the language with most) and the first. Shown as text; reported once per uid
    (strict mode fails on them)."""

    behind: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per translation's code, its articles made from an older English than the site's, each
    with the count of segments whose English changed (``trees.choose_english``)."""
    names: dict[str, str] = field(default_factory=dict)
    """The site's name in each language, as the docsets give it (``site_names``)."""
    ties: dict[str, list[str]] = field(default_factory=dict)
    """Per translation's code, its articles whose English differs from the site's with the same
    date: the site's English is the earlier tree's (a reported choice)."""

    @property
    def languages(self) -> tuple[SiteLanguage, ...]:
        """Every language of the site: the default first, English last."""
        return (self.translation, *self.others, self.english)

    @property
    def translations(self) -> tuple[SiteLanguage, ...]:
        """Every translation, the default first."""
        return (self.translation, *self.others)

    def add_warnings(self, warnings: Iterable[SourceError]) -> None:
        """Add ``warnings``, each once (a construct both languages show is reported once)."""
        seen = {str(warning) for warning in self.warnings}
        for warning in warnings:
            if str(warning) not in seen:
                seen.add(str(warning))
                self.warnings.append(warning)
