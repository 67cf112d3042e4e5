import { Agent, createServer, request, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readerCacheHeaders } from "../../lib/server/shared-cache-headers";
import type { Schedule } from "../../lib/schedule/types";
import { startVarnish, type VarnishProcess } from "../../scripts/lib/varnish-process";
import { freePort } from "../../scripts/lib/free-port";
import { defaultGraceVcl, sample } from "./cluster-fixture";
import { releaseViolations, type ReleaseExpectation, type Sample } from "./release-checker";

// A copy Varnish chose as fresh must not be delivered looking stale. The VCL
// restates s-maxage as Age plus the copy's remaining life rounded up; a copy
// chosen in its last millisecond went out with nothing added, s-maxage equal
// to Age, which is what a copy served in grace looks like (CI caught it:
// "served 16 s old, past its shared lifetime of 16 s"). A copy really served
// past its lifetime must still be caught, and a state already overtaken (an
// instance whose clock runs behind) must reach no cache further down.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A GET on a kept-alive connection: a fraction of a millisecond on loopback, so the copy's last milliseconds get many readers. */
function quickSample(agent: Agent, base: string, path: string): Promise<Sample> {
  const sentAt = Date.now();
  return new Promise((resolve) => {
    const req = request(base + path, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") headers[k] = v;
        resolve({
          cache: "shipped",
          path,
          sentAt,
          receivedAt: Date.now(),
          status: res.statusCode ?? 0,
          headers,
          body: Buffer.concat(chunks).toString("utf8"),
        });
      });
    });
    req.on("error", (e) =>
      resolve({ cache: "shipped", path, sentAt, receivedAt: Date.now(), status: 0, headers: {}, body: "", error: String(e) }),
    );
    req.end();
  });
}

describe("Varnish delivers a fresh copy with time left, and a stale one as stale", () => {
  let backend: Server;
  let shipped: VarnishProcess, graceful: VarnishProcess;
  /** Per path, when the stand-in last answered: Varnish's copy is born then. */
  const answeredAt = new Map<string, number>();
  /** Per path, the release instant the stand-in instance schedules next. */
  const nextRelease = new Map<string, number>();
  /** Per path, how far the stand-in's clock runs behind (ms). */
  const behindBy = new Map<string, number>();
  const expectation = (at: number): ReleaseExpectation => ({
    at,
    afterState: "reader:r1-3",
    markers: ["Upcomingtextmarker"],
    evidence: {},
    withinMs: 2000,
  });

  beforeAll(async () => {
    // A stand-in for an instance: the edge's own cache headers for the state before the release at T.
    backend = createServer((req, res) => {
      const at = nextRelease.get(req.url ?? "") ?? Date.now() + 3_600_000;
      const schedule: Schedule = { timezone: "UTC", releases: [{ at, chapters: [3], line: 1 }] };
      const headers = readerCacheHeaders({ stateKey: "reader:r1-2", schedule, now: Date.now() - (behindBy.get(req.url ?? "") ?? 0) });
      res.writeHead(200, { ...headers, "Content-Type": "text/html; charset=utf-8" });
      res.end("<p>Chapters one and two.</p>");
      answeredAt.set(req.url ?? "", Date.now());
    });
    const backendPort = await freePort();
    await new Promise<void>((r) => backend.listen(backendPort, "127.0.0.1", r));
    const backends = [{ host: "127.0.0.1", port: backendPort }];
    [shipped, graceful] = await Promise.all([
      startVarnish({ port: await freePort(), backends }),
      startVarnish({ port: await freePort(), backends, vcl: defaultGraceVcl() }),
    ]);
    // Varnish counts the instance sick until its health probe has passed.
    for (const cache of [shipped, graceful]) while ((await fetch(`${cache.url}/robots.txt`)).status !== 200) await sleep(200);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([shipped, graceful].map((v) => v?.stop()));
    await new Promise((r) => backend?.close(r));
  });

  /**
   * Schedules a release at a whole second about 8 s ahead and caches `path` in
   * `cache` 6.5 s before it: the edge allows floor(6.5 − 2) = 4 s, so the copy
   * expires 4 s after it is fetched. Returns the release and the expiry.
   */
  async function cacheFourSecondCopy(cache: VarnishProcess, path: string) {
    const at = Math.ceil((Date.now() + 8000) / 1000) * 1000;
    nextRelease.set(path, at);
    await sleep(at - 6500 - Date.now());
    const first = await sample("first", cache.url, { path });
    expect(first.headers["x-cache"]).toBe("MISS");
    expect(first.headers["cache-control"]).toContain("s-maxage=4");
    return { at, expires: answeredAt.get(path)! + 4000 };
  }

  it("copies chosen in their last milliseconds are delivered with time left, not as stale", async () => {
    const { at, expires } = await cacheFourSecondCopy(shipped, "/last");
    // Readers all through the copy's last 40 ms and just after, on warm connections: several requests per millisecond.
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const loops = Array.from({ length: 16 }, () => 0);
    await Promise.all(loops.map(() => quickSample(agent, shipped.url, "/robots.txt")));
    await sleep(expires - 40 - Date.now());
    const seen = (
      await Promise.all(
        loops.map(async () => {
          const mine: Sample[] = [];
          while (Date.now() < expires + 20) mine.push(await quickSample(agent, shipped.url, "/last"));
          return mine;
        }),
      )
    ).flat();
    agent.destroy();
    const hits = seen.filter((s) => s.headers["x-cache"] === "HIT" && s.headers["x-release-state"] === "reader:r1-2");
    const lastHit = Math.max(...hits.map((s) => s.sentAt));
    console.log(
      `[cluster] ${seen.length} requests around a copy's expiry, ${hits.length} hits, the last sent ${lastHit - expires} ms from it`,
    );
    expect(lastHit).toBeGreaterThan(expires - 5);
    expect(releaseViolations(seen, expectation(at))).toEqual([]);
  }, 30_000);

  it("a copy served past its lifetime (grace left at the default) is still caught", async () => {
    const { at, expires } = await cacheFourSecondCopy(graceful, "/graced");
    await sleep(expires + 300 - Date.now());
    const stale = await sample("graced", graceful.url, { path: "/graced" });
    expect(stale.headers["x-cache"]).toBe("HIT");
    expect(releaseViolations([stale], expectation(at))).toEqual([expect.stringContaining("(grace)")]);
  }, 30_000);

  it("a state already overtaken, from an instance whose clock runs 5 s behind, is passed on as private: no cache further down keeps it", async () => {
    const at = Math.ceil((Date.now() + 2000) / 1000) * 1000;
    nextRelease.set("/behind", at);
    behindBy.set("/behind", 5000);
    await sleep(at + 500 - Date.now());
    const late = await sample("shipped", shipped.url, { path: "/behind" });
    // By its own clock the instance is 4.5 s before the release, and says a shared cache may keep the page 2 s.
    expect(Number(late.headers["x-release-next-epoch"]) * 1000).toBe(at);
    expect(late.headers["x-release-state"]).toBe("reader:r1-2");
    expect(late.headers["cache-control"]).toMatch(/^private\b/);
    expect(late.headers["cdn-cache-control"]).toBeUndefined();
    expect(late.headers["surrogate-control"]).toBeUndefined();
    expect(releaseViolations([late], expectation(at))).toEqual([]);
  }, 30_000);
});
