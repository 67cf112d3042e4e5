import { describe, expect, it } from "vitest";
import { parseSchedule } from "../../lib/schedule/parse-schedule";
import { formatIso } from "../../lib/schedule/format";

const chapters = [
  { number: 1, slug: "the-probe" },
  { number: 2, slug: "ten-points" },
  { number: 3, slug: "pioneer" },
  { number: 4, slug: "the-game" },
  { number: 5, slug: "field" },
];
const FILE = "/story/chapters/schedule.yaml";

function errors(text: string) {
  const r = parseSchedule(text, FILE, chapters);
  return r.diagnostics.filter((d) => d.severity === "error").map((d) => ({ line: d.line, column: d.column, message: d.message }));
}

describe("parseSchedule: a good file", () => {
  it("reads wall times, quoted and unquoted, offsets, Z and slugs, sorted by instant", () => {
    const text = [
      "timezone: America/New_York",
      "releases:",
      "  - at: 2027-07-06T09:00", // unquoted wall time (EDT, -04:00)
      "    chapters: [4]",
      '  - at: "2027-07-05T09:00"', // quoted
      "    chapters: [1, ten-points, 3]",
      "  - at: 2027-07-07T13:00Z",
      "    chapters: [5]",
    ].join("\n");
    const r = parseSchedule(text, FILE, chapters);
    expect(r.diagnostics).toEqual([]);
    expect(r.schedule!.timezone).toBe("America/New_York");
    expect(r.schedule!.releases.map((x) => [formatIso(x.at), x.chapters, x.line])).toEqual([
      ["2027-07-05T13:00:00Z", [1, 2, 3], 5],
      ["2027-07-06T13:00:00Z", [4], 3],
      ["2027-07-07T13:00:00Z", [5], 7],
    ]);
  });

  it("treats unquoted and quoted values the same", () => {
    const a = parseSchedule("timezone: Europe/Paris\nreleases:\n  - at: 2027-07-05T09:00\n    chapters: [1]\n", FILE, chapters);
    const b = parseSchedule("timezone: Europe/Paris\nreleases:\n  - at: '2027-07-05T09:00'\n    chapters: [1]\n", FILE, chapters);
    expect(a.schedule!.releases[0]!.at).toBe(Date.UTC(2027, 6, 5, 7, 0));
    expect(b.schedule!.releases[0]!.at).toBe(a.schedule!.releases[0]!.at);
  });

  it("merges entries that share an instant into one release", () => {
    const text = "timezone: UTC\nreleases:\n  - at: 2027-07-05T09:00\n    chapters: [2]\n  - at: 2027-07-05T09:00Z\n    chapters: [1]\n";
    const r = parseSchedule(text, FILE, chapters);
    expect(r.schedule!.releases).toEqual([{ at: Date.UTC(2027, 6, 5, 9), chapters: [1, 2], line: 3 }]);
  });

  it("leaves unlisted chapters out (drafts) and accepts no releases at all", () => {
    const r = parseSchedule("timezone: Asia/Tokyo\nreleases:\n", FILE, chapters);
    expect(r.schedule).toEqual({ timezone: "Asia/Tokyo", releases: [] });
  });
});

