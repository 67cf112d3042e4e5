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
import type { Runtime } from "./runtime";
import { cacheSeconds, siteView, type Audience, type SiteView } from "../site/visibility";
import { warmPaths } from "../site/warm-paths";
import { offeredEpub } from "../site/epub-path";
import { epubDownloads } from "./epub-download";
import { chapterPaths, SITE_PATHS } from "../site/routes";
import { cacheRoot } from "../env";
import { editorAccess, type EditorAccess } from "./editor-access";
import { serveBeta } from "./beta-route";
import { handleBetaForm } from "./beta-forms";

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
const RSC_VARY = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"];
const DROP_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "cache-control", "etag", "x-powered-by", "content-security-policy"]);
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|atom\+xml|rss\+xml|feed\+json)|image\/svg)/;

/**
 * The public HTTP edge: the only code that reads the clock for a request. It
 * decides each request's instant and audience, serves released media, keeps
 * rendered pages per release state, and sets security and cache headers.
 */
export async function startServer(options: ServerOptions): Promise<Edge> {
  const { runtime, dev } = options;
  const backend: NextBackend = await startNextBackend({ dev, projectDir: options.projectDir });
  const cache = new PageCache();
  const assets = new PageCache(2000);
  const mediaDir = path.join(cacheRoot(), "media", "files");
  const secret = edgeSecret();
  const epubs = epubDownloads(runtime, mediaDir);

  const server = createServer((req, res) => {
    void onRequest(req, res).catch((error: unknown) => {
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

    if (pathname.startsWith("/beta/") && (await serveBeta(req, res, pathname, { runtime, now, render: (url, extra) => renderFromBackend("GET", url, { ...backendHeaders(req, now, "reader", null), ...extra }) }))) return;
    if (dev && pathname === "/__installment/events") return contentEvents(req, res);
    if (pathname.startsWith("/media/")) return serveMedia(req, res, pathname, siteView(runtime.snapshot(), at, audience));
    if (!dev && pathname.startsWith("/_next/static/")) {
      // Build assets never change under their names: kept in memory and gzipped once.
      const url = req.url ?? "/";
      const entry = await assets.getOrRender(url, () => renderFromBackend("GET", url, { host: "localhost", "accept-encoding": "identity" }), (r) => r.status === 200);
      return respond(req, res, entry, entry.status === 200 ? IMMUTABLE_CACHE_CONTROL : "no-store");
    }
    if (pathname.startsWith("/_next/") || dev) {
      res.setHeader("Content-Security-Policy", contentSecurityPolicy([], dev));
      return pipe(req, res, now, audience, editor.asOf);
    }

    const view = siteView(runtime.snapshot(), at, audience);
    const headers = backendHeaders(req, now, audience, editor.asOf);
    // Every path that is not a page of this release state gets the one
    // canonical 404, so an unreleased slug, a draft and a typo are identical.
    const known = view !== null && isSitePath(pathname, view, editor.signedIn);
    const url = known ? (req.url ?? "/") : NOT_FOUND_PATH;
    const render = () => renderFromBackend(req.method ?? "GET", url, headers);
    let entry: CachedResponse;
    if (view !== null && pathname === offeredEpub(view)) {
      entry = await epubs.response(view);
    } else if (audience === "reader" && view) {
      const key = cacheKey(view, url, req);
      entry = await cache.getOrRender(key, render, (r) => r.status < 500);
    } else {
      entry = await render();
    }
    const maxAge = audience === "reader" && view ? cacheSeconds(view, now) : 0;
    // The service worker script is always revalidated, so a fix reaches every opted-in reader at once.
    const readerCache = maxAge > 0 && pathname !== "/sw.js" ? `public, max-age=${maxAge}, must-revalidate` : "no-cache";
    respond(req, res, entry, audience === "reader" ? readerCache : "private, no-store");
  }

  function cacheKey(view: SiteView, url: string, req: Pick<IncomingMessage, "headers">): string {
    const vary = RSC_VARY.map((h) => `${h}=${String(req.headers[h] ?? "")}`).join("&");
    return `${runtime.version()}|${view.stateKey}|${url}|${vary}`;
  }

  function backendHeaders(req: IncomingMessage, now: number, audience: Audience, asOf: number | null): Record<string, string> {
    const out: Record<string, string> = { host: "localhost", "accept-encoding": "identity" };
    for (const h of [...RSC_VARY, "accept", "user-agent"]) {
      const v = req.headers[h];
      if (typeof v === "string") out[h] = v;
    }
    out[EDGE_HEADERS.now] = String(now);
    out[EDGE_HEADERS.audience] = audience;
    out[EDGE_HEADERS.secret] = secret;
    if (asOf !== null) out[EDGE_HEADERS.asOf] = String(asOf);
    return out;
  }

  async function renderFromBackend(method: string, url: string, headers: Record<string, string>): Promise<CachedResponse> {
    const r = await fetchFromBackend(backend.port, method === "HEAD" ? "GET" : method, url, headers);
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.headers)) {
      if (DROP_HEADERS.has(k) || k.startsWith("x-nextjs")) continue;
      out[k] = Array.isArray(v) ? v.join(", ") : v;
    }
    const type = out["content-type"] ?? "";
    const hashes = type.startsWith("text/html") ? inlineScriptHashes(r.body.toString("utf8")) : [];
    out["content-security-policy"] = contentSecurityPolicy(hashes, dev);
    out["etag"] = `"${createHash("sha1").update(r.body).digest("base64url")}"`;
    const gzip = COMPRESSIBLE.test(type) && r.body.length > 1024 ? gzipSync(r.body) : null;
    return { status: r.status, headers: out, body: r.body, gzip };
  }

  function pipe(req: IncomingMessage, res: ServerResponse, now: number, audience: Audience, asOf: number | null) {
    Object.assign(req.headers, backendHeaders(req, now, audience, asOf), { host: req.headers.host ?? "localhost" });
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
    const headers: Record<string, string> = { host: "localhost", "accept-encoding": "identity", accept: "text/html" };
    headers[EDGE_HEADERS.now] = String(at);
    headers[EDGE_HEADERS.audience] = "reader";
    headers[EDGE_HEADERS.secret] = secret;
    let done = 0;
    for (const p of paths) {
      const key = cacheKey(view, p, { headers: {} });
      await cache.getOrRender(key, () => renderFromBackend("GET", p, headers), (r) => r.status < 500);
      done++;
    }
    return done;
  }

  runtime.onReload(() => cache.retain([`${runtime.version()}|`]));

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
      await backend.close();
    },
  };
}

