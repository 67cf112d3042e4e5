import type { Schedule } from "../schedule/types";

// Cache headers for a world with shared caches (Varnish, a CDN) between the
// edge and the readers. Pure: the instant is passed in.
//
// - Browsers revalidate every time (`max-age=0, must-revalidate`, with the
//   ETag the edge sets), so a reader's own cache never holds a page past a
//   release.
// - Shared caches may keep a response for `s-maxage` seconds: never past the
//   next release minus a safety margin (Age counts whole seconds and clocks
//   differ a little); when that is under a second the response is `private`.
// - Every reader response names the release state it reflects and the
//   instant of the newest release in it, so a cache can refuse a response
//   made by an instance whose clock runs ahead of its own.

export const RELEASE_HEADERS = {
  /** The release-state key of the view (e.g. `reader:r1-3`). */
  state: "X-Release-State",
  /** The newest release this response reflects, ISO 8601 (absent before the first release). */
  at: "X-Release-At",
  /** Same instant, seconds since the epoch (for VCL arithmetic). */
  atEpoch: "X-Release-At-Epoch",
  /** The next release, seconds since the epoch: a shared cache must not keep the response past it. */
  nextEpoch: "X-Release-Next-Epoch",
} as const;

/** Milliseconds kept between a shared cache's expiry and the next release. */
export const SHARED_CACHE_MARGIN_MS = 2000;
/** The longest a shared cache keeps a page, feed or file of a release state. */
const SHARED_CACHE_CEILING_S = 60;

export interface ReaderCacheInput {
  stateKey: string;
  schedule: Schedule | null;
  now: number;
  /** Longest shared lifetime (seconds) for this kind of response. */
  ceiling?: number;
}

/** The newest release at or before `now`, or null. */
export function lastReleaseAt(schedule: Schedule | null, now: number): number | null {
  let last: number | null = null;
  for (const r of schedule?.releases ?? []) if (r.at <= now && (last === null || r.at > last)) last = r.at;
  return last;
}

/** The first release after `now`, or null. */
function nextReleaseAt(schedule: Schedule | null, now: number): number | null {
  let next: number | null = null;
  for (const r of schedule?.releases ?? []) if (r.at > now && (next === null || r.at < next)) next = r.at;
  return next;
}

/** Seconds a shared cache may keep a response made at `now` (0: it may not). */
export function sharedMaxAge(next: number | null, now: number, ceiling = SHARED_CACHE_CEILING_S, margin = SHARED_CACHE_MARGIN_MS): number {
  if (next === null) return ceiling;
  return Math.max(0, Math.min(ceiling, Math.floor((next - now - margin) / 1000)));
}

/** Headers of a response readers may see: release state, and the lifetimes for browsers and shared caches. */
export function readerCacheHeaders(input: ReaderCacheInput): Record<string, string> {
  const { schedule, now } = input;
  const last = lastReleaseAt(schedule, now);
  const next = nextReleaseAt(schedule, now);
  const shared = sharedMaxAge(next, now, input.ceiling);
  const out: Record<string, string> = {
    "Cache-Control": shared > 0 ? `public, max-age=0, s-maxage=${shared}, must-revalidate` : "private, max-age=0, must-revalidate",
    [RELEASE_HEADERS.state]: input.stateKey,
  };
  if (shared > 0) {
    // Fastly / Akamai read Surrogate-Control, Cloudflare CDN-Cache-Control;
    // both are stripped or ignored by browsers.
    out["Surrogate-Control"] = `max-age=${shared}`;
    out["CDN-Cache-Control"] = `max-age=${shared}`;
  }
  if (last !== null) {
    out[RELEASE_HEADERS.at] = new Date(last).toISOString();
    out[RELEASE_HEADERS.atEpoch] = (last / 1000).toFixed(3);
  }
  if (next !== null) out[RELEASE_HEADERS.nextEpoch] = (next / 1000).toFixed(3);
  return out;
}

/** Editors see drafts and the future: nothing of theirs is kept anywhere. */
export const EDITOR_CACHE_CONTROL = "private, no-store";
