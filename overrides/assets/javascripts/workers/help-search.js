// The help site's search worker: Material's worker protocol (SETUP, READY, QUERY, RESULT) over
// the index scripts/bilingual/site/search/ writes: the search_index.json Material's page posts
// in SETUP holds the chunk table only; a query fetches the chunks of its words and the result
// fragments of the pages it shows, so what a search loads does not grow with the docset.
//
// Words are analysed as the build analysed them (the twins of search/text.py, latvian.py and
// analysis.py are marked below): lower case, diacritics folded, then the language's stemmer;
// runs of Japanese, Chinese, Korean or Thai letters as overlapping pairs. Results are built as
// text and escaped here: nothing of the source becomes markup but the <mark> around matches.
// An index without the site's config (Material's own) is handed to Material's worker, named in
// this script's URL (?material=...).
"use strict";

var SETUP = 0;
var READY = 1;
var QUERY = 2;
var RESULT = 3;
var K1 = 1.2;
var FIRST = 6; // groups whose fragments come before the first RESULT: one request each, at once
var MOST = 50; // groups listed once their fragments are in, when the reader stops typing
var PAUSE = 400; // ms without a new query before the fragments of the groups after FIRST load
var SCAN_CHUNKS = 2; // chunks looked through for a word's spellings
var PREFIX_CHUNKS = 2; // chunks a word being typed expands into
var SPELLINGS = 8; // spellings of a result handed to Material's highlighting on the page
var EXCERPT = 220; // characters of a long sentence shown around its first match
var EXACT = 3;
var FOLDED = 2;
var STEM = 1;
var PREFIX = 0;
var WEIGHT = [0.3, 0.6, 0.8, 1];
var engine = null;
var delegated = false;
var state = { latest: 0, shown: 0, rendering: 0 }; // newest query, last shown, renders running

// ---- search/text.py

var LATIN_MARKS = /([a-z\u00df-\u024f\u0370-\u03ff\u1e00-\u1fff])[\u0300-\u036f]+/g;
// eslint-disable-next-line no-misleading-character-class -- the marks alone are the point
var SCRIPT_MARKS = /[\u0640\u064b-\u0652\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]/g;
var LETTERS = {
  "\u00df": "ss",
  "\u00f8": "o",
  "\u0142": "l",
  "\u0111": "d",
  "\u00f0": "d",
  "\u00fe": "th",
  "\u00e6": "ae",
  "\u0153": "oe",
  "\u0131": "i",
  "\u0127": "h",
  "\u0140": "l",
};
var LETTER = /[\u00df\u00f8\u0142\u0111\u00f0\u00fe\u00e6\u0153\u0131\u0127\u0140]/g;
var DICTIONARY =
  "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3005-\u3007\u3040-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
var HANGUL = "\uac00-\ud7af";
var NGRAM = DICTIONARY + HANGUL;
var HAS_NGRAM = new RegExp("[" + NGRAM + "]");
var RUNS = new RegExp(
  "([" + DICTIONARY + "]+)|([" + HANGUL + "]+)|([^" + NGRAM + "\u3000-\u303f\u30fb\uff00-\uffef]+)",
  "g",
);
var WORDS = "words";
var PAIRS = "pairs";
var OTHER = "";
// ICU's word breaks, as text.words gets them from ICU in Python (its root locale: the
// dictionaries are chosen by script).
var SEGMENTER = new Intl.Segmenter("und", { granularity: "word" });

function normal(word) {
  return word.toLowerCase().normalize("NFKC").toLowerCase();
}

function fold(word) {
  var text = word.toLowerCase().normalize("NFKD").replace(LATIN_MARKS, "$1").replace(SCRIPT_MARKS, "");
  return text
    .normalize("NFC")
    .replace(LETTER, function (letter) {
      return LETTERS[letter];
    })
    .toLowerCase();
}

