import { describe, expect, it } from "vitest";
import { formatCountdown, formatDuration, formatIso, formatIsoInZone, formatWallTime } from "../../lib/schedule/format";
import { toScheduleAt } from "../../lib/schedule/wall-time";

describe("format", () => {
  it("wall time in a zone with its abbreviation, summer and winter", () => {
    expect(formatWallTime(Date.UTC(2026, 6, 5, 13), "America/New_York")).toBe("2026-07-05 09:00 EDT");
    expect(formatWallTime(Date.UTC(2026, 11, 5, 14, 0, 30), "America/New_York")).toBe("2026-12-05 09:00:30 EST");
  });

  it("durations and countdowns", () => {
    const H = 3_600_000;
    expect(formatDuration(2 * 24 * H + 4 * H + 3 * 60_000 + 59_000)).toBe("2d 4h 03m");
    expect(formatDuration(4 * H + 5 * 60_000)).toBe("4h 05m");
    expect(formatDuration(3 * 60_000 + 5_000)).toBe("3m 05s");
    expect(formatCountdown(12_000, 0)).toBe("in 12s");
    expect(formatCountdown(11_200, 0)).toBe("in 12s"); // rounds up: never "in 0s" before the instant
    expect(formatCountdown(1, 0)).toBe("in 1s");
    expect(formatCountdown(0, 0)).toBe("now");
    expect(formatCountdown(0, 3 * H)).toBe("3h 00m ago");
  });

  it("ISO forms", () => {
    expect(formatIso(Date.UTC(2027, 6, 5, 13))).toBe("2027-07-05T13:00:00Z");
    expect(formatIsoInZone(Date.UTC(2027, 6, 5, 13), "America/New_York")).toBe("2027-07-05T09:00:00-04:00");
  });

  it("schedule text: a wall time when it is unambiguous, an offset otherwise", () => {
    expect(toScheduleAt(Date.UTC(2027, 6, 5, 13), "America/New_York")).toBe("2027-07-05T09:00");
    expect(toScheduleAt(Date.UTC(2027, 10, 7, 5, 30), "America/New_York")).toBe("2027-11-07T01:30-04:00");
    expect(toScheduleAt(Date.UTC(2027, 10, 7, 6, 30), "America/New_York")).toBe("2027-11-07T01:30-05:00");
    expect(toScheduleAt(Date.UTC(2027, 6, 5, 13), "America/New_York", "utc")).toBe("2027-07-05T13:00Z");
  });
});
