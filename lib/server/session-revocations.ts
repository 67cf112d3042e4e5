import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SignedToken } from "./signed-token";

/**
 * Small records that expire, one file each (named by a token id, holding the
 * expiry and the record as JSON) in a folder every instance shares (under
 * INSTALLMENT_CACHE_DIR), so what one instance writes all of them read at
 * once. A file outlives its token by nothing: entries past their expiry are
 * removed at each write. Used for signed-out editor sessions and for
 * beta-reader links and their revocations.
 */
export interface ExpiringStore<T> {
  put(id: string, expires: number, record: T, now: number): void;
  /** Removes the entries past their expiry at `now`. */
  prune(now: number): void;
  has(id: string): boolean;
  get(id: string): { id: string; expires: number; record: T } | null;
  list(): { id: string; expires: number; record: T }[];
}

const ID = /^[A-Za-z0-9_-]{22}$/;

export function openExpiringStore<T>(dir: string): ExpiringStore<T> {
  const read = (id: string): { id: string; expires: number; record: T } | null => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path.join(dir, id), "utf8"));
    } catch {
      return null;
    }
    // A bare number is an entry written before records were kept.
    if (typeof parsed === "number") return { id, expires: parsed, record: null as T };
    const o = parsed as { expires?: unknown; record?: T } | null;
    return typeof o?.expires === "number" ? { id, expires: o.expires, record: o.record as T } : null;
  };
  const ids = () => (existsSync(dir) ? readdirSync(dir).filter((n) => ID.test(n)) : []);
  return {
    put(id, expires, record, now) {
      if (!ID.test(id)) throw new Error(`not a token id: "${id}"`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, id), JSON.stringify({ expires, record }));
      this.prune(now);
    },
    prune(now) {
      for (const name of ids()) {
        const entry = read(name);
        if (entry && entry.expires <= now) rmSync(path.join(dir, name), { force: true });
      }
    },
    // Ids come from a verified token (22 base64url characters), never a path.
    has: (id) => ID.test(id) && existsSync(path.join(dir, id)),
    get: (id) => (ID.test(id) ? read(id) : null),
    list: () => ids().flatMap((id) => read(id) ?? []),
  };
}

/** Signed-out editor sessions. */
export interface RevocationStore {
  revoke(session: SignedToken, now: number): void;
  isRevoked(id: string): boolean;
}

export function openRevocationStore(dir: string): RevocationStore {
  const store = openExpiringStore<null>(dir);
  return {
    revoke: (session, now) => store.put(session.id, session.expires, null, now),
    isRevoked: (id) => store.has(id),
  };
}
