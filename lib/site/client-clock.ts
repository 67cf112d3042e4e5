import type { ClockSpec } from "../schedule/clock-spec";

/**
 * What a reader's browser needs to run countdowns on the story's clock. It is
 * the same for every request between releases, so cached pages stay right.
 */
export type ClientClock =
  { kind: "real" } | { kind: "frozen"; at: number } | { kind: "replay"; start: number; speed: number; startedAt: number };

export function clientClock(spec: ClockSpec, startedAt: number, asOf: number | null): ClientClock {
  if (asOf !== null) return { kind: "frozen", at: asOf };
  if (spec.kind === "replay") return { kind: "replay", start: spec.start, speed: spec.speed, startedAt };
  return spec;
}

/** Story time in the browser; `realNow` is the browser's Date.now(). */
export function clientNow(clock: ClientClock, realNow: number): number {
  if (clock.kind === "real") return realNow;
  if (clock.kind === "frozen") return clock.at;
  return Math.floor(clock.start + (realNow - clock.startedAt) * clock.speed);
}
