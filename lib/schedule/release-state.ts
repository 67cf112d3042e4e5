import type { Release, ReleaseState, Schedule } from "./types";

// What is public at a given instant. Pure: `now` is always passed in. A release
// at exactly `now` is released (`at <= now`).

export function releaseOf(schedule: Schedule, chapterNumber: number): Release | null {
  return schedule.releases.find((r) => r.chapters.includes(chapterNumber)) ?? null;
}

export function stateOf(schedule: Schedule, chapterNumber: number, now: number): ReleaseState {
  const release = releaseOf(schedule, chapterNumber);
  if (!release) return { state: "draft" };
  return release.at <= now ? { state: "released", at: release.at } : { state: "upcoming", at: release.at };
}

export function isReleased(schedule: Schedule, chapterNumber: number, now: number): boolean {
  return stateOf(schedule, chapterNumber, now).state === "released";
}

/** Chapter numbers released at `now`, ascending. */
export function releasedChapters(schedule: Schedule, now: number): number[] {
  const out: number[] = [];
  for (const r of schedule.releases) if (r.at <= now) out.push(...r.chapters);
  return out.sort((a, b) => a - b);
}

/** The first release strictly after `now`, or null when nothing is left. */
export function nextRelease(schedule: Schedule, now: number): Release | null {
  return schedule.releases.find((r) => r.at > now) ?? null;
}

/** Releases with `fromExclusive < at <= toInclusive`, in order: the catch-up after downtime. */
export function releasesBetween(schedule: Schedule, fromExclusive: number, toInclusive: number): Release[] {
  return schedule.releases.filter((r) => r.at > fromExclusive && r.at <= toInclusive);
}

/**
 * A short cache key that changes exactly when the set of released chapters
 * changes: the released numbers as ranges ("r1-3,5"), or "r" when none are out.
 * It depends on the set itself, so it stays right when schedule.yaml is edited
 * while the server runs.
 */
export function releaseStateKey(schedule: Schedule, now: number): string {
  const nums = releasedChapters(schedule, now);
  const parts: string[] = [];
  for (let i = 0; i < nums.length;) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    parts.push(i === j ? `${nums[i]}` : `${nums[i]}-${nums[j]}`);
    i = j + 1;
  }
  return `r${parts.join(",")}`;
}
