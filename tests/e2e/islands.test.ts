// Reader pages are served without Next's client runtime (lib/server/reader-html.ts),
// with the islands as one deferred script; editor pages keep the runtime.
import { appendFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSite, TEST_EDITOR_TOKEN, type RunningSite } from "../helpers/server";
import { launchBrowser, watchedPage, type Browser } from "../helpers/browser";
import { readerStory } from "../helpers/reader-fixture";
import { shipsNextRuntime } from "../../lib/server/reader-html";
import { readerPrefsScript } from "../../components/chrome/prefs";

let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  const root = await readerStory();
  // Two chapters still to come, so pages carry release countdowns.
  writeFileSync(path.join(root, "03-later.mdx"), "---\ntitle: Later\n---\n\n<Dialogue>\nADA: Not yet.\n</Dialogue>\n");
  writeFileSync(path.join(root, "04-latest.mdx"), "---\ntitle: Latest\n---\n\n<Dialogue>\nADA: Not yet either.\n</Dialogue>\n");
  appendFileSync(
    path.join(root, "schedule.yaml"),
    "  - at: 2099-01-01T09:00\n    chapters: [3]\n  - at: 2099-02-01T09:00\n    chapters: [4]\n",
  );
  site = await startSite({ chapters: root, editorToken: TEST_EDITOR_TOKEN });
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function get(pathname: string, headers: Record<string, string> = {}) {
  const r = await fetch(site.url + pathname, { redirect: "manual", headers });
  return { status: r.status, headers: r.headers, body: await r.text() };
}

async function editorCookie(): Promise<string> {
  const r = await get(`/editor?token=${TEST_EDITOR_TOKEN}`);
  expect(r.status).toBe(303);
  return /installment_editor=[^;]*/.exec(r.headers.get("set-cookie") ?? "")?.[0] ?? "";
}

describe("reader pages without Next's client runtime", () => {
  for (const p of ["/", "/orbit", "/landing", "/no-such-page"]) {
    it(`${p}: no runtime chunks, no flight payload, one deferred islands script`, async () => {
      const { body } = await get(p, { accept: "text/html" });
      expect(body).toContain("</main>");
      expect(body).not.toMatch(/<script[^>]*src="[^"]*\/_next\/static\/chunks\//);
      expect(body).not.toContain("self.__next_f");
      expect(body).not.toMatch(/<link[^>]*rel="(module)?preload"[^>]*as="script"/);
      expect(shipsNextRuntime(body)).toBe(false);
      const external = [...body.matchAll(/<script[^>]*\ssrc="([^"]*)"/g)].map((m) => m[1]);
      expect(external).toEqual([expect.stringMatching(/^\/_islands\/[\w-]+\.js$/)]);
      expect(body).toMatch(/<script defer src="\/_islands\/[\w-]+\.js"><\/script>/);
      // Any new inline script Next adds (a bootstrap, a payload) fails here.
      const inline = [...body.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
      expect(inline).toEqual([readerPrefsScript]);
    });
  }

  it("editor pages keep the runtime and its payload (the shape the reader pages are stripped of)", async () => {
    const cookie = await editorCookie();
    for (const p of ["/orbit", "/editor"]) {
      const { status, body } = await get(p, { cookie, accept: "text/html" });
      expect(status, p).toBe(200);
      expect(body, p).toMatch(/<script[^>]*src="[^"]*\/_next\/static\/chunks\//);
      expect(body, p).toContain("self.__next_f");
      expect(body, p).not.toContain("/_islands/");
    }
  });

  it("the islands script is served immutable; any other name under /_islands/ is a 404", async () => {
    const { body } = await get("/orbit");
    const src = /\/_islands\/[\w-]+\.js/.exec(body)?.[0] ?? "";
    const js = await get(src);
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toMatch(/^application\/javascript/);
    expect(js.headers.get("cache-control")).toMatch(/immutable/);
    expect(js.body).toContain("data-loop-video");
    expect((await get("/_islands/other.js")).status).toBe(404);
  });

  it("a reader's browser fetches no Next chunk and no flight data, and the page works", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page } = await watchedPage(context);
    const urls: string[] = [];
    page.on("request", (r) => urls.push(r.url()));
    await page.goto(`${site.url}/`, { waitUntil: "networkidle" });
    await page.getByRole("link", { name: /Orbit/ }).first().hover();
    await page.getByRole("link", { name: /Orbit/ }).first().click();
    await page.waitForURL(`${site.url}/orbit`);
    await page.waitForLoadState("networkidle");
    expect(urls.filter((u) => /\/_next\/static\/chunks\/.*\.js$/.test(u) || u.includes("_rsc="))).toEqual([]);
    expect(urls.some((u) => u.includes("/_islands/"))).toBe(true);
    await context.close();
  });
});

