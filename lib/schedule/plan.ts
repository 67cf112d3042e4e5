import { Temporal } from "temporal-polyfill";
import { toScheduleAt, wallToInstant } from "./wall-time";

// Proposes release instants for a run of chapters. Days are counted on the
// calendar of the schedule's zone, so a release at 09:00 stays at 09:00 across
// a DST change. Pure.

export class PlanError extends Error {}

export type Cadence = "day" | "week";

export interface PlanOptions {
  /** Chapter numbers to schedule, in release order. */
  chapters: readonly number[];
  /** IANA zone of the schedule. */
  zone: string;
  /** First release day: "YYYY-MM-DD" or a wall time "YYYY-MM-DDTHH:MM". */
  start: string;
  /** Releases per release day; the last value repeats. 0 skips a day. */
  perDay: readonly number[];
  /** Release days are consecutive days, or the same weekday each week. Default "day". */
  every?: Cadence;
  /** Time of the first release of each day, "HH:MM"; defaults to the time in `start`. */
  time?: string;
  /** Minutes between the releases of one day (default 180). 0 releases a day's chapters together. */
  spacingMinutes?: number;
}

export interface PlannedRelease {
  at: number;
  /** How `at` is written in schedule.yaml. */
  text: string;
  chapters: number[];
  /** Set when the wall time had to move (it fell in a DST gap) or needs an offset. */
  note?: string;
}

export const DEFAULT_SPACING_MINUTES = 180;

export function parsePerDay(text: string): number[] {
  const parts = text.split(",").map((p) => p.trim());
  const nums = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
  if (parts.length === 0 || nums.some((n) => !Number.isInteger(n))) {
    throw new PlanError(`--per-day "${text}" is not a count or a list of counts like 3,1,1,2`);
  }
  if (nums[nums.length - 1] === 0) throw new PlanError(`--per-day "${text}" ends with 0: the last count repeats, so it must be at least 1`);
  if (nums.some((n) => n > 48)) throw new PlanError(`--per-day "${text}": at most 48 releases a day`);
  return nums;
}

export function parseTimeOfDay(text: string): Temporal.PlainTime {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new PlanError(`--time "${text}" is not a time of day like 09:00`);
  return new Temporal.PlainTime(Number(m[1]), Number(m[2]));
}

function parseStart(text: string): { date: Temporal.PlainDate; time: Temporal.PlainTime | null } {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?$/.exec(text.trim());
  try {
    if (m) {
      const date = Temporal.PlainDate.from(m[1]!, { overflow: "reject" });
      const time = m[2] ? Temporal.PlainTime.from(m[2], { overflow: "reject" }) : null;
      return { date, time };
    }
  } catch {
    // fall through
  }
  throw new PlanError(`--start "${text}" is not a wall time like 2027-07-05T09:00 or a date like 2027-07-05`);
}

export function planReleases(opts: PlanOptions): PlannedRelease[] {
  const { date: startDate, time: startTime } = parseStart(opts.start);
  const time = opts.time !== undefined ? parseTimeOfDay(opts.time) : startTime;
  if (!time) throw new PlanError(`--start "${opts.start}" has no time of day: add one (2027-07-05T09:00) or pass --time 09:00`);
  if (opts.perDay.length === 0) throw new PlanError("--per-day needs at least one count");
  const spacing = opts.spacingMinutes ?? DEFAULT_SPACING_MINUTES;
  if (!Number.isInteger(spacing) || spacing < 0) throw new PlanError(`spacing ${spacing} must be a whole number of minutes, 0 or more`);
  const every = opts.every ?? "day";

  const out: PlannedRelease[] = [];
  let next = 0;
  for (let day = 0; next < opts.chapters.length; day++) {
    const count = opts.perDay[Math.min(day, opts.perDay.length - 1)]!;
    const date = every === "week" ? startDate.add({ weeks: day }) : startDate.add({ days: day });
    const todays = opts.chapters.slice(next, next + count);
    next += todays.length;
    if (todays.length === 0) continue;
    const groups = spacing === 0 ? [todays] : todays.map((c) => [c]);
    groups.forEach((chapters, k) => {
      // Wall-clock arithmetic: 09:00 + 3 h is 12:00 on the wall, even on a DST day.
      const wall = date.toPlainDateTime(time).add({ minutes: k * spacing });
      const r = wallToInstant(wall, opts.zone);
      const release: PlannedRelease = { at: 0, text: "", chapters };
      if (r.kind === "ok") release.at = r.at;
      else if (r.kind === "gap") {
        release.at = r.later;
        release.note = `${wall.toString({ smallestUnit: "minute" })} does not exist in ${opts.zone} (DST gap): moved to ${r.laterWall.toString({ smallestUnit: "minute" })}`;
      } else {
        release.at = r.earlier;
        release.note = `${wall.toString({ smallestUnit: "minute" })} happens twice in ${opts.zone}: the first (${r.abbrEarlier}) is used and written with its offset`;
      }
      release.text = toScheduleAt(release.at, opts.zone);
      out.push(release);
    });
  }
  return out;
}
