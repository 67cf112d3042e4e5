import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startReleaseScheduler } from "../../lib/server/release-scheduler";
import { openSharedReleaseJournal } from "../../lib/server/shared-release-journal";
import type { Runtime } from "../../lib/server/runtime";
import type { Schedule } from "../../lib/schedule/types";

const T = Date.parse("2027-07-07T13:00:00Z");
const schedule = {
  timezone: "UTC",
  releases: [
    { at: T - 2 * 86_400_000, chapters: [1] },
    { at: T - 86_400_000, chapters: [2] },
    { at: T, chapters: [3] },
  ],
} as Schedule;

function fakeRuntime(clock: { now: number }): Runtime {
  return {
    snapshot: () => ({ schedule }),
    clock: { now: () => clock.now, realMsUntil: () => Infinity },
    onReload: () => () => {},
  } as unknown as Runtime;
}

/** One instance: a scheduler on the shared journal, returning the release lines it logged. */
function instance(cacheDir: string, clock: { now: number }): { chapter: number }[] {
  const lines: { chapter: number }[] = [];
  const stop = startReleaseScheduler(fakeRuntime(clock), {
    journal: openSharedReleaseJournal(cacheDir, "/story"),
    log: (e) => void (e.event === "release" && lines.push(e as unknown as { chapter: number })),
  });
  stop();
  return lines;
}

describe("one release journal across instances", () => {
  it("each release is announced once however many instances run", () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), "installment-cache-"));
    const clock = { now: T + 5 };
    const all = [instance(cacheDir, clock), instance(cacheDir, clock), instance(cacheDir, clock)];
    expect(
      all
        .flat()
        .map((l) => l.chapter)
        .sort(),
    ).toEqual([1, 2, 3]);
    expect(readdirSync(path.join(cacheDir, "releases")).length).toBe(1);
  });

  it("an instance joining later announces no back catalogue; a restart announces nothing new", () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), "installment-cache-"));
    expect(instance(cacheDir, { now: T - 10 }).map((l) => l.chapter)).toEqual([1, 2]);
    expect(instance(cacheDir, { now: T - 5 })).toEqual([]);
    expect(instance(cacheDir, { now: T + 1 }).map((l) => l.chapter)).toEqual([3]);
    expect(instance(cacheDir, { now: T + 2 })).toEqual([]);
  });

  it("reads the single-file journal of earlier versions", () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), "installment-cache-"));
    expect(openSharedReleaseJournal(cacheDir, "/story").lastAnnounced()).toBe(-Infinity);
    const id = createHash("sha256").update(path.resolve("/story")).digest("hex").slice(0, 16);
    mkdirSync(path.join(cacheDir, "releases"), { recursive: true });
    writeFileSync(path.join(cacheDir, "releases", `${id}.json`), JSON.stringify({ lastAnnounced: T - 86_400_000 }));
    expect(instance(cacheDir, { now: T + 1 }).map((l) => l.chapter)).toEqual([3]);
  });
});
