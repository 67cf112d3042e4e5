import type { ServerResponse } from "node:http";

/** A short text answer the edge gives itself (errors, refusals): never cached, nothing to run. */
export function plainResponse(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  res.end(message);
}
