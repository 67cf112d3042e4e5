import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// A signed editor session, valid on every instance that shares EDITOR_TOKEN:
// `<id>.<expires>.<mac>`, where the MAC is keyed from the token. Nothing is
// stored to sign in; only a sign-out is stored (see session-revocations.ts).

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface Session {
  /** Random, per sign-in. */
  id: string;
  /** Epoch ms. */
  expires: number;
}

/** Instances behind one cache may disagree on the time by a little. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

const FORMAT = /^([A-Za-z0-9_-]{22})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/;

/** The signing key: derived from the token, so rotating the token ends every session. */
export function sessionKey(token: string): Buffer {
  return createHmac("sha256", token).update("installment editor session key v2").digest();
}

function mac(key: Buffer, id: string, expires: number): string {
  return createHmac("sha256", key).update(`v2.${id}.${expires}`).digest("base64url");
}

/** A new session from `now` (real epoch ms), and the cookie value that carries it. */
export function issueSession(key: Buffer, now: number): { session: Session; value: string } {
  const id = randomBytes(16).toString("base64url");
  const expires = now + SESSION_TTL_MS;
  return { session: { id, expires }, value: `${id}.${expires}.${mac(key, id, expires)}` };
}

/** The session a cookie value carries, or null if it is malformed, forged or expired at `now`. */
export function verifySession(value: string | undefined, key: Buffer, now: number): Session | null {
  const m = value ? FORMAT.exec(value) : null;
  if (!m) return null;
  const [, id, expiresText, given] = m as unknown as [string, string, string, string];
  const expires = Number(expiresText);
  const expected = Buffer.from(mac(key, id, expires));
  if (!timingSafeEqual(Buffer.from(given), expected)) return null;
  // A valid MAC with an expiry further out than a session lasts was not issued here.
  if (expires <= now || expires > now + SESSION_TTL_MS + CLOCK_SKEW_MS) return null;
  return { id, expires };
}
