/*
 * The search box (partials/search.html), loaded by curriculum.js when the reader opens it. It asks
 * Pagefind (search/pagefind.js, from this site) for the words typed, in this page's language, and
 * lists the pages found with an excerpt, Material's way. Nothing leaves the site; saved for
 * reading offline, it works offline.
 *
 * Readers type words as their keyboard gives them: what they type is brought to the form the
 * pages are written in before Pagefind sees it. In Arabic script, short vowels, shadda and tatweel
 * go (the pages' own vowels are dropped by Pagefind's Arabic stemmer); Arabic ي and ك become
 * Persian ی and ک on Farsi pages, and the other way round on Arabic pages.
 */
(function () {
  "use strict";

  var MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
  var PAUSE = 300;  // milliseconds without typing before a query goes to Pagefind
  var BATCH = 4;  // pages listed at first (a phone's screen), more as the reader scrolls
  var SECTIONS = 3;  // sections of a page listed under it (a glossary term, a heading)

  function normalise(text, lang) {
    text = text.normalize("NFC").replace(MARKS, "");
    if (lang === "fa") return text.replace(/[يى]/g, "\u06CC").replace(/ك/g, "\u06A9");
    if (lang === "ar") return text.replace(/\u06CC/g, "\u064A").replace(/\u06A9/g, "\u0643");
    return text;
  }

  // An excerpt from Pagefind, kept to its text and its <mark>s: parsed in a document that runs
  // nothing and loads nothing, then copied node by node.
  function excerpt(html) {
    var out = document.createElement("p");
    var parsed = new DOMParser().parseFromString("<body>" + html, "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        out.appendChild(document.createTextNode(node.textContent));
      } else if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent || ""));
      }
    });
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
    body.appendChild(excerpt(text));
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
    var options = { baseUrl: root.pathname, excerptLength: 24, noWorker: true };
    var pagefind = import(new URL("search/pagefind.js", root).href).then(function (found) {
      return found.options(options).then(function () { return found; });
    });
    var found = [];  // the current query's results, of which `listed` are on the list
    var asked = [];  // its words
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
      if (adding) return adding;
      if (listed >= found.length) return Promise.resolve();
      var results = found;
      var batch = results.slice(listed, listed + BATCH);
      listed += batch.length;
      adding = Promise.all(batch.map(function (result) { return result.data(); }))
        .then(function (pages) {
          if (results !== found) return;
          if (moreItem.parentNode) list.removeChild(moreItem);
          show(pages);
          if (listed < found.length) list.appendChild(moreItem);
        }).finally(function () { adding = null; });
      return adding;
    }

    function nearTheEnd() {
      return scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 200;
    }

    // A section of a page is listed under it when its heading holds a word looked up (a glossary
    // term, a week's topic): headings every week has ("Before Sunday") would only be noise.
    function named(heading) {
      var words = normalise(heading, lang).toLocaleLowerCase(lang);
      return asked.some(function (word) { return words.indexOf(word) >= 0; });
    }

    function show(pages) {
      pages.forEach(function (page) {
        var title = page.meta && page.meta.title ? page.meta.title : page.url;
        list.appendChild(article(page.url, title, page.excerpt, true));
        (page.sub_results || []).filter(function (section) {
          return section.url !== page.url && section.title !== title && named(section.title);
        }).slice(0, SECTIONS).forEach(function (section) {
          list.appendChild(article(section.url, section.title, section.excerpt, false));
        });
      });
    }

    // Pagefind is asked once the reader pauses: each word it is asked about costs the index
    // chunks that hold it (28 to 38 KB each), so not every letter typed is looked up (Pagefind's
    // own debounced search would fetch chunks for each one), nor a single letter.
    var timer = null;

    function typed() {
      clearTimeout(timer);
      timer = setTimeout(run, PAUSE);
    }

    function run() {
      clearTimeout(timer);
      timer = null;
      var query = normalise(field.value.trim(), lang);
      if (query.length < 2) {
        found = [];
        list.textContent = "";
        meta.textContent = said("placeholder");
        return Promise.resolve();
      }
      return pagefind.then(function (engine) {
        return engine.search(query);
      }).then(function (search) {
        // The reader typed on while Pagefind looked: a newer query follows.
        if (!search || normalise(field.value.trim(), lang) !== query) return null;
        found = search.results;
        asked = query.toLocaleLowerCase(lang).split(/\s+/).filter(Boolean);
        listed = 0;
        list.textContent = "";
        count(found.length);
        return more();
      }).catch(function () {
        found = [];
        list.textContent = "";
        meta.textContent = said("none");
      });
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
      (timer ? run() : Promise.resolve()).then(function () {
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

  window.curriculumSearch = { setUp: setUp };
})();
