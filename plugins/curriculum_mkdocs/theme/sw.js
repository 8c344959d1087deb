/*
 * The curriculum's service worker. Every page a reader opens, and every page saved from the
 * "Reading offline" page, opens again without a connection. Online, pages come from the network as
 * usual (and the copy is refreshed); the copy is used only when the network fails. It never sends
 * anything anywhere and never asks another host.
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
      throw error;
    });
  }));
});
