import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSite, projectDir, type RunningSite } from "../helpers/server";
import { launchBrowser, watchedPage, type Browser } from "../helpers/browser";
import { axeViolations, summarize } from "../helpers/axe";
import { vnuErrors } from "../helpers/vnu";
import { findChapters } from "../../lib/content/find-chapters";

// The sample story as a newcomer gets it from `npm start` on the real clock:
// every chapter released, every page held to the quality gates.

let site: RunningSite;
let browser: Browser;
const slugs = findChapters(path.join(projectDir, "chapters")).chapters.map((c) => c.slug);

beforeAll(async () => {
  site = await startSite({ chapters: path.join(projectDir, "chapters"), cacheDir: path.join(projectDir, ".cache", "installment") });
  browser = await launchBrowser();
}, 900_000);
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe("the sample story", () => {
  it("has at least 8 chapters, all released and linked from the home page", async () => {
    expect(slugs.length).toBeGreaterThanOrEqual(8);
    const home = await (await fetch(site.url)).text();
    for (const slug of slugs) expect(home).toContain(`href="/${slug}"`);
  });

  it("the Nu HTML Checker finds no errors on the home page and every chapter", async () => {
    const docs: Record<string, string> = {};
    for (const p of ["/", ...slugs.map((s) => `/${s}`)]) docs[p] = await (await fetch(site.url + p)).text();
    const errors = vnuErrors(docs).map((m) => `${path.basename(m.url)}:${m.lastLine ?? "?"} ${m.message}`);
    expect(errors).toEqual([]);
  }, 300_000);

  it("axe finds no violations on any page, and no page asks another host for anything", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page, external } = await watchedPage(context);
    const found: string[] = [];
    for (const p of ["/", ...slugs.map((s) => `/${s}`), "/no-such-chapter"]) {
      await page.goto(site.url + p);
      await page.waitForTimeout(200);
      found.push(...summarize(await axeViolations(page)).map((v) => `${p}: ${v}`));
    }
    expect(found).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  }, 300_000);

  it("a keyboard-only walk reaches every control, each visibly focused, and plays the video", async () => {
    const chapter = await findChapterWithVideo();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page } = await watchedPage(context);
    await page.goto(`${site.url}/${chapter}`);
    const controls = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>("a[href], button, summary, input, [tabindex]:not([tabindex='-1'])")].filter((el) => {
          const style = getComputedStyle(el);
          return (
            style.display !== "none" &&
            style.visibility !== "hidden" &&
            !el.closest("[inert]") &&
            !el.closest("[hidden]") &&
            el.getClientRects().length > 0
          );
        }).length,
    );
    const reached: { tag: string; label: string; outline: string; visible: boolean }[] = [];
    for (let i = 0; i < controls + 5; i++) {
      await page.keyboard.press("Tab");
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return {
          tag: el.tagName,
          label: (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40),
          outline: `${s.outlineStyle} ${s.outlineWidth}`,
          visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight,
          key: el.outerHTML.slice(0, 80),
        };
      });
      if (!info) continue;
      if (reached.some((r) => r.label === info.label && r.tag === info.tag && r.outline === info.outline && info.label !== "")) {
        if (reached.length >= controls) break;
      }
      reached.push(info);
    }
    expect(reached.length).toBeGreaterThanOrEqual(controls);
    for (const r of reached) {
      expect(r.visible, `${r.tag} ${r.label} is on screen when focused`).toBe(true);
      expect(r.outline, `${r.tag} ${r.label} shows focus`).not.toMatch(/^none/);
    }
    const play = page.getByRole("button", { name: /^Play video:/ });
    await play.focus();
    await page.keyboard.press("Enter");
    expect(await page.locator('iframe[src^="https://www.youtube-nocookie.com/embed/"]').count()).toBe(1);
    await context.close();
  }, 300_000);
});

async function findChapterWithVideo(): Promise<string> {
  for (const slug of slugs) {
    const html = await (await fetch(`${site.url}/${slug}`)).text();
    if (html.includes("yt-facade")) return slug;
  }
  throw new Error("no chapter of the sample story has a YouTube embed");
}
