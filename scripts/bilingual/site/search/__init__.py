"""The site's search index: one per language, split into small files loaded on demand.

Material's search fetches ``search/search_index.json`` whole and posts it to its worker; the
site's worker (``overrides/assets/javascripts/workers/help-search.js``) gets a file of a few
kilobytes there (``shards.write_language``): the language's analysis, the number of entries
and a table of chunks. The words themselves are split, the way Pagefind splits its index, into

* ``search/index/<hash>.json``: chunks of the sorted index keys, each key with its spellings
  and their postings (page, section, counts in the title and the text); a query loads the
  chunk of each of its words (a word being typed: the chunks its prefix covers, at most two);
* ``search/fragment/<n>.json``: page ``n``'s result fragment (its location, and each
  section's anchor, title and sentences as plain text), loaded for the results shown.

The modules:

* ``text``: the words of a text as the worker splits them (``SEPARATOR`` keeps error codes
  whole), diacritics folded (``fold``), runs of Japanese, Chinese, Korean or Thai letters as
  overlapping pairs of letters (``bigrams``), the sentences of a section;
* ``latvian``: Lucene's light Latvian stemmer, on folded words;
* ``analysis``: each language's analysis (the same in the worker, word for word): Latvian
  (``latvian``), English (Lucene's minimal plural stemmer), Arabic (Lucene's normaliser and
  light stemmer), the languages lunr has a Snowball stemmer for (``snowballstemmer`` here, the
  same algorithm in lunr's file there), the others folded only;
* ``shards``: the index, its chunks and fragments, written; and read back for the tests.
"""
