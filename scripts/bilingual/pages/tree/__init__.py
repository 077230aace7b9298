"""The one parse: a page's text in one language -> a token tree in which every segment is known.

``language.LanguageText`` is a document's body in one language with each segment's place in it;
``parser`` parses it once with markdown-it-py (CommonMark, as DocFX's Markdig reads it) with
every construct's rules installed from the registry (``pages.units``); ``markers`` carries each
segment through the parse as two private-use characters that no rule reads; ``segments`` turns
them into ``segment_open`` / ``segment_close`` tokens and records where a segment that cannot be
wrapped went (code, an attribute); ``html`` writes the tree as the page's HTML.

May import: the vocabulary, ``source``, and the rest of ``pages``.
"""
