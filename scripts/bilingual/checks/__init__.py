"""Stage 6, the checks: nothing lost, nothing broken, the same every time.

``audit`` (round trip; segments in = segments out through the real split), ``parity`` and
``skeleton`` (each built page's blocks against CommonMark's), ``reproduce`` (two builds, byte for
byte), ``links/`` (the link checker).

May import: every stage above (they read sources, pages and sites).
"""