// [[kind, run, offset], ...]: the runs of a word, each with how it is indexed (WORDS, PAIRS,
// OTHER), the twin of text.runs.
function runs(word) {
  if (!HAS_NGRAM.test(word)) return [[OTHER, word, 0]];
  var found = [];
  var match;
  RUNS.lastIndex = 0;
  while ((match = RUNS.exec(word)) !== null) {
    found.push([match[1] !== undefined ? WORDS : match[2] !== undefined ? PAIRS : OTHER, match[0], match.index]);
  }
  return found;
}

// The words of a run written without spaces, the twin of text.words.
function runWords(run) {
  var found = [];
  for (var piece of SEGMENTER.segment(run)) {
    if (!/^\s+$/.test(piece.segment)) found.push(piece.segment);
  }
  return found;
}

function bigrams(run) {
  if (run.length < 2) return [run];
  var pairs = [];
  for (var i = 0; i + 1 < run.length; i++) pairs.push(run.slice(i, i + 2));
  return pairs;
}

// ---- search/latvian.py: Lucene's LatvianStemmer

var AFFIXES = [
  ["ajiem", 3, false], ["ajai", 3, false], ["ajam", 2, false], ["aj\u0101m", 2, false],
  ["ajos", 2, false], ["aj\u0101s", 2, false], ["iem", 2, true], ["aj\u0101", 2, false],
  ["ais", 2, false], ["ai", 2, false], ["ei", 2, false], ["\u0101m", 1, false],
  ["am", 1, false], ["\u0113m", 1, false], ["\u012bm", 1, false], ["im", 1, false],
  ["um", 1, false], ["us", 1, true], ["as", 1, false], ["\u0101s", 1, false],
  ["es", 1, false], ["os", 1, true], ["ij", 1, false], ["\u012bs", 1, false],
  ["\u0113s", 1, false], ["is", 1, false], ["ie", 1, false], ["u", 1, true],
  ["a", 1, true], ["i", 1, true], ["e", 1, false], ["\u0101", 1, false],
  ["\u0113", 1, false], ["\u012b", 1, false], ["\u016b", 1, false], ["o", 1, false],
  ["s", 0, false], ["\u0161", 0, false],
];
var LV_FOLD = { "\u0101": "a", "\u0113": "e", "\u012b": "i", "\u016b": "u", "\u0161": "s", "\u017e": "z",
  "\u010d": "c", "\u013c": "l", "\u0146": "n", "\u0137": "k", "\u0123": "g" };
var FOLDED_AFFIXES = (function () {
  var seen = {};
  var table = [];
  AFFIXES.forEach(function (affix) {
    var folded = affix[0].replace(/./g, function (letter) {
      return LV_FOLD[letter] || letter;
    });
    if (!Object.prototype.hasOwnProperty.call(seen, folded)) {
      seen[folded] = true;
      table.push([folded, affix[1], affix[2]]);
    }
  });
  return table;
})();
var LV_VOWELS = "aeiou\u0101\u012b\u0113\u016b";
var LABIALS = ["pj", "bj", "mj", "vj"];
var PALATALS = [
  ["\u0161\u0146", "sn"], ["\u017e\u0146", "zn"], ["\u0161\u013c", "sl"], ["\u017e\u013c", "zl"],
  ["\u013c\u0146", "ln"], ["\u013c\u013c", "ll"],
];

function vowels(word) {
  var count = 0;
  for (var i = 0; i < word.length; i++) if (LV_VOWELS.indexOf(word[i]) !== -1) count++;
  return count;
}

function endsWithAny(word, endings) {
  return endings.some(function (ending) {
    return word.endsWith(ending);
  });
}

function unpalatalize(word, removed) {
  if (removed === "u") {
    if (word.endsWith("k\u0161")) return word.slice(0, -1) + "st";
    if (word.endsWith("\u0146\u0146")) return word.slice(0, -2) + "nn";
  }
  if (endsWithAny(word, LABIALS)) return word.slice(0, -1);
  for (var i = 0; i < PALATALS.length; i++) {
    if (word.endsWith(PALATALS[i][0])) return word.slice(0, -2) + PALATALS[i][1];
  }
  var last = { "\u010d": "c", "\u013c": "l", "\u0146": "n" }[word.slice(-1)];
  return last ? word.slice(0, -1) + last : word;
}