describe("parseSchedule: errors name line, column and the offending value", () => {
  it("YAML syntax errors", () => {
    const e = errors("timezone: America/New_York\nreleases:\n  - at: [2027\n");
    expect(e.length).toBeGreaterThan(0);
    expect(e[0]!.message).toMatch(/^YAML syntax error/);
    expect(e[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it("unknown zone", () => {
    expect(errors("timezone: America/Gotham\nreleases: []\n")).toEqual([
      { line: 1, column: 11, message: expect.stringContaining('unknown time zone "America/Gotham"') },
    ]);
  });

  it("missing timezone and unknown keys, all reported", () => {
    const e = errors("releases: []\ntimezon: UTC\n");
    expect(e).toEqual([
      { line: 1, column: 1, message: expect.stringMatching(/timezone.*required/) },
      { line: 2, column: 1, message: expect.stringContaining('unknown key "timezon"') },
    ]);
  });

  it("unknown key inside a release", () => {
    expect(errors("timezone: UTC\nreleases:\n  - at: 2027-07-05T09:00\n    chapters: [1]\n    title: Launch\n")).toEqual([
      { line: 5, column: 5, message: 'unknown key "title" in releases[0]; allowed: at, chapters' },
    ]);
  });

  it("bad `at` formats, including a non-string and an impossible date", () => {
    const e = errors(
      [
        "timezone: UTC",
        "releases:",
        "  - at: 2027-07-05", // no time
        "    chapters: [1]",
        "  - at: 2027-02-30T09:00", // no such day
        "    chapters: [2]",
        "  - at: 20270705",
        "    chapters: [3]",
        "  - at: tomorrow morning",
        "    chapters: [4]",
      ].join("\n"),
    );
    expect(e).toEqual([
      { line: 3, column: 9, message: expect.stringContaining('"2027-07-05" is not a release time') },
      { line: 5, column: 9, message: expect.stringContaining('"2027-02-30T09:00" is not a real date and time') },
      { line: 7, column: 9, message: expect.stringContaining("(got 20270705)") },
      { line: 9, column: 9, message: expect.stringContaining('"tomorrow morning" is not a release time') },
    ]);
  });

  it("unknown chapters by number and by slug", () => {
    expect(errors("timezone: UTC\nreleases:\n  - at: 2027-07-05T09:00\n    chapters: [1, 9, epilogue]\n")).toEqual([
      { line: 4, column: 19, message: "unknown chapter 9: no chapter file is numbered 9" },
      { line: 4, column: 22, message: 'unknown chapter "epilogue": no chapter has the slug "epilogue"' },
    ]);
  });

  it("a chapter listed twice, by number or slug, within an entry or across entries", () => {
    const e = errors(
      "timezone: UTC\nreleases:\n  - at: 2027-07-05T09:00\n    chapters: [1, 2, 1]\n  - at: 2027-07-06T09:00\n    chapters: [ten-points, 3]\n",
    );
    expect(e).toEqual([
      { line: 4, column: 22, message: "chapter 1 is listed twice: it is already listed on line 4" },
      { line: 6, column: 16, message: 'chapter 2 (as "ten-points") is listed twice: it is already listed on line 4' },
    ]);
  });

  it("a release with no chapters, and chapters that is not a list", () => {
    const e = errors("timezone: UTC\nreleases:\n  - at: 2027-07-05T09:00\n    chapters: []\n  - at: 2027-07-06T09:00\n    chapters: 3\n");
    expect(e).toEqual([
      { line: 4, column: 15, message: expect.stringContaining("at least one chapter") },
      { line: 6, column: 15, message: expect.stringContaining("`chapters` must be a list like [1, 2] (got 3)") },
    ]);
  });

  it("chapter n+1 released before chapter n", () => {
    const e = errors(
      [
        "timezone: America/New_York",
        "releases:",
        "  - at: 2027-07-06T09:00",
        "    chapters: [1, 2]",
        "  - at: 2027-07-05T09:00",
        "    chapters: [3]",
        "  - at: 2027-07-07T09:00",
        "    chapters: [5]",
      ].join("\n"),
    );
    expect(e).toEqual([
      {
        line: 6,
        column: 16,
        message:
          "chapter 3 releases at 2027-07-05 09:00 EDT, before chapter 2 (2027-07-06 09:00 EDT, line 4): chapters must come out in order",
      },
    ]);
  });

  it("a draft in between does not count as out of order", () => {
    const text = "timezone: UTC\nreleases:\n  - at: 2027-07-05T09:00\n    chapters: [1]\n  - at: 2027-07-06T09:00\n    chapters: [3]\n";
    expect(errors(text)).toEqual([]);
  });

  it("reports every problem at once", () => {
    const e = errors(
      "timezone: America/New_York\nreleases:\n  - at: 2027-03-14T02:30\n    chapters: [1]\n  - at: nope\n    chapters: [7]\n  - at: 2027-11-07T01:30\n    chapters: [2]\n",
    );
    expect(e.map((x) => x.line)).toEqual([3, 5, 6, 7]);
  });

  it("an empty file", () => {
    expect(errors("")).toEqual([{ line: 1, column: 1, message: expect.stringContaining("empty") }]);
  });
});

describe("parseSchedule: DST gap and overlap (America/New_York)", () => {
  const one = (at: string) => `timezone: America/New_York\nreleases:\n  - at: ${at}\n    chapters: [1]\n`;

  it("refuses a wall time in the spring-forward gap", () => {
    expect(errors(one("2027-03-14T02:30"))).toEqual([
      { line: 3, column: 9, message: expect.stringMatching(/"2027-03-14T02:30" does not exist in America\/New_York/) },
    ]);
  });

  it("refuses a wall time in the repeated fall-back hour, naming both offsets", () => {
    const [e] = errors(one("2027-11-07T01:30"));
    expect(e).toMatchObject({ line: 3, column: 9 });
    expect(e!.message).toContain('"2027-11-07T01:30" is ambiguous in America/New_York');
    expect(e!.message).toContain("2027-11-07T01:30-04:00");
    expect(e!.message).toContain("2027-11-07T01:30-05:00");
  });

  it("accepts both when written with an offset or Z", () => {
    const first = parseSchedule(one("2027-11-07T01:30-04:00"), FILE, chapters);
    const second = parseSchedule(one("2027-11-07T01:30-05:00"), FILE, chapters);
    const gap = parseSchedule(one("2027-03-14T02:30-05:00"), FILE, chapters);
    const z = parseSchedule(one("2027-03-14T07:30Z"), FILE, chapters);
    expect(formatIso(first.schedule!.releases[0]!.at)).toBe("2027-11-07T05:30:00Z");
    expect(formatIso(second.schedule!.releases[0]!.at)).toBe("2027-11-07T06:30:00Z");
    expect(formatIso(gap.schedule!.releases[0]!.at)).toBe("2027-03-14T07:30:00Z");
    expect(z.schedule!.releases[0]!.at).toBe(gap.schedule!.releases[0]!.at);
  });

  it("the hours either side of the changes are plain wall times", () => {
    expect(errors(one("2027-03-14T03:00"))).toEqual([]);
    expect(errors(one("2027-03-14T01:59"))).toEqual([]);
    expect(errors(one("2027-11-07T02:00"))).toEqual([]);
    expect(errors(one("2027-11-07T00:59"))).toEqual([]);
  });

  it("warns (not errors) when a written offset is not the zone's offset then", () => {
    const r = parseSchedule(one("2027-07-05T09:00-05:00"), FILE, chapters);
    expect(r.schedule).not.toBeNull();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: "warning", line: 3, column: 9, message: expect.stringContaining("2027-07-05 10:00 EDT") }),
    ]);
  });
});
