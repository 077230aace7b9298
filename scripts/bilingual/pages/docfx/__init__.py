"""DocFX's markdown constructs, one unit each (``pages.tree.unit``), as DocFX's Markdig pipeline
adds them (``Docfx.MarkdigEngine.Extensions``):

- blockquote sections (``quotes``): ``alerts`` (``> [!NOTE]`` …), ``divs`` (``> [!div]``) and
  ``videos`` (``> [!VIDEO url]``), several in one blockquote;
- triple-colon directives (``colons``): ``zones``, ``monikers``, ``rows`` (and columns),
  ``images``, ``videos``, ``code`` (``:::code:::``), ``nolocs``, ``forms``;
- ``includes`` (``[!INCLUDE[…](path)]``, block and inline), ``code`` (``[!code-lang[…](path)]``),
  ``xrefs`` (``<xref:uid>``, ``@uid``, ``[text](xref:uid)``, ``<xref href>``), ``tabs``
  (``# [Title](#tab/id)``), ``math`` (``$…$``, ``$$…$$``), ``autolinks`` (bare URLs), ``emoji``.

A construct that cannot be rendered shows a placeholder in the page's language
(``pages.placeholders``) and is reported at its ``file:line:column``; nothing is dropped.

May import: the vocabulary, ``source``, ``ui_text``, and the rest of ``pages``.
"""
