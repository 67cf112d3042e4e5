import type { IncomingMessage } from "node:http";
import { parseRequestTarget } from "./request-target";
import { refuseRequestBody } from "./request-body";

export type GuardResult =
  { ok: true; pathname: string; rawPath: string; query: string } | { ok: false; status: number; message: string; close?: boolean };

const METHODS = new Set(["GET", "HEAD"]);

/**
 * Rejects requests no reader sends (unknown methods, bodies on GET/HEAD,
 * malformed, huge or undecodable targets) with a 4xx before they reach the
 * renderer, so they can never become a 5xx, a stack trace or a held socket.
 */
export function guardRequest(req: IncomingMessage, allowPost = false): GuardResult {
  const method = req.method ?? "GET";
  if (!METHODS.has(method) && !(allowPost && method === "POST")) {
    return { ok: false, status: 405, message: "Method Not Allowed" };
  }
  const body = refuseRequestBody(method, req.headers);
  if (body) return { ok: false, status: body.status, message: body.message, close: true };
  const target = parseRequestTarget(req.url ?? "/");
  if (!target.ok) return target;
  return { ok: true, pathname: target.pathname, rawPath: target.rawPath, query: target.query };
}
