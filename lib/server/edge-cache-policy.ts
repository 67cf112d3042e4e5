import type { ServerResponse } from "node:http";
import type { Schedule } from "../schedule/types";
import type { SiteView } from "../site/visibility";
import { EDITOR_CACHE_CONTROL, RELEASE_HEADERS, readerCacheHeaders } from "./shared-cache-headers";

/** Request headers a page's flight payload (`?_rsc=`) depends on: shared caches key on them. */
const RSC_VARY_HEADER = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, next-url";

export const SERVICE_WORKER_PATH = "/sw.js";

/** Revalidated by browsers and shared caches alike, so a fix reaches every opted-in reader at once. */
export const SERVICE_WORKER_CACHE_CONTROL = "no-cache";

/** Paths whose names carry their content's hash, served with IMMUTABLE_CACHE_CONTROL (build assets, islands, media). */
export const IMMUTABLE_PATH_PREFIXES = ["/_next/static/", "/_islands/", "/media/"] as const;

/** Paths whose body is the same whatever the RSC request headers (feeds, files). */
const NOT_RSC = /\.(xml|json|ics|txt|svg|png)$/;

/**
 * The cache headers of a page, flight payload, feed or file the edge answers:
 * a reader's carry the release state and shared-cache lifetimes; anything
 * else (an editor, a preview) is never stored.
 */
export function releaseCacheHeaders(
  view: SiteView | null,
  schedule: Schedule | null,
  now: number,
  pathname: string,
): Record<string, string> {
  if (!view) return { "Cache-Control": EDITOR_CACHE_CONTROL };
  const sw = pathname === SERVICE_WORKER_PATH;
  const headers = readerCacheHeaders({ stateKey: view.stateKey, schedule, now, ceiling: sw ? 0 : undefined });
  if (sw) headers["Cache-Control"] = SERVICE_WORKER_CACHE_CONTROL;
  if (!NOT_RSC.test(pathname)) headers["Vary"] = RSC_VARY_HEADER;
  return headers;
}

/**
 * Media keep their immutable lifetime (the name is the content's hash; a
 * pulled chapter's files are purged from shared caches), but name the release
 * state they were served in, so a cache can refuse media served early.
 */
export function mediaReleaseHeaders(res: ServerResponse, view: SiteView, schedule: Schedule | null, now: number): void {
  const h = readerCacheHeaders({ stateKey: view.stateKey, schedule, now });
  for (const key of [RELEASE_HEADERS.state, RELEASE_HEADERS.at, RELEASE_HEADERS.atEpoch]) {
    const v = h[key];
    if (v !== undefined) res.setHeader(key, v);
  }
}
