import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createHash } from "node:crypto";
import path from "node:path";
import { gzipSync } from "node:zlib";
import send from "send";
import { staticSecurityHeaders } from "./security-headers";
import { contentSecurityPolicy, inlineScriptHashes } from "./csp-hashes";
import { guardRequest } from "./request-guard";
import { servableMedia } from "./media-access";
import { IMMUTABLE_CACHE_CONTROL, isMediaFileName } from "../media/serve-path";
import { EDGE_HEADERS } from "./edge-headers";
import { edgeSecret } from "./edge-secret";
import { PageCache, type CachedResponse } from "./page-cache";
import { fetchFromBackend, pipeFromBackend, startNextBackend, type NextBackend } from "./next-backend";
import { answerRefused, RenderPool, RenderRefused } from "./render-pool";
import { readerRequest } from "./cache-key";
import { forwardedHeaders } from "./forwarded-headers";
import { listStaticAssets } from "./static-assets";
import { httpServerOptions, servingLimits } from "./serving-limits";
import { logJson } from "./log";
import type { Runtime } from "./runtime";
import { siteView, type Audience, type SiteView } from "../site/visibility";
import { warmPaths } from "../site/warm-paths";
import { offeredEpub } from "../site/epub-path";
import { epubDownloads } from "./epub-download";
import { chapterPaths, SITE_PATHS } from "../site/routes";
import { cacheRoot } from "../env";
import { editorAccess, type EditorAccess } from "./editor-access";
import { serveBeta } from "./beta-route";
import { handleBetaForm } from "./beta-forms";
import { releaseCacheHeaders, mediaReleaseHeaders } from "./edge-cache-policy";
import { buildIslandsBundle, ISLANDS_PREFIX } from "./islands-bundle";
import { readerHtml } from "./reader-html";

export interface ServerOptions {
  runtime: Runtime;
  dev: boolean;
  port: number;
  hostname?: string;
  projectDir: string;
}

export interface Edge {
  server: Server;
  cache: PageCache;
  /** Renders the pages that change at `at` ahead of time, into that state's cache. */
  warm(at: number): Promise<number>;
  close(): Promise<void>;
}

/** A path no route matches: Next answers it with the root not-found page. */
const NOT_FOUND_PATH = "/_/not-found";
const DROP_HEADERS = new Set([
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "cache-control",
  "etag",
  "x-powered-by",
  "content-security-policy",
]);
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|atom\+xml|rss\+xml|feed\+json)|image\/svg)/;

/**
 * The public HTTP edge: the only code that reads the clock for a request. It
 * decides each request's instant and audience, serves released media, keeps
 * rendered pages per release state, and sets security and cache headers.
 */
