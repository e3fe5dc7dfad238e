// briefgen: Material's search worker, with each word of a query stemmed before the search.
//
// Material appends "*" to every query word for type-ahead, and Lunr does not run its search
// pipeline on wildcard terms, so "Gipfels" looks for index terms starting with "gipfels" while
// the stemmed index holds "gipfel". This wrapper loads Material's worker (named in ?material=,
// from this folder) and rewrites each plain word of a query to its stem, computed with the same
// languages and pipeline as the index: "Gipfels" -> "gipfel" -> Material searches "gipfel*".
(function () {
  "use strict";
  var name = new URL(self.location.href).searchParams.get("material") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(name)) throw new Error("briefgen-search: not a search worker: " + name);

  var handlers = [];
  var add = self.addEventListener;
  self.addEventListener = function (type, fn, options) {
    if (type === "message") handlers.push(fn);
    else add.call(self, type, fn, options);
  };
  importScripts(name);
  self.addEventListener = add;

  var config = null;
  var stemmer;  // undefined: not built yet; null: no stemming

  function buildStemmer() {
    var lunr = self.lunr;
    if (!lunr || !config || (config.pipeline || []).indexOf("stemmer") < 0) return null;
    // the stemmers the index uses, in the same order as lunr.multiLanguage puts them
    var pipeline = new lunr.Pipeline();
    var langs = config.lang || ["en"];
    for (var i = 0; i < langs.length; i++) {
      var fn = langs[i] === "en" ? lunr.stemmer : (lunr[langs[i]] && lunr[langs[i]].stemmer);
      if (!fn) return undefined;  // language files not loaded yet
      pipeline.add(fn);
    }
    return function (word) {
      var out = pipeline.runString(word.toLowerCase());
      return out.length && out[0] ? out[0] : word;
    };
  }

  var WORD = /(^|\s)([\p{L}\p{N}]{3,})(?=\s|$)/gu;

  function rewrite(query) {
    if (typeof query !== "string") return query;
    if (stemmer === undefined) stemmer = buildStemmer();
    if (!stemmer) return query;
    return query.replace(WORD, function (match, space, word) { return space + stemmer(word); });
  }

  add.call(self, "message", function (ev) {
    var data = ev.data;
    if (data && data.type === 0 && data.data) {
      config = data.data.config;
      stemmer = undefined;
    } else if (data && data.type === 2) {
      data = { type: 2, data: rewrite(data.data) };
    }
    for (var i = 0; i < handlers.length; i++) handlers[i].call(self, { data: data });
  });
})();
