import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyFixture, listing, removeTemps, runScript, STACK_LINE, tempDir } from "./run";

afterAll(removeTemps);

function check(root: string, cacheDir: string, extra: string[] = []) {
  return runScript("check.ts", ["--chapters", root, ...extra], { INSTALLMENT_CACHE_DIR: cacheDir });
}

/** The `path:line:column  message` lines of an output. */
const problemLines = (out: string) => out.split("\n").filter((l) => /^\S+:\d+:\d+ {2}/.test(l));

// Each case spawns tsx; give them room on a busy machine.
describe("npm run check", { timeout: 240_000 }, () => {
  it("a valid story: exit 0, one summary line, nothing written into the content root", () => {
    const root = copyFixture("good");
    const before = listing(root);
    const r = check(root, tempDir("cache"));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(problemLines(r.stdout)).toEqual([]);
    expect(r.stdout).toContain("✔ 4 chapters, story and schedule are valid\n");
    expect(r.stdout).toMatch(/^checked in \d+ ms, 0 from cache$/m);
    expect(listing(root)).toEqual(before);
  });

  it("a broken story: every problem as path:line:column  message, sorted, exit 1", () => {
    const root = copyFixture("bad");
    const before = listing(root);
    const r = check(root, tempDir("cache"));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const expected = [
      // unknown speaker, unknown component
      'chapters/01-speakers/index.mdx:7:1  unknown speaker "BOB"; the cast is nine (Nine), blue (Blue)',
      "chapters/01-speakers/index.mdx:11:1  unknown component <Gallery>; available: Dialogue, Line, Gif, Still, YouTube, Scrolly, Step, Pause, Typing",
      // missing media, missing alt, a path leaving the root, a bad YouTube id
      'chapters/02-pictures/index.mdx:5:1  media file not found: "./media/missing.gif"',
      'chapters/02-pictures/index.mdx:7:1  <Gif> needs alt="…" describing the image for readers who cannot see it (alt="" only for decoration)',
      'chapters/02-pictures/index.mdx:9:1  media path leaves the content root: "../../outside.png"',
      'chapters/02-pictures/index.mdx:11:1  invalid YouTube id "not-an-id": an id is 11 letters, digits, - or _ (the part after v= in the link)',
      // a frontmatter key that does not exist
      'chapters/03-frontmatter.mdx:3:1  frontmatter: unknown key "releaseAt"; allowed: title, summary, cover, warnings, note, recap',
      // broken links between chapters (the valid /speakers and the external link pass)
      'chapters/04-links.mdx:5:77  broken link "/nowhere": no chapter has the slug "nowhere"',
      'chapters/04-links.mdx:7:6  broken link "./01-speekers": no chapter has the slug "speekers"; did you mean /speakers?',
      'chapters/04-links.mdx:7:34  broken link "/02-pictures": no chapter has the slug "02-pictures"; the chapter\'s URL is /pictures',
      // schedule: a wall time in the DST gap, out of order, unknown chapter, listed twice
      'chapters/schedule.yaml:3:9  releases[0].at: "2027-03-14T02:30" does not exist in America/New_York: clocks spring forward over it on 2027-03-14; pick another time, or write an offset (e.g. 2027-03-14T02:30-05:00 is 03:30 EDT)',
      "chapters/schedule.yaml:6:16  chapter 3 releases at 2027-03-20 09:00 EDT, before chapter 2 (2027-03-21 09:00 EDT, line 8): chapters must come out in order",
      "chapters/schedule.yaml:6:19  unknown chapter 9: no chapter file is numbered 9",
      'chapters/schedule.yaml:8:19  chapter 1 (as "speakers") is listed twice: it is already listed on line 4',
      // a cast colour below WCAG AA on the black page
      'chapters/story.yaml:13:12  cast.blue.color "#0000ff" has contrast 2.44:1 against the page background #000000; WCAG AA needs at least 4.5:1; try #5e5eff',
    ];
    // Every expected line, in this order (sorted by file, then line), and nothing else.
    expect(problemLines(r.stdout)).toEqual(expected);
    expect(r.stdout).toContain("✖ 15 problems (15 errors, 0 warnings) in 6 files\n");
    expect(r.stdout).toMatch(/^checked in \d+ ms, \d+ from cache$/m);
    expect(listing(root)).toEqual(before);
  });

  it("an unknown time zone in schedule.yaml", () => {
    const r = check(copyFixture("bad-zone"), tempDir("cache"));
    expect(r.code).toBe(1);
    expect(problemLines(r.stdout)).toEqual([
      'chapters/schedule.yaml:1:11  unknown time zone "America/Atlantis": use an IANA zone like America/New_York or Europe/Paris',
    ]);
    expect(r.stdout).toContain("✖ 1 problem (1 error, 0 warnings) in 1 file\n");
  });

  it("warnings alone exit 0", () => {
    const root = copyFixture("good");
    // An offset that is not New York's in July: valid, but worth a warning.
    writeFileSync(
      path.join(root, "schedule.yaml"),
      "timezone: America/New_York\nreleases:\n  - at: 2027-07-05T09:00-05:00\n    chapters: [1]\n",
    );
    const r = check(root, tempDir("cache"));
    expect(r.code).toBe(0);
    expect(problemLines(r.stdout)).toEqual([
      expect.stringMatching(
        /^chapters\/schedule\.yaml:3:9 {2}warning: "2027-07-05T09:00-05:00" has offset -05:00, but America\/New_York is at -04:00/,
      ),
    ]);
    expect(r.stdout).toContain("✔ 4 chapters, story and schedule are valid, with 1 warning in 1 file\n");
  });

  it("a chapter number or a slug used twice: every file involved is named, exit 1", () => {
    const root = copyFixture("good");
    writeFileSync(path.join(root, "02-ten-points-rewrite.mdx"), "---\ntitle: Ten Points, again\n---\n\nText.\n");
    writeFileSync(path.join(root, "05-field.mdx"), "---\ntitle: Field, again\n---\n\nText.\n");
    const r = check(root, tempDir("cache"));
    expect(r.code).toBe(1);
    const lines = problemLines(r.stdout);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^chapters\/02-ten-points\.mdx:1:1 {2}chapter number 2 is used twice.*02-ten-points-rewrite\.mdx/),
        expect.stringMatching(/^chapters\/02-ten-points-rewrite\.mdx:1:1 {2}chapter number 2 is used twice.*02-ten-points\.mdx/),
        expect.stringMatching(/^chapters\/04-field\.mdx:1:1 {2}slug "field" is used twice.*05-field\.mdx/),
        expect.stringMatching(/^chapters\/05-field\.mdx:1:1 {2}slug "field" is used twice.*04-field\.mdx/),
      ]),
    );
    expect(r.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?/);
  });

  it("a second run on unchanged content takes its chapters from the cache, and is faster", () => {
    const root = copyFixture("good");
    const cache = tempDir("cache");
    const first = check(root, cache);
    const second = check(root, cache);
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    const ms = (r: { stdout: string }) => Number(/checked in (\d+) ms/.exec(r.stdout)![1]);
    expect(first.stdout).toMatch(/, 0 from cache$/m);
    expect(second.stdout).toMatch(/, 4 from cache$/m);
    expect(ms(second)).toBeLessThan(ms(first));
    // An edited chapter is compiled again; the others still come from the cache.
    writeFileSync(path.join(root, "04-field.mdx"), "---\ntitle: Field, revised\n---\n\nNew text.\n");
    const third = check(root, cache);
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/, 3 from cache$/m);
    // --no-cache compiles everything.
    expect(check(root, cache, ["--no-cache"]).stdout).toMatch(/, 0 from cache \(--no-cache\)$/m);
  });

  it("reads CHAPTERS_DIR when --chapters is absent", () => {
    const root = copyFixture("bad-zone");
    const r = runScript("check.ts", [], { CHAPTERS_DIR: root, INSTALLMENT_CACHE_DIR: tempDir("cache") });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("chapters/schedule.yaml:1:11  unknown time zone");
  });

  it("bad arguments: one line naming the value, exit 2, no stack trace", () => {
    const cache = tempDir("cache");
    const cases: [string[], RegExp][] = [
      [["--chapters", "/no/such/folder"], /^check: --chapters "\/no\/such\/folder" does not exist$/],
      [["--chapters", path.join(copyFixture("good"), "story.yaml")], /^check: --chapters ".*story\.yaml" is not a folder$/],
      [["--chapters"], /^check: option '--chapters <dir>' argument missing$/],
      [["--chaptrs", "x"], /^check: unknown option '--chaptrs'.*--chapters/],
      [["stray"], /^check: unexpected argument "stray"/],
    ];
    for (const [args, message] of cases) {
      const r = runScript("check.ts", args, { INSTALLMENT_CACHE_DIR: cache });
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trimEnd().split("\n"), args.join(" ")).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(message);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
    const env = runScript("check.ts", [], { CHAPTERS_DIR: "/no/such/root", INSTALLMENT_CACHE_DIR: cache });
    expect(env.code).toBe(2);
    expect(env.stderr.trimEnd()).toBe('check: CHAPTERS_DIR "/no/such/root" does not exist');
  });
});
