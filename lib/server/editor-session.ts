import { deriveKey, issueToken, verifyToken, type SignedToken } from "./signed-token";

// A signed editor session, valid on every instance that shares EDITOR_TOKEN:
// `<id>.<expires>.<mac>` (signed-token.ts), where the MAC is keyed from the
// token. Nothing is stored to sign in; only a sign-out is stored (see
// session-revocations.ts).

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export type Session = SignedToken;

const CONTEXT = "v2";

/** The signing key: derived from the token, so rotating the token ends every session. */
export function sessionKey(token: string): Buffer {
  return deriveKey(token, "editor session key v2");
}

/** A new session from `now` (real epoch ms), and the cookie value that carries it. */
export function issueSession(key: Buffer, now: number): { session: Session; value: string } {
  const { token, value } = issueToken(key, CONTEXT, now + SESSION_TTL_MS);
  return { session: token, value };
}

/** The session a cookie value carries, or null if it is malformed, forged or expired at `now`. */
export function verifySession(value: string | undefined, key: Buffer, now: number): Session | null {
  return verifyToken(value, key, CONTEXT, now, SESSION_TTL_MS);
}
