import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { contentSecurityPolicy, inlineScriptHashes } from "../csp-hashes";
import { EDGE_HEADERS } from "../edge-headers";
import { fetchFromBackend } from "../next-backend";
import type { CachedResponse } from "../page-cache";
import { readerHtml } from "../reader-html";
import type { RenderPool } from "../render-pool";

/** Next's own headers the edge replaces (length, encoding, caching, CSP) or never sends on. */
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

/** One GET of `url` from Next over `pool`'s sockets, made ready to keep and serve to many. */
export type BackendFetch = (url: string, headers: Record<string, string>, pool: RenderPool, signal: AbortSignal) => Promise<CachedResponse>;

/**
 * Turns Next's answer into one the edge can cache whole: Next's hop and
 * caching headers dropped, reader HTML without Next's client runtime (when
 * `islandsPath` names the script that replaces it), a CSP listing the hashes
 * of the inline scripts left, an ETag of the body, and gzip made once.
 */
export function backendFetch(options: { port: number; dev: boolean; islandsPath: string | null }): BackendFetch {
  const { port, dev, islandsPath } = options;
  return async (url, headers, pool, signal) => {
    const r = await fetchFromBackend(port, "GET", url, headers, { agent: pool.agent, signal });
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.headers)) {
      if (DROP_HEADERS.has(k) || k.startsWith("x-nextjs")) continue;
      out[k] = Array.isArray(v) ? v.join(", ") : v;
    }
    const type = out["content-type"] ?? "";
    if (islandsPath && type.startsWith("text/html") && headers[EDGE_HEADERS.audience] === "reader") {
      r.body = Buffer.from(readerHtml(r.body.toString("utf8"), islandsPath).html, "utf8");
    }
    const hashes = type.startsWith("text/html") ? inlineScriptHashes(r.body.toString("utf8")) : [];
    out["content-security-policy"] = contentSecurityPolicy(hashes, dev);
    out["etag"] = `"${createHash("sha1").update(r.body).digest("base64url")}"`;
    const gzip = COMPRESSIBLE.test(type) && r.body.length > 1024 ? gzipSync(r.body) : null;
    return { status: r.status, headers: out, body: r.body, gzip };
  };
}