function unpalatalizeFolded(word, removed) {
  if (removed === "u" && word.endsWith("ks")) return word + "t";
  if (endsWithAny(word, LABIALS)) return word.slice(0, -1);
  return word;
}

function stemWith(word, affixes, undo) {
  var count = vowels(word);
  for (var i = 0; i < affixes.length; i++) {
    var affix = affixes[i][0];
    if (count > affixes[i][1] && word.length >= affix.length + 3 && word.endsWith(affix)) {
      var rest = word.slice(0, -affix.length);
      return affixes[i][2] ? undo(rest, affix[0]) : rest;
    }
  }
  return word;
}

function stemLatvian(word) {
  return stemWith(word, AFFIXES, unpalatalize);
}

function stemLatvianFolded(word) {
  return stemWith(word, FOLDED_AFFIXES, unpalatalizeFolded);
}

// ---- search/analysis.py

function english(word) {
  if (word.length < 3 || word[word.length - 1] !== "s") return word;
  var before = word[word.length - 2];
  if (before === "u" || before === "s") return word;
  if (before === "e") {
    if (word.length > 3 && word[word.length - 3] === "i" && "ae".indexOf(word[word.length - 4]) === -1) {
      return word.slice(0, -3) + "y";
    }
    if ("iaoe".indexOf(word[word.length - 3]) !== -1) return word;
  }
  return word.slice(0, -1);
}

var ARABIC_LETTERS = { "\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0649": "\u064a", "\u0629": "\u0647" };
var ARABIC_PREFIXES = ["\u0627\u0644", "\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0643\u0627\u0644", "\u0641\u0627\u0644", "\u0644\u0644", "\u0648"];
var ARABIC_SUFFIXES = ["\u0647\u0627", "\u0627\u0646", "\u0627\u062a", "\u0648\u0646", "\u064a\u0646", "\u064a\u0647", "\u064a\u0629", "\u0647", "\u0629", "\u064a"];

function arabicPrefix(word) {
  word = word.replace(/[\u0622\u0623\u0625\u0649\u0629]/g, function (letter) {
    return ARABIC_LETTERS[letter];
  });
  for (var i = 0; i < ARABIC_PREFIXES.length; i++) {
    var prefix = ARABIC_PREFIXES[i];
    if (word.length >= (prefix.length === 1 ? 4 : prefix.length + 2) && word.startsWith(prefix)) {
      return word.slice(prefix.length);
    }
  }
  return word;
}

function arabic(word) {
  word = arabicPrefix(word);
  for (var i = 0; i < ARABIC_SUFFIXES.length; i++) {
    var suffix = ARABIC_SUFFIXES[i];
    if (word.length >= suffix.length + 2 && word.endsWith(suffix)) word = word.slice(0, -suffix.length);
  }
  return word;
}

// lunr's language file (as Material ships it) on a stand-in for lunr: only its stemmer is used.
function lunrStemmer(code, folder) {
  self.lunr = {
    version: "2.3.9",
    Pipeline: { registerFunction: function () {} },
    generateStopWordFilter: function () {
      return function () {};
    },
  };
  importScripts(folder + "lunr.stemmer.support.min.js", folder + "lunr." + code + ".min.js");
  var stemmer = self.lunr[code].stemmer;
  return function (word) {
    return stemmer(word);
  };
}

function identity(word) {
  return word;
}

function Analysis(name, stem) {
  this.name = name;
  this.stem = stem;
}

Analysis.prototype.key = function (word) {
  if (/[0-9]/.test(word)) return fold(word); // an error code, a version: not stemmed
  if (this.name === "latvian") return fold(stemLatvian(word));
  return this.stem(fold(word));
};

