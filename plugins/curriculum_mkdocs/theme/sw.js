/*
 * The curriculum's service worker. Every page a reader opens, and every page saved from the
 * "Reading offline" page, opens again without a connection. Online, pages come from the network as
 * usual (and the copy is refreshed); the copy is used only when the network fails, and a page
 * never saved gets a short page in the reader's language saying so. It never sends anything
 * anywhere and never asks another host.
 */
"use strict";

var CACHE = "curriculum-pages";  // curriculum.js saves a whole language into the same cache

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok && response.type === "basic" && !response.redirected) {
      var copy = response.clone();
      event.waitUntil(caches.open(CACHE).then(function (cache) {
        return cache.put(request.url, copy);
      }));
    }
    return response;
  }, function (error) {
    return caches.match(request.url, { ignoreSearch: true }).then(function (kept) {
      if (kept) return kept;
      if (request.mode !== "navigate") throw error;
      return notSaved(request.url).then(function (page) {
        if (page) return page;
        throw error;
      });
    });
  }));
});

// A page that was not saved: instead of the browser's error, the page curriculum.js kept for this
// language (<language>/offline/not-saved.html), or the source language's.
function notSaved(address) {
  var scope = new URL(self.registration.scope);
  var rest = new URL(address).pathname.slice(scope.pathname.length);
  var first = rest.split("/")[0];
  var candidates = [new URL("offline/not-saved.html", scope).href];
  if (first) candidates.unshift(new URL(first + "/offline/not-saved.html", scope).href);
  return candidates.reduce(function (found, url) {
    return found.then(function (page) { return page || caches.match(url); });
  }, Promise.resolve(undefined));
}