function isSitePath(pathname: string, view: SiteView, signedIn: boolean): boolean {
  if (SITE_PATHS.has(pathname) || pathname === offeredEpub(view)) return true;
  if (signedIn && pathname === "/editor") return true;
  return view.chapters.some((c) => chapterPaths(c.slug).includes(pathname));
}


function respond(req: IncomingMessage, res: ServerResponse, entry: CachedResponse, cacheControl: string): void {
  const etag = entry.headers["etag"];
  for (const [k, v] of Object.entries(entry.headers)) res.setHeader(k, v);
  res.setHeader("Cache-Control", cacheControl);
  if (etag && req.headers["if-none-match"] === etag && entry.status === 200) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const useGzip = entry.gzip !== null && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = useGzip ? entry.gzip! : entry.body;
  if (entry.gzip !== null) res.setHeader("Vary", appendVary(entry.headers["vary"], "Accept-Encoding"));
  if (useGzip) res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Content-Length", body.length);
  res.statusCode = entry.status;
  res.end(req.method === "HEAD" ? undefined : body);
}

function appendVary(existing: string | undefined, value: string): string {
  const parts = (existing ?? "").split(",").map((p) => p.trim()).filter(Boolean);
  if (!parts.some((p) => p.toLowerCase() === value.toLowerCase())) parts.push(value);
  return parts.join(", ");
}

function plain(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  res.end(message);
}
