import { Temporal } from "temporal-polyfill";
import type { Schedule } from "./types";
import { releaseOf } from "./release-state";

// Moving a release and every later one (the author is late). Days and weeks
// move on the calendar, keeping the wall time across a DST change; hours and
// minutes move in exact time. Pure.

export class ShiftError extends Error {}

const UNIT: Record<string, "weeks" | "days" | "hours" | "minutes" | "seconds"> = {
  w: "weeks",
  d: "days",
  h: "hours",
  m: "minutes",
  s: "seconds",
};

/** "2d", "36h", "1w", "90m", "1d12h", ISO "P1D" / "PT36H"; a leading "-" moves earlier. */
export function parseShiftDuration(text: string): Temporal.Duration {
  const t = text.trim();
  const bad = () => new ShiftError(`--by "${text}" is not a duration: use e.g. 2d, 36h, 1w, 90m, -1d or ISO P1D`);
  let d: Temporal.Duration;
  if (/^[+-]?P/i.test(t)) {
    try {
      d = Temporal.Duration.from(t.replace(/^\+/, "").toUpperCase());
    } catch {
      throw bad();
    }
  } else {
    const m = /^([+-]?)((?:\d+[wdhms])+)$/i.exec(t);
    if (!m) throw bad();
    const like: Record<string, number> = {};
    for (const [, n, u] of m[2]!.matchAll(/(\d+)([wdhms])/gi)) {
      const key = UNIT[u!.toLowerCase()]!;
      if (key in like) throw bad();
      like[key] = Number(n) * (m[1] === "-" ? -1 : 1);
    }
    d = Temporal.Duration.from(like);
  }
  if (d.sign === 0) throw new ShiftError(`--by "${text}" is zero: nothing would move`);
  return d;
}

/** `at` moved by `duration` in `zone` (wall-clock for days and weeks, exact for hours). */
export function shiftInstant(at: number, zone: string, duration: Temporal.Duration): number {
  const zdt = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone);
  return zdt.add(duration).epochMilliseconds;
}

export interface ShiftMove {
  chapters: number[];
  before: number;
  after: number;
}

export interface ShiftPlan {
  /** Releases at or after this instant move. */
  from: number;
  moves: ShiftMove[];
}

/** The release of `fromChapter` and every later release, moved by `duration`. */
export function planShift(schedule: Schedule, fromChapter: number, duration: Temporal.Duration): ShiftPlan {
  const release = releaseOf(schedule, fromChapter);
  if (!release)
    throw new ShiftError(
      `--from ${fromChapter}: chapter ${fromChapter} is not in schedule.yaml (it is a draft), so it has no release to move`,
    );
  const moves = schedule.releases
    .filter((r) => r.at >= release.at)
    .map((r) => ({ chapters: [...r.chapters], before: r.at, after: shiftInstant(r.at, schedule.timezone, duration) }));
  return { from: release.at, moves };
}
