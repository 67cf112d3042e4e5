import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// One signed token format for the edge: `<id>.<expires>.<mac>`, a random id,
// an expiry (epoch ms) and an HMAC-SHA256 over both and a context string (what
// the token is for). Editor sessions and beta-reader links both use it, each
// with its own key derived from EDITOR_TOKEN and its own context.

export interface SignedToken {
  /** Random, 16 bytes as 22 base64url characters. */
  id: string;
  /** Epoch ms. */
  expires: number;
}

/** Instances behind one cache may disagree on the time by a little. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

const FORMAT = /^([A-Za-z0-9_-]{22})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/;

/** A key for one purpose, derived from a shared secret: rotating the secret voids every token. */
export function deriveKey(secret: string, purpose: string): Buffer {
  return createHmac("sha256", secret).update(`installment ${purpose}`).digest();
}

function mac(key: Buffer, context: string, id: string, expires: number): string {
  return createHmac("sha256", key).update(`${context}.${id}.${expires}`).digest("base64url");
}

/** A new token with a fresh id. */
export function issueToken(key: Buffer, context: string, expires: number): { token: SignedToken; value: string } {
  const id = randomBytes(16).toString("base64url");
  return { token: { id, expires }, value: signToken(key, context, { id, expires }) };
}

/** The value that carries `token` (the same bytes every time: a link can be shown again). */
export function signToken(key: Buffer, context: string, token: SignedToken): string {
  return `${token.id}.${token.expires}.${mac(key, context, token.id, token.expires)}`;
}

/**
 * The token a value carries, or null if it is malformed, forged, for another
 * context, expired at `now`, or expires further out than `maxTtl` (never issued here).
 */
export function verifyToken(value: string | undefined, key: Buffer, context: string, now: number, maxTtl: number): SignedToken | null {
  const m = value ? FORMAT.exec(value) : null;
  if (!m) return null;
  const [, id, expiresText, given] = m as unknown as [string, string, string, string];
  const expires = Number(expiresText);
  const expected = Buffer.from(mac(key, context, id, expires));
  if (!timingSafeEqual(Buffer.from(given), expected)) return null;
  if (expires <= now || expires > now + maxTtl + CLOCK_SKEW_MS) return null;
  return { id, expires };
}
