// Search box enhancements. Live: suggestions come from /search/suggest. On a static copy of
// the site (meta repforge-static) there is no server, so suggestions and results come from
// /search-index.json, built at export time from the server's own words and weights.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("q-suggestions");
  var isStatic = !!document.querySelector('meta[name="repforge-static"]');
  var indexPromise = null;

  function loadIndex() {
    if (!indexPromise) {
      indexPromise = fetch("/search-index.json").then(function (r) {
        if (!r.ok) throw new Error("no search index");
        return r.json();
      });
    }
    return indexPromise;
  }

  // The server's normalisation: ASCII lower-case words, plurals folded (search/terms.py).
  function stem(word, irregular) {
    if (Object.prototype.hasOwnProperty.call(irregular, word)) return irregular[word];
    if (word.length <= 3 || word.slice(-1) !== "s" || /(ss|us|is)$/.test(word)) return word;
    if (/ies$/.test(word) && word.length > 5) return word.slice(0, -3) + "y";
    if (/(sses|ches|shes|xes)$/.test(word)) return word.slice(0, -2);
    return word.slice(0, -1);
  }

  function tokens(text, index) {
    var ascii = text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase();
    return ascii
      .replace(/[^a-z0-9]+/g, " ")
      .trim()
      .split(" ")
      .filter(function (w) { return w && w !== "s"; })
      .map(function (w) { return stem(w, index.irregular); });
  }

  // Shorthand and synonyms spelled out, longest phrase first ('rdl' -> 'romanian deadlift').
  function rewrite(words, index) {
    var table = index._rewrites;
    if (!table) {
      table = index._rewrites = {};
      index._longest = 1;
      index.rewrites.forEach(function (pair) {
        table[pair[0].join(" ")] = pair[1];
        index._longest = Math.max(index._longest, pair[0].length);
      });
    }
    var out = [];
    var i = 0;
    while (i < words.length) {
      var done = false;
      for (var size = Math.min(index._longest, words.length - i); size > 0; size--) {
        var key = words.slice(i, i + size).join(" ");
        if (Object.prototype.hasOwnProperty.call(table, key)) {
          out = out.concat(table[key]);
          i += size;
          done = true;
          break;
        }
      }
      if (!done) {
        out.push(words[i]);
        i += 1;
      }
    }
    return out;
  }

  function swapped(a, b) {
    for (var i = 0; i + 1 < a.length; i++) {
      if (a[i] !== b[i]) {
        return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
      }
    }
    return false;
  }

  // One letter added, dropped, changed or two swapped, for words long enough to be a typo.
  function oneEditApart(a, b) {
    if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 1 || a === b) return false;
    if (a.length === b.length && swapped(a, b)) return true;
    var i = 0;
    var j = 0;
    var edits = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { i++; j++; continue; }
      if (++edits > 1) return false;
      if (a.length > b.length) i++;
      else if (b.length > a.length) j++;
      else { i++; j++; }
    }
    return edits + (a.length - i) + (b.length - j) <= 1;
  }

  function wordScore(doc, word, last, weights) {
    var best = doc.m && Object.prototype.hasOwnProperty.call(doc.m, word) ? doc.m[word] : 0;
    doc.l.forEach(function (label, n) {
      var weight = n === 0 ? weights.name : weights.alias;
      label.forEach(function (w) {
        if (w === word) best = Math.max(best, weight);
        else if (last && word.length >= 3 && w.indexOf(word) === 0) best = Math.max(best, 0.8 * weight);
        else if (oneEditApart(w, word)) best = Math.max(best, 0.7 * weight);
      });
    });
    if (!best && doc.f.indexOf(word) >= 0) best = weights.facts;
    return best;
  }

  function adjacentPairs(label, words) {
    var found = 0;
    for (var i = 0; i + 1 < words.length; i++) {
      for (var k = 0; k + 1 < label.length; k++) {
        if (label[k] === words[i] && label[k + 1] === words[i + 1]) { found++; break; }
      }
    }
    return found;
  }

  // Every word the index knows, with how many exercises use it, for spelling fixes.
  function vocabulary(index) {
    if (!index._vocab) {
      var counts = new Map();
      var add = function (w) { counts.set(w, (counts.get(w) || 0) + 1); };
      index.docs.forEach(function (doc) {
        doc.l.forEach(function (label) { label.forEach(add); });
        doc.f.forEach(add);
        Object.keys(doc.m || {}).forEach(add);
      });
      index._vocab = counts;
    }
    return index._vocab;
  }

  // A word the index does not know becomes the most used known word one typo away.
  function corrected(word, index) {
    var known = vocabulary(index);
    if (known.has(word) || word.length < 4) return word;
    var best = word;
    var uses = 0;
    known.forEach(function (count, candidate) {
      if (count > uses && oneEditApart(candidate, word)) {
        best = candidate;
        uses = count;
      }
    });
    return best;
  }

  // "no equipment", "at home": filters, as on the server, not words to match.
  function kitFilter(words, index) {
    var phrases = index.kit_phrases || {};
    var kit = null;
    Object.keys(phrases).forEach(function (flag) {
      phrases[flag].forEach(function (phrase) {
        var parts = phrase.split(" ");
        for (var i = 0; i + parts.length <= words.length; i++) {
          if (words.slice(i, i + parts.length).join(" ") === phrase) {
            words.splice(i, parts.length);
            kit = kit === "b" ? "b" : flag;
            return;
          }
        }
      });
    });
    return kit;
  }

  // The longest phrase of `table` starting at word i: {size, value}, or null.
  function phraseAt(words, i, table) {
    for (var size = Math.min(4, words.length - i); size > 0; size--) {
      var key = words.slice(i, i + size).join(" ");
      if (Object.prototype.hasOwnProperty.call(table, key)) return { size: size, value: table[key] };
    }
    return null;
  }

  // "advanced push up", "row without a bar": the server's level and negated-kit filters.
  function filters(words, index, stop) {
    var negations = new Set(index.negations || []);
    var families = new Set(index.families || []);
    var found = { words: [], levels: null, excluded: [], refused: [] };
    var negate = false;
    var i = 0;
    while (i < words.length) {
      var w = words[i];
      if (negations.has(w)) { negate = true; i++; continue; }
      if (negate && stop.has(w)) { i++; continue; } // 'without a barbell'
      var kit = negate ? phraseAt(words, i, index.kit_words || {}) : null;
      var level = kit ? null : phraseAt(words, i, index.levels || {});
      if (kit) {
        found.excluded = found.excluded.concat(kit.value);
        if (kit.size === 1 && families.has(w)) found.refused.push(w);
        i += kit.size;
      } else if (level) {
        found.levels = (found.levels || []).concat(level.value);
        i += level.size;
      } else {
        found.words.push(w);
        i++;
      }
      negate = false;
    }
    return found;
  }

  function allowed(doc, kit, wanted) {
    if (kit && !doc[kit]) return false;
    if (wanted.levels && wanted.levels.indexOf(doc.v) < 0) return false;
    if (wanted.excluded.length) {
      var out = wanted.excluded;
      var needs = (doc.r || []).some(function (k) { return out.indexOf(k) >= 0; }) ||
        ((doc.o || []).length > 0 && doc.o.every(function (k) { return out.indexOf(k) >= 0; }));
      if (needs) return false;
      if (wanted.refused.some(function (w) { return doc.l[0].indexOf(w) >= 0; })) return false;
    }
    return true;
  }

  function search(index, query) {
    var stop = index._stop || (index._stop = new Set(index.stopwords));
    var typed = rewrite(tokens(query, index).map(function (w) { return corrected(w, index); }), index);
    var kit = kitFilter(typed, index);
    var wanted = filters(typed, index, stop);
    var filtered = kit || wanted.levels || wanted.excluded.length;
    var words = wanted.words.filter(function (w) { return !stop.has(w); });
    if (!words.length && !filtered) return [];
    var hits = rank(index, words, function (doc) { return allowed(doc, kit, wanted); });
    // as on the server: when nothing passes the filters, show what matches the words
    if (!hits.length && filtered && words.length) hits = rank(index, words, function () { return true; });
    return hits;
  }

  function rank(index, words, keep) {
    var weights = index.weights;
    var whole = words.join("");
    var facets = index._facets || (index._facets = new Set(index.facet_words || []));
    // a query of muscles, kit and kinds names no exercise: no credit for spelling a name
    var free = words.some(function (w) { return !facets.has(w); });
    var hits = [];
    index.docs.forEach(function (doc) {
      if (!keep(doc)) return;
      var total = 0;
      var matched = 0;
      words.forEach(function (w, i) {
        var score = wordScore(doc, w, i === words.length - 1, weights);
        if (score > 0) matched++;
        total += score;
      });
      // 'benchpress' spells 'bench press' without the space
      var spelled = doc.l.some(function (label) { return label.join("") === whole; });
      if (spelled) { matched = words.length; total = words.length * weights.name; }
      if (!matched && words.length) return;
      var relevance = words.length ? total / words.length : 0;
      if (matched < words.length) relevance *= 0.5; // some words only: after every full match
      var coverage = 0;
      var order = 0;
      doc.l.forEach(function (label) {
        if (label.join("") === whole) relevance += weights.exact;
        var inQuery = label.filter(function (w) { return words.indexOf(w) >= 0; }).length;
        coverage = Math.max(coverage, label.length ? inQuery / label.length : 0);
        if (words.length > 1) order = Math.max(order, adjacentPairs(label, words) / (words.length - 1));
      });
      // words in the order a name spells them: 'high to low fly' is not 'low to high fly'
      if (free) relevance += weights.coverage * coverage + 0.1 * order;
      if (doc.s) relevance -= weights.soft;
      hits.push({ doc: doc, relevance: relevance });
    });
    hits.sort(function (a, b) {
      return b.relevance - a.relevance || b.doc.p - a.doc.p || (a.doc.n < b.doc.n ? -1 : 1);
    });
    return hits.map(function (h) { return h.doc; });
  }

  // for the parity test against the server's labelled queries
  window.repforgeStaticSearch = function (index, query) {
    return search(index, query).map(function (doc) { return doc.u; });
  };

  function suggestFromIndex(q) {
    return loadIndex().then(function (index) {
      return search(index, q).slice(0, 8).map(function (doc) { return { name: doc.n }; });
    });
  }

  function suggestFromServer(q) {
    return fetch("/search/suggest?q=" + encodeURIComponent(q)).then(function (r) {
      if (!r.ok) throw new Error("no suggestions");
      return r.json();
    });
  }

  if (input && list && window.fetch) {
    var timer = null;
    var last = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q.length < 2 || q === last) return;
        last = q;
        var found = isStatic ? suggestFromIndex(q) : suggestFromServer(q).catch(function () {
          return suggestFromIndex(q);
        });
        found.then(function (items) {
          list.textContent = "";
          items.forEach(function (item) {
            var option = document.createElement("option");
            option.value = item.name;
            list.appendChild(option);
          });
        }).catch(function () {});
      }, 120);
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function showResults(box, q, docs) {
    box.textContent = "";
    var shown = docs.slice(0, 50);
    var count = docs.length === 1 ? "1 result" : docs.length + " results";
    box.appendChild(element("p", "result-count", count + (docs.length > shown.length ? ", the first 50 shown" : "")));
    if (!docs.length) {
      var none = element("p", "", "No exercise matches “" + q + "”. Try a muscle (“glutes”), a kit word (“kettlebell”) or ");
      var browse = element("a", "", "browse every exercise");
      browse.href = "/exercises";
      none.appendChild(browse);
      none.appendChild(document.createTextNode("."));
      box.appendChild(none);
      return;
    }
    var ol = element("ol", "results");
    shown.forEach(function (doc) {
      var li = element("li", "card");
      var a = element("a");
      a.href = doc.u;
      a.appendChild(element("strong", "", doc.n));
      li.appendChild(a);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(element("span", "meta", doc.d));
      ol.appendChild(li);
    });
    box.appendChild(ol);
  }

  // A static host serves the same search page whatever the query: answer it here.
  var box = document.getElementById("static-results");
  var q = new URLSearchParams(window.location.search).get("q");
  if (box && q && q.trim() && window.fetch) {
    if (input) input.value = q;
    document.title = document.title.replace(/^[^|]*/, "“" + q + "”: search ");
    box.appendChild(element("p", "result-count", "Searching…"));
    loadIndex().then(function (index) {
      showResults(box, q, search(index, q));
    }).catch(function () {
      box.textContent = "";
      box.appendChild(element("p", "", "The search index could not be loaded. Browse the lists instead."));
    });
  }
})();
