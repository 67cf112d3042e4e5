import { Temporal } from "temporal-polyfill";
import { zoneAbbreviation } from "./wall-time";

// Printing instants for people: wall times in a zone, countdowns, ISO.

/** "2027-07-05 09:00 EDT" (seconds shown only when not zero). */
export function formatWallTime(instant: number, zone: string): string {
  const zdt = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone);
  const p2 = (n: number) => String(n).padStart(2, "0");
  const secs = zdt.second || zdt.millisecond ? `:${p2(zdt.second)}` : "";
  return `${zdt.year}-${p2(zdt.month)}-${p2(zdt.day)} ${p2(zdt.hour)}:${p2(zdt.minute)}${secs} ${zoneAbbreviation(instant, zone)}`;
}

export { formatDuration, formatCountdown } from "./countdown";

/** "2027-07-05T13:00:00Z" */
export function formatIso(instant: number): string {
  return Temporal.Instant.fromEpochMilliseconds(instant).toString({ smallestUnit: "second" });
}

/** "2027-07-05T09:00:00-04:00", the instant written with the zone's offset. */
export function formatIsoInZone(instant: number, zone: string): string {
  const zdt = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone);
  return zdt.toString({ smallestUnit: "second", timeZoneName: "never" });
}