Analysis.prototype.prefix = function (word) {
  return this.name === "arabic" ? arabicPrefix(fold(word)) : fold(word);
};

// Keys a word typed without diacritics may stand for, besides its own key.
Analysis.prototype.fallback = function (word) {
  var plain = this.name === "latvian" && fold(word) === word && !/[0-9]/.test(word);
  return plain ? [stemLatvianFolded(word)] : [];
};

function analysis(name, lunr, lunrFolder) {
  if (name === "english") return new Analysis(name, english);
  if (name === "arabic") return new Analysis(name, arabic);
  if (name === "snowball") return new Analysis(name, lunrStemmer(lunr, lunrFolder));
  // "indexed" (stemmed at build time only: a typed word finds its stem by its spelling among
  // the index's, Engine.prototype.match) and "plain": words folded.
  return new Analysis(name, identity);
}

// ---- results as text, escaped

function escapeHTML(text) {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

// ``text`` escaped, the ranges [[start, end], ...] (sorted, not overlapping) in <mark>.
function marked(text, ranges) {
  var out = "";
  var at = 0;
  ranges.forEach(function (range) {
    out += escapeHTML(text.slice(at, range[0]));
    out += "<mark data-md-highlight>" + escapeHTML(text.slice(range[0], range[1])) + "</mark>";
    at = range[1];
  });
  return out + escapeHTML(text.slice(at));
}

function merge(ranges) {
  ranges.sort(function (a, b) {
    return a[0] - b[0];
  });
  var out = [];
  ranges.forEach(function (range) {
    var last = out[out.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else out.push([range[0], range[1]]);
  });
  return out;
}

// ---- the engine

function Engine(config, lunrFolder) {
  var help = config.help;
  this.separator = new RegExp(config.separator);
  this.splitter = new RegExp(config.separator, "g");
  this.analysis = analysis(help.analysis, help.lunr, lunrFolder);
  this.folder = new URL(help.folder, self.location.href).href;
  this.version = help.version;
  this.entries = help.entries;
  this.firsts = help.chunks.map(function (chunk) {
    return chunk[0];
  });
  this.names = help.chunks.map(function (chunk) {
    return chunk[1];
  });
  var fields = config.fields || {};
  this.titleBoost = (fields.title && fields.title.boost) || 1;
  this.textBoost = (fields.text && fields.text.boost) || 1;
  this.chunks = new Map();
  this.fragments = new Map();
  this.folds = new Map();
}

Engine.prototype.fold = function (word) {
  var known = this.folds.get(word);
  if (known === undefined) this.folds.set(word, (known = fold(word)));
  return known;
};

Engine.prototype.fetchJSON = function (cache, key, url) {
  var known = cache.get(key);
  if (known === undefined) {
    known = fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
    known.catch(function () {
      cache.delete(key);
    });
    cache.set(key, known);
  }
  return known;
};

Engine.prototype.chunk = function (number) {
  return this.fetchJSON(this.chunks, number, this.folder + "index/" + this.names[number]);
};

Engine.prototype.fragment = function (page) {
  var url = this.folder + "fragment/" + page + ".json?v=" + this.version;
  return this.fetchJSON(this.fragments, page, url);
};

// The chunk a key falls in (the last whose first key is not after it).
Engine.prototype.chunkOf = function (key) {
  var low = 0;
  var high = this.firsts.length;
  while (low < high) {
    var middle = (low + high) >> 1;
    if (this.firsts[middle] <= key) low = middle + 1;
    else high = middle;
  }
  return Math.max(0, low - 1);
};

Engine.prototype.range = function (low, high, most) {
  var found = [];
  for (var i = this.chunkOf(low); i <= this.chunkOf(high) && found.length < most; i++) found.push(i);
  return found;
};

// [[key, spelling, kind], ...] of a word (normal): a run written without spaces gives its
// words, a run of Hangul its pairs.
function wordParts(analyzer, word) {
  var found = [];
  runs(word).forEach(function (run) {
    if (run[0] === WORDS) {
      runWords(run[1]).forEach(function (part) {
        found.push([fold(part), part, WORDS]);
      });
    } else if (run[0] === PAIRS) {
      bigrams(fold(run[1])).forEach(function (pair) {
        found.push([pair, pair, PAIRS]);
      });
    } else {
      found.push([analyzer.key(run[1]), run[1], OTHER]);
    }
  });
  return found;
}

// [[key, spelling], ...] of a word (normal), the twin of analysis.word_terms (which
// tests/search_worker.js compares it with).
// eslint-disable-next-line no-unused-vars
function wordTerms(analyzer, word) {
  return wordParts(analyzer, word).map(function (part) {
    return [part[0], part[1]];
  });
}

function tokens(text, separator) {
  return text.toLowerCase().split(separator).filter(Boolean).map(normal);
}

// The words of a query: each with its parts (a word, or the pairs of a run of Hangul); each
// word of a run written without spaces is a word of its own (a query typed without spaces,
// 管理会议, is its words 管理 and 会议); those of the word being typed may each be the start of
// a word (a word typed in part, อัปเ, may break into pieces of no word).
Engine.prototype.parse = function (query) {
  var text = query.replace(/["*+~^:]/g, " ");
  var words = tokens(text, this.separator);
  var open = words.length > 0 && !this.separator.test(text.slice(-1));
  var self = this;
  var seen = new Set();
  var terms = [];
  words.forEach(function (word, index) {
    if (seen.has(word)) return;
    seen.add(word);
    var typing = open && index === words.length - 1;
    var pieces = wordParts(self.analysis, word);
    var parts = [];
    pieces.forEach(function (piece) {
      var key = piece[0];
      var spelling = piece[1];
      if (piece[2] === WORDS) {
        if (seen.has(WORDS + spelling)) return;
        seen.add(WORDS + spelling);
        terms.push({ text: spelling, parts: [self.part(spelling, key, [key], typing ? key : null)] });
      } else if (piece[2] === PAIRS) {
        parts.push(self.part(spelling, spelling, [key], key.length === 1 ? key : null));
      } else {
        var keys = [key].concat(self.analysis.fallback(spelling));
        parts.push(self.part(spelling, fold(spelling), keys, typing ? self.analysis.prefix(spelling) : null));
      }
    });
    if (parts.length) terms.push({ text: word, parts: parts });
  });
  return terms;
};

Engine.prototype.part = function (surface, folded, keys, prefix) {
  return { surface: surface, folded: folded, computed: keys, keys: null, prefix: prefix, hits: [] };
};

Engine.prototype.chunksOf = function (part) {
  var found = new Set();
  var self = this;
  var start = part.folded.slice(0, Math.max(3, part.folded.length - 6));
  this.range(start, part.folded + "\uffff", part.folded.length < 2 ? 1 : SCAN_CHUNKS).forEach(function (i) {
    found.add(i);
  });
  part.computed.forEach(function (key) {
    found.add(self.chunkOf(key));
  });
  if (part.prefix !== null) {
    // The first letter typed expands into one chunk: its results show while the next loads.
    var most = part.prefix.length < 2 ? 1 : PREFIX_CHUNKS;
    this.range(part.prefix, part.prefix + "\uffff", most).forEach(function (i) {
      found.add(i);
    });
  }
  return Array.from(found);
};

// A part's spellings in the loaded chunks, each with how it matches: the spelling typed, the
// same letters without diacritics, another form of the same key, or a word the typing begins.
Engine.prototype.match = function (part, loaded) {
  var self = this;
  var entries = [];
  loaded.forEach(function (chunk) {
    chunk.forEach(function (entry) {
      entries.push(entry);
    });
  });
  var evidence = new Set();
  entries.forEach(function (entry) {
    for (var s = 1; s < entry.length; s += 2) {
      if (self.fold(entry[s]) === part.folded) evidence.add(entry[0]);
    }
  });
  part.keys = evidence.size ? evidence : new Set(part.computed);
  var hits = [];
  var seen = new Set();
  entries.forEach(function (entry) {
    var key = entry[0];
    if (seen.has(key)) return;
    seen.add(key);
    var begins = part.prefix !== null && key.startsWith(part.prefix);
    for (var s = 1; s < entry.length; s += 2) {
      var spelling = entry[s];
      var folded = self.fold(spelling);
      var kind = -1;
      if (spelling === part.surface) kind = EXACT;
      else if (folded === part.folded) kind = FOLDED;
      else if (part.keys.has(key)) kind = STEM;
      else if (begins || (part.prefix !== null && folded.startsWith(part.folded))) kind = PREFIX;
      if (kind >= 0) hits.push({ spelling: spelling, postings: entry[s + 1], kind: kind });
    }
  });
  part.hits = hits;
};

function saturated(count) {
  return (count * (K1 + 1)) / (count + K1);
}

// entry (page * 65536 + section) -> {score, spellings}: what one part finds.
Engine.prototype.score = function (part) {
  var found = new Map();
  var self = this;
  part.hits.forEach(function (hit) {
    var page = 0;
    for (var p = 0; p < hit.postings.length; p += 2) {
      page += hit.postings[p];
      var code = hit.postings[p + 1];
      var entry = page * 65536 + (code >> 6);
      var gain = WEIGHT[hit.kind] * (self.titleBoost * saturated((code >> 4) & 3) + self.textBoost * saturated(code & 15));
      var known = found.get(entry);
      if (known === undefined) found.set(entry, (known = { score: 0, spellings: new Set() }));
      known.score += gain;
      known.spellings.add(hit.spelling);
    }
  });
  var documents = found.size;
  var idf = Math.log(1 + (this.entries - documents + 0.5) / (documents + 0.5));
  found.forEach(function (value) {
    value.score *= idf;
  });
  return found;
};

// The ranked pages of a query: [{page, entries: [{section, score, terms, spellings}]}].
Engine.prototype.rank = function (terms) {
  var self = this;
  var wanted = new Set();
  terms.forEach(function (term) {
    term.parts.forEach(function (part) {
      self.chunksOf(part).forEach(function (i) {
        wanted.add(i);
      });
    });
  });
  var numbers = Array.from(wanted);
  return Promise.all(
    numbers.map(function (i) {
      return self.chunk(i);
    }),
  ).then(function (loaded) {
    var byNumber = new Map();
    numbers.forEach(function (number, i) {
      byNumber.set(number, loaded[i]);
    });
    var entries = new Map();
    terms.forEach(function (term, index) {
      var scored = term.parts.map(function (part) {
        self.match(
          part,
          self.chunksOf(part).map(function (i) {
            return byNumber.get(i);
          }),
        );
        return self.score(part);
      });
      scored[0].forEach(function (first, entry) {
        var score = 0;
        var spellings = [];
        for (var p = 0; p < scored.length; p++) {
          var value = scored[p].get(entry);
          if (value === undefined) return; // every pair of a CJK word, or it is not found
          score += value.score;
          value.spellings.forEach(function (spelling) {
            spellings.push(spelling);
          });
        }
        var known = entries.get(entry);
        if (known === undefined) entries.set(entry, (known = { score: 0, terms: new Set(), spellings: new Set() }));
        known.score += score;
        known.terms.add(index);
        spellings.forEach(function (spelling) {
          known.spellings.add(spelling);
        });
      });
    });
    var pages = new Map();
    entries.forEach(function (value, entry) {
      var section = entry % 65536;
      var share = value.terms.size / terms.length;
      value.score *= 1 + Math.pow(+(section === 0) + share, 2);
      value.section = section;
      var page = (entry - section) / 65536;
      if (!pages.has(page)) pages.set(page, { page: page, best: 0, entries: [] });
      var group = pages.get(page);
      group.entries.push(value);
      group.best = Math.max(group.best, value.score);
    });
    var ranked = Array.from(pages.values());
    ranked.sort(function (a, b) {
      return b.best - a.best || a.page - b.page;
    });
    ranked.forEach(function (group) {
      group.entries.sort(function (a, b) {
        return b.score - a.score || a.section - b.section;
      });
    });
    return ranked;
  });
};

// Whether a word of a result matches a part: [[start, end], ...] of the matched letters.
Engine.prototype.wordMarks = function (word, offset, terms, found) {
  var self = this;
  var ranges = [];
  var folded = this.fold(word);
  var key = null;
  terms.forEach(function (term, index) {
    term.parts.forEach(function (part) {
      if (part.keys === null) return;
      if (key === null) key = self.analysis.key(word);
      if (
        word === part.surface ||
        folded === part.folded ||
        part.keys.has(key) ||
        (part.prefix !== null && (folded.startsWith(part.folded) || key.startsWith(part.prefix)))
      ) {
        ranges.push([offset, offset + word.length]);
        found.add(index);
      }
    });
  });
  return ranges;
};

Engine.prototype.pairMarks = function (run, offset, terms, found) {
  var ranges = [];
  var folded = fold(run);
  if (folded.length !== run.length) return ranges;
  terms.forEach(function (term, index) {
    term.parts.forEach(function (part) {
      var size = part.surface.length;
      if (!HAS_NGRAM.test(part.surface)) return;
      for (var at = folded.indexOf(part.surface); at !== -1; at = folded.indexOf(part.surface, at + 1)) {
        ranges.push([offset + at, offset + at + size]);
        found.add(index);
      }
    });
  });
  return ranges;
};

// The matched letters of a plain text, and the query words they match.
Engine.prototype.marks = function (text, terms) {
  var self = this;
  var ranges = [];
  var found = new Set();
  var at = 0;
  var match;
  var words = [];
  this.splitter.lastIndex = 0;
  while ((match = this.splitter.exec(text)) !== null) {
    if (match.index > at) words.push([at, text.slice(at, match.index)]);
    at = match.index + match[0].length;
    if (match[0].length === 0) this.splitter.lastIndex++;
  }
  if (at < text.length) words.push([at, text.slice(at)]);
  words.forEach(function (item) {
    var word = normal(item[1]);
    if (!HAS_NGRAM.test(word)) {
      if (word.length === item[1].length) ranges = ranges.concat(self.wordMarks(word, item[0], terms, found));
      return;
    }
    if (word.length !== item[1].length) return;
    runs(word).forEach(function (run) {
      var offset = item[0] + run[2];
      ranges = ranges.concat(
        run[0] !== OTHER
          ? self.pairMarks(run[1], offset, terms, found)
          : self.wordMarks(run[1], offset, terms, found),
      );
    });
  });
  return { ranges: merge(ranges), terms: found };
};

// The sentence of a section that matches the most query words, cut around its first match.
Engine.prototype.excerpt = function (sentences, terms) {
  var best = null;
  for (var i = 0; i < sentences.length; i++) {
    var marks = this.marks(sentences[i], terms);
    if (best === null || marks.terms.size > best.marks.terms.size) best = { text: sentences[i], marks: marks };
  }
  if (best === null) return "";
  var text = best.text;
  var ranges = best.marks.ranges;
  if (text.length > EXCERPT) {
    var start = ranges.length ? Math.max(0, ranges[0][0] - 60) : 0;
    var end = Math.min(text.length, start + EXCERPT);
    var cut = text.slice(start, end);
    ranges = ranges
      .filter(function (range) {
        return range[0] >= start && range[1] <= end;
      })
      .map(function (range) {
        return [range[0] - start, range[1] - start];
      });
    return "<p>" + (start > 0 ? "\u2026" : "") + marked(cut, ranges) + (end < text.length ? "\u2026" : "") + "</p>";
  }
  return "<p>" + marked(text, ranges) + "</p>";
};

// Material's result groups for the ranked pages, their fragments fetched.
Engine.prototype.render = function (ranked, terms) {
  var self = this;
  return Promise.all(
    ranked.map(function (group) {
      return self.fragment(group.page);
    }),
  ).then(function (fragments) {
    return ranked.map(function (group, g) {
      var fragment = fragments[g];
      var items = group.entries.map(function (value) {
        return self.item(fragment, value.section, value.score, value, terms);
      });
      if (!group.entries.some(function (value) { return value.section === 0; })) {
        items.push(self.item(fragment, 0, 0, null, terms));
      }
      return items;
    });
  });
};

Engine.prototype.item = function (fragment, number, score, value, terms) {
  var section = fragment.s[number] || fragment.s[0];
  var title = this.marks(section[1], value ? terms : []);
  var matched = {};
  terms.forEach(function (term, index) {
    matched[term.text] = value !== null && value.terms.has(index);
  });
  if (value !== null) {
    Array.from(value.spellings) // a pair of CJK letters is no word: the page marks the query's
      .filter(function (spelling) {
        return !HAS_NGRAM.test(spelling);
      })
      .slice(0, SPELLINGS)
      .forEach(function (spelling) {
        if (!Object.prototype.hasOwnProperty.call(matched, spelling)) matched[spelling] = true;
      });
  }
  var location = fragment.l + section[0];
  // A page's address is relative to the language's root: one whose first segment looks like a
  // scheme (a file named "javascript:…") must not become one.
  if (/^[^/?#]*:/.test(location)) location = "./" + location;
  return {
    location: location,
    title: marked(section[1], title.ranges),
    text: value ? this.excerpt(section[2], terms) : "",
    score: score,
    terms: matched,
  };
};

// Answers query number ``ticket``: its first groups as soon as their fragments are in, up to
// MOST once it has stood for PAUSE ms (the reader stopped typing). While the reader types, a
// query a newer one replaced is still shown if no other is being rendered: results follow the
// typing without fetching fragments for every key.
Engine.prototype.search = function (query, ticket) {
  var terms = this.parse(query);
  if (!terms.length) {
    answer(ticket, []);
    return Promise.resolve();
  }
  var self = this;
  return this.rank(terms).then(function (ranked) {
    if (ticket < state.latest && state.rendering > 0) return undefined;
    state.rendering++;
    return self
      .render(ranked.slice(0, FIRST), terms)
      .finally(function () {
        state.rendering--;
      })
      .then(function (items) {
        if (!answer(ticket, items) || ranked.length <= FIRST) return undefined;
        return new Promise(function (resolve) {
          setTimeout(resolve, PAUSE);
        }).then(function () {
          if (ticket !== state.latest) return undefined;
          return self.render(ranked.slice(0, MOST), terms).then(function (more) {
            if (ticket === state.latest) answer(ticket, more);
          });
        });
      });
  });
};

// Posts the RESULT of query ``ticket`` unless a newer query's is already shown.
function answer(ticket, items) {
  if (ticket < state.shown) return false;
  state.shown = ticket;
  postMessage({ type: RESULT, data: { items: items } });
  return true;
}

function delegate(message) {
  delegated = true;
  var material = new URLSearchParams(self.location.search).get("material");
  importScripts(material);
  self.dispatchEvent(new MessageEvent("message", { data: message }));
}

addEventListener("message", function (event) {
  var message = event.data;
  if (delegated) return; // Material's own listener (added by importScripts in delegate) answers
  if (message.type === SETUP) {
    if (!message.data.config.help) {
      delegate(message);
      return;
    }
    engine = new Engine(message.data.config, new URL("../lunr/min/", self.location.href).href);
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var ticket = ++state.latest;
    if (engine === null) answer(ticket, []);
    else engine.search(message.data, ticket).catch(function () {
      if (ticket === state.latest) answer(ticket, []);
    });
  }
});
