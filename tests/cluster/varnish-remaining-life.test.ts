import { Agent, request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startVarnish, type VarnishProcess } from "../../scripts/lib/varnish-process";
import { freePort } from "../../scripts/lib/free-port";
import { defaultGraceVcl, healthy, sample } from "./cluster-fixture";
import { RELEASED_MARKER, startStandIn, type StandIn } from "./stand-in-instance";
import { releaseViolations, type ReleaseExpectation, type Sample } from "./release-checker";

// A copy Varnish chose as fresh must not be delivered looking stale. The VCL
// restates s-maxage as Age plus the copy's remaining life rounded up; a copy
// chosen in its last millisecond went out with nothing added, s-maxage equal
// to Age, which is what a copy served in grace looks like (CI caught it:
// "served 16 s old, past its shared lifetime of 16 s"). A copy really served
// past its lifetime must still be caught.

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
  let standIn: StandIn;
  let shipped: VarnishProcess, graceful: VarnishProcess;
  /** Per path, the release instant the stand-in instance schedules next. */
  const nextRelease = new Map<string, number>();
  const expectation = (at: number): ReleaseExpectation => ({
    at,
    afterState: "reader:r1-3",
    markers: [RELEASED_MARKER],
    evidence: {},
    withinMs: 2000,
  });

  beforeAll(async () => {
    standIn = await startStandIn({ releaseAt: (path) => nextRelease.get(path) ?? Date.now() + 3_600_000 });
    const backends = [{ host: "127.0.0.1", port: standIn.port }];
    [shipped, graceful] = await Promise.all([
      startVarnish({ port: await freePort(), backends }),
      startVarnish({ port: await freePort(), backends, vcl: defaultGraceVcl() }),
    ]);
    await Promise.all([shipped, graceful].map(healthy));
  }, 60_000);

  afterAll(async () => {
    await Promise.all([shipped, graceful].map((v) => v?.stop()));
    await standIn?.close();
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
    return { at, expires: standIn.answeredAt.get(path)! + 4000 };
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
});
