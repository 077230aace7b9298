"""Stage 3, the split: a source folder -> ``docs/``, one folder of pages per site language.

``writer.write_article`` writes an article's pages (the one page writer, for the full split and
for the incremental one); ``full.split_tree`` writes every page into a staging folder and swaps
it in (``staging``), in worker processes for large trees (``workers``, ``progress``);
``snapshot`` remembers what it saw, so ``incremental.update_tree`` (run by ``watch`` while
``make serve`` runs) redoes only what changed.

May import: the vocabulary, ``source`` and ``pages``.
"""
