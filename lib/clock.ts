import { describeClockSpec, parseClockSpec, realMsUntil, storyNow, type ClockSpec } from "./schedule/clock-spec";

// The one place that reads real time. Everything else takes "now" as an argument.

export interface Clock {
  /** Story time, epoch milliseconds. */
  now(): number;
  kind: ClockSpec["kind"];
  describe(): string;
  /** Real milliseconds until the story clock reaches `storyInstant` (for timers). */
  realMsUntil(storyInstant: number): number;
  spec: ClockSpec;
  /** Real epoch ms when this clock started, or a replay's `from:` anchor (its story time runs from here). */
  startedAt: number;
}

/** Real time, epoch ms, for what is not story time (an editor session lasts twelve real hours). */
export function realTime(): number {
  return Date.now();
}

/**
 * A clock for `spec` (RELEASE_CLOCK, read by the caller; undefined: real time).
 * A replay clock starts at its instant when this is called. Throws on a bad
 * spec, with the offending value in the message.
 */
export function createClock(spec: string | undefined, realNow: () => number = Date.now): Clock {
  const parsed = parseClockSpec(spec);
  // An anchored replay runs from its shared real instant, not from this call.
  const startedAt = parsed.kind === "replay" && parsed.from !== undefined ? parsed.from : realNow();
  return {
    spec: parsed,
    startedAt,
    kind: parsed.kind,
    now: () => storyNow(parsed, startedAt, realNow()),
    describe: () => describeClockSpec(parsed, storyNow(parsed, startedAt, realNow())),
    realMsUntil: (storyInstant: number) => realMsUntil(parsed, startedAt, realNow(), storyInstant),
  };
}
