"""A side stage, the translation memory: every segment pair of the sources -> TMX or XLIFF.

``memory`` gathers one language's pairs from its documents (one entry per distinct English and
translation, with every place it was read at), ``xmltext`` keeps their text inside what XML 1.0
allows (a character it refuses is reported at ``file:line:column`` and dropped), ``units`` joins
the languages into units keyed by their English, ``tmx`` and ``xliff`` write them through
translate-toolkit, and ``export`` reads the trees of ``SOURCE`` and writes the files
(``make tm``).

May import: the vocabulary and ``source``; nothing of the writer or later stages.
"""
