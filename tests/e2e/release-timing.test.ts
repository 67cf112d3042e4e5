import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startSite, projectDir, type RunningSite } from "../helpers/server";
import { makeGif, makePng } from "../helpers/fixture-media";

async function storyWithSchedule(schedule: string): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), "installment-timing-"));
  cpSync(path.join(projectDir, "tests/fixtures/embargo-story"), root, { recursive: true });
  makeGif(path.join(root, "01-dawn/media/dawn.gif"));
  makeGif(path.join(root, "03-zenith-secret/media/zenith.gif"), { hue: 90 });
  await makePng(path.join(root, "03-zenith-secret/media/zenith-cover.png"));
  writeFileSync(path.join(root, "schedule.yaml"), schedule);
  return root;
}

const iso = (ms: number) => new Date(ms).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function releaseLines(site: RunningSite): { chapter: number; scheduled: string; actual: string }[] {
  return site.output
    .filter((l) => l.startsWith("{") && l.includes('"event":"release"'))
    .map((l) => JSON.parse(l) as { chapter: number; scheduled: string; actual: string });
}

describe("releases on the real clock", () => {
  let site: RunningSite | undefined;
  afterEach(async () => {
    await site?.stop();
    site = undefined;
  });

  it("a chapter answers 404 before its instant and 200, linked from home, within a second after", async () => {
    // Far enough ahead to cover the server's start (the build is already current).
    const at = Math.ceil((Date.now() + 25_000) / 1000) * 1000;
    const root = await storyWithSchedule(
      `timezone: Europe/Lisbon\nreleases:\n  - at: 2026-07-05T09:00\n    chapters: [1, 2]\n  - at: ${iso(at)}\n    chapters: [3]\n`,
    );
    site = await startSite({ chapters: root });
    expect(Date.now()).toBeLessThan(at - 2000);
    const before = await fetch(`${site.url}/zenith-secret`);
    expect(before.status).toBe(404);
    const home = await (await fetch(`${site.url}/`)).text();
    expect(home).not.toContain('href="/zenith-secret"');

    let firstOk: number | null = null;
    while (Date.now() < at + 5000) {
      const t = Date.now();
      const res = await fetch(`${site.url}/zenith-secret`);
      await res.arrayBuffer();
      if (res.status === 200) {
        firstOk = t;
        break;
      }
      expect(t, "no 200 before the instant").toBeLessThan(at + 1000);
      await sleep(50);
    }
    expect(firstOk).not.toBeNull();
    expect(firstOk!).toBeGreaterThanOrEqual(at - 50);
    expect(firstOk! - at).toBeLessThanOrEqual(1000);
    const after = await (await fetch(`${site.url}/`)).text();
    expect(after).toContain('href="/zenith-secret"');
    const prev = await (await fetch(`${site.url}/noon`)).text();
    expect(prev).toContain('href="/zenith-secret"');
    const feed = await (await fetch(`${site.url}/feed.xml`)).text();
    expect(feed).toContain("Upcomingtitlemarker");
    await sleep(300);
    const logged = releaseLines(site).filter((l) => l.chapter === 3);
    expect(logged).toHaveLength(1);
    expect(logged[0]!.scheduled).toBe(iso(at));
  }, 240_000);

  it("releases missed while the server was down happen at start, in order, each logged once", async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), "installment-cache-"));
    const root = await storyWithSchedule(
      [
        "timezone: UTC",
        "releases:",
        "  - at: 2027-01-01T09:00",
        "    chapters: [1]",
        "  - at: 2027-01-02T09:00",
        "    chapters: [2]",
        "  - at: 2027-01-03T09:00",
        "    chapters: [3]",
        "",
      ].join("\n"),
    );
    site = await startSite({ chapters: root, clock: "2027-01-01T12:00:00Z", cacheDir });
    await sleep(300);
    expect(releaseLines(site).map((l) => l.chapter)).toEqual([1]);
    await site.stop();

    // Down for two days: both missed releases happen at the next start, in order.
    site = await startSite({ chapters: root, clock: "2027-01-03T12:00:00Z", cacheDir });
    await sleep(300);
    const lines = releaseLines(site);
    expect(lines.map((l) => l.chapter)).toEqual([2, 3]);
    expect(lines.map((l) => l.scheduled)).toEqual(["2027-01-02T09:00:00.000Z", "2027-01-03T09:00:00.000Z"]);
    expect(lines.every((l) => l.actual === "2027-01-03T12:00:00.000Z")).toBe(true);
    expect((await fetch(`${site.url}/zenith-secret`)).status).toBe(200);
    await site.stop();

    // A restart with nothing new logs nothing again.
    site = await startSite({ chapters: root, clock: "2027-01-03T13:00:00Z", cacheDir });
    await sleep(300);
    expect(releaseLines(site)).toEqual([]);
  }, 300_000);

  it("several chapters on one instant appear together", async () => {
    const root = await storyWithSchedule("timezone: UTC\nreleases:\n  - at: 2027-01-01T09:00\n    chapters: [1, 2, 3]\n");
    site = await startSite({ chapters: root, clock: "2027-01-01T08:59:59Z" });
    const before = await Promise.all(["/dawn", "/noon", "/zenith-secret"].map(async (p) => (await fetch(site!.url + p)).status));
    expect(before).toEqual([404, 404, 404]);
    await site.stop();
    site = await startSite({ chapters: root, clock: "2027-01-01T09:00:00Z" });
    const after = await Promise.all(["/dawn", "/noon", "/zenith-secret"].map(async (p) => (await fetch(site!.url + p)).status));
    expect(after).toEqual([200, 200, 200]);
  }, 240_000);
});
