import type { IncomingHttpHeaders } from "node:http";

export interface BodyRefusal {
  status: 400 | 413;
  message: string;
}

/**
 * GET and HEAD carry no body on this site. A request that announces one is
 * refused before a byte of it is read (and its connection closed), so a
 * client trickling a body can never hold a socket to the renderer.
 */
export function refuseRequestBody(method: string, headers: IncomingHttpHeaders): BodyRefusal | null {
  if (method !== "GET" && method !== "HEAD") return null;
  if (headers["transfer-encoding"] !== undefined) return { status: 400, message: "Bad Request: a GET or HEAD request carries no body" };
  const length = headers["content-length"];
  if (length === undefined) return null;
  if (!/^\d+$/.test(length)) return { status: 400, message: "Bad Request: malformed Content-Length" };
  return Number(length) > 0 ? { status: 413, message: "Content Too Large: a GET or HEAD request carries no body" } : null;
}
