/*
 * The search box (partials/search.html), loaded by curriculum.js when the reader opens it. It looks
 * the words typed up in this language's index (search/<lang>/, written by curriculum/search.py),
 * and lists the pages found with an excerpt, Material's way. Nothing leaves the site; saved for
 * reading offline, it works offline.
 *
 * A word is compared in the form the index holds (curriculum/searchtext.py does the same steps):
 * lower case; in Arabic script without short vowels, shadda and tatweel, with the letters of the
 * page's language (Persian ی and ک on Farsi pages, Arabic ي and ك on Arabic ones, whichever the
 * reader's keyboard gives), and on Arabic pages alef with hamza or madda as bare alef and alef
 * maqsura as ya; Latin letters without accents. A word typed finds the words that begin
 * with it, and, where the language has a stemmer, the forms of its stem: `variables` finds
 * `variable`, Arabic `متغير` finds `المتغيّرات`.
 */
(function () {
  "use strict";

  var MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
  var WORD = /[\p{L}\p{N}_]+/gu;
  var LATIN_ACCENTS = /([a-z])[\u0300-\u036F]+/g;
  var FORMAT = 1;  // curriculum/search.py's FORMAT
  var PAUSE = 300;  // milliseconds without typing before a query is looked up
  var BATCH = 4;  // pages listed at first (a phone's screen), more as the reader scrolls
  var SECTIONS = 3;  // sections of a page listed under it (a glossary term, a heading)
  var EXCERPT = 24;  // words of text shown with each result
  var BEGINNING = 3;  // letters typed before the words they begin are looked up
  var SUFFIX = 4;  // letters a typed word may have beyond a stem (`variables`, stem `variabl`)
  var STEM = 0.7;  // and the stem at least this part of it (`promise` is not found by `pro`)
  var PREFIX = 0.6;  // what a word counts for when only its beginning was typed
  var FAR = 8;  // at most this many more index files for stems reached from a word's forms
  var K1 = 1.2, B = 0.75;  // BM25's usual constants

  function normalise(text, lang) {
    text = text.normalize("NFC").replace(MARKS, "").toLowerCase();
    if (lang === "fa") return text.replace(/[\u064A\u0649]/g, "\u06CC").replace(/\u0643/g, "\u06A9");
    if (lang === "ar") {
      return text.replace(/[\u06CC\u0649]/g, "\u064A").replace(/\u06A9/g, "\u0643")
        .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627");
    }
    return text;
  }

  function fold(word) {
    return word.normalize("NFD").replace(LATIN_ACCENTS, "$1").normalize("NFC");
  }

  function words(text, lang) {
    return (normalise(text, lang).match(WORD) || []).map(fold);
  }

  // The last of `firsts` (sorted) that is not after `key`: the file that would hold `key`.
  // Maps keyed by words: "constructor" must be a word like any other, not an object's property.
  function map() { return Object.create(null); }

  function fileOf(firsts, key) {
    var lo = 0, hi = firsts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= key) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  // One language's index: its meta.json, then the files each word needs, each fetched once.
  function Index(root, lang) {
    var base = new URL("search/" + lang + "/", root);
    var fetched = map();
    function get(name) {
      if (!fetched[name]) {
        fetched[name] = fetch(new URL(name, base).href).then(function (response) {
          if (!response.ok) {
            var missing = new Error(response.status + " " + name);
            missing.status = response.status;  // the server answered: see forget()
            throw missing;
          }
          return response.json();
        }).catch(function (error) {
          delete fetched[name];  // offline and never saved: try again next time
          throw error;
        });
      }
      return fetched[name];
    }
    var meta = get("meta.json").then(function (data) {
      if (data.format !== FORMAT) throw new Error("search index of another version");
      data.pageOf = [];
      data.pages.forEach(function (page, n) {
        var end = n + 1 < data.pages.length ? data.pages[n + 1][2] : data.lengths.length;
        for (var s = page[2]; s < end; s++) data.pageOf[s] = n;
      });
      return data;
    });
    function shards(numbers) {
      return meta.then(function (m) {
        return Promise.all(Object.keys(numbers).map(function (n) {
          return get(m.folder + "/w" + n + ".json");
        }));
      }).then(function (lists) { return [].concat.apply([], lists); });
    }
    return {
      meta: meta,
      block: function (section) {
        return meta.then(function (m) {
          var n = fileOf(m.blocks, section);
          return get(m.folder + "/t" + n + ".json").then(function (texts) {
            return texts[section - m.blocks[n]];
          });
        });
      },
      // The stems a typed word stands for, each with what it counts for, and their forms. The
      // words a word begins are looked up for the word being typed (`beginnings`), from three
      // letters on: the other words of a query are whole, and two letters begin too many words.
      lookUp: function (word, beginnings) {
        beginnings = beginnings && word.length >= BEGINNING;
        return meta.then(function (m) {
          var wanted = map();
          var last = beginnings ? fileOf(m.shards, word + "\uFFFF") : fileOf(m.shards, word);
          for (var n = fileOf(m.shards, word); n <= last; n++) wanted[n] = true;
          if (m.stemmed) {
            var shortest = Math.max(2, word.length - SUFFIX, Math.ceil(word.length * STEM));
            for (var end = word.length - 1; end >= shortest; end--) {
              wanted[fileOf(m.shards, word.slice(0, end))] = true;
            }
          }
          return shards(wanted).then(function (entries) {
            var found = map();
            var far = map();
            entries.forEach(function (entry) {
              var key = entry[0];
              var exact = key === word;
              var begun = exact || (beginnings && key.indexOf(word) === 0);
              if (entry.length === 3) {
                if (begun) {
                  keep(found, entry, exact ? 1 : PREFIX);
                } else if (m.stemmed && word.indexOf(key) === 0 && key.length >= word.length * STEM) {
                  keep(found, entry, 1);
                }
              } else if (begun) {
                far[entry[1]] = Math.max(far[entry[1]] || 0, exact ? 1 : PREFIX);
              }
            });
            var missing = Object.keys(far).filter(function (stem) { return !found[stem]; });
            missing.sort(function (a, b) { return far[b] - far[a]; });
            var more = map();
            missing.forEach(function (stem) {
              var n = fileOf(m.shards, stem);
              if (wanted[n] || Object.keys(more).length < FAR) more[n] = true;
            });
            return shards(more).then(function (further) {
              entries.concat(further).forEach(function (entry) {
                if (entry.length === 3 && far[entry[0]]) keep(found, entry, far[entry[0]]);
              });
              Object.keys(far).forEach(function (stem) {
                if (found[stem]) found[stem].weight = Math.max(found[stem].weight, far[stem]);
              });
              return found;
            });
          });
        });
      }
    };
  }

  function keep(found, entry, weight) {
    var had = found[entry[0]];
    if (!had || had.weight < weight) {
      found[entry[0]] = { postings: entry[1], forms: [entry[0]].concat(entry[2]), weight: weight };
    }
  }

  // Each section's score for one word (BM25 over the stems it stands for), and whether the word
  // is in the section's heading.
  function scored(m, stems) {
    var scores = map();
    var headed = map();
    var total = m.lengths.length;
    Object.keys(stems).forEach(function (key) {
      var stem = stems[key];
      var postings = stem.postings;
      var count = postings.length / 2;
      var idf = Math.log(1 + (total - count + 0.5) / (count + 0.5));
      var section = 0;
      for (var i = 0; i < postings.length; i += 2) {
        section += postings[i];
        var tf = postings[i + 1] >> 1;
        var norm = 1 - B + B * m.lengths[section] / m.average;
        var score = stem.weight * idf * tf * (K1 + 1) / (tf + K1 * norm);
        if (!(scores[section] >= score)) scores[section] = score;
        if (postings[i + 1] & 1) headed[section] = true;
      }
    });
    return { scores: scores, headed: headed };
  }

  // The pages that hold every word, best first: each with its best section and the sections
  // whose heading holds a word.
  function rank(m, perWord) {
    var pages = map();
    perWord.forEach(function (word, w) {
      Object.keys(word.scores).forEach(function (key) {
        var section = Number(key);
        var n = m.pageOf[section];
        var page = pages[n] || (pages[n] = { page: n, words: [], sections: map() });
        page.words[w] = Math.max(page.words[w] || 0, word.scores[key]);
        var at = page.sections[section] || (page.sections[section] = { score: 0, headed: false });
        at.score += word.scores[key];
        at.headed = at.headed || !!word.headed[section];
      });
    });
    var found = Object.keys(pages).map(function (n) { return pages[n]; }).filter(function (page) {
      return perWord.every(function (_, w) { return page.words[w] > 0; });
    });
    found.forEach(function (page) {
      page.score = page.words.reduce(function (a, b) { return a + b; }, 0);
      var first = m.pages[page.page][2];
      var end = page.page + 1 < m.pages.length ? m.pages[page.page + 1][2] : m.lengths.length;
      var sections = Object.keys(page.sections).map(Number).sort(function (a, b) {
        return page.sections[b].score - page.sections[a].score || a - b;
      });
      page.best = sections[0];
      // A word in the heading of the best section (a glossary term): the page opens there.
      page.at = page.best !== first && page.sections[page.best].headed;
      // The title alone says little: the excerpt then comes from the page's first section too.
      page.next = page.best === first && first + 1 < end ? first + 1 : null;
      page.under = sections.filter(function (s) {
        return s !== first && s !== page.best && page.sections[s].headed;
      }).slice(0, SECTIONS);
    });
    return found.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
  }

  // About EXCERPT words of `text`, from a little before the first word found, with the words
  // found marked. Built node by node: the index's text is never parsed as HTML.
  function excerpt(text, forms, lang) {
    var out = document.createElement("p");
    var parts = text.split(/\s+/).filter(Boolean);
    var hit = function (part) {
      return words(part, lang).some(function (word) { return forms[word]; });
    };
    var at = 0;
    while (at < parts.length && !hit(parts[at])) at++;
    var start = at < parts.length ? Math.max(0, at - 6) : 0;
    var shown = parts.slice(start, start + EXCERPT);
    if (start > 0) out.appendChild(document.createTextNode("\u2026 "));
    shown.forEach(function (part, n) {
      if (n) out.appendChild(document.createTextNode(" "));
      if (hit(part)) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(part));
      }
    });
    if (start + EXCERPT < parts.length) out.appendChild(document.createTextNode(" \u2026"));
    return out;
  }

  function article(url, title, text, first) {
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = url;
    var body = document.createElement("article");
    body.className = "md-search-result__article md-typeset";
    if (first) {
      var icon = document.createElement("div");
      icon.className = "md-search-result__icon md-icon";
      body.appendChild(icon);
    }
    var heading = document.createElement(first ? "h1" : "h2");
    heading.textContent = title;
    body.appendChild(heading);
    body.appendChild(text);
    link.appendChild(body);
    item.appendChild(link);
    return item;
  }

  function setUp(root) {
    var box = document.querySelector("[data-curriculum-search]");
    if (!box || box.curriculumReady) return;
    box.curriculumReady = true;
    var field = box.querySelector(".md-search__input");
    var form = box.querySelector(".md-search__form");
    var meta = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list");
    var lang = document.documentElement.lang || "en";
    // Material's strings in the page's language ("No matching documents", "# matching ...").
    var config = document.getElementById("__config");
    var strings = config ? JSON.parse(config.textContent).translations || {} : {};
    var said = function (name) { return strings["search.result." + name] || ""; };
    var scroller = box.querySelector(".md-search__scrollwrap");
    var index = null;  // this language's, from the first query on
    var found = [];  // the current query's pages, of which `listed` are on the list
    var forms = map();  // the word forms it found, marked in excerpts
    var listed = 0;
    var adding = null;

    function count(n) {
      meta.textContent = n === 0 ? said("none")
        : n === 1 ? said("one") : said("other").replace("#", String(n));
    }

    // Each page found costs a small download (its excerpt): the next few only when the reader
    // asks for them (the button at the end of the list) or scrolls to the end of the list.
    var moreItem = document.createElement("li");
    moreItem.className = "cur-search-more";
    var moreButton = document.createElement("button");
    moreButton.type = "button";
    moreButton.className = "md-button";
    moreButton.textContent = box.getAttribute("data-more") || "";
    moreItem.appendChild(moreButton);
    moreButton.addEventListener("click", function () {
      var at = list.querySelectorAll("a").length;
      more().then(function () {
        var next = list.querySelectorAll("a")[at];  // the keyboard goes on from there
        if (next) next.focus();
      });
    });

    function more() {
      if (adding && adding.results === found) return adding;
      var reading = index;
      if (!reading || listed >= found.length) return Promise.resolve();
      var results = found;
      var batch = results.slice(listed, listed + BATCH);
      listed += batch.length;
      var loaded = Promise.all([reading.meta].concat(batch.map(function (result) {
        var wanted = [result.best, result.next === null ? result.best : result.next];
        return Promise.all(wanted.concat(result.under).map(reading.block));
      }))).then(function (got) {
        if (results !== found) return;
        if (moreItem.parentNode) list.removeChild(moreItem);
        show(got[0], batch, got.slice(1));
        if (listed < found.length) list.appendChild(moreItem);
      }, function (error) {
        forget(reading, error);
        // Offline, and this part of the index never saved: the button tries again.
        if (results !== found) return;
        listed -= batch.length;
        if (!moreItem.parentNode) list.appendChild(moreItem);
      });
      var loading = adding = loaded.finally(function () {
        if (adding === loading) adding = null;
      });
      adding.results = results;
      return adding;
    }

    // After a failure, the index read so far is dropped when the server answered without a file
    // (a newer build replaced the index: its list of pages names another folder) or when the
    // list itself could not be read; it is kept when the network failed (offline), and the next
    // query reads anew what is missing.
    function forget(reading, error) {
      if (error && error.status) {
        if (index === reading) index = null;
        return;
      }
      reading.meta.catch(function () { if (index === reading) index = null; });
    }

    function nearTheEnd() {
      return scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 200;
    }

    function show(m, batch, texts) {
      batch.forEach(function (result, n) {
        var page = m.pages[result.page];
        var url = new URL("./" + page[0], root);  // always below the site's root
        var best = texts[n][0];
        if (result.at && best[0]) url.hash = best[0];
        var text = best[2];
        if (result.next !== null && text.split(/\s+/).length < 12) text += " " + texts[n][1][2];
        list.appendChild(article(url.href, page[1], excerpt(text.trim() || best[1], forms, lang), true));
        texts[n].slice(2).filter(function (section) {
          return section[0] && section[1] !== page[1];  // a heading with an address of its own
        }).forEach(function (section) {
          url.hash = section[0];
          list.appendChild(article(url.href, section[1], excerpt(section[2], forms, lang), false));
        });
      });
    }

    // A query is looked up once the reader pauses: each word costs the index files that hold it
    // (about 1 KB each), so not every letter typed is looked up, nor a single letter.
    var timer = null;
    var pending = Promise.resolve();  // the query being looked up

    function typed() {
      clearTimeout(timer);
      timer = setTimeout(run, PAUSE);
    }

    function run() {
      clearTimeout(timer);
      timer = null;
      var query = field.value.trim();
      var asked = words(query, lang).filter(function (word, n, all) {
        return word.length > 1 && all.indexOf(word) === n;
      });
      if (!asked.length) {
        found = [];
        list.textContent = "";
        meta.textContent = said("placeholder");
        pending = Promise.resolve();
        return pending;
      }
      var reading = index = index || Index(root, lang);
      pending = Promise.all([index.meta].concat(asked.map(function (word, n) {
        return reading.lookUp(word, n === asked.length - 1);
      }))).then(function (got) {
        // The reader typed on while the index was read: a newer query follows.
        if (field.value.trim() !== query) return null;
        var m = got[0];
        var stems = got.slice(1);
        forms = map();
        stems.forEach(function (byStem) {
          Object.keys(byStem).forEach(function (key) {
            byStem[key].forms.forEach(function (form) { forms[form] = true; });
          });
        });
        found = rank(m, stems.map(function (byStem) { return scored(m, byStem); }));
        listed = 0;
        list.textContent = "";
        count(found.length);
        return more();
      }).catch(function (error) {
        forget(reading, error);
        if (field.value.trim() !== query) return;  // a newer query is on its way
        found = [];
        list.textContent = "";
        meta.textContent = said("none");
      });
      return pending;
    }

    field.addEventListener("input", typed);
    scroller.addEventListener("scroll", function () {
      if (nearTheEnd()) more();
    }, { passive: true });
    form.addEventListener("reset", function () {
      setTimeout(run, 0);
      field.focus({ preventScroll: true });
    });
    // Enter opens the first page found (for what is typed now); arrows move between the pages.
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      (timer ? run() : pending).then(function () {
        var first = list.querySelector("a");
        if (first) first.click();
      });
    });
    box.addEventListener("keydown", function (ev) {
      if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      if (!links.length) return;
      var at = links.indexOf(document.activeElement);
      var next = ev.key === "ArrowDown" ? at + 1 : at - 1;
      ev.preventDefault();
      if (next >= links.length - 1) more();
      if (next < 0) field.focus({ preventScroll: true });
      else links[Math.min(next, links.length - 1)].focus();
    });
    // A page chosen: the box closes (instant navigation keeps the header, and the box with it).
    list.addEventListener("click", function (ev) {
      if (ev.target.closest("a")) window.curriculumSetSearch(false);
    });
    if (field.value) run();
  }

  // `words` and `Index` for the tests, which hold them to the build's index.
  window.curriculumSearch = { setUp: setUp, words: words, Index: Index };
})();