describe("islands", () => {
  it("media below the fold load nothing until near; only a picture that opens the chapter gets high priority", async () => {
    const { body } = await get("/orbit", { accept: "text/html" });
    // /orbit opens with a paragraph: its first picture is below the title, not the LCP element.
    expect(body).not.toMatch(/fetchPriority="high"|rel="preload"[^>]*as="image"/i);
    expect(body.replace(/<noscript>[\s\S]*?<\/noscript>/g, "")).not.toMatch(
      /<source[^>]*type="video\/|<video[^>]*preload="(auto|metadata)"/,
    );
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page } = await watchedPage(context);
    await page.goto(`${site.url}/orbit`, { waitUntil: "networkidle" });
    const loaded = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("[data-loop-video]")].map((box) => ({
        sources: box.querySelectorAll("video source").length,
        top: box.getBoundingClientRect().top / innerHeight,
        panel: box.closest("[data-scrolly-panel]")?.getAttribute("data-active") ?? null,
      })),
    );
    // Loaded: within about a viewport of the screen (and, in a Scrolly, the active panel); nothing else.
    for (const v of loaded) expect(v.sources > 0, JSON.stringify(v)).toBe(v.top < 2 && v.panel !== "false");
    const videoRequests = await page.evaluate(
      () => performance.getEntriesByType("resource").filter((e) => /\.(webm|mp4)$/.test(e.name)).length,
    );
    expect(videoRequests).toBeLessThanOrEqual(loaded.filter((v) => v.sources > 0).length);
    // Each Scrolly step's media exists once, moved into its panel.
    expect(await page.locator(".scrolly-step__media [data-loop-video]").count()).toBe(0);
    expect(await page.locator("[data-scrolly-panel] [data-loop-video]").count()).toBe(4);
    await context.close();
  });

  it("the video island plays the AV1 source first (Debian's Chromium plays AV1); its file is served as MP4, immutable", async () => {
    const { body } = await get("/orbit", { accept: "text/html" });
    const attr = (/data-sources="([^"]*)"/.exec(body)?.[1] ?? "[]").replaceAll("&quot;", '"');
    const [first, ...rest] = JSON.parse(attr) as [string, string][];
    // The fixture's test patterns come out lighter in AV1 (Debian's ffmpeg has SVT-AV1): listed first, with its exact codecs.
    expect(first?.[1]).toMatch(/^video\/mp4; codecs="av01\.0\.\d\dM\.08"$/);
    expect(rest.map((r) => r[1]).sort()).toEqual(["video/mp4", "video/webm"]);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page } = await watchedPage(context);
    await page.goto(`${site.url}/orbit`);
    const box = page.locator("[data-loop-video]").first();
    await box.scrollIntoViewIfNeeded();
    // The island attaches the sources in order; the browser takes the first whose type it can play.
    const played = await page.waitForFunction(() => {
      const video = document.querySelector<HTMLVideoElement>("[data-loop-video] video.loop-video__media");
      if (!video || video.readyState < 2 || !video.currentSrc) return null;
      const type = video.querySelector("source")?.type ?? "";
      return { src: new URL(video.currentSrc).pathname, canPlay: video.canPlayType(type), width: video.videoWidth };
    });
    // A malformed codecs string would make canPlayType say "" and Chromium fall through to the H.264 source.
    expect(await played.jsonValue()).toEqual({ src: first![0], canPlay: "probably", width: expect.any(Number) });
    expect((await played.jsonValue())!.width).toBeGreaterThan(0);
    await context.close();
    const res = await fetch(site.url + first![0]);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("video/mp4");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.indexOf("av1C")).toBeGreaterThan(0);
  });

  it("countdowns: releases in the reader's zone, counting down, all on one 1 s interval", async () => {
    const context = await browser.newContext({ timezoneId: "America/New_York", locale: "en-US" });
    const { page } = await watchedPage(context);
    // The fake clock first, so the counter below wraps its setInterval.
    await page.clock.install();
    await page.addInitScript(() => {
      const w = window as unknown as { __intervals: number };
      w.__intervals = 0;
      const real = window.setInterval.bind(window);
      window.setInterval = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
        if (ms === 1000) w.__intervals++;
        return real(fn, ms, ...args);
      }) as typeof window.setInterval;
    });
    await page.goto(`${site.url}/`);
    await page.waitForFunction(() => document.querySelectorAll(".toc-when .countdown").length === 2);
    const times = page.locator("time[data-release-time]");
    // 09:00 UTC on 1 January 2099 is 4:00 AM in New York.
    expect(await times.first().textContent()).toMatch(/Jan 1, 2099.*4:00\s?AM/);
    const countdown = page.locator(".toc-when .countdown").first();
    const before = await countdown.textContent();
    expect(before).toMatch(/^ \(in \d+d \d+h \d\dm\)$/);
    await page.clock.runFor(5 * 60_000);
    expect(await countdown.textContent()).not.toBe(before);
    expect(await page.evaluate(() => (window as unknown as { __intervals: number }).__intervals)).toBe(1);
    await context.close();
  });

  it("reading progress follows the scroll; continue reading brings the reader back", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page } = await watchedPage(context);
    await page.goto(`${site.url}/orbit`);
    const scale = () => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector(".reading-progress__bar")!).transform).a);
    expect(await scale()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2));
    await page.waitForFunction(() => new DOMMatrix(getComputedStyle(document.querySelector(".reading-progress__bar")!).transform).a > 0.3);
    // The place is saved on pagehide at the latest.
    await page.goto(`${site.url}/`);
    const link = page.getByRole("link", { name: "Continue reading: Orbit" });
    await link.click();
    await page.waitForURL(`${site.url}/orbit`);
    await page.waitForFunction(() => window.scrollY > 300 && location.hash === "");
    await context.close();
  });

  it("reader settings: show names persists across pages; the OS setting shows as checked and disabled", async () => {
    const context = await browser.newContext();
    const { page } = await watchedPage(context);
    await page.goto(`${site.url}/orbit`);
    await page.getByText("Reader settings").click();
    await page.getByLabel("Show speaker names").check();
    expect(await page.evaluate(() => document.documentElement.dataset.showNames)).toBe("true");
    await page.goto(`${site.url}/landing`);
    expect(await page.evaluate(() => document.documentElement.dataset.showNames)).toBe("true");
    await page.getByText("Reader settings").click();
    expect(await page.getByLabel("Show speaker names").isChecked()).toBe(true);
    await context.close();

    const reduced = await browser.newContext({ reducedMotion: "reduce" });
    const r = await watchedPage(reduced);
    await r.page.goto(`${site.url}/orbit`);
    await r.page.getByText("Reader settings").click();
    const motion = r.page.getByLabel("Reduce motion");
    await r.page.waitForFunction(() => (document.querySelector('input[data-pref="reduceMotion"]') as HTMLInputElement).disabled);
    expect(await motion.isChecked()).toBe(true);
    expect(await r.page.getByText("Your system setting already reduces motion.").isVisible()).toBe(true);
    await reduced.close();
  });

  it("lines below the fold start hidden and are revealed on scroll; nothing above the fold is touched", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 600 } });
    const { page } = await watchedPage(context);
    await page.goto(`${site.url}/orbit`);
    await page.waitForFunction(() => document.querySelectorAll('.reveal[data-reveal="hidden"]').length > 0);
    const last = page.locator(".reveal").last();
    expect(await last.getAttribute("data-reveal")).toBe("hidden");
    await last.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () =>
        document.querySelector(".reveal:last-of-type")?.closest("div") !== null &&
        [...document.querySelectorAll(".reveal")].at(-1)?.getAttribute("data-reveal") === "shown",
    );
    await context.close();
  });
});
