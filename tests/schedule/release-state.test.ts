import { describe, expect, it } from "vitest";
import type { Schedule } from "../../lib/schedule/types";
import { isReleased, nextRelease, releasedChapters, releasesBetween, releaseStateKey, stateOf } from "../../lib/schedule/release-state";

const T1 = Date.UTC(2027, 6, 5, 13);
const T2 = Date.UTC(2027, 6, 6, 13);
const T3 = Date.UTC(2027, 6, 7, 13);
const schedule: Schedule = {
  timezone: "America/New_York",
  releases: [
    { at: T1, chapters: [1, 2, 3], line: 3 },
    { at: T2, chapters: [4], line: 5 },
    { at: T3, chapters: [5, 6], line: 7 },
  ],
};

describe("release state", () => {
  it("a release at exactly now is released; one millisecond before it is upcoming", () => {
    expect(stateOf(schedule, 4, T2)).toEqual({ state: "released", at: T2 });
    expect(stateOf(schedule, 4, T2 - 1)).toEqual({ state: "upcoming", at: T2 });
    expect(isReleased(schedule, 4, T2)).toBe(true);
    expect(isReleased(schedule, 4, T2 - 1)).toBe(false);
  });

  it("an unlisted chapter is a draft at any time", () => {
    expect(stateOf(schedule, 7, T3 + 1e12)).toEqual({ state: "draft" });
    expect(isReleased(schedule, 7, Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it("releasedChapters grows release by release, all chapters of an instant together", () => {
    expect(releasedChapters(schedule, T1 - 1)).toEqual([]);
    expect(releasedChapters(schedule, T1)).toEqual([1, 2, 3]);
    expect(releasedChapters(schedule, T3 - 1)).toEqual([1, 2, 3, 4]);
    expect(releasedChapters(schedule, T3)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("nextRelease is strictly after now", () => {
    expect(nextRelease(schedule, T1 - 1)?.at).toBe(T1);
    expect(nextRelease(schedule, T1)?.at).toBe(T2);
    expect(nextRelease(schedule, T2 - 1)?.chapters).toEqual([4]);
    expect(nextRelease(schedule, T3)).toBeNull();
  });

  it("releasesBetween is (from, to], in order, for catch-up after downtime", () => {
    expect(releasesBetween(schedule, T1, T3).map((r) => r.chapters)).toEqual([[4], [5, 6]]);
    expect(releasesBetween(schedule, T1 - 1, T2).map((r) => r.at)).toEqual([T1, T2]);
    expect(releasesBetween(schedule, T2, T2)).toEqual([]);
    expect(releasesBetween(schedule, T3, T3 + 1000)).toEqual([]);
  });

  it("releaseStateKey changes exactly when the released set changes", () => {
    const instants = [T1 - 1000, T1 - 1, T1, T1 + 1, T2 - 1, T2, T3 - 1, T3, T3 + 1e9];
    const keys = instants.map((t) => releaseStateKey(schedule, t));
    expect(keys).toEqual(["r", "r", "r1-3", "r1-3", "r1-3", "r1-4", "r1-4", "r1-6", "r1-6"]);
    for (let i = 1; i < instants.length; i++) {
      const sameSet = releasedChapters(schedule, instants[i]!).join() === releasedChapters(schedule, instants[i - 1]!).join();
      expect(keys[i] === keys[i - 1]).toBe(sameSet);
    }
  });

  it("releaseStateKey writes non-contiguous sets as ranges", () => {
    const s: Schedule = { timezone: "UTC", releases: [{ at: 0, chapters: [1, 2, 4, 6, 7, 8], line: 1 }] };
    expect(releaseStateKey(s, 0)).toBe("r1-2,4,6-8");
  });
});
