import path from "node:path";
import { deriveKey, issueToken, signToken, verifyToken, type SignedToken } from "./signed-token";
import { openExpiringStore } from "./session-revocations";
import { cacheRoot } from "../env";
import { cacheLayout } from "../cache-layout";

// Beta-reader links: `/beta/<slug>/<id>.<expires>.<mac>`, one chapter each,
// signed with a key derived from EDITOR_TOKEN (so they hold on every instance
// and die with the token), expiring after a chosen number of days, and
// revocable through a store in the cache folder that every instance shares.

export const BETA_DEFAULT_DAYS = 7;
const BETA_MAX_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface BetaLink extends SignedToken {
  slug: string;
}

export interface BetaLinkEntry extends BetaLink {
  /** Real epoch ms the link was made. */
  created: number;
  revoked: boolean;
}

export function betaLinkKey(editorToken: string): Buffer {
  return deriveKey(editorToken, "beta link key v1");
}

/** The MAC covers the chapter: a link cannot be moved to another chapter. */
const context = (slug: string) => `beta-v1:${slug}`;

/** A new link to `slug` from `now` (real epoch ms), lasting `days` whole days (1 to 30). */
export function issueBetaLink(key: Buffer, slug: string, now: number, days = BETA_DEFAULT_DAYS): BetaLink {
  if (!Number.isInteger(days) || days < 1 || days > BETA_MAX_DAYS) {
    throw new Error(`a beta link lasts 1 to ${BETA_MAX_DAYS} whole days, not ${days}`);
  }
  const { token } = issueToken(key, context(slug), now + days * DAY_MS);
  return { ...token, slug };
}

export function betaLinkPath(key: Buffer, link: BetaLink): string {
  return `/beta/${link.slug}/${signToken(key, context(link.slug), link)}`;
}

/** The link in `token` for `slug`, or null when it is malformed, forged, for another chapter or expired at `now`. */
export function verifyBetaLink(key: Buffer, slug: string, token: string, now: number): BetaLink | null {
  const verified = verifyToken(token, key, context(slug), now, BETA_MAX_DAYS * DAY_MS);
  return verified ? { ...verified, slug } : null;
}

const PATH = /^\/beta\/([a-z0-9-]+)\/([A-Za-z0-9_-]+\.\d+\.[A-Za-z0-9_-]+)(?:\/media\/([A-Za-z0-9_-][A-Za-z0-9._-]*))?$/;

/** A beta page path, or one of its media files; null for anything else. */
export function parseBetaPath(pathname: string): { slug: string; token: string; media: string | null } | null {
  const m = PATH.exec(pathname);
  if (!m || m[3]?.includes("..")) return null;
  return { slug: m[1]!, token: m[2]!, media: m[3] ?? null };
}

export interface BetaLinkStore {
  record(link: BetaLink, now: number): void;
  /** False when no such link was made (nothing is written for it). */
  revoke(id: string, now: number): boolean;
  isRevoked(id: string): boolean;
  /** Links not yet expired at `now`, oldest first. */
  list(now: number): BetaLinkEntry[];
}

/** Links made and links revoked, under `dir` (`<cache>/beta-links`). */
export function openBetaLinkStore(dir: string): BetaLinkStore {
  const issued = openExpiringStore<{ slug: string; created: number }>(path.join(dir, "issued"));
  const revoked = openExpiringStore<null>(path.join(dir, "revoked"));
  return {
    record(link, now) {
      issued.put(link.id, link.expires, { slug: link.slug, created: now }, now);
      revoked.prune(now);
    },
    revoke(id, now) {
      const entry = issued.get(id);
      if (!entry) return false;
      revoked.put(id, entry.expires, null, now);
      return true;
    },
    isRevoked: (id) => revoked.has(id),
    list: (now) =>
      issued
        .list()
        .filter((e) => e.expires > now && e.record)
        .map((e) => ({ id: e.id, expires: e.expires, slug: e.record.slug, created: e.record.created, revoked: revoked.has(e.id) }))
        .sort((a, b) => a.created - b.created || a.expires - b.expires || a.id.localeCompare(b.id)),
  };
}

/** The store every instance shares, under the cache folder. */
export function betaLinkStore(): BetaLinkStore {
  return openBetaLinkStore(cacheLayout(cacheRoot()).betaLinks);
}
