import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startReleaseScheduler } from "../../lib/server/release-scheduler";
import { openReleaseJournal } from "../../lib/server/release-journal";
import type { Runtime } from "../../lib/server/runtime";
import type { Schedule } from "../../lib/schedule/types";

// The journal lives in the cache folder; a full disk or a read-only folder
// must cost a log line, never the running site.

/** A cache folder whose `releases/` cannot be created (a file is in the way; the tests run as root, so modes alone would not stop a write). */
function unwritableCache(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "installment-cache-"));
  writeFileSync(path.join(dir, "releases"), "not a folder");
  return dir;
}

function fakeRuntime(schedule: Schedule, clock: { now: number }): Runtime {
  return {
    snapshot: () => ({ schedule }),
    clock: { now: () => clock.now, realMsUntil: (at: number) => Math.max(0, at - clock.now) },
    onReload: () => () => {},
  } as unknown as Runtime;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("release journal write failures", () => {
  it("at start (a catch-up release): logged, the release still announced, no crash", () => {
    const clock = { now: Date.UTC(2027, 0, 2) };
    const schedule: Schedule = { timezone: "UTC", releases: [{ at: Date.UTC(2027, 0, 1), chapters: [1], line: 1 }] };
    const log: Record<string, unknown>[] = [];
    const journal = openReleaseJournal(unwritableCache(), "/story");
    const stop = startReleaseScheduler(fakeRuntime(schedule, clock), { journal, log: (e) => log.push(e) });
    stop();
    expect(log.filter((e) => e.event === "release").map((e) => e.chapter)).toEqual([1]);
    expect(log.filter((e) => e.event === "journal-write-failed")).toHaveLength(1);
    expect(String(log.find((e) => e.event === "journal-write-failed")?.error)).toMatch(/EEXIST|ENOTDIR/);
  });

  it("at a release instant while running: logged once, the next release still happens", () => {
    vi.useFakeTimers();
    const start = Date.UTC(2027, 0, 1);
    const clock = { now: start };
    const schedule: Schedule = {
      timezone: "UTC",
      releases: [
        { at: start + 1000, chapters: [1], line: 1 },
        { at: start + 2000, chapters: [2], line: 2 },
      ],
    };
    const log: Record<string, unknown>[] = [];
    const journal = openReleaseJournal(unwritableCache(), "/story");
    const stop = startReleaseScheduler(fakeRuntime(schedule, clock), { journal, log: (e) => log.push(e) });
    for (let i = 0; i < 30; i++) {
      clock.now += 100;
      vi.advanceTimersByTime(100);
    }
    stop();
    expect(log.filter((e) => e.event === "release").map((e) => e.chapter)).toEqual([1, 2]);
    expect(log.filter((e) => e.event === "journal-write-failed").length).toBeGreaterThanOrEqual(1);
  });
});
