import { Temporal } from "temporal-polyfill";

// Wall times and instants in a schedule's zone. Everything here is pure: no
// function reads the current time.

/** `YYYY-MM-DDTHH:MM[:SS[.fff]]` with an optional `Z` or `±HH:MM` offset (a space may replace the T). */
const AT_PATTERN = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|z|[+-]\d{2}:\d{2})?$/;

export type AtStyle = "wall" | "offset" | "utc";

export type AtResolution =
  { ok: true; at: number; style: AtStyle } | { ok: false; reason: "format" | "invalid" | "gap" | "ambiguous"; message: string };

/** Canonical id of an IANA zone, or null when the zone is unknown. */
export function canonicalZone(zone: string): string | null {
  if (zone.trim() === "" || /^[+-]/.test(zone)) return null;
  try {
    return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone).timeZoneId;
  } catch {
    return null;
  }
}

/**
 * Reads a release time: a wall time in `zone`, or an instant with an offset or Z.
 * A wall time in the spring-forward gap or in the repeated fall-back hour is refused:
 * the author must say which instant they mean by writing an offset.
 */
export function resolveAt(text: string, zone: string): AtResolution {
  const m = AT_PATTERN.exec(text.trim());
  if (!m) {
    return {
      ok: false,
      reason: "format",
      message: `"${text}" is not a release time: write a wall time like 2027-07-05T09:00, or an instant with an offset like 2027-07-05T09:00-04:00 or 2027-07-05T13:00Z`,
    };
  }
  const [, date, time, offset] = m;
  const iso = `${date}T${time}`;
  let pdt: Temporal.PlainDateTime;
  try {
    pdt = Temporal.PlainDateTime.from(iso, { overflow: "reject" });
  } catch {
    return { ok: false, reason: "invalid", message: `"${text}" is not a real date and time` };
  }
  if (offset) {
    const instant = Temporal.Instant.from(`${iso}${offset.toUpperCase()}`);
    return { ok: true, at: instant.epochMilliseconds, style: offset.toUpperCase() === "Z" ? "utc" : "offset" };
  }
  const r = wallToInstant(pdt, zone);
  if (r.kind === "ok") return { ok: true, at: r.at, style: "wall" };
  const wall = `${date}T${time}`;
  if (r.kind === "gap") {
    return {
      ok: false,
      reason: "gap",
      message: `"${text}" does not exist in ${zone}: clocks spring forward over it on ${date}; pick another time, or write an offset (e.g. ${wall}${r.offsetBefore} is ${hhmm(r.laterWall)} ${r.abbrLater})`,
    };
  }
  return {
    ok: false,
    reason: "ambiguous",
    message: `"${text}" is ambiguous in ${zone}: it happens twice as clocks fall back on ${date}; write ${wall}${r.offsetEarlier} (the first, ${r.abbrEarlier}) or ${wall}${r.offsetLater} (the second, ${r.abbrLater})`,
  };
}

type WallResult =
  | { kind: "ok"; at: number }
  | { kind: "gap"; offsetBefore: string; laterWall: Temporal.PlainDateTime; abbrLater: string; later: number }
  | { kind: "ambiguous"; offsetEarlier: string; offsetLater: string; abbrEarlier: string; abbrLater: string; earlier: number };

/** Maps a wall time to an instant, telling a gap or an overlap apart from a plain time. */
export function wallToInstant(pdt: Temporal.PlainDateTime, zone: string): WallResult {
  const earlier = pdt.toZonedDateTime(zone, { disambiguation: "earlier" });
  const later = pdt.toZonedDateTime(zone, { disambiguation: "later" });
  if (earlier.epochMilliseconds === later.epochMilliseconds) return { kind: "ok", at: earlier.epochMilliseconds };
  const sameWall = earlier.toPlainDateTime().equals(pdt) && later.toPlainDateTime().equals(pdt);
  if (sameWall) {
    return {
      kind: "ambiguous",
      offsetEarlier: earlier.offset,
      offsetLater: later.offset,
      abbrEarlier: zoneAbbreviation(earlier.epochMilliseconds, zone),
      abbrLater: zoneAbbreviation(later.epochMilliseconds, zone),
      earlier: earlier.epochMilliseconds,
    };
  }
  // In a gap, "earlier" and "later" land either side of it; the offset in force
  // before the gap is the one of the instant before the transition.
  const before = Temporal.Instant.fromEpochMilliseconds(earlier.epochMilliseconds - 1).toZonedDateTimeISO(zone);
  const compatible = pdt.toZonedDateTime(zone, { disambiguation: "compatible" });
  return {
    kind: "gap",
    offsetBefore: before.offset,
    laterWall: compatible.toPlainDateTime(),
    abbrLater: zoneAbbreviation(compatible.epochMilliseconds, zone),
    later: compatible.epochMilliseconds,
  };
}

/** Short zone name at an instant ("EDT"), or the offset ("GMT+2") where the zone has none. */
export function zoneAbbreviation(instant: number, zone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" }).formatToParts(instant);
  return parts.find((p) => p.type === "timeZoneName")?.value ?? zone;
}

/**
 * How a release instant is written in schedule.yaml: the wall time in `zone`
 * when that names exactly this instant, otherwise the wall time with its offset.
 */
export function toScheduleAt(instant: number, zone: string, style: AtStyle = "wall"): string {
  const zdt = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone);
  if (style === "utc") {
    return Temporal.Instant.fromEpochMilliseconds(instant).toString({ smallestUnit: zdt.second || zdt.millisecond ? "second" : "minute" });
  }
  const wall = wallText(zdt.toPlainDateTime());
  if (style === "offset") return `${wall}${zdt.offset}`;
  const back = wallToInstant(zdt.toPlainDateTime(), zone);
  if (back.kind === "ok" && back.at === instant) return wall;
  return `${wall}${zdt.offset}`;
}

function wallText(pdt: Temporal.PlainDateTime): string {
  const s = pdt.toString({ smallestUnit: "second" });
  return s.endsWith(":00") && pdt.millisecond === 0 ? s.slice(0, -3) : s;
}

function hhmm(pdt: Temporal.PlainDateTime): string {
  return `${String(pdt.hour).padStart(2, "0")}:${String(pdt.minute).padStart(2, "0")}`;
}