export async function startServer(options: ServerOptions): Promise<Edge> {
  const { runtime, dev } = options;
  const backend: NextBackend = await startNextBackend({ dev, projectDir: options.projectDir });
  const limits = servingLimits();
  // Documents and flight payloads are bounded apart, so no flood of one evicts the other.
  const cache = new PageCache(Math.round(limits.pageCacheBytes * 0.75));
  const flights = new PageCache(limits.pageCacheBytes - cache.maxBytes);
  const assets = new PageCache(limits.assetCacheBytes);
  // Page renders and build assets each have their own sockets to Next, slots and timeout.
  const pages = new RenderPool({ concurrency: limits.renderConcurrency, queue: limits.renderQueue, timeoutMs: limits.renderTimeoutMs });
  const assetPool = new RenderPool({ concurrency: 16, queue: limits.renderQueue, timeoutMs: limits.renderTimeoutMs });
  const staticAssets = dev ? new Set<string>() : listStaticAssets(options.projectDir);
  const mediaDir = path.join(cacheRoot(), "media", "files");
  const secret = edgeSecret();
  const epubs = epubDownloads(runtime, mediaDir);
  // Reader pages are served without Next's client runtime, with this one
  // deferred script instead (lib/server/reader-html.ts). Dev keeps the runtime.
  const islands = dev ? null : islandsEntry(await buildIslandsBundle(options.projectDir));

  const server = createServer(httpServerOptions(limits), (req, res) => {
    void onRequest(req, res).catch((error: unknown) => {
      if (error instanceof RenderRefused && !res.headersSent) return void answerRefused(res, error);
      console.error(error);
      if (!res.headersSent) plain(res, 500, "Internal Server Error");
      else res.destroy();
    });
  });
  if (dev) server.on("upgrade", (req, socket, head) => backend.upgrade(req, socket, head));

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    for (const [k, v] of Object.entries(staticSecurityHeaders())) res.setHeader(k, v);
    if (await handleBetaForm(req, res, runtime)) return;
    const guard = guardRequest(req);
    if (!guard.ok) {
      if (guard.status === 405) res.setHeader("Allow", "GET, HEAD");
      // A body announced but unread: the connection goes with the answer.
      if (guard.close) res.setHeader("Connection", "close");
      return plain(res, guard.status, guard.message);
    }
    for (const h of Object.values(EDGE_HEADERS)) delete req.headers[h];
    await runtime.ready;
    const pathname = guard.pathname;

    const editor: EditorAccess = editorAccess(req, res, runtime);
    if (editor.handled) return;
    const audience: Audience = runtime.mode === "preview" || editor.signedIn ? "preview" : "reader";
    const now = runtime.clock.now();
    const at = editor.asOf ?? now;

    if (pathname.startsWith("/beta/")) {
      // Beta pages render outside every cache, with the same normalised request as any page.
      const wanted = readerRequest(guard.rawPath, guard.query, req.headers);
      if (wanted.kind === "page") {
        const headers = forwardedHeaders(wanted.headers, { now, audience: "reader", secret, asOf: null });
        const render = (extra: Record<string, string>) =>
          renderPage(guard.rawPath + wanted.search, { ...headers, ...extra }, wanted.flight, cache);
        if (await serveBeta(req, res, pathname, { runtime, now, render })) return;
      }
    }
    if (dev && pathname === "/__installment/events") return contentEvents(req, res);
    if (pathname.startsWith("/media/")) {
      const mediaView = siteView(runtime.snapshot(), at, audience);
      if (audience === "reader" && mediaView) mediaReleaseHeaders(res, mediaView, runtime.snapshot().schedule, now);
      return serveMedia(req, res, pathname, mediaView);
    }
    if (!dev && pathname.startsWith("/_next/")) {
      // The client router needs build assets only: every other /_next/ path
      // (the image optimizer, data routes, anything new) is a 404 in production.
      if (!staticAssets.has(pathname)) return plain(res, 404, "Not Found");
      // Build assets never change under their names: kept in memory (queries ignored) and gzipped once.
      const url = guard.rawPath;
      const load = () =>
        assetPool.run((signal) => renderFromBackend("GET", url, { host: "localhost", "accept-encoding": "identity" }, assetPool, signal));
      const entry = await assets.getOrRender(pathname, load, (r) => r.status === 200);
      return respond(req, res, entry, { "Cache-Control": entry.status === 200 ? IMMUTABLE_CACHE_CONTROL : "no-store" });
    }
    if (islands && pathname.startsWith(ISLANDS_PREFIX)) {
      if (pathname !== islands.path) return plain(res, 404, "Not Found");
      return respond(req, res, islands.entry, { "Cache-Control": IMMUTABLE_CACHE_CONTROL });
    }
    if (dev) {
      res.setHeader("Content-Security-Policy", contentSecurityPolicy([], dev));
      return pipe(req, res, now, audience, editor.asOf);
    }

    const view = siteView(runtime.snapshot(), at, audience);
    // Unknown query parameters and free-form router headers are dropped here:
    // only what changes the response reaches Next or the cache key.
    const wanted = readerRequest(guard.rawPath, guard.query, req.headers);
    if (wanted.kind === "refused") return plain(res, wanted.status, wanted.message);
    if (wanted.kind === "redirect") {
      res.setHeader("Location", wanted.location);
      // Private too: the same answer serves a beta link, which no cache may keep.
      return plain(res, 307, "Temporary Redirect", "private, no-store");
    }
    const headers = forwardedHeaders(wanted.headers, { now, audience, secret, asOf: editor.asOf });
    // Every path that is not a page of this release state gets the one
    // canonical 404, so an unreleased slug, a draft and a typo are identical.
    const known = view !== null && isSitePath(pathname, view, editor.signedIn);
    const url = (known ? guard.rawPath : NOT_FOUND_PATH) + wanted.search;
    const store = wanted.flight ? flights : cache;
    const render = () => renderPage(url, headers, wanted.flight, store);
    let entry: CachedResponse;
    if (view !== null && pathname === offeredEpub(view)) {
      entry = await epubs.response(view);
    } else if (audience === "reader" && view) {
      entry = await store.getOrRender(cacheKey(view, url, wanted.vary), render, (r) => r.status < 500);
    } else {
      entry = await render();
    }
    respond(req, res, entry, releaseCacheHeaders(audience === "reader" ? view : null, runtime.snapshot().schedule, now, pathname));
  }

  function cacheKey(view: SiteView, url: string, vary: string): string {
    return `${runtime.version()}|${view.stateKey}|${url}|${vary}`;
  }

  /** A page render in the page pool, logged (one `render` line each) with what the page caches hold. */
  async function renderPage(url: string, headers: Record<string, string>, flight: boolean, store: PageCache): Promise<CachedResponse> {
    const started = Date.now();
    const r = await pages.run((signal) => renderFromBackend("GET", url, headers, pages, signal));
    const pageBytes = cache.bytes + flights.bytes;
    logJson({
      event: "render",
      url: url.split("?")[0],
      flight,
      status: r.status,
      ms: Date.now() - started,
      pageBytes,
      maxPageBytes: limits.pageCacheBytes,
      entries: store.size,
    });
    return r;
  }

  async function renderFromBackend(
    method: string,
    url: string,
    headers: Record<string, string>,
    pool: RenderPool,
    signal: AbortSignal,
  ): Promise<CachedResponse> {
    const r = await fetchFromBackend(backend.port, method, url, headers, { agent: pool.agent, signal });
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.headers)) {
      if (DROP_HEADERS.has(k) || k.startsWith("x-nextjs")) continue;
      out[k] = Array.isArray(v) ? v.join(", ") : v;
    }
    const type = out["content-type"] ?? "";
    if (islands && type.startsWith("text/html") && headers[EDGE_HEADERS.audience] === "reader") {
      r.body = Buffer.from(readerHtml(r.body.toString("utf8"), islands.path).html, "utf8");
    }
    const hashes = type.startsWith("text/html") ? inlineScriptHashes(r.body.toString("utf8")) : [];
    out["content-security-policy"] = contentSecurityPolicy(hashes, dev);
    out["etag"] = `"${createHash("sha1").update(r.body).digest("base64url")}"`;
    const gzip = COMPRESSIBLE.test(type) && r.body.length > 1024 ? gzipSync(r.body) : null;
    return { status: r.status, headers: out, body: r.body, gzip };
  }

  function pipe(req: IncomingMessage, res: ServerResponse, now: number, audience: Audience, asOf: number | null) {
    Object.assign(
      req.headers,
      forwardedHeaders({}, { now, audience, secret, asOf }),
      { host: req.headers.host ?? "localhost" },
      { accept: req.headers.accept ?? "*/*" },
    );
    delete req.headers["accept-encoding"];
    pipeFromBackend(
      backend.port,
      req,
      (upstream) => {
        const headers = { ...upstream.headers };
        delete headers["content-security-policy"];
        res.writeHead(upstream.statusCode ?? 502, headers);
        upstream.pipe(res);
      },
      () => plain(res, 502, "Bad Gateway"),
    );
  }

  function serveMedia(req: IncomingMessage, res: ServerResponse, pathname: string, view: SiteView | null) {
    const name = pathname.slice("/media/".length);
    if (!isMediaFileName(name) || !view || !servable(view).has(name)) return plain(res, 404, "Not Found");
    res.setHeader("Cache-Control", IMMUTABLE_CACHE_CONTROL);
    res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    send(req, name, { root: mediaDir, dotfiles: "deny", index: false, cacheControl: false })
      .on("error", () => plain(res, 404, "Not Found"))
      .pipe(res);
  }

  /** Preview only: a server-sent event with the content version after every reload. */
  function contentEvents(req: IncomingMessage, res: ServerResponse) {
    res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive" });
    const send = () => res.write(`data: ${runtime.version()}\n\n`);
    res.write("retry: 1000\n\n");
    send();
    const off = runtime.onReload(send);
    req.on("close", off);
  }

  // A page names a dozen media files: the set of servable ones is worked out
  // once per content version and release state, not once per file.
  let servableKey = "";
  let servableSet = new Set<string>();
  function servable(view: SiteView): Set<string> {
    const key = `${runtime.version()}|${view.stateKey}`;
    if (key !== servableKey) {
      servableSet = servableMedia(view, runtime.media());
      servableKey = key;
    }
    return servableSet;
  }

  async function warm(at: number): Promise<number> {
    const view = siteView(runtime.snapshot(), at, "reader");
    if (!view) return 0;
    const before = siteView(runtime.snapshot(), at - 1, "reader");
    const paths = warmPaths(before, view);
    const headers = forwardedHeaders({}, { now: at, audience: "reader", secret, asOf: null });
    let done = 0;
    for (const p of paths) {
      const key = cacheKey(view, p, "document");
      await cache.getOrRender(
        key,
        () => renderPage(p, headers, false, cache),
        (r) => r.status < 500,
      );
      done++;
    }
    return done;
  }

  runtime.onReload(() => {
    for (const c of [cache, flights]) c.retain([`${runtime.version()}|`]);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  return {
    server,
    cache,
    warm,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      pages.close();
      assetPool.close();
      await backend.close();
    },
  };
}

