import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureNextBuild } from "../../scripts/lib/next-build";
import { startSite, projectDir, TEST_EDITOR_TOKEN, type RunningSite } from "../helpers/server";
import { makeGif, makePng } from "../helpers/fixture-media";
import { startReceiver, type Receiver } from "../helpers/notify-receiver";

// The whole path on the real clock: npm start, a release a few seconds after
// start, and a real HTTP receiver on 127.0.0.1 that, inside its handler,
// fetches the chapter from the site: a notification that arrived before the
// page was live would see a 404.

const TOKEN = "e2e-masto-token-4b3a2910ffe";
const HOOK_SECRET = "e2e-hook-s3cr3t-path-88d1";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const iso = (ms: number) => new Date(ms).toISOString();

async function story(at: number, receiver: Receiver): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), "installment-notify-e2e-"));
  cpSync(path.join(projectDir, "tests/fixtures/embargo-story"), root, { recursive: true });
  makeGif(path.join(root, "01-dawn/media/dawn.gif"));
  makeGif(path.join(root, "03-zenith-secret/media/zenith.gif"), { hue: 90 });
  await makePng(path.join(root, "03-zenith-secret/media/zenith-cover.png"));
  writeFileSync(
    path.join(root, "schedule.yaml"),
    `timezone: UTC\nreleases:\n  - at: 2026-07-05T09:00\n    chapters: [1, 2]\n  - at: ${iso(at)}\n    chapters: [3]\n`,
  );
  writeFileSync(
    path.join(root, "notify.yaml"),
    [
      "retry:",
      "  attempts: 4",
      "  firstDelaySeconds: 0.5",
      "endpoints:",
      "  - name: hook",
      "    kind: webhook",
      "    urlEnv: NOTIFY_E2E_HOOK_URL",
      "  - name: discord",
      "    kind: discord",
      `    url: ${receiver.url}/discord`,
      "  - name: slack",
      "    kind: slack",
      `    url: ${receiver.url}/slack`,
      "  - name: toot",
      "    kind: mastodon",
      `    instance: ${receiver.url}/masto`,
      "    tokenEnv: NOTIFY_E2E_TOKEN",
      "",
    ].join("\n"),
  );
  return root;
}

describe("release notifications on the real clock", () => {
  let site: RunningSite | undefined;
  let receiver: Receiver | undefined;
  beforeAll(() => ensureNextBuild(projectDir), 600_000);
  afterEach(async () => {
    await site?.stop();
    await receiver?.close();
    site = receiver = undefined;
  });

  it("each endpoint gets one message, only once the chapter is live; a failing one is retried; a restart sends nothing twice; no secret is printed", async () => {
    let siteUrl = "";
    receiver = await startReceiver({
      // Discord answers 500 twice: retried, while the others arrive at once.
      status: (p, count) => (p === "/discord" && count <= 2 ? 500 : 200),
      inspect: async () => {
        const res = await fetch(`${siteUrl}/zenith-secret`);
        return { status: res.status, text: (await res.text()).includes("Upcomingtextmarker") };
      },
    });
    const at = Math.ceil((Date.now() + 45_000) / 1000) * 1000;
    const root = await story(at, receiver);
    const cacheDir = mkdtempSync(path.join(tmpdir(), "installment-cache-"));
    const env = { NOTIFY_E2E_HOOK_URL: `${receiver.url}/hook/${HOOK_SECRET}`, NOTIFY_E2E_TOKEN: TOKEN };
    site = await startSite({ chapters: root, cacheDir, env });
    siteUrl = site.url;
    expect(Date.now()).toBeLessThan(at - 2000);
    expect((await fetch(`${site.url}/zenith-secret`)).status).toBe(404);
    // Nothing for the back catalogue (chapters 1 and 2), nothing before the instant.
    await sleep(1000);
    expect(receiver.received).toEqual([]);

    const deadline = at + 20_000;
    while (receiver.on("/discord").length < 3 || receiver.received.length < 6) {
      if (Date.now() > deadline) throw new Error(`only ${receiver.received.map((r) => r.path).join(", ")} arrived`);
      await sleep(100);
    }
    await sleep(1500);
    expect(receiver.on(`/hook/${HOOK_SECRET}`)).toHaveLength(1);
    expect(receiver.on("/slack")).toHaveLength(1);
    expect(receiver.on("/masto/api/v1/statuses")).toHaveLength(1);
    expect(receiver.on("/discord")).toHaveLength(3);
    for (const r of receiver.received) {
      expect(r.at).toBeGreaterThanOrEqual(at);
      expect(r.note, r.path).toEqual({ status: 200, text: true });
    }
    // The others did not wait for Discord's retries.
    const discord = receiver.on("/discord");
    for (const p of [`/hook/${HOOK_SECRET}`, "/slack", "/masto/api/v1/statuses"])
      expect(receiver.on(p)[0]!.at).toBeLessThan(discord[1]!.at);
    const hook = receiver.on(`/hook/${HOOK_SECRET}`)[0]!.body as {
      chapters: { number: number; title: string; summary: string; url: string }[];
    };
    expect(hook.chapters).toEqual([
      { number: 3, title: "Zenith Upcomingtitlemarker", summary: "Upcomingsummarymarker", url: "http://localhost:3000/zenith-secret" },
    ]);
    expect(receiver.on("/masto/api/v1/statuses")[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);

    // A restart within the catch-up window: everything is in the outbox, nothing goes twice.
    const printed = [...site.output];
    await site.stop();
    site = await startSite({ chapters: root, cacheDir, env, editorToken: TEST_EDITOR_TOKEN });
    await site.waitForLine((l) => l.includes("[installment] site at"), 60_000);
    await sleep(3000);
    expect(receiver.received).toHaveLength(6);

    // The dashboard's outbox panel: this release, every endpoint sent (Discord on its third attempt).
    const signIn = await fetch(`${site.url}/editor?token=${TEST_EDITOR_TOKEN}`, { redirect: "manual" });
    const cookie = /installment_editor=[^;]*/.exec(signIn.headers.get("set-cookie") ?? "")?.[0] ?? "";
    const dashboard = await (await fetch(`${site.url}/editor`, { headers: { cookie } })).text();
    expect(dashboard).toContain("Release notifications");
    expect(dashboard).toContain(`${iso(at).slice(0, 10)} ${iso(at).slice(11, 16)} UTC`);
    expect(dashboard).toMatch(/<td[^>]*>4<\/td><td[^>]*>0<\/td><td[^>]*>0<\/td>/);
    expect(dashboard).toContain("discord: sent on attempt 3");
    expect(dashboard).not.toContain(TOKEN);
    expect(dashboard).not.toContain(HOOK_SECRET);
    const all = [...printed, ...site.output].join("\n");
    expect(all).toContain('"event":"notify-sent"');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(HOOK_SECRET);
  }, 600_000);
});
