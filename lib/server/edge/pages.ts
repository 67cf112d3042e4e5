import type { IncomingMessage, ServerResponse } from "node:http";
import { offeredEpub } from "../../site/epub-path";
import { chapterPaths, SITE_PATHS } from "../../site/routes";
import { siteView, type SiteView } from "../../site/visibility";
import { warmPaths } from "../../site/warm-paths";
import { serveBeta } from "../beta-route";
import { readerRequest } from "../cache-key";
import { releaseCacheHeaders } from "../edge-cache-policy";
import { epubDownloads } from "../epub-download";
import { forwardedHeaders } from "../forwarded-headers";
import { logJson } from "../log";
import { PageCache, type CachedResponse } from "../page-cache";
import { plainResponse } from "../plain-response";
import { RenderPool } from "../render-pool";
import type { Runtime } from "../runtime";
import type { ServingLimits } from "../serving-limits";
import type { BackendFetch } from "./backend-response";
import type { EdgeRequest } from "./edge-request";
import { respond } from "./respond";
import { stateKey } from "./state-key";

/** A path no route matches: Next answers it with the root not-found page. */
const NOT_FOUND_PATH = "/_/not-found";

export interface EdgePages {
  /** Rendered reader documents, per release state. */
  cache: PageCache;
  /** Answers a page, flight payload, feed or file the site renders (the canonical 404 for anything else). */
  serve(req: IncomingMessage, res: ServerResponse, request: EdgeRequest): Promise<void>;
  /** Answers a valid beta link; false for anything else under `/beta/`. */
  serveBeta(req: IncomingMessage, res: ServerResponse, request: EdgeRequest): Promise<boolean>;
  /** Renders the pages that change at `at` ahead of time, into that state's cache. */
  warm(at: number): Promise<number>;
  close(): void;
}

/**
 * Pages Next renders, kept whole per content version and release state:
 * readers share one render of each (single-flight), editors and beta links
 * get their own, uncached.
 */
export function edgePages(options: {
  runtime: Runtime;
  limits: ServingLimits;
  fetch: BackendFetch;
  secret: string;
  /** The media store's files (the e-book embeds posters from it). */
  mediaFiles: string;
}): EdgePages {
  const { runtime, limits, fetch, secret } = options;
  // Documents and flight payloads are bounded apart, so no flood of one evicts the other.
  const cache = new PageCache(Math.round(limits.pageCacheBytes * 0.75));
  const flights = new PageCache(limits.pageCacheBytes - cache.maxBytes);
  const pool = new RenderPool({ concurrency: limits.renderConcurrency, queue: limits.renderQueue, timeoutMs: limits.renderTimeoutMs });
  const epubs = epubDownloads(runtime, options.mediaFiles);

  runtime.onReload(() => {
    for (const c of [cache, flights]) c.retain([`${runtime.version()}|`]);
  });

  const cacheKey = (view: SiteView, url: string, vary: string) => `${stateKey(runtime, view)}|${url}|${vary}`;

  /** A page render in the pool, logged (one `render` line each) with what the page caches hold. */
  async function render(url: string, headers: Record<string, string>, flight: boolean, store: PageCache): Promise<CachedResponse> {
    const started = Date.now();
    const r = await pool.run((signal) => fetch(url, headers, pool, signal));
    logJson({
      event: "render",
      url: url.split("?")[0],
      flight,
      status: r.status,
      ms: Date.now() - started,
      pageBytes: cache.bytes + flights.bytes,
      maxPageBytes: limits.pageCacheBytes,
      entries: store.size,
    });
    return r;
  }

  async function serve(req: IncomingMessage, res: ServerResponse, request: EdgeRequest): Promise<void> {
    const { pathname, rawPath, now, at, audience, asOf } = request;
    const view = siteView(runtime.snapshot(), at, audience);
    // Unknown query parameters and free-form router headers are dropped here:
    // only what changes the response reaches Next or the cache key.
    const wanted = readerRequest(rawPath, request.query, req.headers);
    if (wanted.kind === "refused") return plainResponse(res, wanted.status, wanted.message);
    if (wanted.kind === "redirect") {
      res.setHeader("Location", wanted.location);
      // Private too: the same answer serves a beta link, which no cache may keep.
      return plainResponse(res, 307, "Temporary Redirect", "private, no-store");
    }
    const headers = forwardedHeaders(wanted.headers, { now, audience, secret, asOf });
    // Every path that is not a page of this release state gets the one
    // canonical 404, so an unreleased slug, a draft and a typo are identical.
    const known = view !== null && isSitePath(pathname, view, request.signedIn);
    const url = (known ? rawPath : NOT_FOUND_PATH) + wanted.search;
    const store = wanted.flight ? flights : cache;
    let entry: CachedResponse;
    if (view !== null && pathname === offeredEpub(view)) {
      entry = await epubs.response(view);
    } else if (audience === "reader" && view) {
      entry = await store.getOrRender(
        cacheKey(view, url, wanted.vary),
        () => render(url, headers, wanted.flight, store),
        (r) => r.status < 500,
      );
    } else {
      entry = await render(url, headers, wanted.flight, store);
    }
    respond(req, res, entry, releaseCacheHeaders(audience === "reader" ? view : null, runtime.snapshot().schedule, now, pathname));
  }

  return {
    cache,
    serve,
    async serveBeta(req, res, { pathname, rawPath, query, now }) {
      // Beta pages render outside every cache, with the same normalised request as any page.
      const wanted = readerRequest(rawPath, query, req.headers);
      if (wanted.kind !== "page") return false;
      const headers = forwardedHeaders(wanted.headers, { now, audience: "reader", secret, asOf: null });
      return serveBeta(req, res, pathname, {
        runtime,
        now,
        render: (extra) => render(rawPath + wanted.search, { ...headers, ...extra }, wanted.flight, cache),
      });
    },
    async warm(at) {
      const view = siteView(runtime.snapshot(), at, "reader");
      if (!view) return 0;
      const before = siteView(runtime.snapshot(), at - 1, "reader");
      const headers = forwardedHeaders({}, { now: at, audience: "reader", secret, asOf: null });
      let done = 0;
      for (const p of warmPaths(before, view)) {
        await cache.getOrRender(
          cacheKey(view, p, "document"),
          () => render(p, headers, false, cache),
          (r) => r.status < 500,
        );
        done++;
      }
      return done;
    },
    close: () => pool.close(),
  };
}

function isSitePath(pathname: string, view: SiteView, signedIn: boolean): boolean {
  if (SITE_PATHS.has(pathname) || pathname === offeredEpub(view)) return true;
  if (signedIn && pathname === "/editor") return true;
  return view.chapters.some((c) => chapterPaths(c.slug).includes(pathname));
}
