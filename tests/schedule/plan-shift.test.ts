import { describe, expect, it } from "vitest";
import { parsePerDay, parseTimeOfDay, planReleases, PlanError } from "../../lib/schedule/plan";
import { parseShiftDuration, planShift, shiftInstant, ShiftError } from "../../lib/schedule/shift";
import { formatIso, formatWallTime } from "../../lib/schedule/format";
import type { Schedule } from "../../lib/schedule/types";

const NY = "America/New_York";
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const show = (p: { at: number; chapters: number[] }[]) => p.map((r) => `${r.chapters.join("+")} ${formatWallTime(r.at, NY)}`);

describe("planReleases", () => {
  it("several a day, 17776-style (3,1,1,2; last repeats), spaced 3 h, across the spring-forward change", () => {
    const plan = planReleases({ chapters: range(1, 10), zone: NY, start: "2027-03-13T09:00", perDay: parsePerDay("3,1,1,2") });
    expect(show(plan)).toEqual([
      "1 2027-03-13 09:00 EST",
      "2 2027-03-13 12:00 EST",
      "3 2027-03-13 15:00 EST",
      "4 2027-03-14 09:00 EDT", // DST began overnight: still 09:00 on the wall
      "5 2027-03-15 09:00 EDT",
      "6 2027-03-16 09:00 EDT",
      "7 2027-03-16 12:00 EDT",
      "8 2027-03-17 09:00 EDT",
      "9 2027-03-17 12:00 EDT",
      "10 2027-03-18 09:00 EDT",
    ]);
    expect(plan[3]!.at - plan[0]!.at).toBe(23 * 3_600_000); // the DST day is 23 hours long
    expect(plan.map((p) => p.text).slice(0, 4)).toEqual(["2027-03-13T09:00", "2027-03-13T12:00", "2027-03-13T15:00", "2027-03-14T09:00"]);
  });

  it("daily across the fall-back change keeps 09:00 (--time overrides the start's time)", () => {
    const plan = planReleases({ chapters: [4, 5, 6], zone: NY, start: "2027-11-06", time: "09:00", perDay: [1], every: "day" });
    expect(plan.map((p) => formatIso(p.at))).toEqual(["2027-11-06T13:00:00Z", "2027-11-07T14:00:00Z", "2027-11-08T14:00:00Z"]);
    expect(plan.map((p) => p.text)).toEqual(["2027-11-06T09:00", "2027-11-07T09:00", "2027-11-08T09:00"]);
  });

  it("weekly across the spring-forward change keeps the weekday and the wall time", () => {
    const plan = planReleases({ chapters: [1, 2, 3], zone: NY, start: "2027-03-07T20:00", perDay: [1], every: "week" });
    expect(show(plan)).toEqual(["1 2027-03-07 20:00 EST", "2 2027-03-14 20:00 EDT", "3 2027-03-21 20:00 EDT"]);
  });

  it("weekly with two a release day", () => {
    const plan = planReleases({ chapters: [1, 2, 3], zone: NY, start: "2027-07-02T18:00", perDay: [2], every: "week", spacingMinutes: 60 });
    expect(show(plan)).toEqual(["1 2027-07-02 18:00 EDT", "2 2027-07-02 19:00 EDT", "3 2027-07-09 18:00 EDT"]);
  });

  it("spacing 0 releases a day's chapters together; a 0 count skips a day", () => {
    const plan = planReleases({
      chapters: range(1, 5),
      zone: NY,
      start: "2027-07-05T09:00",
      perDay: parsePerDay("3,0,2"),
      spacingMinutes: 0,
    });
    expect(show(plan)).toEqual(["1+2+3 2027-07-05 09:00 EDT", "4+5 2027-07-07 09:00 EDT"]);
  });

  it("a planned wall time in the DST gap moves to the real time after it, with a note", () => {
    const [p] = planReleases({ chapters: [1], zone: NY, start: "2027-03-14T02:30", perDay: [1] });
    expect(formatWallTime(p!.at, NY)).toBe("2027-03-14 03:30 EDT");
    expect(p!.text).toBe("2027-03-14T03:30");
    expect(p!.note).toMatch(/does not exist/);
  });

  it("a planned wall time in the repeated hour is written with its offset", () => {
    const [p] = planReleases({ chapters: [1], zone: NY, start: "2027-11-07T01:30", perDay: [1] });
    expect(p!.text).toBe("2027-11-07T01:30-04:00");
    expect(p!.note).toMatch(/happens twice/);
  });

  it("rejects bad arguments, quoting them", () => {
    expect(() => parsePerDay("3,x")).toThrow(/--per-day "3,x"/);
    expect(() => parsePerDay("1,0")).toThrow(PlanError);
    expect(() => parseTimeOfDay("25:00")).toThrow(/--time "25:00"/);
    expect(() => planReleases({ chapters: [1], zone: NY, start: "2027-07-05", perDay: [1] })).toThrow(/no time of day/);
    expect(() => planReleases({ chapters: [1], zone: NY, start: "July 5", perDay: [1] })).toThrow(/--start "July 5"/);
  });
});

