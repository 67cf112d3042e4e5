import { describe, expect, it } from "vitest";
import { applyPlanToText, applyShiftToText, newScheduleText, EditError } from "../../lib/schedule/edit-schedule-file";
import { planReleases } from "../../lib/schedule/plan";
import { parseShiftDuration } from "../../lib/schedule/shift";
import { parseSchedule } from "../../lib/schedule/parse-schedule";

const NY = "America/New_York";
const chapters = [1, 2, 3, 4, 5, 6].map((n) => ({ number: n, slug: ["one", "two", "three", "four", "five", "six"][n - 1]! }));

const ORIGINAL = `# The release schedule.   Editors own this file.
timezone: America/New_York      # the editors' zone

releases:
  # Launch day.
  - at: 2027-07-05T09:00        # three at once
    chapters: [1, 2, three]

  # Day two.
  - at: "2027-07-06T09:00"
    chapters: [4, 5]   # keep together?
  - at: 2027-07-07T13:00Z
    chapters:
      - 6
# trailing comment
`;

describe("applyPlanToText", () => {
  it("rewrites only what moves, keeping comments, quoting and alignment", () => {
    const plan = planReleases({ chapters: [5, 6], zone: NY, start: "2027-07-08T09:00", perDay: [1] });
    const out = applyPlanToText(ORIGINAL, plan, chapters);
    expect(out).toBe(`# The release schedule.   Editors own this file.
timezone: America/New_York      # the editors' zone

releases:
  # Launch day.
  - at: 2027-07-05T09:00        # three at once
    chapters: [1, 2, three]

  # Day two.
  - at: "2027-07-06T09:00"
    chapters: [4]   # keep together?
  - at: 2027-07-08T09:00
    chapters: [5]
  - at: 2027-07-09T09:00
    chapters: [6]
# trailing comment
`);
    expect(parseSchedule(out, "s.yaml", chapters).diagnostics).toEqual([]);
  });

  it("is a no-op when the plan matches what is written", () => {
    const plan = planReleases({ chapters: [1, 2, 3], zone: NY, start: "2027-07-05T09:00", perDay: [3], spacingMinutes: 0 });
    expect(applyPlanToText(ORIGINAL, plan, chapters)).toBe(ORIGINAL);
  });

  it("places new entries in time order among the entries that stay", () => {
    const text = "timezone: UTC\nreleases:\n- at: 2027-07-01T09:00\n  chapters: [1]\n- at: 2027-07-20T09:00  # late\n  chapters: [3]\n";
    const out = applyPlanToText(text, planReleases({ chapters: [2], zone: "UTC", start: "2027-07-10T09:00", perDay: [1] }), chapters);
    expect(out).toBe(
      "timezone: UTC\nreleases:\n- at: 2027-07-01T09:00\n  chapters: [1]\n- at: 2027-07-10T09:00\n  chapters: [2]\n- at: 2027-07-20T09:00  # late\n  chapters: [3]\n",
    );
  });

  it("writes the first releases into a new file, an empty list or a missing key", () => {
    const plan = planReleases({ chapters: [1, 2], zone: NY, start: "2027-07-05T09:00", perDay: [2] });
    const expected = "  - at: 2027-07-05T09:00\n    chapters: [1]\n  - at: 2027-07-05T12:00\n    chapters: [2]\n";
    expect(applyPlanToText(newScheduleText(NY), plan, chapters)).toBe(`${newScheduleText(NY)}${expected}`);
    expect(applyPlanToText(`timezone: ${NY}\nreleases: []  # none yet\n`, plan, chapters)).toBe(
      `timezone: ${NY}\nreleases:   # none yet\n${expected}`,
    );
    expect(applyPlanToText(`timezone: ${NY}`, plan, chapters)).toBe(`timezone: ${NY}\nreleases:\n${expected}`);
  });

  it("refuses a file with YAML errors", () => {
    expect(() => applyPlanToText("timezone: [\n", [], chapters)).toThrow(EditError);
  });
});

describe("applyShiftToText", () => {
  it("moves the entries at or after the instant, each in its own style, keeping everything else", () => {
    const from = Date.UTC(2027, 6, 6, 13); // chapter 4's release
    const out = applyShiftToText(ORIGINAL, from, parseShiftDuration("2d"));
    expect(out).toBe(ORIGINAL.replace('"2027-07-06T09:00"', '"2027-07-08T09:00"').replace("2027-07-07T13:00Z", "2027-07-09T13:00Z"));
  });

  it("keeps the wall time of wall-time entries across DST and writes offsets where the new time is ambiguous", () => {
    const text =
      "timezone: America/New_York\nreleases:\n  - at: 2027-11-06T09:00 # sat\n    chapters: [2]\n  - at: 2027-11-06T01:30\n    chapters: [1]\n";
    const shifted = applyShiftToText(text, 0, parseShiftDuration("1d"));
    expect(shifted).toBe(
      "timezone: America/New_York\nreleases:\n  - at: 2027-11-07T09:00 # sat\n    chapters: [2]\n  - at: 2027-11-07T01:30-04:00\n    chapters: [1]\n",
    );
    expect(parseSchedule(shifted, "s.yaml", chapters).diagnostics).toEqual([]);
  });

  it("keeps explicit offsets as offsets", () => {
    const text = "timezone: America/New_York\nreleases:\n  - at: '2027-03-13T09:00-05:00'\n    chapters: [1]\n";
    expect(applyShiftToText(text, 0, parseShiftDuration("1d"))).toBe(
      "timezone: America/New_York\nreleases:\n  - at: '2027-03-14T09:00-04:00'\n    chapters: [1]\n",
    );
  });
});
