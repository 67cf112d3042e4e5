import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { issueSession, sessionKey, verifySession, SESSION_TTL_MS } from "../../lib/server/editor-session";
import { openRevocationStore } from "../../lib/server/session-revocations";
import { clientAddress, isHttps } from "../../lib/server/client-origin";
import { SignInLimit } from "../../lib/server/sign-in-limit";
import { parseAsOf } from "../../lib/server/editor-access";
import { readEnv } from "../../lib/env";

const TOKEN = "a-token-of-at-least-24-characters";
const NOW = Date.UTC(2027, 0, 1);

describe("signed editor sessions", () => {
  it("verify on any instance with the same token, until they expire 12 hours later", () => {
    const { session, value } = issueSession(sessionKey(TOKEN), NOW);
    expect(value).not.toContain(TOKEN);
    // Another instance derives the same key from the shared token.
    expect(verifySession(value, sessionKey(TOKEN), NOW + 1000)).toEqual(session);
    expect(verifySession(value, sessionKey(TOKEN), NOW + SESSION_TTL_MS - 1)).toEqual(session);
    expect(verifySession(value, sessionKey(TOKEN), NOW + SESSION_TTL_MS)).toBeNull();
    expect(SESSION_TTL_MS).toBe(12 * 60 * 60 * 1000);
  });

  it("a new id per sign-in; a forged, altered or other-token cookie is no session", () => {
    const key = sessionKey(TOKEN);
    const a = issueSession(key, NOW);
    const b = issueSession(key, NOW);
    expect(a.session.id).not.toBe(b.session.id);
    const [id, expires, mac] = a.value.split(".") as [string, string, string];
    const later = String(Number(expires) + SESSION_TTL_MS);
    for (const forged of [
      `${id}.${later}.${mac}`,
      `${b.session.id}.${expires}.${mac}`,
      `${id}.${expires}.${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`,
      "forged",
      "",
      `${a.value}.x`,
    ]) {
      expect(verifySession(forged, key, NOW), forged).toBeNull();
    }
    expect(verifySession(a.value, sessionKey(`${TOKEN}-rotated`), NOW)).toBeNull();
  });
});

describe("sign-outs shared through the cache folder", () => {
  it("a sign-out recorded by one instance is seen by another; expired entries are cleaned up", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "installment-cache-")), "editor-sessions", "revoked");
    const one = openRevocationStore(dir);
    const two = openRevocationStore(dir);
    const key = sessionKey(TOKEN);
    const a = issueSession(key, NOW).session;
    const b = issueSession(key, NOW + 1000).session;
    one.revoke(a, NOW);
    expect(two.isRevoked(a.id)).toBe(true);
    expect(two.isRevoked(b.id)).toBe(false);
    expect(two.isRevoked("../../etc/passwd")).toBe(false);
    // Past a's expiry, the next sign-out removes its entry.
    two.revoke(b, a.expires + 1);
    expect(readdirSync(dir)).toEqual([b.id]);
  });
});

function request(peer: string, headers: Record<string, string> = {}, encrypted = false): IncomingMessage {
  return { socket: { remoteAddress: peer, encrypted }, headers } as unknown as IncomingMessage;
}

describe("trusting a proxy", () => {
  it("HTTPS: a TLS socket, or X-Forwarded-Proto from loopback or a listed proxy only", () => {
    expect(isHttps(request("203.0.113.9", {}, true), [])).toBe(true);
    expect(isHttps(request("127.0.0.1", { "x-forwarded-proto": "https" }), [])).toBe(true);
    expect(isHttps(request("::ffff:127.0.0.1", { "x-forwarded-proto": "https" }), [])).toBe(true);
    expect(isHttps(request("::1", { "x-forwarded-proto": "https, http" }), [])).toBe(true);
    expect(isHttps(request("203.0.113.9", { "x-forwarded-proto": "https" }), [])).toBe(false);
    expect(isHttps(request("10.0.0.5", { "x-forwarded-proto": "https" }), ["10.0.0.5"])).toBe(true);
    expect(isHttps(request("127.0.0.1", { "x-forwarded-proto": "http" }), [])).toBe(false);
  });

  it("the client address: the peer, or the nearest untrusted X-Forwarded-For hop behind trusted proxies", () => {
    expect(clientAddress(request("203.0.113.9", { "x-forwarded-for": "198.51.100.1" }), [])).toBe("203.0.113.9");
    expect(clientAddress(request("127.0.0.1", { "x-forwarded-for": "198.51.100.1" }), [])).toBe("198.51.100.1");
    // The client wrote the leftmost entry itself; the proxies appended the rest.
    expect(clientAddress(request("127.0.0.1", { "x-forwarded-for": "1.2.3.4, 198.51.100.1, 10.0.0.5" }), ["10.0.0.5"])).toBe(
      "198.51.100.1",
    );
    expect(clientAddress(request("127.0.0.1"), [])).toBe("127.0.0.1");
  });

  it("INSTALLMENT_TRUSTED_PROXIES is a list of IP addresses; anything else is refused, naming it", () => {
    expect(readEnv({ INSTALLMENT_TRUSTED_PROXIES: "10.0.0.5, ::1" }).INSTALLMENT_TRUSTED_PROXIES).toEqual(["10.0.0.5", "::1"]);
    expect(() => readEnv({ INSTALLMENT_TRUSTED_PROXIES: "10.0.0.5, proxy.local" })).toThrow(
      /^INSTALLMENT_TRUSTED_PROXIES="10\.0\.0\.5, proxy\.local": /,
    );
  });
});

describe("EDITOR_TOKEN", () => {
  it("needs at least 24 characters, and the error never prints it", () => {
    expect(readEnv({ EDITOR_TOKEN: "x".repeat(24) }).EDITOR_TOKEN).toHaveLength(24);
    const short = "s3cret-token-7f3a9c";
    let message = "";
    try {
      readEnv({ EDITOR_TOKEN: short });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^EDITOR_TOKEN .*at least 24 characters/);
    expect(message).not.toContain(short);
  });
});

describe("failed sign-ins per address", () => {
  it("the 11th attempt within a minute is refused until the oldest failure is a minute old", () => {
    const limit = new SignInLimit(10, 60_000);
    for (let i = 0; i < 10; i++) {
      expect(limit.retryAfter("198.51.100.1", NOW + i * 1000)).toBe(0);
      limit.fail("198.51.100.1", NOW + i * 1000);
    }
    expect(limit.retryAfter("198.51.100.1", NOW + 10_000)).toBe(50);
    expect(limit.retryAfter("198.51.100.2", NOW + 10_000)).toBe(0);
    expect(limit.retryAfter("198.51.100.1", NOW + 60_001)).toBe(0);
  });
});

describe("the as-of cookie", () => {
  it("is epoch milliseconds within what a page can show; anything else is refused", () => {
    expect(parseAsOf("1800000000000")).toBe(1800000000000);
    expect(parseAsOf("0")).toBe(0);
    for (const bad of ["1".repeat(40), "8640000000000001", "253402300800000", "abc", "-5", "1e3", "12.5", ""])
      expect(parseAsOf(bad), bad).toBeNull();
  });
});
