"""Stage 5, live preview: the built site served, and kept up to date page by page as sources
change.

``language.LanguageBuild`` holds one language's MkDocs build and renders again only the pages
whose record (what each page was made from) a change breaks; ``site.LiveSite`` keeps one such
process per language and moves their pages into the served site; ``server`` serves the site on
loopback and tells the browsers which pages changed; ``session`` ties the watcher, the
incremental split, the site and the server together (``make serve``).

May import: the vocabulary, ``source``, ``pages``, ``split`` and ``site``.
"""
