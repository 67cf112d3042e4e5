import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseCookie, stringifySetCookie } from "cookie";
import { cacheRoot, readEnv, type Env } from "../env";
import { cacheLayout } from "../cache-layout";
import { realTime } from "../clock";
import { issueSession, sessionKey, verifySession, SESSION_TTL_MS } from "./editor-session";
import { openRevocationStore, type RevocationStore } from "./session-revocations";
import { clientAddress, isHttps } from "./client-origin";
import { SignInLimit } from "./sign-in-limit";
import { logJson } from "./log";
import { plainResponse } from "./plain-response";
import type { Runtime } from "./runtime";

export interface EditorAccess {
  /** The edge already answered (sign-in, sign-out, as-of change, a refusal). */
  handled: boolean;
  signedIn: boolean;
  /** The instant a signed-in editor is viewing the site as of. */
  asOf: number | null;
}

const SESSION_COOKIE = "installment_editor";
const AS_OF_COOKIE = "installment_as_of";
/** 9999-12-31T23:59:59.999Z: every page can still write the instant as a date. */
const LATEST_AS_OF = 253402300799999;

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** Compares secrets in constant time, whatever their lengths. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** What signing in needs, worked out once per token. */
interface Gate {
  token: string;
  key: Buffer;
  revocations: RevocationStore;
  limit: SignInLimit;
  trusted: readonly string[];
}

let gate: Gate | null = null;
function gateFor(token: string, env: Env): Gate {
  if (gate?.token !== token) {
    gate = {
      token,
      key: sessionKey(token),
      revocations: openRevocationStore(cacheLayout(cacheRoot(env)).revokedSessions),
      limit: new SignInLimit(),
      trusted: env.INSTALLMENT_TRUSTED_PROXIES ?? [],
    };
  }
  return gate;
}

/** An as-of cookie: epoch milliseconds, within what every page can show; null when it is anything else. */
export function parseAsOf(value: string): number | null {
  if (!/^\d{1,15}$/.test(value)) return null;
  const ms = Number(value);
  return ms <= LATEST_AS_OF ? ms : null;
}

/**
 * Editor sign-in on the running site. `/editor?token=…` starts a signed
 * session (a 303 to `/editor` drops the token from the address); without a
 * valid, unrevoked session everything about editors is invisible: a wrong
 * token, `/editor`, `/editor/as-of` and `/editor/sign-out` get the ordinary
 * 404, until too many wrong tokens from one address get a 429.
 */
export function editorAccess(req: IncomingMessage, res: ServerResponse, runtime: Runtime): EditorAccess {
  const env = readEnv();
  const token = env.EDITOR_TOKEN;
  if (!token) return NONE;
  const g = gateFor(token, env);
  const now = realTime();
  const url = new URL(req.url ?? "/", "http://localhost");
  const jar = parseCookie(String(req.headers.cookie ?? ""));
  const secure = isHttps(req, g.trusted);

  if (url.pathname === "/editor" && url.searchParams.has("token")) {
    const address = clientAddress(req, g.trusted);
    const wait = g.limit.retryAfter(address, now);
    if (wait > 0) {
      res.setHeader("Retry-After", String(wait));
      return answer(res, 429, "Too Many Requests");
    }
    if (!sameSecret(url.searchParams.get("token") ?? "", token)) {
      g.limit.fail(address, now);
      return NONE;
    }
    const { value } = issueSession(g.key, now);
    res.setHeader("Set-Cookie", cookie(SESSION_COOKIE, value, secure, SESSION_TTL_MS / 1000));
    return redirect(res, "/editor");
  }

  const session = verifySession(jar[SESSION_COOKIE], g.key, now);
  if (!session || g.revocations.isRevoked(session.id)) return NONE;

  if (url.pathname === "/editor/sign-out") {
    try {
      g.revocations.revoke(session, now);
    } catch (error) {
      // The browser's cookie is still dropped; copies of it stay valid until they expire.
      logJson({ event: "sign-out-not-recorded", error: String(error) });
    }
    res.setHeader("Set-Cookie", [cookie(SESSION_COOKIE, "", secure, 0), cookie(AS_OF_COOKIE, "", secure, 0)]);
    return redirect(res, "/");
  }
  if (url.pathname === "/editor/as-of") {
    const at = url.searchParams.get("at") ?? "";
    const ms = at ? Date.parse(at) : NaN;
    const asOf = Number.isFinite(ms) ? parseAsOf(String(ms)) : null;
    res.setHeader("Set-Cookie", asOf === null ? cookie(AS_OF_COOKIE, "", secure, 0) : cookie(AS_OF_COOKIE, String(asOf), secure));
    return redirect(res, asOf === null ? "/editor" : "/");
  }
  const raw = jar[AS_OF_COOKIE];
  if (!raw) return { handled: false, signedIn: true, asOf: null };
  const asOf = parseAsOf(raw);
  if (asOf === null) {
    // Not an instant any page can show: refused (and dropped), never rendered into a 5xx.
    res.setHeader("Set-Cookie", cookie(AS_OF_COOKIE, "", secure, 0));
    return answer(res, 400, "Bad Request: the as-of cookie is not an instant this site can show; it has been cleared");
  }
  void runtime;
  return { handled: false, signedIn: true, asOf };
}

const NONE: EditorAccess = { handled: false, signedIn: false, asOf: null };

function cookie(name: string, value: string, secure: boolean, maxAge?: number): string {
  return stringifySetCookie(name, value, {
    httpOnly: true,
    sameSite: "strict",
    path: "/",
    secure,
    ...(maxAge === undefined ? {} : { maxAge }),
  });
}

function redirect(res: ServerResponse, location: string): EditorAccess {
  res.statusCode = 303;
  res.setHeader("Location", location);
  res.setHeader("Cache-Control", "no-store");
  res.end();
  return { handled: true, signedIn: true, asOf: null };
}

function answer(res: ServerResponse, status: number, message: string): EditorAccess {
  plainResponse(res, status, message);
  return { handled: true, signedIn: false, asOf: null };
}
