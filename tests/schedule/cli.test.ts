import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const REPO = path.resolve(__dirname, "../..");
const FIXTURE = path.join(REPO, "tests/fixtures/schedule/story");
const temps: string[] = [];

function run(args: string[], env: Record<string, string | undefined> = {}) {
  const r = spawnSync("npx", ["tsx", "scripts/schedule.ts", ...args], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, RELEASE_CLOCK: undefined, CHAPTERS_DIR: undefined, npm_config_loglevel: "error", ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function copyFixture(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "installment-schedule-"));
  temps.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

const noStackTrace = (s: string) => expect(s).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe("schedule status", () => {
  it("tables every chapter with state, release time and countdown, and warns", () => {
    const r = run(["status", "--chapters", FIXTURE, "--at", "2027-07-06T10:00"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^1\s+The Probe\s+released\s+2027-07-05 09:00 EDT\s+1d 1h 00m ago$/m);
    expect(out).toMatch(/^3\s+Pioneer: Awake\s+released\s+2027-07-05 09:00 EDT/m); // scheduled by slug
    expect(out).toMatch(/^4\s+The Game\s+released\s+2027-07-06 09:00 EDT\s+1h 00m ago$/m);
    expect(out).toMatch(/^5\s+Field\s+upcoming\s+2027-07-07 09:00 EDT\s+in 23h 00m$/m);
    expect(out).toMatch(/^7\s+After\s+draft\s+-\s+-$/m);
    expect(out).toContain("Next release: chapter 5 at 2027-07-07 09:00 EDT (in 23h 00m)");
    expect(out).toMatch(/warning: thin buffer: only 2 chapters ready .*\(5, 7\)/);
    expect(out).toContain("warning: gap in the numbering: no chapter 6");
    expect(out).toMatch(/warning: 1 draft .*: 7/);
  });

  it("uses RELEASE_CLOCK when --at is absent; a release at exactly now is released", () => {
    const r = run(["status"], { CHAPTERS_DIR: FIXTURE, RELEASE_CLOCK: "2027-07-07T13:00:00Z" });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("frozen clock at 2027-07-07T13:00:00Z");
    expect(r.stdout).toMatch(/^5\s+Field\s+released\s+2027-07-07 09:00 EDT\s+now$/m);
    expect(r.stdout).toContain("Next release: none scheduled");
    expect(r.stdout).not.toContain("thin buffer");
  });

  it("one second before the first release, nothing is out", () => {
    const r = run(["status", "--chapters", FIXTURE, "--at", "2027-07-05T12:59:59Z"]);
    expect(r.stdout).toMatch(/^1\s+The Probe\s+upcoming\s+2027-07-05 09:00 EDT\s+in 1s$/m);
    expect(r.stdout).toContain("Next release: chapters 1, 2, 3 at 2027-07-05 09:00 EDT (in 1s)");
    expect(r.stdout).not.toContain("thin buffer");
  });

  it("bad --at and bad RELEASE_CLOCK: one line naming the value, exit 2", () => {
    const a = run(["status", "--chapters", FIXTURE, "--at", "2027-03-14T02:30"]);
    expect(a.code).toBe(2);
    expect(a.stderr.trim().split("\n")).toHaveLength(1);
    expect(a.stderr).toContain('"2027-03-14T02:30" does not exist in America/New_York');
    const b = run(["status", "--chapters", FIXTURE], { RELEASE_CLOCK: "replay:soon@10" });
    expect(b.code).toBe(2);
    expect(b.stderr.trim()).toMatch(/^schedule: RELEASE_CLOCK "replay:soon@10".*"soon"/);
    noStackTrace(a.stderr + b.stderr);
  });

  it("a broken schedule.yaml prints every error as path:line:column  message and exits 1", () => {
    const dir = copyFixture();
    writeFileSync(
      path.join(dir, "schedule.yaml"),
      "timezone: America/New_York\nreleases:\n  - at: 2027-11-07T01:30\n    chapters: [1, 9]\n  - at: 2027-07-05T09:00\n    chapters: [2, 2]\n",
    );
    const r = run(["status", "--chapters", dir]);
    expect(r.code).toBe(1);
    // Paths are relative to the working folder, or absolute when outside it (the fixture is a temp copy).
    const file = path.join(dir, "schedule.yaml");
    const rel = path.relative(REPO, file).startsWith("..") ? file : path.relative(REPO, file);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^${escape(rel)}:3:9  releases\\[0\\]\\.at: "2027-11-07T01:30" is ambiguous`)),
      `${rel}:4:19  unknown chapter 9: no chapter file is numbered 9`,
      `${rel}:6:19  chapter 2 is listed twice: it is already listed on line 6`,
      expect.stringMatching(/^schedule: 3 errors in /),
    ]);
    expect(r.stdout).toBe("");
  });

  it("a missing chapters folder is a one-line usage error (exit 2, as documented)", () => {
    const r = run(["status", "--chapters", "no/such/dir"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('schedule: --chapters "no/such/dir" does not exist\n');
  });
});

describe("schedule plan", () => {
  it("prints a proposal and changes nothing without --write", () => {
    const dir = copyFixture();
    const before = readFileSync(path.join(dir, "schedule.yaml"), "utf8");
    const r = run(["plan", "--chapters", dir, "--from", "4", "--start", "2027-07-06T09:00", "--per-day", "2,1"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^4\s+The Game\s+2027-07-06 09:00 EDT\s+2027-07-06T09:00$/m);
    expect(r.stdout).toMatch(/^5\s+Field\s+2027-07-06 12:00 EDT\s+2027-07-06T12:00$/m);
    expect(r.stdout).toMatch(/^7\s+After\s+2027-07-07 09:00 EDT\s+2027-07-07T09:00$/m);
    expect(r.stdout).toContain("Nothing written");
    expect(readFileSync(path.join(dir, "schedule.yaml"), "utf8")).toBe(before);
  });

  it("--write edits schedule.yaml keeping its comments; status then shows the new plan", () => {
    const dir = copyFixture();
    const r = run(["plan", "--chapters", dir, "--from", "5", "--start", "2027-11-06", "--time", "09:00", "--per-day", "1", "--write"]);
    expect(r.code).toBe(0);
    const text = readFileSync(path.join(dir, "schedule.yaml"), "utf8");
    expect(text).toBe(
      readFileSync(path.join(FIXTURE, "schedule.yaml"), "utf8").replace(
        '  - at: "2027-07-07T09:00"\n    chapters: [5]\n',
        "  - at: 2027-11-06T09:00\n    chapters: [5]\n  - at: 2027-11-07T09:00\n    chapters: [7]\n",
      ),
    );
    const s = run(["status", "--chapters", dir, "--at", "2027-11-07T08:00"]);
    expect(s.stdout).toMatch(/^5\s+Field\s+released\s+2027-11-06 09:00 EDT/m);
    expect(s.stdout).toMatch(/^7\s+After\s+upcoming\s+2027-11-07 09:00 EST\s+in 1h 00m$/m); // DST ended overnight
  });

  it("refuses a plan that would release a chapter before an earlier one, writing nothing", () => {
    const dir = copyFixture();
    const before = readFileSync(path.join(dir, "schedule.yaml"), "utf8");
    const r = run(["plan", "--chapters", dir, "--from", "4", "--start", "2027-07-01T09:00", "--per-day", "1", "--write"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("chapter 4 releases at 2027-07-01 09:00 EDT, before chapter 3");
    expect(readFileSync(path.join(dir, "schedule.yaml"), "utf8")).toBe(before);
  });

  it("usage errors name the offending value and exit 2", () => {
    const cases: [string[], RegExp][] = [
      [["plan", "--chapters", FIXTURE, "--start", "2027-07-06T09:00", "--per-day", "1"], /--from/],
      [["plan", "--chapters", FIXTURE, "--from", "four", "--start", "2027-07-06T09:00", "--per-day", "1"], /"four"/],
      [["plan", "--chapters", FIXTURE, "--from", "6", "--start", "2027-07-06T09:00", "--per-day", "1"], /no chapter 6/],
      [["plan", "--chapters", FIXTURE, "--from", "4", "--start", "2027-07-06T09:00", "--per-day", "2,x"], /--per-day "2,x"/],
      [["plan", "--chapters", FIXTURE, "--from", "4", "--start", "next week", "--per-day", "1"], /--start "next week"/],
      [["plan", "--chapters", FIXTURE, "--from", "4", "--start", "2027-07-06", "--time", "9am", "--per-day", "1"], /--time "9am"/],
      [["plan", "--chapters", FIXTURE, "--from", "4", "--start", "2027-07-06T09:00", "--per-day", "1", "--every", "month"], /month/],
      [["frobnicate"], /frobnicate/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      noStackTrace(r.stderr);
    }
  });
});

describe("schedule shift", () => {
  it("moves a release and every later one with --write, keeping comments", () => {
    const dir = copyFixture();
    const r = run(["shift", "--chapters", dir, "--from", "4", "--by", "1w", "--write"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^4\s+2027-07-06 09:00 EDT\s+2027-07-13 09:00 EDT$/m);
    expect(r.stdout).toMatch(/^5\s+2027-07-07 09:00 EDT\s+2027-07-14 09:00 EDT$/m);
    expect(readFileSync(path.join(dir, "schedule.yaml"), "utf8")).toBe(
      readFileSync(path.join(FIXTURE, "schedule.yaml"), "utf8")
        .replace("at: 2027-07-06T09:00        # day two", "at: 2027-07-13T09:00        # day two")
        .replace('"2027-07-07T09:00"', '"2027-07-14T09:00"'),
    );
  });

  it("a shift that breaks the order, a draft, or a bad duration is refused", () => {
    const dir = copyFixture();
    const before = readFileSync(path.join(dir, "schedule.yaml"), "utf8");
    const early = run(["shift", "--chapters", dir, "--from", "4", "--by", "-2d", "--write"]);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain("chapter 4 releases at 2027-07-04 09:00 EDT, before chapter 3");
    const draft = run(["shift", "--chapters", dir, "--from", "7", "--by", "1d"]);
    expect(draft.code).toBe(2);
    expect(draft.stderr).toMatch(/chapter 7 is not in schedule.yaml/);
    const bad = run(["shift", "--chapters", dir, "--from", "4", "--by", "soon"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('schedule: --by "soon" is not a duration: use e.g. 2d, 36h, 1w, 90m, -1d or ISO P1D\n');
    expect(readFileSync(path.join(dir, "schedule.yaml"), "utf8")).toBe(before);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
