import { createHash } from "node:crypto";
import { Agent, request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { projectDir, startSite, TEST_EDITOR_TOKEN, type RunningSite } from "../helpers/server";
import { readerStory } from "../helpers/reader-fixture";
import { launchBrowser, watchedPage } from "../helpers/browser";

// Issue 9, "Abuse": no reader may stall renders, fill memory or get a 5xx.
// Site A runs with an editor token and small limits; site B without a token
// and with a render timeout no render can meet.

const PAGE_CACHE_MB = 4;
let a: RunningSite;
let b: RunningSite;
beforeAll(async () => {
  const chapters = await readerStory();
  a = await startSite({
    chapters,
    editorToken: TEST_EDITOR_TOKEN,
    env: { INSTALLMENT_HEADERS_TIMEOUT_MS: "1000", INSTALLMENT_PAGE_CACHE_MB: String(PAGE_CACHE_MB) },
  });
  b = await startSite({ chapters, env: { INSTALLMENT_RENDER_TIMEOUT_MS: "1" } });
}, 900_000);
afterAll(async () => {
  await a?.stop();
  await b?.stop();
});

interface RawResponse {
  status: number;
  head: string;
  body: string;
}

/**
 * Writes `text` to a raw socket (no URL normalisation by a client library) and
 * resolves with the first response. `withhold` keeps the socket open without
 * writing anything more, like a client sending its body very slowly.
 */
function rawExchange(port: number, text: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(text));
    let buf = Buffer.alloc(0);
    const finish = () => {
      const s = buf.toString("latin1");
      const end = s.indexOf("\r\n\r\n");
      const head = end >= 0 ? s.slice(0, end) : s;
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      socket.destroy();
      resolve({ status, head, body: end >= 0 ? s.slice(end + 4) : "" });
    };
    socket.on("data", (c: Buffer) => {
      buf = Buffer.concat([buf, c]);
      const s = buf.toString("latin1");
      const end = s.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(s.slice(0, end))?.[1] ?? NaN);
      if (Number.isFinite(length) && buf.length >= Buffer.byteLength(s.slice(0, end + 4), "latin1") + length) finish();
    });
    socket.on("end", finish);
    socket.on("error", (e) => (buf.length ? finish() : reject(e)));
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });
function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The edge's `render` log lines: one per page it asked Next to render. */
interface RenderLine {
  url: string;
  flight: boolean;
  pageBytes: number;
  maxPageBytes: number;
}
function renders(site: RunningSite): RenderLine[] {
  return site.output.filter((l) => l.startsWith("{") && l.includes('"event":"render"')).map((l) => JSON.parse(l) as RenderLine);
}

