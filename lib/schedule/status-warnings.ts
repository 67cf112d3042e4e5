import type { Schedule } from "./types";
import { nextRelease, releaseOf, stateOf } from "./release-state";

// The warnings an editor acts on, shared by `npm run schedule -- status` and
// the editor dashboard. Pure: the chapters, the schedule and `now` are passed in.

/** Fewer unreleased chapters than this ahead of the next release is a thin buffer. */
const THIN_BUFFER = 3;

export interface StatusWarningsInput {
  /** Every chapter found on disk (compiled or not), in number order. */
  chapters: readonly { number: number }[];
  schedule: Schedule;
  now: number;
  /** How to name the content root in the "no chapters" warning. */
  rootLabel: string;
}

/** Each warning as one line of text, without a "warning: " prefix. */
export function statusWarnings({ chapters, schedule, now, rootLabel }: StatusWarningsInput): string[] {
  const warnings: string[] = [];
  const next = nextRelease(schedule, now);
  const unreleased = chapters.filter((c) => stateOf(schedule, c.number, now).state !== "released");
  const drafts = chapters.filter((c) => stateOf(schedule, c.number, now).state === "draft");
  if (next && unreleased.length < THIN_BUFFER) {
    warnings.push(
      `thin buffer: only ${unreleased.length} chapter${unreleased.length === 1 ? "" : "s"} ready beyond the released ones (${unreleased.map((c) => c.number).join(", ")}); keep at least ${THIN_BUFFER} ahead of the next release`,
    );
  }
  const numbers = chapters.map((c) => c.number);
  for (let i = 0; i < numbers.length; i++) {
    const prev = i === 0 ? 0 : numbers[i - 1]!;
    const cur = numbers[i]!;
    if (cur > prev + 1) {
      const missing = cur - prev === 2 ? `${prev + 1}` : `${prev + 1}-${cur - 1}`;
      warnings.push(`gap in the numbering: no chapter ${missing} (${i === 0 ? "the first chapter" : `after chapter ${prev}`} is ${cur})`);
    }
  }
  if (drafts.length > 0) {
    warnings.push(
      `${drafts.length} draft${drafts.length === 1 ? "" : "s"} (not in schedule.yaml, never public): ${drafts.map((c) => c.number).join(", ")}`,
    );
  }
  for (const d of drafts) {
    const later = chapters.find((c) => c.number > d.number && releaseOf(schedule, c.number));
    if (later) warnings.push(`chapter ${later.number} is scheduled but chapter ${d.number} before it is a draft`);
  }
  if (chapters.length === 0) warnings.push(`no chapters in ${rootLabel}`);
  return warnings;
}
