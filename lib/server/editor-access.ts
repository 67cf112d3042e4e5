import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readEnv } from "../env";
import type { Runtime } from "./runtime";

export interface EditorAccess {
  /** The edge already answered (sign-in redirect, as-of change). */
  handled: boolean;
  signedIn: boolean;
  /** The instant a signed-in editor is viewing the site as of. */
  asOf: number | null;
}

const SESSION_COOKIE = "installment_editor";
const AS_OF_COOKIE = "installment_as_of";

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** Compares secrets in constant time, whatever their lengths. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function sessionValue(token: string): string {
  return createHmac("sha256", token).update("installment editor session v1").digest("base64url");
}

function cookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of String(req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

/**
 * Editor sign-in on the running site: `/editor?token=…` sets an HttpOnly
 * session cookie; anything else about editors is invisible without it (a wrong
 * token gets the ordinary 404).
 */
export function editorAccess(req: IncomingMessage, res: ServerResponse, runtime: Runtime): EditorAccess {
  const token = readEnv().EDITOR_TOKEN;
  const none: EditorAccess = { handled: false, signedIn: false, asOf: null };
  if (!token) return none;
  const url = new URL(req.url ?? "/", "http://localhost");
  const jar = cookies(req);
  const session = jar.get(SESSION_COOKIE);
  const signedIn = session !== undefined && sameSecret(session, sessionValue(token));

  if (url.pathname === "/editor" && url.searchParams.has("token")) {
    if (!sameSecret(url.searchParams.get("token") ?? "", token)) return none;
    res.setHeader("Set-Cookie", `${SESSION_COOKIE}=${sessionValue(token)}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${60 * 60 * 12}`);
    return redirect(res, "/editor");
  }
  if (!signedIn) return none;

  if (url.pathname === "/editor/as-of") {
    const at = url.searchParams.get("at") ?? "";
    const ms = at ? Date.parse(at) : NaN;
    res.setHeader(
      "Set-Cookie",
      Number.isFinite(ms) ? `${AS_OF_COOKIE}=${ms}; HttpOnly; SameSite=Strict; Path=/` : `${AS_OF_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`,
    );
    return redirect(res, Number.isFinite(ms) ? "/" : "/editor");
  }
  const asOfRaw = jar.get(AS_OF_COOKIE);
  const asOf = asOfRaw && /^\d+$/.test(asOfRaw) ? Number(asOfRaw) : null;
  void runtime;
  return { handled: false, signedIn: true, asOf };
}

function redirect(res: ServerResponse, location: string): EditorAccess {
  res.statusCode = 303;
  res.setHeader("Location", location);
  res.setHeader("Cache-Control", "no-store");
  res.end();
  return { handled: true, signedIn: true, asOf: null };
}