function islandsEntry(bundle: { path: string; code: Buffer }): { path: string; entry: CachedResponse } {
  const headers = {
    "content-type": "application/javascript; charset=utf-8",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    etag: `"${bundle.path.slice(ISLANDS_PREFIX.length, -3)}"`,
  };
  return { path: bundle.path, entry: { status: 200, headers, body: bundle.code, gzip: gzipSync(bundle.code, { level: 9 }) } };
}

function isSitePath(pathname: string, view: SiteView, signedIn: boolean): boolean {
  if (SITE_PATHS.has(pathname) || pathname === offeredEpub(view)) return true;
  if (signedIn && pathname === "/editor") return true;
  return view.chapters.some((c) => chapterPaths(c.slug).includes(pathname));
}

function respond(req: IncomingMessage, res: ServerResponse, entry: CachedResponse, cacheHeaders: Record<string, string>): void {
  const etag = entry.headers["etag"];
  for (const [k, v] of Object.entries(entry.headers)) res.setHeader(k, v);
  for (const [k, v] of Object.entries(cacheHeaders))
    res.setHeader(k, k.toLowerCase() === "vary" ? appendVary(entry.headers["vary"], v) : v);
  if (etag && req.headers["if-none-match"] === etag && entry.status === 200) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const useGzip = entry.gzip !== null && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = useGzip ? entry.gzip! : entry.body;
  if (entry.gzip !== null) res.setHeader("Vary", appendVary(String(res.getHeader("Vary") ?? ""), "Accept-Encoding"));
  if (useGzip) res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Content-Length", body.length);
  res.statusCode = entry.status;
  res.end(req.method === "HEAD" ? undefined : body);
}

function appendVary(existing: string | undefined, value: string): string {
  const parts = (existing ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  for (const v of value
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean))
    if (!parts.some((p) => p.toLowerCase() === v.toLowerCase())) parts.push(v);
  return parts.join(", ");
}

function plain(res: ServerResponse, status: number, message: string, cacheControl = "no-store"): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", cacheControl);
  res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  res.end(message);
}
