// Editor's schedule tool: `npm run schedule -- status|plan|shift ...`
// Bad arguments or files print one line naming the offending value and exit
// non-zero (1 for bad content, 2 for bad usage); never a stack trace.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { InvalidArgumentError, Option } from "commander";
import { Temporal } from "temporal-polyfill";
import type { Diagnostic, ChapterSource } from "../lib/content/types";
import { findChapters } from "../lib/content/find-chapters";
import { formatDiagnostic } from "../lib/content/format-diagnostic";
import type { Schedule } from "../lib/schedule/types";
import { parseSchedule } from "../lib/schedule/parse-schedule";
import { nextRelease, stateOf } from "../lib/schedule/release-state";
import { statusWarnings } from "../lib/schedule/status-warnings";
import { formatCountdown, formatWallTime } from "../lib/schedule/format";
import { canonicalZone, resolveAt } from "../lib/schedule/wall-time";
import { planReleases, parsePerDay, PlanError, DEFAULT_SPACING_MINUTES, type Cadence } from "../lib/schedule/plan";
import { parseShiftDuration, planShift, ShiftError } from "../lib/schedule/shift";
import { applyPlanToText, applyShiftToText, newScheduleText } from "../lib/schedule/edit-schedule-file";
import { readChapterTitles } from "../lib/schedule/chapter-titles";
import { createClock } from "../lib/clock";
import { readEnv, type Env } from "../lib/env";
import { notifyDryRun } from "./lib/notify-dry-run";
import { chaptersDir, chaptersOption, CliError, createProgram, runCli, UsageError } from "./lib/cli";

interface Loaded {
  root: string;
  chapters: ChapterSource[];
  scheduleFile: string;
  scheduleText: string | null;
  schedule: Schedule | null;
  warnings: Diagnostic[];
}

function rel(file: string): string {
  const r = path.relative(process.cwd(), file);
  return (r === "" ? "." : r).split(path.sep).join("/");
}

function printDiagnostic(d: Diagnostic): void {
  process.stderr.write(formatDiagnostic(d, process.cwd()) + "\n");
}

/** Reads the chapters and schedule.yaml; prints file errors and exits 1 on any. */
function load(chaptersOpt: string | undefined, env: Env): Loaded {
  const root = chaptersDir(chaptersOpt, env);
  const found = findChapters(root);
  const scheduleFile = path.join(root, "schedule.yaml");
  const scheduleText = existsSync(scheduleFile) ? readFileSync(scheduleFile, "utf8") : null;
  const diagnostics = [...found.diagnostics];
  let schedule: Schedule | null = null;
  if (scheduleText !== null) {
    const parsed = parseSchedule(scheduleText, scheduleFile, found.chapters);
    diagnostics.push(...parsed.diagnostics);
    schedule = parsed.schedule;
  }
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    for (const d of diagnostics) printDiagnostic(d);
    throw new CliError(`${errors.length} error${errors.length === 1 ? "" : "s"} in ${rel(root)}`, 1);
  }
  return { root, chapters: found.chapters, scheduleFile, scheduleText, schedule, warnings: diagnostics };
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n") + "\n";
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

function chapterNumber(value: string, flag = "--from"): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError(`${flag} "${value}" is not a chapter number`);
  return Number(value);
}

