"""Stage 1, the source: bilingual text -> ``Document``, and the source folder as it is on disk.

``pairs`` defines the pair markup once; ``parse`` reads a source into a document (errors at
``file:line:column``), ``frontmatter`` its YAML, ``positions`` offsets as line and column;
``folder`` says which files are articles and which are includes, ``includes`` what each
document includes, ``media`` which files are media, ``toc`` reads ``TOC.yml``.

May import: the vocabulary (``bilingual.model``, ``errors``, ``locales``) and itself; nothing of
the writer or later stages.
"""
