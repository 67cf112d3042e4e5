import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyFixture, removeTemps, runScript, STACK_LINE, tempDir } from "./run";

afterAll(removeTemps);

// Every script shares scripts/lib/cli.ts: a wrong command line is one line
// naming the mistake and exit 2, before anything is built, served or written;
// a failure of the work is one line and exit 1.

function expectOneLine(r: { code: number | null; stderr: string }, code: number, message: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr.trimEnd().split("\n"), r.stderr).toHaveLength(1);
  expect(r.stderr.trimEnd()).toMatch(message);
  expect(r.stderr).not.toMatch(STACK_LINE);
}

describe("usage errors exit 2 with one line", { timeout: 180_000 }, () => {
  // Killed after a minute: a server that ignored its arguments would start instead.
  const run = (script: string, args: string[]) =>
    runScript(script, args, { INSTALLMENT_CACHE_DIR: tempDir("cache") }, { timeoutMs: 60_000 });
  const cases: [script: string, args: string[], message: RegExp][] = [
    ["check.ts", ["--bogus"], /^check: unknown option '--bogus'$/],
    ["schedule.ts", ["status", "--chapters", "/no/such/folder"], /^schedule: --chapters "\/no\/such\/folder" does not exist$/],
    ["new-chapter.ts", ["Title", "--slug"], /^new-chapter: option '--slug <slug>' argument missing$/],
    ["export.ts", ["--out", "/tmp/never-written"], /^\[installment\] export: required option '--at <instant>' not specified$/],
    ["export.ts", ["--at", "soon", "--out", "/tmp/never-written"], /^\[installment\] export: --at "soon" is not an instant/],
    [
      "export.ts",
      ["--at", "2027-07-06T13:00:00Z", "--out", "/tmp/never-written", "--chapters", "/no/such/folder"],
      /--chapters "\/no\/such\/folder" does not exist$/,
    ],
    ["start.ts", ["--simulated-clok"], /^\[installment\] unknown option '--simulated-clok' \(Did you mean --simulated-clock\?\)$/],
    ["dev.ts", ["--port", "4000"], /^\[installment\] unknown option '--port'$/],
    ["demo.ts", ["--fast"], /^\[installment\] demo: unknown option '--fast'$/],
    [
      "cluster.ts",
      ["--instances", "0"],
      /^\[cluster\] option '-n, --instances <n>' argument '0' is invalid\. "0" is not a number of instances \(1-32\)$/,
    ],
    ["build-media.ts", ["--chapters", "/no/such/folder"], /^build-media: --chapters "\/no\/such\/folder" does not exist$/],
  ];
  it.each(cases)("%s %j", (script, args, message) => {
    const r = run(script, args);
    expectOneLine(r, 2, message);
    expect(r.stdout).not.toMatch(/ at http:\/\//);
  });
});

describe("a content root that does not exist is a usage error, from CHAPTERS_DIR too", { timeout: 120_000 }, () => {
  it.each(["start.ts", "check.ts"])("%s", (script) => {
    const r = runScript(script, [], { CHAPTERS_DIR: "/no/such/root", INSTALLMENT_CACHE_DIR: tempDir("cache") }, { timeoutMs: 60_000 });
    expectOneLine(r, 2, /CHAPTERS_DIR "\/no\/such\/root" does not exist$/);
  });
});

describe("a bad environment variable is named, exit 1", { timeout: 120_000 }, () => {
  it("check, with the variable and its value", () => {
    const r = runScript("check.ts", ["--chapters", copyFixture("good")], { INSTALLMENT_CACHE_DIR: tempDir("cache"), PORT: "http" });
    expectOneLine(r, 1, /^check: PORT="http": /);
  });

  it("build-media, for the ffmpeg time limit", () => {
    const root = path.join(tempDir("media"), "chapters");
    const r = runScript("build-media.ts", ["--chapters", root], { INSTALLMENT_FFMPEG_TIMEOUT_MS: "soon" });
    expectOneLine(r, 1, /^build-media: INSTALLMENT_FFMPEG_TIMEOUT_MS="soon": /);
  });
});
