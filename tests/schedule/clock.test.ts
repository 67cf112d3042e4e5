import { describe, expect, it } from "vitest";
import { parseClockSpec, realMsUntil, storyNow } from "../../lib/schedule/clock-spec";
import { createClock } from "../../lib/clock";

const START = Date.UTC(2027, 6, 5, 12, 55);

describe("parseClockSpec", () => {
  it("unset, empty or 'real' is the real clock", () => {
    expect(parseClockSpec(undefined)).toEqual({ kind: "real" });
    expect(parseClockSpec("")).toEqual({ kind: "real" });
    expect(parseClockSpec("real")).toEqual({ kind: "real" });
  });

  it("an ISO instant freezes the clock", () => {
    expect(parseClockSpec("2027-07-05T12:55:00Z")).toEqual({ kind: "frozen", at: START });
    expect(parseClockSpec("2027-07-05T08:55-04:00")).toEqual({ kind: "frozen", at: START });
  });

  it("replay:<instant>@<speed>", () => {
    expect(parseClockSpec("replay:2027-07-05T12:55:00Z@600")).toEqual({ kind: "replay", start: START, speed: 600 });
    expect(parseClockSpec("replay:2027-07-05T12:55Z@1.5")).toEqual({ kind: "replay", start: START, speed: 1.5 });
  });

  it.each([
    ["tomorrow", /"tomorrow"/],
    ["2027-07-05T12:55", /"2027-07-05T12:55" is not an instant with an offset or Z/],
    ["2027-13-05T12:55Z", /"2027-13-05T12:55Z" is not a valid instant/],
    ["replay:2027-07-05T12:55Z", /"replay:2027-07-05T12:55Z" has no speed/],
    ["replay:2027-07-05T12:55Z@0", /speed "0"/],
    ["replay:2027-07-05T12:55Z@fast", /speed "fast"/],
    ["replay:soon@60", /"soon" is not an instant/],
  ])("rejects %s, quoting it", (spec, message) => {
    expect(() => parseClockSpec(spec)).toThrow(message);
    expect(() => parseClockSpec(spec)).toThrow(/RELEASE_CLOCK/);
  });
});

describe("storyNow and realMsUntil", () => {
  const realStart = 1_000_000;

  it("real time passes through", () => {
    expect(storyNow({ kind: "real" }, realStart, realStart + 5000)).toBe(realStart + 5000);
    expect(realMsUntil({ kind: "real" }, realStart, realStart, realStart + 7000)).toBe(7000);
  });

  it("a frozen clock never moves, and never reaches a later instant", () => {
    const spec = parseClockSpec("2027-07-05T12:55:00Z");
    expect(storyNow(spec, realStart, realStart + 3_600_000)).toBe(START);
    expect(realMsUntil(spec, realStart, realStart, START + 1)).toBe(Infinity);
    expect(realMsUntil(spec, realStart, realStart, START)).toBe(0);
  });

  it("replay runs speed times faster from the server start", () => {
    const spec = parseClockSpec("replay:2027-07-05T12:55:00Z@600");
    expect(storyNow(spec, realStart, realStart)).toBe(START);
    // One real second is ten story minutes.
    expect(storyNow(spec, realStart, realStart + 1000)).toBe(START + 600_000);
    expect(storyNow(spec, realStart, realStart + 30_000)).toBe(START + 5 * 3_600_000);
    // Five story minutes ahead is half a real second away.
    expect(realMsUntil(spec, realStart, realStart, START + 300_000)).toBe(500);
    expect(realMsUntil(spec, realStart, realStart + 400, START + 300_000)).toBe(100);
    expect(realMsUntil(spec, realStart, realStart + 600, START + 300_000)).toBe(0);
  });
});

describe("createClock", () => {
  it("reads real time only through the injected source and reports its kind", () => {
    let real = 50_000;
    const clock = createClock("replay:2027-07-05T12:55:00Z@60", () => real);
    expect(clock.kind).toBe("replay");
    expect(clock.now()).toBe(START);
    real += 1000;
    expect(clock.now()).toBe(START + 60_000);
    expect(clock.realMsUntil(START + 120_000)).toBe(1000);
    expect(clock.describe()).toContain("replay clock from 2027-07-05T12:55:00Z at 60x");
  });

  it("frozen and real", () => {
    const frozen = createClock("2027-07-05T12:55:00Z", () => 1);
    expect([frozen.kind, frozen.now(), frozen.describe()]).toEqual(["frozen", START, "frozen clock at 2027-07-05T12:55:00Z"]);
    const realClock = createClock(undefined, () => 42);
    expect([realClock.kind, realClock.now()]).toEqual(["real", 42]);
  });

  it("throws on a bad spec with the value in the message", () => {
    expect(() => createClock("replay:yesterday@2")).toThrow(/"yesterday"/);
  });
});