function storyNowFor(atText: string | undefined, zone: string | null, clockSpec: string | undefined): { now: number; label: string } {
  if (atText !== undefined) {
    if (zone) {
      const r = resolveAt(atText, zone);
      if (!r.ok) throw new UsageError(`--at ${r.message}`);
      return { now: r.at, label: `--at ${atText}` };
    }
    try {
      return { now: Temporal.Instant.from(atText).epochMilliseconds, label: `--at ${atText}` };
    } catch {
      throw new UsageError(`--at "${atText}" is not an instant with an offset or Z (there is no schedule zone for a wall time)`);
    }
  }
  let clock;
  try {
    clock = createClock(clockSpec);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return { now: clock.now(), label: clock.describe() };
}

function status(opts: { chapters?: string; at?: string }): void {
  const env = readEnv();
  const story = load(opts.chapters, env);
  for (const d of story.warnings) printDiagnostic(d);
  const zone = story.schedule?.timezone ?? null;
  const { now, label } = storyNowFor(opts.at, zone, env.RELEASE_CLOCK);
  const shownZone = zone ?? "UTC";
  const titles = readChapterTitles(story.chapters);
  const out: string[] = [];
  out.push(
    story.schedule
      ? `Schedule ${rel(story.scheduleFile)} (${shownZone}); now ${formatWallTime(now, shownZone)} (${label})\n\n`
      : `No ${rel(story.scheduleFile)}: every chapter is a draft; now ${formatWallTime(now, shownZone)} (${label})\n\n`,
  );
  const empty: Schedule = { timezone: shownZone, releases: [] };
  const schedule = story.schedule ?? empty;
  const rows = story.chapters.map((c) => {
    const s = stateOf(schedule, c.number, now);
    return [
      String(c.number),
      truncate(titles.get(c.number) ?? `(no title) ${c.slug}`, 40),
      s.state,
      s.state === "draft" ? "-" : formatWallTime(s.at, shownZone),
      s.state === "draft" ? "-" : formatCountdown(s.at, now),
    ];
  });
  out.push(table(["#", "Title", "State", `Release (${shownZone})`, "Countdown"], rows));

  const next = nextRelease(schedule, now);
  out.push("\n");
  if (next) {
    const list = next.chapters.join(", ");
    out.push(
      `Next release: chapter${next.chapters.length > 1 ? "s" : ""} ${list} at ${formatWallTime(next.at, shownZone)} (${formatCountdown(next.at, now)})\n`,
    );
  } else out.push("Next release: none scheduled\n");

  // Warnings an editor acts on.
  const warnings = statusWarnings({ chapters: story.chapters, schedule, now, rootLabel: rel(story.root) });
  if (warnings.length > 0) out.push("\n" + warnings.map((w) => `warning: ${w}\n`).join(""));
  process.stdout.write(out.join(""));
}

function parseSpacing(text: string): number {
  const t = text.trim();
  if (t === "0") return 0;
  const m = /^(?:(\d+)h)?(?:(\d+)m)?$/.exec(t);
  if (!m || (!m[1] && !m[2])) throw new InvalidArgumentError(`--spacing "${text}" is not a duration like 3h, 90m or 0`);
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
}

/** Writes the edited schedule.yaml with --write (and only if it is still valid), else says how to. */
function writeIfAsked(text: string, story: Loaded, what: string, write: boolean | undefined): void {
  validateNewText(text, story, what);
  if (write) {
    writeFileSync(story.scheduleFile, text);
    process.stdout.write(`\nWrote ${rel(story.scheduleFile)}.\n`);
  } else {
    process.stdout.write(`\nNothing written: add --write to update ${rel(story.scheduleFile)}.\n`);
  }
}

function validateNewText(text: string, story: Loaded, what: string): void {
  const check = parseSchedule(text, story.scheduleFile, story.chapters);
  const errors = check.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    for (const d of errors) process.stderr.write(`${formatDiagnostic(d, process.cwd())}  (after ${what})\n`);
    throw new CliError(`${what} would make ${rel(story.scheduleFile)} invalid; nothing written`, 1);
  }
}

function plan(opts: {
  chapters?: string;
  from: number;
  to?: number;
  start: string;
  perDay: string;
  every: Cadence;
  time?: string;
  spacing: number;
  timezone?: string;
  write?: boolean;
}): void {
  const story = load(opts.chapters, readEnv());
  let zone = story.schedule?.timezone ?? null;
  if (opts.timezone !== undefined) {
    const z = canonicalZone(opts.timezone);
    if (!z) throw new UsageError(`--timezone "${opts.timezone}" is not an IANA zone like America/New_York`);
    if (zone && z !== zone)
      throw new UsageError(
        `--timezone "${opts.timezone}" differs from ${rel(story.scheduleFile)} (${zone}); edit the file's timezone instead`,
      );
    zone = z;
  }
  if (!zone) throw new UsageError(`${rel(story.scheduleFile)} does not exist: pass --timezone <IANA zone> to create it`);
  if (!story.chapters.some((c) => c.number === opts.from))
    throw new UsageError(`--from ${opts.from}: there is no chapter ${opts.from} in ${rel(story.root)}`);
  if (opts.to !== undefined && opts.to < opts.from) throw new UsageError(`--to ${opts.to} is before --from ${opts.from}`);
  const targets = story.chapters.filter((c) => c.number >= opts.from && (opts.to === undefined || c.number <= opts.to));
  const planned = planReleases({
    chapters: targets.map((c) => c.number),
    zone,
    start: opts.start,
    perDay: parsePerDay(opts.perDay),
    every: opts.every,
    ...(opts.time !== undefined ? { time: opts.time } : {}),
    spacingMinutes: opts.spacing,
  });
  const titles = readChapterTitles(targets);
  const rows = planned.flatMap((p) =>
    p.chapters.map((n) => [String(n), truncate(titles.get(n) ?? "", 40), formatWallTime(p.at, zone), p.text, p.note ?? ""]),
  );
  process.stdout.write(`Plan for chapters ${targets[0]!.number}-${targets[targets.length - 1]!.number} in ${zone}:\n\n`);
  process.stdout.write(table(["#", "Title", `Release (${zone})`, "In schedule.yaml", "Note"], rows));
  const base = story.scheduleText ?? newScheduleText(zone);
  const next = applyPlanToText(base, planned, story.chapters);
  writeIfAsked(next, story, "this plan", opts.write);
}

