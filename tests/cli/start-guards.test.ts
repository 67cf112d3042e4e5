import { afterAll, describe, expect, it } from "vitest";
import { copyFixture, removeTemps, runScript, STACK_LINE, tempDir } from "./run";
import { freePort } from "../../scripts/lib/free-port";

afterAll(removeTemps);

// `npm start` is the production site: settings that would publish the wrong
// thing, or leave the editor door weak, stop it before it serves anything.

async function start(env: Record<string, string>, args: string[] = []) {
  const port = await freePort();
  // Killed after a minute: the old behaviour was to start serving.
  return runScript(
    "start.ts",
    args,
    { CHAPTERS_DIR: copyFixture("good"), INSTALLMENT_CACHE_DIR: tempDir("cache"), PORT: String(port), ...env },
    { timeoutMs: 60_000 },
  );
}

describe("npm start refuses", { timeout: 120_000 }, () => {
  it("a frozen RELEASE_CLOCK without --simulated-clock: one line naming the value, non-zero exit", async () => {
    const r = await start({ RELEASE_CLOCK: "2099-01-01T00:00:00Z" });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/RELEASE_CLOCK="2099-01-01T00:00:00Z".*--simulated-clock/);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stdout).not.toContain("site at");
  });

  it("a replay RELEASE_CLOCK without the acknowledgement, even with INSTALLMENT_SIMULATED_CLOCK=0", async () => {
    const r = await start({ RELEASE_CLOCK: "replay:2099-01-01T00:00:00Z@60", INSTALLMENT_SIMULATED_CLOCK: "0" });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/RELEASE_CLOCK="replay:2099-01-01T00:00:00Z@60"/);
  });

  it("an EDITOR_TOKEN shorter than 24 characters, without echoing it", async () => {
    const token = "short-token-12345678";
    const r = await start({ EDITOR_TOKEN: token });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/EDITOR_TOKEN.*at least 24 characters/);
    expect(r.stderr).not.toContain(token);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it("an argument it does not know", async () => {
    const r = await start({}, ["--simulated-clok"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/--simulated-clok/);
  });
});