describe("slow or oversized request bodies never hold the backend pool", () => {
  it("a GET announcing a body it never sends is refused at once, on /_next/* and on pages", async () => {
    for (const [path, framing] of [
      ["/_next/anything", "Content-Length: 10"],
      ["/_next/static/chunks/x.js", "Content-Length: 10"],
      ["/orbit", "Transfer-Encoding: chunked"],
    ] as const) {
      const res = await rawExchange(a.port, `GET ${path} HTTP/1.1\r\nHost: localhost\r\n${framing}\r\n\r\n`);
      expect([400, 413], `${path} with ${framing}`).toContain(res.status);
    }
  }, 15_000);

  it("80 slow-body requests on /_next/* leave the site serving pages", async () => {
    const answered: Promise<void>[] = [];
    const sockets = Array.from({ length: 80 }, () => {
      const s = connect(a.port, "127.0.0.1", () =>
        s.write("GET /_next/slow HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\nx"),
      );
      s.on("error", () => {});
      answered.push(new Promise((resolve) => s.once("data", () => resolve())));
      return s;
    });
    try {
      // Every slow request has had its answer (so each reached the edge, and the backend if it was passed on)…
      await Promise.all(answered);
      const res = await get(a.port, "/orbit?after-slow-bodies");
      expect(res.status).toBe(200);
    } finally {
      for (const s of sockets) s.destroy();
    }
  }, 20_000);

  it("every /_next/* path but /_next/static/* is a 404 in production", async () => {
    for (const p of [
      "/_next/data/build/orbit.json",
      "/_next/webpack-hmr",
      "/_next/anything",
      "/_next/image?url=%2Ficon.svg&w=64&q=75",
      "/_next/",
      "/_next",
    ]) {
      const res = await get(a.port, p);
      expect(res.status, p).toBe(404);
    }
  });

  it("a client that never finishes its headers is cut off (headersTimeout)", async () => {
    const res = await rawExchange(a.port, "GET /orbit HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
    // 408 from Node's header timeout, or a closed socket.
    expect([0, 408]).toContain(res.status);
  }, 15_000);

  it("a render that takes too long is a 504 with Retry-After, never a hang", async () => {
    const res = await get(b.port, "/orbit");
    expect([503, 504]).toContain(res.status);
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    expect(String(res.headers["cache-control"])).toContain("no-store");
  }, 15_000);
});

describe("cache keys: junk URLs and router headers cannot evict or multiply pages", () => {
  /** Next's `_rsc` hash of the router headers (sha-256, 12 bytes, base64url). */
  const rscHash = (prefetch: string | undefined, tree: string | undefined, nextUrl: string | undefined) =>
    createHash("sha256")
      .update([prefetch ?? "0", "0", tree ?? "0", nextUrl ?? "0"].join(","))
      .digest()
      .subarray(0, 12)
      .toString("base64url");

  it("a warmed chapter survives 2,000 junk queries, /_next/ paths and router-header variants, and the page cache stays within its bound", async () => {
    expect((await get(a.port, "/orbit")).status).toBe(200);
    expect((await get(a.port, "/orbit")).status).toBe(200);
    const isOrbitDoc = (r: RenderLine) => !r.flight && r.url === "/orbit";
    const before = renders(a).filter(isOrbitDoc).length;
    expect(before).toBe(1);
    const totalBefore = renders(a).length;

    const tree = encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}, null, null] }, null, null]));
    const jobs: (() => Promise<number>)[] = [];
    for (let i = 0; i < 2000; i++) {
      jobs.push(async () => (await get(a.port, `/orbit?junk=${i}&utm_source=${i}`)).status);
      jobs.push(async () => (await get(a.port, `/_next/${i.toString(36)}/${Math.random().toString(36).slice(2)}`)).status);
      jobs.push(async () => (await get(a.port, `/_next/static/chunks/${Math.random().toString(36).slice(2)}.js?v=${i}`)).status);
      jobs.push(async () => (await get(a.port, "/orbit", { RSC: String(i + 2) })).status);
      jobs.push(async () => (await get(a.port, "/orbit", { RSC: "1", "Next-Router-State-Tree": `junk-${i}` })).status);
      jobs.push(
        async () =>
          (
            await get(a.port, `/orbit?_rsc=${i}`, {
              RSC: "1",
              "Next-Router-Prefetch": "1",
              "Next-Router-State-Tree": tree,
              "Next-Url": `/x${i}`,
            })
          ).status,
      );
      const nextUrl = `/y${i}`;
      jobs.push(
        async () =>
          (
            await get(a.port, `/orbit?_rsc=${rscHash(undefined, tree, nextUrl)}&junk=${i}`, {
              RSC: "1",
              "Next-Router-State-Tree": tree,
              "Next-Url": nextUrl,
            })
          ).status,
      );
    }
    const statuses = new Map<number, number>();
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < jobs.length) {
          const s = await jobs[next++]!();
          statuses.set(s, (statuses.get(s) ?? 0) + 1);
        }
      }),
    );
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);

    const after = await get(a.port, "/orbit");
    expect(after.status).toBe(200);
    const all = renders(a);
    // The warmed document was never rendered again…
    expect(all.filter(isOrbitDoc).length).toBe(before);
    // …and the whole flood cost a handful of renders (one per well-formed router-header set), not thousands.
    expect(all.length - totalBefore).toBeLessThanOrEqual(4);
    for (const r of all) expect(r.pageBytes).toBeLessThanOrEqual(PAGE_CACHE_MB * 1024 * 1024);
    expect(all.at(-1)?.maxPageBytes).toBe(PAGE_CACHE_MB * 1024 * 1024);
  }, 600_000);
});

