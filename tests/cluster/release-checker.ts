// The release promise, checked over what readers received through a shared
// cache: samples in, violations out (pure, so it runs against any cache).

export interface Sample {
  cache: string;
  path: string;
  /** Real epoch ms the request was sent and the response fully read. */
  sentAt: number;
  receivedAt: number;
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string;
  /** A network error instead of a response. */
  error?: string;
}

export interface ReleaseExpectation {
  /** The release instant, real epoch ms. */
  at: number;
  /** X-Release-State of the state after the release. */
  afterState: string;
  /** Words only the released chapter contains. */
  markers: string[];
  /** Per path, what a response after the release must show (a word of the body, or a 200 status). */
  evidence: Record<string, { status200?: boolean; text?: string }>;
  /** How long after the instant every path must be released. */
  withinMs: number;
}

export function sharedLifetime(cacheControl: string): number | null {
  if (/\b(private|no-store|no-cache)\b/.test(cacheControl)) return 0;
  const m = /\bs-maxage=(\d+)/.exec(cacheControl) ?? /\bmax-age=(\d+)/.exec(cacheControl);
  return m ? Number(m[1]) : null;
}

/** The release part of a state key: a story notice adds `:notice-…`, which is not a release. */
export function releasePart(state: string | undefined): string | undefined {
  return state?.replace(/:notice-[a-z]+$/, "");
}

function showsRelease(s: Sample, e: ReleaseExpectation): boolean {
  if (releasePart(s.headers["x-release-state"]) === e.afterState) return true;
  const lower = s.body.toLowerCase();
  if (e.markers.some((m) => lower.includes(m.toLowerCase()))) return true;
  return e.evidence[s.path]?.status200 === true && s.status === 200;
}

function isReleased(s: Sample, e: ReleaseExpectation): boolean {
  if (releasePart(s.headers["x-release-state"]) !== e.afterState) return false;
  const ev = e.evidence[s.path];
  if (ev?.status200 && s.status !== 200) return false;
  if (ev?.text && !s.body.includes(ev.text)) return false;
  return true;
}

/** Every way the samples break the promise, one line each. */
export function releaseViolations(samples: Sample[], e: ReleaseExpectation): string[] {
  const out: string[] = [];
  const at = (ms: number) => `${ms - e.at >= 0 ? "+" : ""}${ms - e.at} ms`;
  for (const s of samples) {
    const where = `${s.cache} ${s.path} received ${at(s.receivedAt)}`;
    if (s.error) {
      out.push(`${where}: ${s.error}`);
      continue;
    }
    if (s.status >= 500) out.push(`${where}: status ${s.status}`);
    if (s.receivedAt < e.at && showsRelease(s, e)) out.push(`${where}: released bytes before the instant`);
    if (s.sentAt >= e.at + e.withinMs && !isReleased(s, e)) {
      out.push(
        `${where}: still not released ${e.withinMs} ms after the instant (status ${s.status}, ${s.headers["x-release-state"] ?? "no state"}, ${s.headers["x-cache"] ?? ""} age ${s.headers["age"] ?? "-"}, ${s.body.length} bytes)`,
      );
    }
    if (!showsRelease(s, e) && s.status < 500) {
      const lifetime = sharedLifetime(s.headers["cache-control"] ?? "");
      const age = Number(s.headers["age"] ?? 0);
      if (lifetime === null)
        out.push(`${where}: a pre-release response without a shared lifetime (${s.headers["cache-control"] ?? "no Cache-Control"})`);
      else if (lifetime - age > 0 && s.receivedAt + (lifetime - age) * 1000 > e.at) {
        out.push(
          `${where}: a pre-release response a shared cache may keep until ${at(s.receivedAt + (lifetime - age) * 1000)} (${s.headers["cache-control"]}, age ${age}, ${s.headers["x-cache"] ?? ""})`,
        );
      } else if (lifetime > 0 ? age >= lifetime : age > 0)
        out.push(`${where}: a pre-release response served ${age} s old, past its shared lifetime of ${lifetime} s (grace)`);
    }
  }
  return out;
}