function shift(opts: { chapters?: string; from: number; by: string; write?: boolean }): void {
  const story = load(opts.chapters, readEnv());
  if (!story.schedule || story.scheduleText === null) throw new CliError(`${rel(story.scheduleFile)} does not exist: nothing to shift`, 1);
  const duration = parseShiftDuration(opts.by);
  const shiftPlan = planShift(story.schedule, opts.from, duration);
  const zone = story.schedule.timezone;
  const rows = shiftPlan.moves.map((m) => [m.chapters.join(", "), formatWallTime(m.before, zone), formatWallTime(m.after, zone)]);
  process.stdout.write(`Shift by ${opts.by} from chapter ${opts.from}'s release (${zone}):\n\n`);
  process.stdout.write(table(["Chapters", "Before", "After"], rows));
  const shared = shiftPlan.moves[0]!.chapters.filter((n) => n < opts.from);
  if (shared.length > 0)
    process.stdout.write(
      `\nnote: chapter${shared.length > 1 ? "s" : ""} ${shared.join(", ")} share${shared.length > 1 ? "" : "s"} that release and move${shared.length > 1 ? "" : "s"} with it\n`,
    );
  const next = applyShiftToText(story.scheduleText, shiftPlan.from, duration);
  writeIfAsked(next, story, "this shift", opts.write);
}

/** Plan and shift refuse impossible requests with PlanError / ShiftError: the command line is what is wrong. */
function refusalsAsUsage<A extends unknown[]>(action: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      action(...args);
    } catch (e) {
      if (e instanceof PlanError || e instanceof ShiftError) throw new UsageError(e.message);
      throw e;
    }
  };
}

const program = createProgram("schedule").description("Check and plan the release schedule of a serial (chapters/schedule.yaml)");

program
  .command("status")
  .description("table of every chapter with its state, release time and countdown, and warnings")
  .addOption(chaptersOption())
  .option("--at <instant>", "show the schedule as of this instant (wall time in the schedule's zone, or with an offset)")
  .action(status);

program
  .command("plan")
  .description("propose release times for the chapters from --from on; --write edits schedule.yaml")
  .addOption(chaptersOption())
  .requiredOption("--from <chapter>", "first chapter to schedule", (v) => chapterNumber(v))
  .option("--to <chapter>", "last chapter to schedule (default: the last chapter)", (v) => chapterNumber(v, "--to"))
  .requiredOption("--start <wall time>", "first release day (and time), e.g. 2027-07-05T09:00")
  .requiredOption("--per-day <n|n,n,...>", "releases per release day; the last count repeats (e.g. 3,1,1,2)")
  .addOption(new Option("--every <cadence>", "release days: every day or every week").choices(["day", "week"]).default("day"))
  .option("--time <HH:MM>", "time of the first release of each day (default: the time in --start)")
  .option("--spacing <duration>", "time between releases on one day (0: together)", parseSpacing, DEFAULT_SPACING_MINUTES)
  .option("--timezone <zone>", "IANA zone, to create schedule.yaml when there is none")
  .option("--write", "edit schedule.yaml, keeping its comments")
  .action(refusalsAsUsage(plan));

program
  .command("shift")
  .description("move the release of a chapter and every later release")
  .addOption(chaptersOption())
  .requiredOption("--from <chapter>", "chapter whose release moves, with all later ones", (v) => chapterNumber(v))
  .requiredOption("--by <duration>", "e.g. 2d, 36h, 1w, 90m, -1d or ISO P1D")
  .option("--write", "edit schedule.yaml, keeping its comments")
  .action(refusalsAsUsage(shift));

program
  .command("notify")
  .description("show the release notifications (notify.yaml) that would be sent at an instant")
  .addOption(chaptersOption())
  .option("--dry-run", "print each endpoint's payload; nothing is sent")
  .option("--at <instant>", "a release instant (wall time in the schedule's zone, or with an offset)")
  .action(notifyDryRun);

void runCli(program);
