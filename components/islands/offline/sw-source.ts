// The service worker, as the script /sw.js serves (app/sw.js/route.ts). Only
// registered when the reader opts in (offline-reading.ts). Plain ES2017 so it
// runs as written; its rules are in docs/architecture.md ("Reader memory and offline").

export const SERVICE_WORKER_PATH = "/sw.js";
export const OFFLINE_CACHE_PREFIX = "installment-offline";

export const SERVICE_WORKER_SOURCE = String.raw`"use strict";
const CACHE = "${OFFLINE_CACHE_PREFIX}-v1";
const SKIP = /^\/(editor|beta|api|__installment)(\/|$)/;
const ASSET = /^\/(_next\/static|media)\//;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

// Only a plain 200 that any reader may see is kept: never a 404, a redirect, an error, or a private (editor) page.
function storable(res) {
  if (res.status !== 200 || res.type !== "basic" || res.redirected) return false;
  return !/no-store|private/i.test(res.headers.get("cache-control") || "");
}

function keyOf(url) {
  return new URL(url, self.location.origin).origin + new URL(url, self.location.origin).pathname;
}

async function settle(key, res) {
  const cache = await caches.open(CACHE);
  if (storable(res)) await cache.put(key, res.clone());
  else if (res.status === 404 || res.status === 410) await cache.delete(key); // pulled or never released
}

function offlinePage() {
  const html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline</title></head>' +
    '<body style="background:#000;color:#eee;font:1.1rem/1.5 system-ui,sans-serif;padding:2rem"><main><h1>You are offline</h1>' +
    '<p>This page is not kept for offline reading. Chapters you keep open without a connection; <a style="color:#fff" href="/">the story</a> lists them.</p></main></body></html>';
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

async function page(event, url) {
  const key = keyOf(url);
  let res;
  try {
    res = await fetch(event.request);
  } catch (e) {
    const kept = await caches.match(key, { cacheName: CACHE });
    return kept || offlinePage();
  }
  await settle(key, res);
  if (url.pathname === "/" && res.status === 200) event.waitUntil(refresh(res.clone()));
  return res;
}

async function asset(event) {
  const kept = await caches.match(keyOf(event.request.url), { cacheName: CACHE });
  if (kept) return kept;
  const res = await fetch(event.request);
  if (res.status === 404 || res.status === 410) await (await caches.open(CACHE)).delete(keyOf(event.request.url));
  return res;
}

function decode(s) {
  return s.replace(/&amp;/g, "&");
}

// Re-reads the chapter list from the reader's home page (never with the editor's cookie), keeps
// every listed chapter and the assets it names, and drops everything else (a pulled chapter).
let running = null;
async function refresh(home) {
  if (running) return running;
  running = (async () => {
    const cache = await caches.open(CACHE);
    if (!home) {
      home = await fetch("/", { credentials: "omit", cache: "no-cache" });
      await settle(keyOf("/"), home);
    }
    if (home.status !== 200) return;
    const html = await home.text();
    const slugs = [...new Set([...html.matchAll(/data-chapter-slug="([^"]+)"/g)].map((m) => decode(m[1])))];
    const keep = new Set([keyOf("/")]);
    let kept = 0;
    for (const slug of slugs) {
      const key = keyOf("/" + slug);
      let res;
      try {
        res = await fetch(key, { credentials: "omit", cache: "no-cache" });
      } catch (e) {
        if (await cache.match(key)) keep.add(key);
        continue;
      }
      await settle(key, res);
      if (!storable(res)) continue;
      keep.add(key);
      kept++;
      const body = await res.text();
      for (const m of body.matchAll(/(?:src|href|poster)="([^"]+)"/g)) {
        const u = new URL(decode(m[1]), self.location.origin);
        if (u.origin !== self.location.origin || !ASSET.test(u.pathname)) continue;
        const ak = keyOf(u.href);
        keep.add(ak);
        if (await cache.match(ak)) continue;
        try {
          await settle(ak, await fetch(ak, { credentials: "omit" }));
        } catch (e) {}
      }
    }
    for (const req of await cache.keys()) if (!keep.has(keyOf(req.url))) await cache.delete(req);
    for (const client of await self.clients.matchAll()) client.postMessage({ type: "installment-offline-kept", chapters: kept });
  })().finally(() => {
    running = null;
  });
  return running;
}

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "installment-offline-refresh") event.waitUntil(refresh(null));
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || SKIP.test(url.pathname) || url.pathname === "/sw.js") return;
  if (url.searchParams.has("_rsc") || req.headers.get("RSC")) return;
  if (req.mode === "navigate") return event.respondWith(page(event, url));
  if (ASSET.test(url.pathname)) return event.respondWith(asset(event));
});
`;
