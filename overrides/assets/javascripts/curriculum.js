/*
 * The curriculum's one script, loaded before Material's bundle. Nothing here talks to another host.
 *
 * 1. Search on demand. Material fetches the search index and starts its search worker as soon as a
 *    page opens; on prepaid data that is most of a first visit. Both wait here until the reader
 *    opens search, and the index asked for is this language's own (the curriculum plugin writes one
 *    per language). Likewise instant navigation gets this language's list of pages, not
 *    sitemap.xml with every page in every language.
 * 2. A link to another language loads in full: that page needs its own search index and strings.
 * 3. Progress: ticks on checklists are kept in this browser (localStorage), keyed by each item's
 *    stable id, and summed up on the page ("3 of 5 done, about 80 minutes left").
 * 4. Offline reading: a service worker keeps the pages a reader opened, and on request every page
 *    of one language.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var here = new URL(location.href);
  var root = new URL(script.getAttribute("data-root"), here);
  var searchIndex = new URL(script.getAttribute("data-search-index"), here).href;
  var sitemap = new URL(script.getAttribute("data-sitemap"), here).href;
  var languages = (script.getAttribute("data-languages") || "").split(" ").filter(Boolean);

  /* 1. Search on demand ------------------------------------------------------------------- */

  var searchOpened = false;
  var onSearchOpen = [];

  function openSearch() {
    if (searchOpened) return;
    searchOpened = true;
    onSearchOpen.splice(0).forEach(function (run) { run(); });
  }

  function whenSearchOpens(run) {
    if (searchOpened) run();
    else onSearchOpen.push(run);
  }

  document.addEventListener("change", function (ev) {
    if (ev.target.id === "__search" && ev.target.checked) openSearch();
  }, true);
  document.addEventListener("focusin", function (ev) {
    if (ev.target.matches && ev.target.matches(".md-search__input")) openSearch();
  }, true);

  var xhrOpen = XMLHttpRequest.prototype.open;
  var xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    this.curriculumDeferred = /\/search\/search_index\.json$/.test(String(url));
    if (this.curriculumDeferred) args[1] = searchIndex;
    // Instant navigation only needs this language's pages (another language loads in full).
    else if (/\/sitemap\.xml$/.test(String(url))) args[1] = sitemap;
    return xhrOpen.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this;
    var args = arguments;
    if (!xhr.curriculumDeferred) return xhrSend.apply(xhr, args);
    whenSearchOpens(function () { xhrSend.apply(xhr, args); });
  };

  // Material's search worker, started on its first message (which follows the index).
  var RealWorker = window.Worker;
  window.Worker = function (url, options) {
    if (!/\/workers\/search\.[^/]*\.js$/.test(new URL(url, here).pathname)) {
      return new RealWorker(url, options);
    }
    var address = new URL(url, location.href).href;  // before instant navigation moves the page
    var proxy = new EventTarget();
    var worker = null;
    proxy.postMessage = function (message) {
      if (!worker) {
        worker = new RealWorker(address, options);
        ["message", "messageerror", "error"].forEach(function (type) {
          worker.addEventListener(type, function (ev) {
            proxy.dispatchEvent(type === "error" ? new Event("error")
              : new MessageEvent(type, { data: ev.data }));
          });
        });
      }
      worker.postMessage(message);
    };
    proxy.terminate = function () { if (worker) worker.terminate(); };
    return proxy;
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
})();
