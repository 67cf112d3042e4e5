import type { IncomingMessage } from "node:http";

export type GuardResult = { ok: true; pathname: string } | { ok: false; status: number; message: string };

const MAX_URL = 4096;
const METHODS = new Set(["GET", "HEAD"]);

/**
 * Rejects requests no reader sends (unknown methods, huge or undecodable
 * URLs) with a 4xx before they reach the renderer, so they can never become a
 * 5xx or a stack trace.
 */
export function guardRequest(req: IncomingMessage, allowPost = false): GuardResult {
  const method = req.method ?? "GET";
  if (!METHODS.has(method) && !(allowPost && method === "POST")) {
    return { ok: false, status: 405, message: "Method Not Allowed" };
  }
  const url = req.url ?? "/";
  if (url.length > MAX_URL) return { ok: false, status: 414, message: "URI Too Long" };
  if (!url.startsWith("/")) return { ok: false, status: 400, message: "Bad Request" };
  const q = url.indexOf("?");
  const rawPath = q >= 0 ? url.slice(0, q) : url;
  const rawQuery = q >= 0 ? url.slice(q + 1) : "";
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPath);
    // Query values are decoded by the renderer later; undecodable ones are refused here.
    for (const part of rawQuery.split("&")) if (part) decodeURIComponent(part.replace(/\+/g, " "));
  } catch {
    return { ok: false, status: 400, message: "Bad Request" };
  }
  if (pathname.includes("\0") || /[\u0000-\u001f]/.test(pathname)) return { ok: false, status: 400, message: "Bad Request" };
  return { ok: true, pathname };
}
