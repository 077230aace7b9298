// The help site's search worker: Material's worker protocol (SETUP, READY, QUERY, RESULT) over
// a plain inverted index built in one pass, so a cold page answers within a few hundred ms
// instead of waiting seconds for lunr to build its index. Languages that need lunr's stemmers or
// segmenters (config.lang other than ["en"]) are handed to Material's own worker, named in this
// script's URL (?material=...).
"use strict";

var SETUP = 0;
var READY = 1;
var QUERY = 2;
var RESULT = 3;
var K1 = 1.2;
var HIGHLIGHTED = 50; // results marked up with <mark>; the rest are shown plain
var engine = null;
var delegated = false;

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function plainText(html) {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

function Engine(data) {
  this.separator = new RegExp(data.config.separator);
  this.docs = data.docs;
  this.pages = new Map();
  for (var d = 0; d < this.docs.length; d++) {
    if (!this.pages.has(this.docs[d].location)) this.pages.set(this.docs[d].location, this.docs[d]);
  }
  this.fields = Object.keys(data.config.fields).map(function (name) {
    return { name: name, boost: data.config.fields[name].boost || 1 };
  });
  this.postings = new Map();
  if (data.config.postings) {
    // Built with the site (scripts/bilingual/search_index.py): nothing left to index here.
    this.postings = new Map(Object.entries(data.config.postings));
    this.words = Array.from(this.postings.keys()).sort();
    return;
  }
  for (var index = 0; index < this.docs.length; index++) {
    var doc = this.docs[index];
    for (var f = 0; f < this.fields.length; f++) {
      var value = doc[this.fields[f].name];
      if (value === undefined) continue;
      var counts = new Map();
      var words = this.tokenize(Array.isArray(value) ? value.join(" ") : plainText(value));
      for (var w = 0; w < words.length; w++) counts.set(words[w], (counts.get(words[w]) || 0) + 1);
      var self = this;
      counts.forEach(function (count, word) {
        var list = self.postings.get(word);
        if (list === undefined) self.postings.set(word, (list = []));
        list.push(index, f, count);
      });
    }
  }
  this.words = Array.from(this.postings.keys()).sort();
}

Engine.prototype.tokenize = function (text) {
  return text.toLowerCase().split(this.separator).filter(function (word) {
    return word;
  });
};

// Words of the index that start with ``prefix`` (binary search over the sorted words).
Engine.prototype.expand = function (prefix) {
  var low = 0;
  var high = this.words.length;
  while (low < high) {
    var middle = (low + high) >> 1;
    if (this.words[middle] < prefix) low = middle + 1;
    else high = middle;
  }
  var found = [];
  for (var i = low; i < this.words.length && this.words[i].startsWith(prefix); i++) {
    found.push(this.words[i]);
  }
  return found;
};

Engine.prototype.highlight = function (html, terms) {
  if (!terms.length) return html;
  var pattern = new RegExp(terms.map(escapeRegExp).join("|"), "gi");
  return html
    .split(/(<[^>]*>)/)
    .map(function (part) {
      return part.charAt(0) === "<" ? part : part.replace(pattern, "<mark data-md-highlight>$&</mark>");
    })
    .join("");
};

Engine.prototype.search = function (query) {
  var terms = this.tokenize(query.replace(/["*+~^:]/g, " "));
  if (!terms.length) return { items: [] };
  var scores = new Map();
  var matched = new Map();
  var total = this.docs.length;
  for (var t = 0; t < terms.length; t++) {
    var words = this.expand(terms[t]);
    for (var w = 0; w < words.length; w++) {
      var list = this.postings.get(words[w]);
      var documents = list.length / 3;
      var idf = Math.log(1 + (total - documents + 0.5) / (documents + 0.5));
      var exact = words[w] === terms[t] ? 1 : 0.5;
      for (var p = 0; p < list.length; p += 3) {
        var count = list[p + 2];
        var gain = this.fields[list[p + 1]].boost * idf * exact * ((count * (K1 + 1)) / (count + K1));
        scores.set(list[p], (scores.get(list[p]) || 0) + gain);
        if (!matched.has(list[p])) matched.set(list[p], new Set());
        matched.get(list[p]).add(terms[t]);
      }
    }
  }
  var self = this;
  var items = [];
  scores.forEach(function (score, index) {
    var section = self.docs[index].location.indexOf("#") !== -1;
    var share = matched.get(index).size / terms.length;
    items.push({ index: index, score: score * (1 + Math.pow(+!section + share, 2)) });
  });
  items.sort(function (a, b) {
    return b.score - a.score;
  });
  var groups = new Map();
  items.forEach(function (hit, rank) {
    var doc = self.docs[hit.index];
    var found = matched.get(hit.index);
    var termMap = {};
    var hits = [];
    terms.forEach(function (term) {
      termMap[term] = found.has(term);
      if (found.has(term)) hits.push(term);
    });
    var marked = rank < HIGHLIGHTED ? hits : [];
    var page = doc.location.split("#")[0];
    if (!groups.has(page)) groups.set(page, []);
    groups.get(page).push({
      location: doc.location,
      title: self.highlight(doc.title, marked),
      text: self.highlight(doc.text, marked),
      tags: doc.tags,
      score: hit.score,
      terms: termMap,
    });
  });
  groups.forEach(function (group, page) {
    var doc = self.pages.get(page);
    if (doc && !group.some(function (item) { return item.location === page; })) {
      group.push({ location: doc.location, title: doc.title, text: doc.text, score: 0, terms: {} });
    }
  });
  return { items: Array.from(groups.values()), suggest: [] };
};

// Material's worker asks every word as a prefix (word*), and lunr does not stem a prefix: the
// German "Administratoren" would not find "Administrator". A query of plain words is asked, for
// each word, also as the word itself (word~0: an exact term, which goes through the language's
// stemmer). Words of scripts Material segments (Han, kana, Thai) and queries that use lunr's own
// syntax are left as typed.
var PLAIN_QUERY = /^[\p{L}\p{M}\p{N}_.\s]+$/u;
var SEGMENTED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}]/u;

function withStemmedWords(query) {
  if (!PLAIN_QUERY.test(query)) return query;
  return query
    .trim()
    .split(/\s+/)
    .map(function (word) {
      return SEGMENTED.test(word) ? word : word + "~0 " + word;
    })
    .join(" ");
}

function delegate(message) {
  delegated = true;
  var material = new URLSearchParams(self.location.search).get("material");
  importScripts(material);
  self.dispatchEvent(new MessageEvent("message", { data: message }));
}

addEventListener("message", function (event) {
  var message = event.data;
  if (delegated) {
    // this listener runs before Material's (added by importScripts in delegate)
    if (message.type === QUERY && !message.stemmed) {
      event.stopImmediatePropagation();
      var query = { type: QUERY, data: withStemmedWords(message.data), stemmed: true };
      self.dispatchEvent(new MessageEvent("message", { data: query }));
    }
    return;
  }
  if (message.type === SETUP) {
    var lang = message.data.config.lang || ["en"];
    if (lang.length !== 1 || lang[0] !== "en") {
      delegate(message);
      return;
    }
    engine = new Engine(message.data);
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    postMessage({ type: RESULT, data: engine ? engine.search(message.data) : { items: [] } });
  }
});
