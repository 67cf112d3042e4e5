import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSite, type RunningSite } from "../helpers/server";
import { embargoStory } from "../helpers/embargo-fixture";
import { canConnect, nonLoopbackAddresses } from "../helpers/net";

// `npm start` as an operator runs it: HOST, the --simulated-clock flag, and a
// cache folder where the release journal cannot be written.

describe("npm start with HOST=127.0.0.1, --simulated-clock and an unwritable journal", () => {
  let site: RunningSite;
  beforeAll(async () => {
    const root = await embargoStory();
    const cacheDir = mkdtempSync(path.join(tmpdir(), "installment-cache-"));
    // The journal's folder cannot be created (a file is in the way; the tests
    // run as root, so file modes alone would not stop a write).
    writeFileSync(path.join(cacheDir, "releases"), "not a folder");
    site = await startSite({
      chapters: root,
      clock: "2027-01-01T00:00:00Z",
      cacheDir,
      args: ["--simulated-clock"],
      env: { HOST: "127.0.0.1" },
    });
  }, 600_000);
  afterAll(async () => site?.stop());

  it("starts on a frozen clock when told --simulated-clock (no environment acknowledgement)", async () => {
    expect(site.output.join("\n")).toContain("clock: frozen clock at 2027-01-01T00:00:00Z");
    expect((await fetch(`${site.url}/dawn`)).status).toBe(200);
  });

  it("a release journal it cannot write costs a log line, not the site", async () => {
    const failed = site.output.filter((l) => l.includes('"event":"journal-write-failed"'));
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(site.output.filter((l) => l.includes('"event":"release"')).map((l) => (JSON.parse(l) as { chapter: number }).chapter)).toEqual([
      1, 2,
    ]);
    expect((await fetch(`${site.url}/noon`)).status).toBe(200);
  });

  it("listens on the HOST it is given", async () => {
    expect(await canConnect("127.0.0.1", site.port)).toBe(true);
    for (const address of nonLoopbackAddresses()) expect(await canConnect(address, site.port), address).toBe(false);
  });
});
