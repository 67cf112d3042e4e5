import type { IncomingMessage, ServerResponse } from "node:http";
import type { CachedResponse } from "../page-cache";

/**
 * Writes a whole response kept in memory (a page, flight payload, build asset,
 * the islands script or the e-book): its headers plus the edge's cache
 * headers, a 304 for a matching `If-None-Match`, gzip when the client takes
 * it, and no body for HEAD.
 */
export function respond(req: IncomingMessage, res: ServerResponse, entry: CachedResponse, cacheHeaders: Record<string, string>): void {
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

/** `existing` with each of `value`'s comma-separated names that it lacks (compared without case). */
export function appendVary(existing: string | undefined, value: string): string {
  const parts = headerNames(existing);
  for (const v of headerNames(value)) if (!parts.some((p) => p.toLowerCase() === v.toLowerCase())) parts.push(v);
  return parts.join(", ");
}

function headerNames(list: string | undefined): string[] {
  return (list ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}