describe("shift", () => {
  it("parses short and ISO durations, signed", () => {
    const s = (t: string) => parseShiftDuration(t).toString();
    expect([s("2d"), s("36h"), s("1w"), s("90m"), s("-2d"), s("1d12h"), s("P1D"), s("-PT36H"), s("+3h")]).toEqual([
      "P2D",
      "PT36H",
      "P1W",
      "PT90M",
      "-P2D",
      "P1DT12H",
      "P1D",
      "-PT36H",
      "PT3H",
    ]);
    expect(() => parseShiftDuration("2 days")).toThrow(/--by "2 days"/);
    expect(() => parseShiftDuration("0d")).toThrow(ShiftError);
    expect(() => parseShiftDuration("P1X")).toThrow(/--by "P1X"/);
  });

  it("days keep the wall time across DST; hours are exact", () => {
    const before = Date.UTC(2027, 2, 13, 14); // 2027-03-13 09:00 EST
    expect(formatWallTime(shiftInstant(before, NY, parseShiftDuration("1d")), NY)).toBe("2027-03-14 09:00 EDT");
    expect(formatWallTime(shiftInstant(before, NY, parseShiftDuration("24h")), NY)).toBe("2027-03-14 10:00 EDT");
    expect(formatWallTime(shiftInstant(before, NY, parseShiftDuration("1w")), NY)).toBe("2027-03-20 09:00 EDT");
    expect(formatWallTime(shiftInstant(before, NY, parseShiftDuration("-90m")), NY)).toBe("2027-03-13 07:30 EST");
  });

  it("moves the release of chapter N and every later release, not earlier ones", () => {
    const schedule: Schedule = {
      timezone: NY,
      releases: [
        { at: Date.UTC(2027, 2, 12, 14), chapters: [1, 2], line: 3 },
        { at: Date.UTC(2027, 2, 13, 14), chapters: [3, 4], line: 5 },
        { at: Date.UTC(2027, 2, 14, 13), chapters: [5], line: 7 },
      ],
    };
    const plan = planShift(schedule, 4, parseShiftDuration("2d"));
    expect(plan.from).toBe(Date.UTC(2027, 2, 13, 14));
    expect(plan.moves.map((m) => `${m.chapters.join("+")} ${formatWallTime(m.before, NY)} -> ${formatWallTime(m.after, NY)}`)).toEqual([
      "3+4 2027-03-13 09:00 EST -> 2027-03-15 09:00 EDT",
      "5 2027-03-14 09:00 EDT -> 2027-03-16 09:00 EDT",
    ]);
    expect(() => planShift(schedule, 6, parseShiftDuration("1d"))).toThrow(/chapter 6 is not in schedule.yaml/);
  });
});
