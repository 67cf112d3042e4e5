import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Session } from "./editor-session";

/**
 * Signed-out sessions, one small file each (named by the session id, holding
 * its expiry) in a folder every instance shares (under INSTALLMENT_CACHE_DIR),
 * so a sign-out on one instance is honoured by all. A file outlives its
 * session by nothing: entries past their expiry are removed at each sign-out.
 */
export interface RevocationStore {
  revoke(session: Session, now: number): void;
  isRevoked(id: string): boolean;
}

const ID = /^[A-Za-z0-9_-]{22}$/;

export function openRevocationStore(dir: string): RevocationStore {
  return {
    revoke(session, now) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, session.id), String(session.expires));
      for (const name of readdirSync(dir)) {
        if (!ID.test(name)) continue;
        const expires = Number(readFileSync(path.join(dir, name), "utf8"));
        if (Number.isFinite(expires) && expires <= now) rmSync(path.join(dir, name), { force: true });
      }
    },
    // Ids come from a verified cookie (22 base64url characters), never a path.
    isRevoked: (id) => ID.test(id) && existsSync(path.join(dir, id)),
  };
}
