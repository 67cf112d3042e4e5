import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSite, type RunningSite } from "../helpers/server";
import { launchBrowser, watchedPage, type Browser } from "../helpers/browser";
import { readerStory } from "../helpers/reader-fixture";
import { canConnect, nonLoopbackAddresses } from "../helpers/net";

// `npm run dev`: the author's preview.
let site: RunningSite;
let browser: Browser;
let root: string;

beforeAll(async () => {
  root = await readerStory();
  // One upcoming chapter and one draft, to see them in preview.
  writeFileSync(
    path.join(root, "schedule.yaml"),
    "timezone: UTC\nreleases:\n  - at: 2026-01-01T09:00\n    chapters: [1]\n  - at: 2099-01-01T09:00\n    chapters: [2]\n",
  );
  writeFileSync(path.join(root, "03-sketch.mdx"), "---\ntitle: Sketch\n---\n\nA draft nobody scheduled.\n");
  site = await startSite({ chapters: root, dev: true });
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe("author preview", () => {
  it("shows drafts, so it listens on 127.0.0.1 only: no other address of this machine reaches it", async () => {
    expect(await canConnect("127.0.0.1", site.port)).toBe(true);
    for (const address of nonLoopbackAddresses()) expect(await canConnect(address, site.port), address).toBe(false);
    expect(site.output.join("\n")).toContain(`listening on 127.0.0.1:${site.port}`);
  });

  it("shows upcoming and draft chapters with a banner saying when they release", async () => {
    const landing = await (await fetch(`${site.url}/landing`)).text();
    expect(landing).toContain("We landed.");
    expect(landing).toMatch(/Not released yet: readers see it from/);
    const sketch = await (await fetch(`${site.url}/sketch`)).text();
    expect(sketch).toContain("A draft nobody scheduled.");
    expect(sketch).toContain("Draft: not in the schedule");
  }, 300_000);

  it("carries Next's hot-reload WebSocket through the edge: it opens on the preview's port and frames arrive", async () => {
    const context = await browser.newContext();
    const { page } = await watchedPage(context);
    const opened = page.waitForEvent("websocket", { predicate: (ws) => ws.url().includes("/_next/"), timeout: 120_000 });
    await page.goto(`${site.url}/landing`);
    const socket = await opened;
    expect(new URL(socket.url()).port).toBe(String(site.port));
    await socket.waitForEvent("framereceived", { timeout: 60_000 });
    expect(socket.isClosed()).toBe(false);
    await context.close();
  }, 300_000);

  it("reloads a chapter in the open page when its file changes", async () => {
    const context = await browser.newContext();
    const { page } = await watchedPage(context);
    await page.goto(`${site.url}/landing`);
    await page.getByText("We landed.").waitFor();
    const file = path.join(root, "02-landing.mdx");
    writeFileSync(file, readFileSync(file, "utf8").replace("We landed.", "We landed softly, edited."));
    await page.getByText("We landed softly, edited.").waitFor({ timeout: 30_000 });
    await context.close();
  }, 300_000);

  it("shows a broken chapter's errors (path:line:column) in its place while other chapters keep working", async () => {
    const file = path.join(root, "02-landing.mdx");
    writeFileSync(file, "---\ntitle: Landing\n---\n\n<Dialogue>\nZED: who?\n</Dialogue>\n");
    const deadline = Date.now() + 30_000;
    let body = "";
    while (Date.now() < deadline) {
      body = await (await fetch(`${site.url}/landing`)).text();
      if (body.includes("unknown speaker")) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(body).toMatch(/02-landing\.mdx<!-- -->:<!-- -->6<!-- -->:<!-- -->1|02-landing\.mdx:6:1/);
    expect(body).toContain("unknown speaker &quot;ZED&quot;");
    const other = await fetch(`${site.url}/orbit`);
    expect(other.status).toBe(200);
    expect(await other.text()).toContain("Is anyone listening?");
    const home = await fetch(`${site.url}/`);
    expect(home.status).toBe(200);
  }, 300_000);
});
