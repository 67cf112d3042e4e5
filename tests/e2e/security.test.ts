import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSite, type RunningSite } from "../helpers/server";
import { readerStory } from "../helpers/reader-fixture";
import { linksIn } from "../helpers/crawl";

let site: RunningSite;
beforeAll(async () => {
  site = await startSite({ chapters: await readerStory() });
}, 600_000);
afterAll(async () => site?.stop());

/** A raw request, so paths and methods reach the server exactly as written. */
function raw(
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: site.port, method, path, headers, insecureHTTPParser: true }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("latin1") }));
    });
    req.on("error", reject);
    req.end();
  });
}

function expectSecurityHeaders(h: Record<string, string | string[] | undefined>, where: string) {
  const csp = String(h["content-security-policy"] ?? "");
  expect(csp, where).not.toBe("");
  expect(csp, where).not.toContain("unsafe-eval");
  expect(/script-src[^;]*'unsafe-inline'/.test(csp), where).toBe(false);
  if (csp.includes("frame-src")) expect(/frame-src https:\/\/www\.youtube-nocookie\.com(;|$)/.test(csp), where).toBe(true);
  expect(csp, where).toMatch(/frame-ancestors 'none'/);
  expect(h["x-content-type-options"], where).toBe("nosniff");
  expect(h["referrer-policy"], where).toBeTruthy();
  expect(h["permissions-policy"], where).toBeTruthy();
}

describe("security headers", () => {
  it("are on every response: pages, flight payloads, feeds, assets, media, errors", async () => {
    const paths = new Set([
      "/",
      "/orbit",
      "/landing",
      "/feed.xml",
      "/sitemap.xml",
      "/calendar.ics",
      "/robots.txt",
      "/nope",
      "/media/0000000000000000.mp4",
      "/icon.svg",
    ]);
    const home = await raw("GET", "/orbit");
    for (const l of linksIn(home.body)) paths.add(l);
    expect([...paths].some((p) => p.startsWith("/_next/static/"))).toBe(true);
    expect([...paths].some((p) => p.startsWith("/media/") && p !== "/media/0000000000000000.mp4")).toBe(true);
    for (const p of paths) {
      const res = await raw("GET", p);
      expect(res.status, p).toBeLessThan(500);
      expectSecurityHeaders(res.headers, p);
    }
    const flight = await raw("GET", "/orbit", { RSC: "1" });
    expectSecurityHeaders(flight.headers, "flight");
  });

  it("pages allow exactly their own inline scripts by hash, and frames only from youtube-nocookie.com", async () => {
    const res = await raw("GET", "/orbit");
    const csp = String(res.headers["content-security-policy"]);
    const inline = [...res.body.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].filter((m) => m[1]).length;
    const hashes = (csp.match(/'sha256-/g) ?? []).length;
    expect(inline).toBeGreaterThan(0);
    expect(hashes).toBeGreaterThan(0);
    expect(hashes).toBeLessThanOrEqual(inline);
    expect(csp).toMatch(/frame-src https:\/\/www\.youtube-nocookie\.com;/);
  });
});

describe("path traversal on every file-serving route", () => {
  const attempts = [
    "/media/../../../../etc/passwd",
    "/media/..%2f..%2f..%2fetc%2fpasswd",
    "/media/%2e%2e/%2e%2e/etc/passwd",
    "/media/....//....//etc/passwd",
    "/media/..%5c..%5cetc%5cpasswd",
    "/media/0000000000000000.mp4/../../package.json",
    "/media/%00",
    "/_next/static/../../package.json",
    "/_next/static/..%2f..%2fpackage.json",
    "/_next/static/%2e%2e/%2e%2e/next.config.mjs",
    "/_next/static/chunks/..%2f..%2f..%2f.env",
    "/icon.svg/..%2f..%2fpackage.json",
    "/orbit/cover.png/..%2f..%2f..%2fpackage.json",
    "/..%2f..%2f..%2fetc%2fpasswd",
    "/%2e%2e/%2e%2e/etc/passwd",
  ];
  for (const p of attempts) {
    it(`${p} is a 4xx and shows no file outside the served folders`, async () => {
      const res = await raw("GET", p);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.status, p).toBeLessThan(500);
      expect(res.body).not.toMatch(/root:x:0:0|"name": "installment"|serverExternalPackages/);
    });
  }
});

describe("bad requests get 4xx, never 5xx or a stack trace", () => {
  const cases: [string, string, Record<string, string>?][] = [
    ["GET", "/?" + "a=1&".repeat(3000)],
    ["GET", "/orbit?q=%"],
    ["GET", "/orbit?q=%E0%A4%A"],
    ["GET", "/%"],
    ["GET", "/%C0%AF"],
    ["GET", "/%FF%FE"],
    ["GET", "/orbit%ED%A0%80"],
    ["GET", "/" + "x".repeat(5000)],
    ["DELETE", "/orbit"],
    ["PUT", "/"],
    ["PATCH", "/feed.xml"],
    ["TRACE", "/"],
    ["OPTIONS", "/"],
    ["POST", "/orbit"],
    ["PROPFIND", "/"],
    ["GET", "/orbit?_rsc=" + "z".repeat(5000)],
  ];
  for (const [method, path, headers] of cases) {
    it(`${method} ${path.slice(0, 40)}${path.length > 40 ? "…" : ""} ${headers ? JSON.stringify(headers).slice(0, 40) : ""}`, async () => {
      const res = await raw(method, path, headers);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    });
  }

  // Malformed router headers are Next's to interpret: it may redirect or
  // render, but it must never fail or leak a stack trace.
  const headerCases: Record<string, string>[] = [
    { RSC: "1", "Next-Router-State-Tree": "%%%not-json" },
    { "Next-Router-State-Tree": "[".repeat(200) },
    { RSC: "1", "Next-Router-State-Tree": encodeURIComponent(JSON.stringify(["", { children: ["x".repeat(2000), {}] }])) },
    { "Next-Url": "/../../etc/passwd", RSC: "1" },
  ];
  for (const headers of headerCases) {
    it(`malformed router headers ${JSON.stringify(headers).slice(0, 50)}… never give a 5xx`, async () => {
      const res = await raw("GET", "/orbit", headers);
      expect(res.status).toBeLessThan(500);
      expect(res.body).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
      expect(res.body).not.toMatch(/root:x:0:0/);
    });
  }
});
