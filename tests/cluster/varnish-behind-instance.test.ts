import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startVarnish, type VarnishProcess } from "../../scripts/lib/varnish-process";
import { freePort, healthy, sample } from "./cluster-fixture";
import { releaseViolations, type Sample } from "./release-checker";
import { RELEASED_MARKER, startStandIn, type StandIn } from "./stand-in-instance";

// An instance whose clock runs behind still shows the state before a release
// after the release. Varnish must not let readers wait for that clock: it asks
// another instance, and when every instance is behind it passes the old page
// on as private, so no cache further down keeps it past the release.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("Varnish routes around an instance whose clock runs 5 s behind", () => {
  // A whole second, after Varnish has started and counted its instances healthy.
  const at = Math.ceil((Date.now() + 8000) / 1000) * 1000;
  let late: StandIn, right: StandIn;
  let mixed: VarnishProcess, allLate: VarnishProcess;
  let throughMixed: Sample[] = [];
  let throughAllLate: Sample[] = [];

  beforeAll(async () => {
    [late, right] = await Promise.all([startStandIn({ releaseAt: () => at, behindBy: 5000 }), startStandIn({ releaseAt: () => at })]);
    [mixed, allLate] = await Promise.all([
      startVarnish({
        port: await freePort(),
        backends: [late, right].map((s) => ({ host: "127.0.0.1", port: s.port })),
      }),
      startVarnish({ port: await freePort(), backends: [{ host: "127.0.0.1", port: late.port }] }),
    ]);
    await Promise.all([mixed, allLate].map(healthy));
    expect(Date.now()).toBeLessThan(at);
    // Half a second after the release, readers open pages nobody has opened yet (each one a fetch, round robin).
    await sleep(at + 500 - Date.now());
    const paths = Array.from({ length: 8 }, (_, i) => `/chapter-${i}`);
    [throughMixed, throughAllLate] = await Promise.all([
      Promise.all(paths.map((path) => sample("mixed", mixed.url, { path }))),
      Promise.all(paths.map((path) => sample("all-late", allLate.url, { path }))),
    ]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([mixed, allLate].map((v) => v?.stop()));
    await Promise.all([late, right].map((s) => s?.close()));
  });

  const expectation = (withinMs: number) => ({ at, afterState: "reader:r1-3", markers: [RELEASED_MARKER], evidence: {}, withinMs });

  it("with another instance on time, every reader gets the release; the late answers were asked again", () => {
    const retried = throughMixed.filter((s) => Number(s.headers["x-retried"] ?? 0) > 0);
    console.log(
      `[cluster] ${throughMixed.length} readers 0.5 s after the release, ${retried.length} asked again after a late instance answered`,
    );
    expect(releaseViolations(throughMixed, expectation(400))).toEqual([]);
    expect(throughMixed.every((s) => s.headers["x-release-state"] === "reader:r1-3" && s.body.includes(RELEASED_MARKER))).toBe(true);
    expect(retried.length).toBeGreaterThan(0);
  });

  it("with every instance late, the old page is passed on as private: no cache further down keeps it", () => {
    for (const s of throughAllLate) {
      expect(s.status).toBe(200);
      expect(s.headers["x-release-state"]).toBe("reader:r1-2");
      expect(s.headers["cache-control"]).toMatch(/^private\b/);
      expect(s.headers["cdn-cache-control"]).toBeUndefined();
      expect(s.headers["surrogate-control"]).toBeUndefined();
    }
    // Only "not released yet" may remain: nothing kept past the instant, nothing early.
    expect(releaseViolations(throughAllLate, expectation(5000))).toEqual([]);
  });
});
