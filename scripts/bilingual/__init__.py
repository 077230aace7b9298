"""Turn Microsoft's bilingual (side-by-side) markdown into a multilingual help site.

The package is the pipeline; data flows one way, and each stage imports only the stages above
it (``tests/test_layout.py`` checks it)::

    model, errors, locales, ui_text   the vocabulary: segment, document, language, errors
    source/    bilingual text -> Document; the source folder (articles, includes, media, TOC)
    tm/        a side branch: every segment pair of the sources -> a translation memory (TMX, XLIFF)
    pages/     Document x language -> page markdown (the writer: render, blocks, DocFX, links)
    split/     a source folder -> docs/: every page written, staged and swapped in; incremental
    site/      docs/ -> the site: the MkDocs-facing layer (build, hooks' events, search, safety)
    checks/    audit, parity, reproduce, and checks/links/ (the link checker)
    cli        ``python -m bilingual …``: the thin command line over all of them

Pure functions at the core (``source``, ``pages``); file I/O in ``split`` and ``checks``; only
``site`` knows MkDocs, Material and mkdocs-static-i18n.
"""

from __future__ import annotations

__all__ = ["__version__"]
__version__ = "0.1.0"
