import path from "node:path";
import { problemsOf, type ContentSnapshot } from "../../lib/content/load-content";
import { formatDiagnostic } from "../../lib/content/format-diagnostic";
import type { Schedule } from "../../lib/schedule/types";
import { nextRelease, stateOf } from "../../lib/schedule/release-state";
import { formatCountdown, formatIso, formatWallTime } from "../../lib/schedule/format";
import { statusWarnings } from "../../lib/schedule/status-warnings";

// What the editor dashboard shows, computed from the content snapshot and the
// request's instant. Plain data: the components only lay it out.

export interface TimelineRow {
  number: number;
  slug: string;
  /** The frontmatter title, or null when the chapter does not compile. */
  title: string | null;
  state: "released" | "upcoming" | "draft";
  /** Release instant (epoch ms), null for a draft. */
  at: number | null;
  /** Release time in the schedule's zone, e.g. "2027-07-05 09:00 EDT". */
  wallTime: string | null;
  /** ISO instant of the release, for `<time datetime>` and the as-of links. */
  iso: string | null;
  /** "in 2d 4h 03m" or "1h 00m ago" at the request's instant. */
  countdown: string | null;
  /** Number of compile errors; 0 when the chapter compiles. */
  errors: number;
  href: string;
}

export interface NextReleaseSummary {
  at: number;
  chapters: number[];
  wallTime: string;
  countdown: string;
}

export interface DashboardData {
  storyTitle: string;
  zone: string;
  /** False when there is no schedule.yaml (every chapter is then a draft). */
  hasSchedule: boolean;
  now: number;
  nowWallTime: string;
  nowIso: string;
  rows: TimelineRow[];
  next: NextReleaseSummary | null;
  /** `path:line:column  message` lines, as `npm run check` prints them. */
  checkProblems: { text: string; severity: "error" | "warning" }[];
  /** Files with errors whose last good version readers are still served. */
  kept: string[];
  /** The warnings of `npm run schedule -- status`. */
  scheduleWarnings: string[];
}

export function dashboardData(snapshot: ContentSnapshot, now: number): DashboardData {
  const schedule: Schedule = snapshot.schedule ?? { timezone: "UTC", releases: [] };
  const zone = schedule.timezone;
  const base = path.dirname(snapshot.root);

  const rows: TimelineRow[] = snapshot.chapters.map((result) => {
    const source = result.ok ? result.chapter.source : result.source;
    const s = stateOf(schedule, source.number, now);
    const at = s.state === "draft" ? null : s.at;
    return {
      number: source.number,
      slug: source.slug,
      title: result.ok ? result.chapter.frontmatter.title : null,
      state: s.state,
      at,
      wallTime: at === null ? null : formatWallTime(at, zone),
      iso: at === null ? null : formatIso(at),
      countdown: at === null ? null : formatCountdown(at, now),
      errors: result.ok ? 0 : result.diagnostics.filter((d) => d.severity === "error").length,
      href: `/${source.slug}`,
    };
  });
  // A timeline: releases in time order, drafts last, chapter order within each.
  rows.sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity) || a.number - b.number);

  const diagnostics = problemsOf(snapshot);
  const next = nextRelease(schedule, now);
  return {
    storyTitle: snapshot.story?.title ?? "Installment",
    zone,
    hasSchedule: snapshot.schedule !== null,
    now,
    nowWallTime: formatWallTime(now, zone),
    nowIso: formatIso(now),
    rows,
    next: next
      ? { at: next.at, chapters: next.chapters, wallTime: formatWallTime(next.at, zone), countdown: formatCountdown(next.at, now) }
      : null,
    checkProblems: diagnostics.map((d) => ({ text: formatDiagnostic(d, base), severity: d.severity })),
    kept: snapshot.kept,
    scheduleWarnings: statusWarnings({
      chapters: snapshot.chapters.map((c) => ({ number: c.ok ? c.chapter.source.number : c.source.number })),
      schedule,
      now,
      rootLabel: path.relative(base, snapshot.root) || snapshot.root,
    }),
  };
}
