import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { IMMUTABLE_CACHE_CONTROL } from "../../media/serve-path";
import { ISLANDS_PREFIX, type IslandsBundle } from "../islands-bundle";
import { PageCache, type CachedResponse } from "../page-cache";
import { plainResponse } from "../plain-response";
import { RenderPool } from "../render-pool";
import type { ServingLimits } from "../serving-limits";
import { listStaticAssets } from "../static-assets";
import type { BackendFetch } from "./backend-response";
import { respond } from "./respond";

export interface EdgeAssets {
  /** Answers `pathname` when it is a build asset or the islands script; false when it is neither. */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string, rawPath: string): Promise<boolean>;
  close(): void;
}

/**
 * Production's static files: Next's build assets (`/_next/static/*`) and the
 * islands script (`/_islands/<hash>.js`). Both never change under their names,
 * so they are kept in memory, gzipped once and served immutable. The preview
 * (`npm run dev`) has neither: Next serves its own assets there.
 */
export function edgeAssets(options: {
  projectDir: string;
  limits: ServingLimits;
  islands: IslandsBundle;
  fetch: BackendFetch;
}): EdgeAssets {
  const { limits, fetch } = options;
  const known = listStaticAssets(options.projectDir);
  const cache = new PageCache(limits.assetCacheBytes);
  // Build assets have their own sockets to Next, slots and timeout, so page renders cannot starve them.
  const pool = new RenderPool({ concurrency: 16, queue: limits.renderQueue, timeoutMs: limits.renderTimeoutMs });
  const islands = islandsEntry(options.islands);

  async function serveBuildAsset(req: IncomingMessage, res: ServerResponse, pathname: string, rawPath: string): Promise<void> {
    // The client router needs build assets only: every other /_next/ path
    // (the image optimizer, data routes, anything new) is a 404 in production.
    if (!known.has(pathname)) return plainResponse(res, 404, "Not Found");
    // Kept by path: a query never changes a build asset.
    const load = () => pool.run((signal) => fetch(rawPath, { host: "localhost", "accept-encoding": "identity" }, pool, signal));
    const entry = await cache.getOrRender(pathname, load, (r) => r.status === 200);
    respond(req, res, entry, { "Cache-Control": entry.status === 200 ? IMMUTABLE_CACHE_CONTROL : "no-store" });
  }

  return {
    async serve(req, res, pathname, rawPath) {
      if (pathname.startsWith("/_next/")) {
        await serveBuildAsset(req, res, pathname, rawPath);
        return true;
      }
      if (!pathname.startsWith(ISLANDS_PREFIX)) return false;
      if (pathname !== options.islands.path) plainResponse(res, 404, "Not Found");
      else respond(req, res, islands, { "Cache-Control": IMMUTABLE_CACHE_CONTROL });
      return true;
    },
    close: () => pool.close(),
  };
}

function islandsEntry(bundle: IslandsBundle): CachedResponse {
  const headers = {
    "content-type": "application/javascript; charset=utf-8",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    etag: `"${bundle.path.slice(ISLANDS_PREFIX.length, -3)}"`,
  };
  return { status: 200, headers, body: bundle.code, gzip: gzipSync(bundle.code, { level: 9 }) };
}
