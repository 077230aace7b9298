"""The link checker: ``make links``.

``built_site`` checks a built site offline (internal links, anchors, images, external URLs'
shape via ``urls`` and ``fwlink``); ``source_links`` checks the bilingual sources (fwlinks, and
that a segment's translation links where its English does); ``online`` asks each distinct
external URL, ``verdicts`` judges where it landed, ``cache`` remembers live ones; ``report`` is
the ``links`` command, printing every problem and the summary.

May import: the vocabulary (``bilingual.model``, ``errors``), ``source``, and each other.
"""
