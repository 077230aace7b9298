"""Stage 2, the page writer: ``Document`` x language -> page markdown, in memory.

``render.render_page`` is the writer: a document's text in one language, the English original on
each translated sentence (``hover``), DocFX constructs (``docfx``; included sources through
``resolver``), CommonMark's blocks rewritten for Python-Markdown (``blocks``) and every link
resolved (``link_rewrite``). ``home`` writes a language's home page, the index of the articles.

May import: the vocabulary and ``source``. No file is written here.
"""
