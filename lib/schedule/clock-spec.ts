import { Temporal } from "temporal-polyfill";

// RELEASE_CLOCK: unset (or "real") reads real time; an ISO instant freezes the
// story at that instant; `replay:<instant>@<speed>` starts at that instant when
// the server starts and runs `speed` times faster. Pure: real time is passed in.
// `replay:<instant>@<speed>,from:<real instant>` anchors the replay to a wall
// instant instead: story time is <instant> at real <from>, whenever a process
// starts, so several instances started at different moments agree.

export type ClockSpec = { kind: "real" } | { kind: "frozen"; at: number } | { kind: "replay"; start: number; speed: number; from?: number };

const FORMS = "use an instant like 2027-07-05T13:00:00Z, or replay:2027-07-05T12:55:00Z@600";

export function parseClockSpec(spec: string | undefined): ClockSpec {
  const text = spec?.trim() ?? "";
  if (text === "" || text === "real") return { kind: "real" };
  if (text.startsWith("replay:")) {
    const [replay, ...rest] = text.slice("replay:".length).split(",");
    const body = replay!.trim();
    let from: number | undefined;
    for (const part of rest.map((p) => p.trim())) {
      if (!part.startsWith("from:") || from !== undefined) {
        throw new Error(
          `RELEASE_CLOCK "${spec}": "${part}" is not understood; a replay takes one anchor, e.g. replay:2027-07-05T12:55:00Z@600,from:2026-12-02T09:00:00Z`,
        );
      }
      from = parseInstant(part.slice("from:".length), spec!);
    }
    const atSign = body.lastIndexOf("@");
    if (atSign < 0)
      throw new Error(`RELEASE_CLOCK "${spec}" has no speed: write replay:<instant>@<speed>, e.g. replay:2027-07-05T12:55:00Z@600`);
    const start = parseInstant(body.slice(0, atSign), spec!);
    const speedText = body.slice(atSign + 1).replace(/x$/i, "");
    const speed = /^\d+(\.\d+)?$/.test(speedText) ? Number(speedText) : NaN;
    if (!(speed > 0) || !Number.isFinite(speed)) {
      throw new Error(`RELEASE_CLOCK "${spec}" has speed "${body.slice(atSign + 1)}": the speed must be a number above 0, e.g. @600`);
    }
    return from === undefined ? { kind: "replay", start, speed } : { kind: "replay", start, speed, from };
  }
  return { kind: "frozen", at: parseInstant(text, spec!) };
}

function parseInstant(text: string, spec: string): number {
  if (!/[zZ]$|[+-]\d{2}:?\d{2}$/.test(text)) {
    throw new Error(`RELEASE_CLOCK "${spec}": "${text}" is not an instant with an offset or Z; ${FORMS}`);
  }
  try {
    return Temporal.Instant.from(text).epochMilliseconds;
  } catch {
    throw new Error(`RELEASE_CLOCK "${spec}": "${text}" is not a valid instant; ${FORMS}`);
  }
}

/** Story time for a spec, given when the server started and the real time now. */
export function storyNow(spec: ClockSpec, serverStartRealMs: number, realNowMs: number): number {
  switch (spec.kind) {
    case "real":
      return realNowMs;
    case "frozen":
      return spec.at;
    case "replay":
      return Math.floor(spec.start + (realNowMs - (spec.from ?? serverStartRealMs)) * spec.speed);
  }
}

/**
 * Real milliseconds until story time reaches `storyInstant` (0 if it already
 * has; Infinity on a frozen clock that never will).
 */
export function realMsUntil(spec: ClockSpec, serverStartRealMs: number, realNowMs: number, storyInstant: number): number {
  const left = storyInstant - storyNow(spec, serverStartRealMs, realNowMs);
  if (left <= 0) return 0;
  switch (spec.kind) {
    case "real":
      return left;
    case "frozen":
      return Infinity;
    case "replay":
      return Math.ceil(left / spec.speed);
  }
}

export function describeClockSpec(spec: ClockSpec, storyNowMs: number): string {
  const iso = (ms: number) => Temporal.Instant.fromEpochMilliseconds(ms).toString({ smallestUnit: "second" });
  switch (spec.kind) {
    case "real":
      return "real clock";
    case "frozen":
      return `frozen clock at ${iso(spec.at)}`;
    case "replay":
      return `replay clock from ${iso(spec.start)} at ${spec.speed}x${spec.from === undefined ? "" : ` anchored at real ${iso(spec.from)}`} (story time now ${iso(storyNowMs)})`;
  }
}
