import type { ServerResponse } from "node:http";

/**
 * A short text answer the edge gives itself (errors, refusals): nothing to
 * run, and never cached unless `cacheControl` says otherwise.
 */
export function plainResponse(res: ServerResponse, status: number, message: string, cacheControl = "no-store"): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", cacheControl);
  res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  res.end(message);
}
