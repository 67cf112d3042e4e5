import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  BETA_DEFAULT_DAYS,
  betaLinkKey,
  betaLinkPath,
  issueBetaLink,
  openBetaLinkStore,
  parseBetaPath,
  verifyBetaLink,
} from "../../lib/server/beta-links";
import { sessionKey } from "../../lib/server/editor-session";

const TOKEN = "a-token-of-at-least-24-characters";
const NOW = Date.UTC(2027, 0, 1);
const DAY = 24 * 60 * 60 * 1000;

describe("signed beta-reader links", () => {
  it("verify on any instance with the same token for 7 days by default, then expire", () => {
    const link = issueBetaLink(betaLinkKey(TOKEN), "zenith-secret", NOW);
    expect(BETA_DEFAULT_DAYS).toBe(7);
    expect(link.expires).toBe(NOW + 7 * DAY);
    const href = betaLinkPath(betaLinkKey(TOKEN), link);
    expect(href).toMatch(/^\/beta\/zenith-secret\/[A-Za-z0-9_-]{22}\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(href).not.toContain(TOKEN);
    const parsed = parseBetaPath(href)!;
    expect(parsed).toMatchObject({ slug: "zenith-secret", media: null });
    const key = betaLinkKey(TOKEN);
    expect(verifyBetaLink(key, parsed.slug, parsed.token, NOW + 1000)).toEqual(link);
    expect(verifyBetaLink(key, parsed.slug, parsed.token, NOW + 7 * DAY - 1)).toEqual(link);
    expect(verifyBetaLink(key, parsed.slug, parsed.token, NOW + 7 * DAY)).toBeNull();
  });

  it("a chosen lifetime is honoured within 1 to 30 days; anything else is refused", () => {
    const key = betaLinkKey(TOKEN);
    expect(issueBetaLink(key, "a", NOW, 1).expires).toBe(NOW + DAY);
    expect(issueBetaLink(key, "a", NOW, 30).expires).toBe(NOW + 30 * DAY);
    for (const days of [0, 31, 1.5, Number.NaN]) expect(() => issueBetaLink(key, "a", NOW, days), String(days)).toThrow(String(days));
  });

  it("tampered, moved to another chapter, signed with another token or with a session key: no link", () => {
    const key = betaLinkKey(TOKEN);
    const link = issueBetaLink(key, "zenith-secret", NOW);
    const other = issueBetaLink(key, "zenith-secret", NOW);
    expect(other.id).not.toBe(link.id);
    const { token } = parseBetaPath(betaLinkPath(key, link))!;
    const [id, expires, mac] = token.split(".") as [string, string, string];
    const later = String(Number(expires) + DAY);
    for (const forged of [
      `${id}.${later}.${mac}`,
      `${other.id}.${expires}.${mac}`,
      `${id}.${expires}.${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`,
      "forged",
      "",
      `${token}.x`,
    ]) {
      expect(verifyBetaLink(key, "zenith-secret", forged, NOW), forged).toBeNull();
    }
    expect(verifyBetaLink(key, "noon", token, NOW)).toBeNull();
    expect(verifyBetaLink(betaLinkKey(`${TOKEN}-rotated`), "zenith-secret", token, NOW)).toBeNull();
    // The session key and the link key differ, so neither signature stands in for the other.
    expect(sessionKey(TOKEN).equals(key)).toBe(false);
  });

  it("a validly signed expiry further out than any link lasts was not issued here", () => {
    const key = betaLinkKey(TOKEN);
    const far = issueBetaLink(key, "zenith-secret", NOW + 60 * DAY, 30);
    const { token } = parseBetaPath(betaLinkPath(key, far))!;
    expect(verifyBetaLink(key, "zenith-secret", token, NOW)).toBeNull();
  });

  it("parses the page and its media paths, and nothing else", () => {
    const t = `${"a".repeat(22)}.123.${"b".repeat(43)}`;
    expect(parseBetaPath(`/beta/noon/${t}`)).toEqual({ slug: "noon", token: t, media: null });
    expect(parseBetaPath(`/beta/noon/${t}/media/abc123.mp4`)).toEqual({ slug: "noon", token: t, media: "abc123.mp4" });
    for (const p of [
      "/beta/noon",
      "/beta/noon/",
      "/beta/Noon/x",
      `/beta/noon/${t}/other`,
      `/beta/noon/${t}/media/`,
      `/beta/noon/${t}/media/../x`,
      "/betax/noon/t",
    ]) {
      expect(parseBetaPath(p), p).toBeNull();
    }
  });
});

describe("the beta-link store shared through the cache folder", () => {
  it("lists links made on one instance on another; a revocation is seen at once; expired entries are cleaned up", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "installment-cache-")), "beta-links");
    const one = openBetaLinkStore(dir);
    const two = openBetaLinkStore(dir);
    const key = betaLinkKey(TOKEN);
    const a = issueBetaLink(key, "zenith-secret", NOW, 1);
    const b = issueBetaLink(key, "draft-thing", NOW, 7);
    one.record(a, NOW);
    one.record(b, NOW);
    expect(two.list(NOW).map((l) => [l.slug, l.revoked])).toEqual([
      ["zenith-secret", false],
      ["draft-thing", false],
    ]);
    expect(two.isRevoked(a.id)).toBe(false);
    expect(one.revoke(a.id, NOW)).toBe(true);
    expect(two.isRevoked(a.id)).toBe(true);
    expect(two.list(NOW).find((l) => l.id === a.id)?.revoked).toBe(true);
    // An unknown id is not revoked (nothing is written for it), and ids are never paths.
    expect(one.revoke("x".repeat(22), NOW)).toBe(false);
    expect(two.isRevoked("../../etc/passwd")).toBe(false);
    // Past a's expiry, the next change removes what was kept for it.
    two.record(issueBetaLink(key, "noon", NOW + 2 * DAY, 7), NOW + 2 * DAY);
    expect(two.list(NOW + 2 * DAY).map((l) => l.slug)).toEqual(["draft-thing", "noon"]);
    expect(readdirSync(path.join(dir, "revoked"))).toEqual([]);
  });
});
