"""Stage 4, the site: the MkDocs-facing layer, the only code that knows MkDocs, Material and
mkdocs-static-i18n.

``build`` builds or serves the site (languages in parallel, merged by ``merge``); ``events`` is
what ``scripts/hooks.py`` hands MkDocs' events to, holding one build's state; ``internals``
reads every undocumented attribute the build relies on, in one place; ``i18n_files`` makes
static-i18n's choice of each language's files without a ``File`` of every file. The reader's side of each
page: ``alternates`` (lang, dir, hreflang), ``notices`` (reader notices), ``search_index``,
``dates``; and its safety: ``sanitize``, ``inline_images``.

May import: the vocabulary, ``source``, ``pages`` and ``split`` (its workers and progress).
"""
