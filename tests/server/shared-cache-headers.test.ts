import { describe, expect, it } from "vitest";
import { lastReleaseAt, readerCacheHeaders, sharedMaxAge, SHARED_CACHE_MARGIN_MS } from "../../lib/server/shared-cache-headers";
import { releaseCacheHeaders } from "../../lib/server/edge-cache-policy";
import type { Schedule } from "../../lib/schedule/types";

const T = Date.parse("2027-07-07T13:00:00Z");
const schedule: Schedule = {
  timezone: "UTC",
  releases: [
    { at: T - 86_400_000, chapters: [1, 2] },
    { at: T, chapters: [3] },
  ],
} as Schedule;

describe("headers for shared caches", () => {
  it("browsers always revalidate; shared caches keep a response no later than the next release minus the margin", () => {
    for (const before of [600_000, 59_000, 20_000, 5_500, 3_001]) {
      const now = T - before;
      const h = readerCacheHeaders({ stateKey: "reader:r1-2", schedule, now });
      const s = Number(/s-maxage=(\d+)/.exec(h["Cache-Control"]!)?.[1]);
      expect(h["Cache-Control"]).toMatch(/^public, max-age=0, s-maxage=\d+, must-revalidate$/);
      expect(now + s * 1000).toBeLessThanOrEqual(T - SHARED_CACHE_MARGIN_MS);
      expect(h["CDN-Cache-Control"]).toBe(`max-age=${s}`);
      expect(h["Surrogate-Control"]).toBe(`max-age=${s}`);
    }
  });

  it("is private when the next release is too near for a whole second of shared caching", () => {
    for (const before of [2_999, 2_000, 1, 0.5]) {
      const h = readerCacheHeaders({ stateKey: "reader:r1-2", schedule, now: T - before });
      expect(h["Cache-Control"]).toBe("private, max-age=0, must-revalidate");
      expect(h["CDN-Cache-Control"]).toBeUndefined();
    }
  });

  it("names the release state and the newest release it reflects", () => {
    const before = readerCacheHeaders({ stateKey: "reader:r1-2", schedule, now: T - 1 });
    expect(before["X-Release-State"]).toBe("reader:r1-2");
    expect(before["X-Release-At"]).toBe(new Date(T - 86_400_000).toISOString());
    expect(before["X-Release-Next-Epoch"]).toBe((T / 1000).toFixed(3));
    const after = readerCacheHeaders({ stateKey: "reader:r1-3", schedule, now: T });
    expect(after["X-Release-At"]).toBe(new Date(T).toISOString());
    expect(after["X-Release-At-Epoch"]).toBe((T / 1000).toFixed(3));
    expect(after["X-Release-Next-Epoch"]).toBeUndefined();
    expect(after["Cache-Control"]).toBe("public, max-age=0, s-maxage=60, must-revalidate");
    expect(lastReleaseAt(schedule, T - 86_400_001)).toBeNull();
  });

  it("editors' and previews' responses are never stored; pages vary on the RSC headers, feeds do not", () => {
    expect(releaseCacheHeaders(null, schedule, T, "/")).toEqual({ "Cache-Control": "private, no-store" });
    const view = { stateKey: "reader:r1-3" } as Parameters<typeof releaseCacheHeaders>[0];
    expect(releaseCacheHeaders(view, schedule, T, "/zenith")["Vary"]).toContain("next-router-state-tree");
    expect(releaseCacheHeaders(view, schedule, T, "/feed.xml")["Vary"]).toBeUndefined();
    expect(sharedMaxAge(null, T)).toBe(60);
  });
});