describe("malformed request targets are a 4xx, with or without an editor token", () => {
  const targets = [
    "//[",
    "//:99999",
    "/%",
    "//",
    "//orbit",
    "/\\[",
    "/\\\\evil.example/",
    "http://x/..",
    "http://evil.example/orbit",
    "https://localhost/orbit",
    "*",
    "orbit",
    "/" + "a".repeat(9000),
    "/orbit/" + "%2e%2e/".repeat(100),
  ];
  for (const [name, site] of [
    ["with EDITOR_TOKEN", () => a],
    ["without a token", () => b],
  ] as const) {
    it(`${name}: ${targets.length} malformed targets`, async () => {
      for (const t of targets) {
        const res = await rawExchange(site().port, `GET ${t} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
        expect(res.status, `${name}: ${t.slice(0, 40)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${name}: ${t.slice(0, 40)}`).toBeLessThan(500);
      }
    });
  }

  it("an out-of-range as-of cookie is a 4xx", async () => {
    const signIn = await get(a.port, `/editor?token=${TEST_EDITOR_TOKEN}`);
    expect(signIn.status).toBe(303);
    const session = String(signIn.headers["set-cookie"]).split(";")[0]!;
    for (const asOf of ["99999999999999999", "-1", "1e400", "253402300800000"]) {
      const res = await get(a.port, "/", { Cookie: `${session}; installment_as_of=${asOf}` });
      expect(res.status, asOf).toBeGreaterThanOrEqual(400);
      expect(res.status, asOf).toBeLessThan(500);
    }
  });
});

describe("the image optimizer is unreachable", () => {
  it("images.unoptimized is set and /_next/image is a 404 for any image", async () => {
    const configFile = pathToFileURL(path.join(projectDir, "next.config.mjs")).href;
    const config = (await import(configFile)) as { default: { images?: { unoptimized?: boolean } } };
    expect(config.default.images?.unoptimized).toBe(true);
    const page = (await get(a.port, "/orbit")).body.toString("utf8");
    const media = /\/media\/[0-9a-f]+\.(png|webp|jpg)/.exec(page)?.[0];
    expect(media).toBeTruthy();
    for (const url of [media!, "/icon.svg", "https://example.com/x.png"]) {
      const res = await get(a.port, `/_next/image?url=${encodeURIComponent(url)}&w=640&q=75`);
      expect(res.status, url).toBe(404);
      expect(String(res.headers["content-type"])).not.toMatch(/^image\//);
    }
  });
});

describe("request headers outside the cache key never reach Next", () => {
  it("a bot's and a browser's user-agent get byte-identical cached pages", async () => {
    const bot = await get(a.port, "/landing?ua=bot", {
      "User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      Accept: "text/html",
    });
    const browser = await get(a.port, "/landing?ua=browser", {
      "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36",
      Accept: "*/*",
      "Accept-Language": "de",
    });
    expect(bot.status).toBe(200);
    expect(browser.status).toBe(200);
    expect(bot.headers["etag"]).toBe(browser.headers["etag"]);
    expect(bot.body.equals(browser.body)).toBe(true);
  });
});

describe("the client router still works through the stricter edge", () => {
  // Reader pages ship no client router (tests/e2e/islands.test.ts); an
  // editor's pages still hydrate, so their prefetches and client navigation
  // are what must get through the stricter edge.
  it("an editor's prefetches and client-side navigation get flight payloads, never a 400", async () => {
    const browser = await launchBrowser();
    try {
      const { page, external } = await watchedPage(await browser.newContext());
      const flights: { url: string; status: number }[] = [];
      page.on("response", (r) => {
        if (r.request().headers()["rsc"] === "1") flights.push({ url: r.url(), status: r.status() });
      });
      await page.goto(`${a.url}/editor?token=${TEST_EDITOR_TOKEN}`, { waitUntil: "networkidle" });
      await page.goto(`${a.url}/`, { waitUntil: "networkidle" });
      await page.locator('a[href="/orbit"]').first().click();
      await page.waitForURL(`${a.url}/orbit`);
      await page.waitForLoadState("networkidle");
      expect(flights.length).toBeGreaterThan(0);
      expect(flights.filter((f) => f.status >= 400)).toEqual([]);
      expect(flights.some((f) => f.status === 200)).toBe(true);
      expect(external).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
