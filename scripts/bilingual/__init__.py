"""Turn Microsoft's bilingual (side-by-side) markdown into one page per language.

The core modules are pure functions with no MkDocs imports:
``parse`` (bilingual text -> ``Document``), ``render`` (``Document`` x language -> page markdown),
``tree`` (a source folder -> a folder of pages), ``fwlink`` and ``linkcheck`` (link validation).
``mkdocs_site`` and ``cli`` are the thin I/O layers around them.
"""

from __future__ import annotations

__all__ = ["__version__"]
__version__ = "0.1.0"
