import { describe, expect, it } from "vitest";
import { createClock } from "../../lib/clock";
import { parseClockSpec, realMsUntil, storyNow } from "../../lib/schedule/clock-spec";

const story = Date.parse("2027-07-05T12:55:00Z");
const from = Date.parse("2026-12-02T09:00:00Z");
const spec = `replay:2027-07-05T12:55:00Z@600,from:2026-12-02T09:00:00Z`;

describe("a replay clock anchored to a wall instant", () => {
  it("parses the anchor and names a bad one", () => {
    expect(parseClockSpec(spec)).toEqual({ kind: "replay", start: story, speed: 600, from });
    expect(parseClockSpec("replay:2027-07-05T12:55:00Z@600")).toEqual({ kind: "replay", start: story, speed: 600 });
    expect(() => parseClockSpec("replay:2027-07-05T12:55:00Z@600,from:yesterday")).toThrow(/"yesterday" is not an instant/);
    expect(() => parseClockSpec("replay:2027-07-05T12:55:00Z@600,since:2026-12-02T09:00:00Z")).toThrow(
      /"since:2026-12-02T09:00:00Z" is not understood/,
    );
  });

  it("two instances started at different moments tell the same story time", () => {
    let real = from + 10_000;
    const first = createClock(spec, () => real);
    real += 7_345; // the second instance starts 7.345 s later
    const second = createClock(spec, () => real);
    expect(first.now()).toBe(second.now());
    expect(second.now()).toBe(story + 17_345 * 600);
    real += 1_000;
    expect(first.now()).toBe(second.now());
    expect(first.realMsUntil(story + 20_000 * 600)).toBe(second.realMsUntil(story + 20_000 * 600));
    expect(second.describe()).toContain("anchored at real 2026-12-02T09:00:00Z");
  });

  it("without an anchor each process starts the story at its own start", () => {
    let real = from;
    const first = createClock("replay:2027-07-05T12:55:00Z@600", () => real);
    real += 5_000;
    const second = createClock("replay:2027-07-05T12:55:00Z@600", () => real);
    expect(first.now() - second.now()).toBe(5_000 * 600);
  });

  it("before the anchor, story time is before the story instant", () => {
    const parsed = parseClockSpec(spec);
    expect(storyNow(parsed, 0, from - 1000)).toBe(story - 600_000);
    expect(realMsUntil(parsed, 0, from - 1000, story)).toBe(1000);
  });
});
