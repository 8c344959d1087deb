/*
 * The curriculum's one script, loaded before Material's bundle. Nothing here talks to another host.
 *
 * 1. Search when the reader opens it: curriculum-search.js and this language's search index
 *    load then, not before (see curriculum/search.py). Instant navigation gets this language's list
 *    of pages, not sitemap.xml with every page in every language.
 * 2. A link to another language loads in full: that page needs its own search index and strings.
 * 3. Progress: ticks on checklists are kept in this browser (localStorage), keyed by each item's
 *    stable id, and summed up on the page ("3 of 5 done, about 80 minutes left").
 * 4. Offline reading: a service worker keeps the pages a reader opened, and on request every page
 *    of one language.
 * 5. and 6. (curriculum-more.js, loaded by the pages that need them): progress saved to a file
 *    and opened in another browser; this week and what I missed.
 * (curriculum-search.js is loaded by 1.)
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var here = new URL(location.href);
  var root = new URL(script.getAttribute("data-root"), here);
  var sitemap = new URL(script.getAttribute("data-sitemap"), here).href;
  var languages = (script.getAttribute("data-languages") || "").split(" ").filter(Boolean);

  /* 1. Search, when the reader opens it ------------------------------------------------- */

  var search = null;

  function openSearch() {
    if (!search) {
      search = loadScript("curriculum-search.js", "curriculumSearch").then(function (code) {
        code.setUp(root);
      }, function () {
        search = null;  // offline and never saved: try again next time
      });
    }
  }

  // Open or close the box as a click on the header's button does: Material's bundle hears the
  // toggle's change (on a phone it holds the page still under the box).
  function setSearch(open) {
    var toggle = document.getElementById("__search");
    if (!toggle || toggle.checked === open) return;
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
  }
  window.curriculumSetSearch = setSearch;

  function showSearch() {
    var field = document.querySelector(".md-search__input");
    if (!field) return;
    setSearch(true);
    openSearch();
    // The box is fixed over the page: focusing it must not scroll the page (a right-to-left page
    // on a phone would move sideways, under the language list that sticks out of it).
    field.focus({ preventScroll: true });
    field.select();
  }

  document.addEventListener("change", function (ev) {
    if (ev.target.id !== "__search") return;
    if (ev.target.checked) showSearch();
  }, true);
  // On a wide screen the field is in the header: focusing it opens the box.
  document.addEventListener("focusin", function (ev) {
    if (!ev.target.matches || !ev.target.matches(".md-search__input")) return;
    setSearch(true);
    openSearch();
  }, true);
  // Typing in a box whose script did not load (a connection that dropped, offline and never
  // saved) loads it again; once loaded, it looks up what was typed.
  document.addEventListener("input", function (ev) {
    if (ev.target.matches && ev.target.matches(".md-search__input")) openSearch();
  }, true);
  // The keys Material's own search answers to: f, s and / open it, Escape closes it.
  document.addEventListener("keydown", function (ev) {
    var toggle = document.getElementById("__search");
    if (!toggle || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (toggle.checked) {
      if (ev.key !== "Escape") return;
      setSearch(false);
      document.activeElement.blur();
      ev.preventDefault();
      return;
    }
    var target = ev.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName || "")) return;
    if (ev.key === "f" || ev.key === "s" || ev.key === "/") {
      ev.preventDefault();
      ev.stopImmediatePropagation();
      showSearch();
    }
  }, true);

  // Instant navigation only needs this language's pages (another language loads in full).
  var xhrOpen = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (/\/sitemap\.xml$/.test(String(url))) args[1] = sitemap;
    return xhrOpen.apply(this, args);
  };

  /* 2. Links to another language load in full --------------------------------------------- */

  function languageOf(url) {
    if (url.origin !== root.origin || url.pathname.indexOf(root.pathname) !== 0) return null;
    var first = url.pathname.slice(root.pathname.length).split("/")[0];
    return languages.indexOf(first) >= 0 ? first : "";
  }

  var pageLanguage = languageOf(here);
  window.addEventListener("click", function (ev) {
    var link = ev.target.closest ? ev.target.closest("a[href]") : null;
    if (!link || link.target || ev.button || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
    var lang = languageOf(new URL(link.href));
    // Before Material's instant navigation sees the click: the browser then loads the page.
    if (lang !== null && lang !== pageLanguage) ev.stopImmediatePropagation();
  }, true);

  /* 3. Progress ---------------------------------------------------------------------------- */

  // One key per item and site: "curriculum:/path/of/site/:module/week-01/item-id" = "1".
  var prefix = "curriculum:" + root.pathname + ":";
  var lang = document.documentElement.lang || "en";

  function ticked(key) {
    try { return localStorage.getItem(prefix + key) === "1"; } catch (e) { return false; }
  }

  function tick(key, done) {
    try {
      if (done) localStorage.setItem(prefix + key, "1");
      else localStorage.removeItem(prefix + key);
    } catch (e) { /* storage full or blocked: the tick lasts until the page closes */ }
  }

  function number(value) {
    return new Intl.NumberFormat(lang, { numberingSystem: "latn" }).format(value);
  }

  function unit(value, name) {
    return new Intl.NumberFormat(lang, {
      style: "unit", unit: name, unitDisplay: "short", numberingSystem: "latn"
    }).format(value);
  }

  // As the build writes durations: "1 hr 20 min", joined by the catalog's pattern.
  function duration(minutes, pattern) {
    var hours = Math.floor(minutes / 60);
    var rest = minutes % 60;
    if (!hours) return unit(rest, "minute");
    if (!rest) return unit(hours, "hour");
    return pattern.replace("{hours}", unit(hours, "hour")).replace("{minutes}", unit(rest, "minute"));
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? values[name] : all;
    });
  }

  function showProgress(el) {
    var items = el.getAttribute("data-cur-progress").split(" ").filter(Boolean);
    var done = 0;
    var left = 0;
    items.forEach(function (item) {
      var cut = item.lastIndexOf(":");
      if (ticked(item.slice(0, cut))) done += 1;
      else left += Number(item.slice(cut + 1));
    });
    var values = {
      done: number(done),
      total: number(items.length),
      duration: duration(left, el.getAttribute("data-cur-hm") || "{hours} {minutes}")
    };
    var complete = items.length > 0 && done === items.length;
    el.textContent = fill(el.getAttribute(complete ? "data-cur-done-text" : "data-cur-text"), values);
    el.classList.toggle("cur-progress--complete", complete);
    el.hidden = items.length === 0;
  }

  function showTicks() {
    // A tick saved under a check's old key (its position) moves to its id, once.
    document.querySelectorAll("[data-cur-was]").forEach(function (item) {
      var was = item.getAttribute("data-cur-was");
      if (!ticked(was)) return;
      tick(item.getAttribute("data-cur-item"), true);
      tick(was, false);
    });
    document.querySelectorAll("[data-cur-item]").forEach(function (item) {
      var box = item.querySelector("input[type=checkbox]");
      if (box) box.checked = ticked(item.getAttribute("data-cur-item"));
    });
    document.querySelectorAll("[data-cur-progress]").forEach(showProgress);
  }

  document.addEventListener("change", function (ev) {
    var item = ev.target.closest ? ev.target.closest("[data-cur-item]") : null;
    if (!item || ev.target.type !== "checkbox") return;
    tick(item.getAttribute("data-cur-item"), ev.target.checked);
    document.querySelectorAll("[data-cur-progress]").forEach(showProgress);
  });
  // Ticked in another tab of the same site.
  window.addEventListener("storage", function (ev) {
    if (!ev.key || ev.key.indexOf(prefix) === 0) showTicks();
  });

  /* 4. Offline reading --------------------------------------------------------------------- */

  var CACHE = "curriculum-pages";  // the name sw.js reads from
  var canSave = "serviceWorker" in navigator && "caches" in window && location.protocol !== "file:";
  if (canSave) {
    navigator.serviceWorker.register(new URL("sw.js", root).href)
      .then(function () { return navigator.serviceWorker.ready; })
      .then(keepNotSavedPage)
      .then(keepFirstPage)
      .catch(function () { /* not https or localhost: pages are simply not kept */ });
  }

  // The service worker keeps what it fetches, but this page and its styles and scripts were
  // loaded before it started. Copy them from the browser's HTTP cache: no download.
  function keepFirstPage() {
    var urls = [location.href.split("#")[0]].concat(
      performance.getEntriesByType("resource").map(function (entry) { return entry.name; })
    ).filter(function (url) { return sameSite(url); });
    return caches.open(CACHE).then(function (cache) {
      return Promise.all(urls.map(function (url) {
        return cache.match(url).then(function (kept) {
          if (kept) return null;
          return fetch(url, { cache: "force-cache" }).then(function (response) {
            return response.ok ? cache.put(url, response) : null;
          });
        });
      }));
    });
  }

  // What sw.js shows, offline, instead of the browser's error for a page that was not saved: a
  // page in the reader's language, made here from the page's strings (nothing to download), kept
  // beside this language's "Reading offline" page.
  function keepNotSavedPage() {
    var offline = script.getAttribute("data-offline-page");
    if (!offline) return null;
    var target = new URL(offline, here);
    var doc = document.implementation.createHTMLDocument("");
    doc.documentElement.lang = document.documentElement.lang;
    doc.documentElement.dir = document.body.dir || document.documentElement.dir || "ltr";
    doc.title = script.getAttribute("data-not-saved-title");
    var meta = doc.createElement("meta");
    meta.name = "viewport";
    meta.content = "width=device-width, initial-scale=1";
    doc.head.appendChild(meta);
    doc.body.style.cssText = "font:1.1rem/1.6 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem";
    var heading = doc.createElement("h1");
    heading.textContent = doc.title;
    var text = doc.createElement("p");
    text.textContent = script.getAttribute("data-not-saved-text");
    var link = doc.createElement("a");
    link.href = target.href;
    link.textContent = script.getAttribute("data-not-saved-link");
    var para = doc.createElement("p");
    para.appendChild(link);
    [heading, text, para].forEach(function (node) { doc.body.appendChild(node); });
    var html = "<!doctype html>\n" + doc.documentElement.outerHTML;
    var response = new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
    return caches.open(CACHE).then(function (cache) {
      return cache.put(new URL("not-saved.html", target).href, response);
    });
  }

  function sameSite(address) {
    var url = new URL(address, root);
    return url.origin === root.origin && url.pathname.indexOf(root.pathname) === 0 ? url : null;
  }

  function megabytes(bytes) {
    return new Intl.NumberFormat(lang, {
      style: "unit", unit: "megabyte", unitDisplay: "short",
      maximumFractionDigits: 1, numberingSystem: "latn"
    }).format(Math.max(bytes / 1e6, 0.1));
  }

  function setUpSaving(button) {
    var status = button.closest(".cur-offline").querySelector(".cur-offline__status");
    function say(name, values) {
      status.textContent = fill(button.getAttribute(name), values || {});
    }
    if (!canSave) {
      say("data-cur-unsupported-text");
      return;
    }
    var manifest = sameSite(new URL(button.getAttribute("data-cur-offline"), location.href).href);
    if (!manifest) return;
    fetch(manifest.href).then(function (response) {
      if (!response.ok) throw new Error(response.statusText);
      return response.json();
    }).then(function (list) {
      var files = list.files.map(function (file) { return sameSite(file); }).filter(Boolean);
      say("data-cur-size-text", { pages: number(list.pages), size: megabytes(list.bytes) });
      button.hidden = false;
      button.onclick = function () {
        button.disabled = true;
        var done = 0;
        say("data-cur-text", { done: number(0), total: number(files.length) });
        caches.open(CACHE).then(function (cache) {
          // A few at a time, so that a slow phone stays usable.
          var queue = files.slice();
          function next() {
            var url = queue.shift();
            if (!url) return Promise.resolve();
            return fetch(url.href, { cache: "no-cache" }).then(function (response) {
              if (!response.ok) throw new Error(response.statusText);
              return cache.put(url.href, response);
            }).then(function () {
              done += 1;
              say("data-cur-text", { done: number(done), total: number(files.length) });
              return next();
            });
          }
          return Promise.all([next(), next(), next(), next()]);
        }).then(function () {
          say("data-cur-done-text", { total: number(files.length) });
        }, function () {
          say("data-cur-failed-text");
        }).then(function () { button.disabled = false; });
      };
    }).catch(function () { /* offline now: the page was opened from the saved copy */ });
  }

  /* 5 and 6, in curriculum-more.js: loaded only by the pages that need them --------------- */

  // Moving ticks to another device (the Reading offline page), "this week" (the home and
  // programme pages) and the skills record are not needed on the pages trainees read most: they
  // stay off the first visit.
  window.curriculumShared = {
    prefix: prefix, root: root, ticked: ticked, tick: tick, fill: fill, number: number,
    duration: duration, showProgress: showProgress, showTicks: showTicks
  };
  var more = null;

  function loadMore() {
    if (!more) more = loadScript("curriculum-more.js", "curriculumMore");
    return more;
  }

  // A script beside this one, and what it sets on window once it has run.
  function loadScript(name, global) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = new URL(name, script.src).href;
      tag.onload = function () { resolve(window[global]); };
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  /* Every page, including those that instant navigation brings in ------------------------ */

  function onPage() {
    showTicks();
    document.querySelectorAll("[data-cur-offline]").forEach(setUpSaving);
    if (document.querySelector(".cur-transfer, .cur-cohort, .cur-record")) {
      loadMore().then(function (extra) { extra.setUp(); })
        .catch(function () { /* offline and never saved: these boxes stay hidden */ });
    }
    // A wide table scrolls sideways on a phone: the keyboard must reach it too (Material wraps
    // tables when the page comes in, before this runs).
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      wrap.tabIndex = 0;
    });
    // On paper, only addresses elsewhere are written out (see curriculum.css).
    document.querySelectorAll(".md-typeset a[href]").forEach(function (link) {
      if (link.origin === location.origin) link.classList.add("cur-internal");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    // Material's bundle has run by now; document$ emits for the first page and every next one.
    if (window.document$) window.document$.subscribe(onPage);
    else onPage();
  });
})();
